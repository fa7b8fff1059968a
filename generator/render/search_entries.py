"""What search finds on a report page: the agency's own words, without markup, labels or figures.

Left to itself, the search plugin indexes a page's whole HTML: every tag, table header, chart
figure and repeated label, about 4 kB (gzip) per agency and language, which every searcher
downloads. Built from the model instead, an entry holds only what an agency wrote, so a
province of a thousand agencies stays a small download and every word a citizen could look
for (an agency's name, a service, a channel, an activity) is still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.fields import THAI_DIGITS, BiText
from generator.model import SECTION_KEYS, Report, walk
from generator.render.ui import section_heading
from generator.submissions import AgencySubmission

_MARKDOWN = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_#>`]+")


@dataclass(frozen=True)
class SearchEntry:
    """One search result: a place on a page (``anchor``; the page itself when empty), its title
    (the page's own when empty) and the words it is found by."""

    anchor: str = ""
    title: str = ""
    text: str = ""


TITLE_ONLY = (SearchEntry(),)
"""For pages that gather every agency's data: the agencies' own pages are where search leads."""


def report_entries(agency: AgencySubmission, report: Report, lang: str) -> tuple[SearchEntry, ...]:
    """The page itself (who the agency is, how to reach it), each filled section, each service."""
    a = agency.agency
    about = [a.kind.label(lang), *_texts(a, lang, skip={a.name.get(lang)})]
    entries = [SearchEntry("", "", " ".join(about))]
    for key in SECTION_KEYS:
        value = getattr(report, key)
        if key == "service_standards":  # each service has an entry of its own, below
            value = value.model_copy(update={"flowcharts": []})
        words = _texts(value, lang)
        if key == "listening_channels":
            words = [channel.label(lang) for channel in report.listening_channels] + words
        if words:
            entries.append(SearchEntry(key, section_heading(key, lang), " ".join(dict.fromkeys(words))))
    for number, chart in enumerate(report.service_standards.flowcharts, start=1):
        # What a citizen looks a service up by: where it is served, what to bring, what happens.
        # Hours, fees and rules are on the page the result opens.
        about_service = (chart.serving_unit, chart.place, *chart.documents, *(s.action for s in chart.steps))
        words = _texts(list(about_service), lang)
        entries.append(SearchEntry(f"service-{number}", chart.name.get(lang), " ".join(words)))
    return tuple(entries)


def _texts(value: object, lang: str, skip: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Every text the agency wrote under ``value``, in ``lang``, as plain words, once each; with
    Arabic digits, as the page shows them (``format.digits``)."""
    found = (
        _MARKDOWN.sub(r"\1", v.get(lang).translate(THAI_DIGITS)).strip()
        for _, v in walk(value)
        if isinstance(v, BiText)
    )
    return [text for text in dict.fromkeys(found) if text and text not in skip]
