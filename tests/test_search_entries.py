"""What search finds on a report page: the agency's own words, section by section and service by service."""

from __future__ import annotations

import datetime

import pytest

from generator.model import SECTION_KEYS, Report, walk
from generator.render import format as fmt
from generator.render import render_site
from generator.render.pages import Page
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
        assert chart.fee.th in entry.text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_service_is_found_by_its_rules_hours_fee_unit_complaints_and_decision_branches(lang: str) -> None:
    """A citizen who searches for a rule, an opening time, a fee or what happens when a form is
    incomplete lands on the service that says it."""
    charts = 0
    decisions = 0
    for submission in SITE.agencies:
        report = latest(submission)
        entries = {e.anchor: e.text for e in report_entries(submission, report, lang)}
        for number, chart in enumerate(report.service_standards.flowcharts, start=1):
            text = entries[f"service-{number}"]
            written = [chart.hours, chart.fee, chart.serving_unit, chart.complaints, chart.conditions]
            for step in chart.steps:
                written += [step.action, step.unit]
                if step.decision:
                    written += [step.decision.question, step.decision.if_yes, step.decision.if_no]
                    decisions += 1
            for value in written:
                assert value is None or fmt.plain(value, lang) in text
            assert fmt.duration(chart.steps[0].duration, lang) in text  # "15 นาที", as the page says it
            charts += chart.conditions is not None
    assert charts >= 2 and decisions >= 2  # the examples hold what is tested


def test_each_paragraph_of_a_services_rules_is_found_as_written() -> None:
    land = agency("ratchaburi-land-office")
    conditions = latest(land).service_standards.flowcharts[0].conditions
    assert conditions is not None
    paragraphs = [line for line in conditions.th.splitlines() if line.strip()]
    entry = next(e for e in report_entries(land, latest(land), "th") if e.anchor == "service-1")
    assert len(paragraphs) == 2 and all(paragraph in entry.text for paragraph in paragraphs)


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


@pytest.mark.parametrize(
    ("lang", "contact"),
    [
        ("th", ["0 3233 7866", "1567", "ศูนย์ดำรงธรรม สายด่วน", "0 3233 7867", "โทรสาร"]),
        ("en", ["0 3233 7866", "1567", "Damrongdhamma Centre hotline", "0 3233 7867", "Fax"]),
    ],
)
def test_the_agencys_phones_hotline_and_line_account_are_found_as_the_page_writes_them(
    lang: str, contact: list[str]
) -> None:
    office = agency("ratchaburi-provincial-office")
    entries = report_entries(office, latest(office), lang)
    assert all(text in entries[0].text for text in contact)  # the page's contact details
    channels = next(e for e in entries if e.anchor == "listening_channels")
    assert "@ratchaburi" in channels.text  # the LINE account, a channel's own name


@pytest.mark.parametrize(("lang", "phone"), [("th", "0 3233 7121 ต่อ 14"), ("en", "0 3233 7121 ext. 14")])
def test_a_phone_extension_email_and_web_site_are_found_as_the_page_shows_them(lang: str, phone: str) -> None:
    land = agency("ratchaburi-land-office")
    page = report_entries(land, latest(land), lang)[0]
    assert phone in page.text
    assert land.agency.contacts.email in page.text and land.agency.contacts.website in page.text


def test_an_activitys_contact_phone_and_email_are_found_where_the_activity_is() -> None:
    office = agency("ratchaburi-provincial-office")
    entries = report_entries(office, latest(office), "th")
    entry = next(e for e in entries if e.anchor == "participation_levels")
    assert "0 3233 7870" in entry.text and "plan@ratchaburi.example.go.th" in entry.text


def test_thai_digits_are_found_as_the_arabic_ones_the_page_shows() -> None:
    municipality = agency("photharam-municipality")
    assert municipality.agency.contacts.hours is not None and "๐๘" in municipality.agency.contacts.hours.th
    page = report_entries(municipality, latest(municipality), "th")[0]
    assert "08.30–16.30" in page.text and "๐" not in page.text


def test_file_paths_and_the_logos_caption_which_the_page_does_not_show_are_not_found() -> None:
    land = agency("ratchaburi-land-office")
    entries = report_entries(land, latest(land), "th")
    assert land.agency.logo is not None and land.agency.logo.caption is not None
    assert not [e for e in entries if land.agency.logo.caption.th in e.text or "photos/" in e.text]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Page]]:
    """The examples' pages in both languages, by path, as the build hands them to search."""
    cache = tmp_path_factory.mktemp("images")
    return {lang: {p.path: p for p in render_site(SITE, lang, cache).pages} for lang in ("th", "en")}


@pytest.mark.parametrize(("lang", "word"), [("th", "จอมบึง"), ("en", "Chom Bueng")])
def test_an_earlier_years_report_is_found_by_a_word_only_it_holds(
    pages: dict[str, dict[str, Page]], lang: str, word: str
) -> None:
    found = [p.path for p in pages[lang].values() if any(word in e.text for e in p.search or ())]
    assert found == ["agencies/ratchaburi-provincial-office/2567.md"]


def test_every_years_report_is_found_by_its_sections_and_services(pages: dict[str, dict[str, Page]]) -> None:
    for submission in SITE.agencies:
        for year, report in submission.reports.items():
            page = pages["th"][f"agencies/{submission.slug}/{year}.md"]
            assert page.search == report_entries(submission, report, "th")
            assert len(page.search) > len(SECTION_KEYS) // 2


def test_the_latest_report_at_the_agencys_own_address_is_not_offered_twice(
    pages: dict[str, dict[str, Page]],
) -> None:
    for lang in ("th", "en"):
        for submission in SITE.agencies:
            assert pages[lang][f"agencies/{submission.slug}/index.md"].search == ()


def test_an_activity_is_found_by_the_month_the_page_shows() -> None:
    """Dates are written as on the page, so a citizen who remembers the month finds it."""
    checked = 0
    for submission in SITE.agencies:
        for report in submission.reports.values():
            dates = [value for _, value in walk(report) if isinstance(value, datetime.date)]
            for lang in ("th", "en"):
                text = " ".join(e.text for e in report_entries(submission, report, lang))
                for value in dates:
                    assert fmt.date(value, lang) in text, (submission.slug, value, lang)
                    checked += 1
    assert checked > 10
