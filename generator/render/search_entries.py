"""What search finds on a report page: every word the agency wrote there, without markup, labels or figures.

Left to itself, the search plugin indexes a page's whole HTML: every tag, table header, chart
figure and repeated label, about 4 kB (gzip) per agency and language, which every searcher
downloads. Built from the model instead, an entry holds only what an agency wrote, so a
province of a thousand agencies stays a small download and every word a citizen could look
for (an agency's name, a phone number or a LINE account, a service's hours, fee or rules, an
activity) is still found, in the part of the page that shows it.

Texts are found by walking the model, not picked field by field: a field added to the form is
found without anyone remembering to list it here. What the page does not show as the agency's
words is left out: file paths, counts and the form's own labels. Dates are written as the page
writes them (``18 กันยายน 2569``), so an activity is found by its month.
"""

from __future__ import annotations

import datetime
import typing
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from generator.fields import BiText, Duration, FileReference, parse_email, parse_phone, parse_url
from generator.model import SECTION_KEYS, Agency, Report, walk
from generator.problems import FieldPath
from generator.render import format as fmt
from generator.render.ui import section_heading
from generator.submissions import AgencySubmission
from generator.vocabulary import Vocabulary


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
    entries = [SearchEntry("", "", _joined(_about(agency.agency, lang)))]
    for key in SECTION_KEYS:
        words = _section(report, key, lang)
        if words:
            entries.append(SearchEntry(key, section_heading(key, lang), _joined(words)))
    for number, chart in enumerate(report.service_standards.flowcharts, start=1):
        name = chart.name.get(lang)  # the entry's title
        entries.append(SearchEntry(f"service-{number}", name, _joined(_texts(chart, lang, skip={name}))))
    return tuple(entries)


def _about(agency: Agency, lang: str) -> list[str]:
    """What the page says of the agency above its sections: its kind, ministry, address, phones
    with what each is for, email, web site, hours. Not its name, which the page's title carries,
    nor its logo's caption, which the page does not show."""
    return [agency.kind.label(lang), *_texts(agency.model_copy(update={"name": None, "logo": None}), lang)]


def _section(report: Report, key: str, lang: str) -> list[str]:
    """A section's texts; each service has an entry of its own, where the page shows it."""
    value = getattr(report, key)
    if key == "service_standards":
        value = value.model_copy(update={"flowcharts": []})
    words = _texts(value, lang)
    if key == "listening_channels":  # a channel without a name of its own is shown by its kind
        words = [channel.label(lang) for channel in report.listening_channels] + words
    return words


def _joined(words: list[str]) -> str:
    return " ".join(dict.fromkeys(words))


def _texts(value: object, lang: str, skip: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Every text the agency wrote under ``value`` that its page shows, in ``lang``, as plain
    words, once each, in the form's order."""
    return [text for text in dict.fromkeys(_shown(value, lang)) if text and text not in skip]


def _shown(value: object, lang: str) -> Iterator[str]:
    """Each text under ``value`` as the page writes it: a text in the page's language (Thai
    where it is not translated), a phone number with its extension word, an address as typed,
    a duration in words, a date with its month's name; Arabic digits throughout."""
    models: dict[FieldPath, BaseModel] = {}
    inside: FieldPath | None = None  # a text's own ``th`` and ``en`` are not texts of their own
    for loc, item in walk(value):
        if inside is not None and loc[: len(inside)] == inside:
            continue
        inside = None
        if isinstance(item, BiText):
            inside = loc
            yield fmt.plain(item, lang)
        elif isinstance(item, BaseModel):
            models[loc] = item
        elif isinstance(item, Duration):
            yield fmt.duration(item, lang)
        elif isinstance(item, datetime.date):  # as the page writes it: 18 กันยายน 2569
            yield fmt.date(item, lang)
        elif isinstance(item, str) and not isinstance(item, Vocabulary):
            yield from _string(item, models.get(loc[:-1]), loc, lang)


def _string(text: str, owner: BaseModel | None, loc: FieldPath, lang: str) -> Iterator[str]:
    """A value that is not a text (a phone, an email, a web address, a letter's number) as the
    page writes it; a file's path is where a photo comes from, not words on the page."""
    if isinstance(owner, FileReference) and loc[-1] == "file":
        return
    info = type(owner).model_fields.get(str(loc[-1])) if owner is not None else None
    checks = _validators(info) if info is not None else set()
    if parse_phone in checks:
        yield fmt.phone(text, lang)
    elif parse_url in checks or parse_email in checks:
        yield text
    else:
        yield fmt.digits(text)


def _validators(info: FieldInfo) -> set[object]:
    """The functions that read a field's value (``parse_phone``...), optional or not."""
    metadata = [*info.metadata]
    for arg in typing.get_args(info.annotation):
        metadata += getattr(arg, "__metadata__", ())
    return {m.func for m in metadata if isinstance(m, BeforeValidator)}
