"""What search finds on a report page: the agency's own words, section by section and service by service."""

from __future__ import annotations

from generator.model import SECTION_KEYS, Report
from generator.render.search_entries import report_entries
from generator.render.ui import section_heading
from generator.submissions import AgencySubmission
from tests.conftest import SITE


def agency(slug: str) -> AgencySubmission:
    return next(a for a in SITE.agencies if a.slug == slug)


def latest(submission: AgencySubmission) -> Report:
    assert submission.latest_year
    return submission.reports[submission.latest_year]


def test_each_service_is_found_by_its_name_place_documents_and_steps() -> None:
    land = agency("ratchaburi-land-office")
    report = latest(land)
    entries = {e.anchor: e for e in report_entries(land, report, "th")}
    for number, chart in enumerate(report.service_standards.flowcharts, start=1):
        entry = entries[f"service-{number}"]
        assert entry.title == chart.name.th
        for text in (chart.place, chart.steps[0].action, *chart.documents):
            assert text.th in entry.text
        assert chart.fee.th not in entry.text  # on the page the result opens, not in the download


def test_each_channel_is_found_by_its_label_even_without_a_name_of_its_own() -> None:
    office = agency("ratchaburi-provincial-office")
    report = latest(office)
    entry = next(e for e in report_entries(office, report, "en") if e.anchor == "listening_channels")
    assert entry.title == section_heading("listening_channels", "en")
    for channel in report.listening_channels:
        assert channel.label("en") in entry.text


def test_the_page_entry_holds_the_agencys_kind_and_address_but_not_its_name_twice() -> None:
    land = agency("ratchaburi-land-office")
    page = report_entries(land, latest(land), "th")[0]
    assert page.anchor == "" and page.title == ""  # the page's own title is used
    assert land.agency.address.th in page.text and land.agency.kind.label("th") in page.text
    assert land.agency.name.th not in page.text


def test_entries_hold_no_markdown_and_come_in_the_forms_order() -> None:
    for submission in SITE.agencies:
        entries = report_entries(submission, latest(submission), "th")
        sections = [e.anchor for e in entries if e.anchor in SECTION_KEYS]
        assert sections == [key for key in SECTION_KEYS if key in sections]
        assert not [e for e in entries if "](" in e.text or "**" in e.text]


def test_an_untranslated_agency_is_found_in_english_by_its_thai_words() -> None:
    municipality = agency("photharam-municipality")
    entries = report_entries(municipality, latest(municipality), "en")
    assert municipality.agency.address.th in entries[0].text
