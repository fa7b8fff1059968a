"""Province-wide pages: what they count must be what the agencies reported."""

from __future__ import annotations

import datetime
import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import segno
from bs4 import BeautifulSoup

from generator.fields import phone_href
from generator.history import build_date
from generator.model import Agency, Report
from generator.render import render_site
from generator.render.format import digits
from generator.render.order import in_reading_order
from generator.render.province import activities_by_level, channel_totals, participation, services_by_kind
from generator.submissions import AgencySubmission, Site
from generator.validate import validate_paths
from generator.vocabulary import ChannelKind
from tests.conftest import FIXTURES, SITE, page

CACHE = Path(tempfile.mkdtemp(prefix="c3-province-images-"))


def test_services_page_lists_every_flowchart_of_every_latest_report_by_kind(built_site: Path) -> None:
    expected = sum(
        len(a.reports[a.latest_year].service_standards.flowcharts) for a in SITE.agencies if a.latest_year
    )
    for prefix in ("", "en/"):
        html = page(built_site, prefix + "services/")
        items = html.select("li.c3-service-item")
        assert len(items) == expected == 7
        groups = [(g.h2["id"], len(g.select("li"))) for g in html.select("section.c3-group")]
        assert groups == [(f"kind-{k.value}", len(s)) for k, s in services_by_kind(SITE, "th")]
        for item in items:
            href = item.select_one("a.c3-service-item__name")["href"]
            target, _, anchor = str(href).partition("#")
            linked = page(built_site, prefix + "services/" + target)
            assert linked.find(id=anchor) is not None, href


def test_services_page_has_a_filter_box_only_for_javascript(built_site: Path) -> None:
    box = page(built_site, "services/").select_one(".c3-filter")
    assert box.has_attr("hidden") and box.find("input")["type"] == "search"
    assert box["data-filter"] == "services-list"


def test_contact_page_gives_every_agency_its_phones_and_complaint_process(built_site: Path) -> None:
    html = page(built_site, "contact/")
    cards = html.select("li.c3-contact-card")
    agencies = in_reading_order(SITE.agencies, "th", lambda a: a.agency.name)
    assert [c["data-slug"] for c in cards] == [a.slug for a in agencies]
    for card, agency in zip(cards, agencies, strict=True):
        phones = [a.get_text() for a in card.select(".c3-phones a")]
        assert phones == [p.number for p in agency.agency.contacts.phones]
    land = html.select_one("[data-slug=ratchaburi-provincial-office]")
    assert "การรับเรื่องร้องเรียนร้องทุกข์" in land.get_text()


def test_participation_page_counts_activities_per_level(built_site: Path) -> None:
    html = page(built_site, "en/participation/")
    counts = {row["data-level"]: int(row.td.get_text()) for row in html.select("table tbody tr")}
    split = participation(SITE, "en", build_date())
    assert counts == {level.value: len(items) for level, items in split.past}
    reported = {level.value: len(items) for level, items in activities_by_level(SITE)}
    upcoming = {level.value: sum(level in a.row.levels for a in split.upcoming) for level, _ in split.past}
    assert {level: counts[level] + upcoming[level] for level in counts} == reported
    assert reported == {"inform": 6, "consult": 4, "involve": 3, "collaborate": 2, "empower": 1}
    for level, number in counts.items():
        assert len(html.select(f"section#{level} li[data-activity]")) == number


def test_channels_page_sums_each_kind_over_agencies_and_years(built_site: Path) -> None:
    years, totals, reporting = channel_totals(SITE)
    assert years == [2567, 2568, 2569]
    assert reporting == {2567: 3, 2568: 3, 2569: 3}
    # Office users in 2569: provincial office 4,612 + land office 20,035 + municipality 9,402.
    assert totals[ChannelKind.office][2569] == 4612 + 20035 + 9402
    # Only latest reports count: 2567 is taken from the 2569 reports, never added twice.
    assert totals[ChannelKind.office][2567] == 4120 + 18450 + 8240
    html = page(built_site, "channels/")
    row = html.select_one("tr[data-channel=office]")
    assert [td.get_text() for td in row.select("td")][-1] == f"{4612 + 20035 + 9402:,}"
    bars = html.select("svg rect.c3-chart__bar")
    assert len(bars) == sum(len(counts) for counts in totals.values())


def test_a_poster_carries_the_steps_and_a_qr_code_of_the_services_address(built_site: Path) -> None:
    html = page(built_site, "agencies/ratchaburi-land-office/services/1/")
    assert html.select_one(".c3-poster__title").get_text() == "การจดทะเบียนขายที่ดินที่มีโฉนดที่ดิน"
    assert len(html.select(".c3-poster ol.c3-flow > li")) == 5
    url = "https://c3.ratchaburi.example.go.th/agencies/ratchaburi-land-office/#service-1"
    assert html.select_one(".c3-poster__url").get_text() == url
    drawn = html.select_one("svg.c3-qr path")["d"]
    assert drawn in _qr_paths(url)
    english = page(built_site, "en/agencies/ratchaburi-land-office/services/1/")
    assert (
        english.select_one(".c3-poster__url").get_text().startswith("https://c3.ratchaburi.example.go.th/en/")
    )


def _qr_paths(url: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", border=2, scale=1)
    return buffer.getvalue().decode()


def test_every_flowchart_is_drawn_with_its_steps_and_branches(built_site: Path) -> None:
    for agency in SITE.agencies:
        for year in agency.years:
            html = page(built_site, f"agencies/{agency.slug}/{year}/")
            charts = agency.reports[year].service_standards.flowcharts
            drawn = html.select("#service_standards article.c3-service")
            assert len(drawn) == len(charts)
            for chart, article in zip(charts, drawn, strict=True):
                assert len(article.select("ol.c3-flow > li")) == len(chart.steps)
                decisions = [s for s in chart.steps if s.decision]
                assert len(article.select(".c3-flow__decision")) == len(decisions)
                assert len(article.select(".c3-flow__branch")) == 2 * len(decisions)


# --- Contact and participation: reading order, how to reach an agency, what is still to join ----


def _agency(
    slug: str, th: str, en: str | None, activities: list[dict[str, Any]] | None = None
) -> AgencySubmission:
    """A small agency made in the test: a name, an address, opening hours, a phone and one report."""
    agency = Agency.model_validate(
        {
            "name": {"th": th, "en": en} if en else th,
            "kind": "provincial",
            "province": "ราชบุรี",
            "address": {"th": f"ที่อยู่ของ{th}", "en": f"Address of {en}"} if en else f"ที่อยู่ของ{th}",
            "contacts": {"phones": [{"number": "0 3200 0000 ต่อ 5"}], "hours": "วันจันทร์–ศุกร์ 08.30–16.30 น."},
        }
    )
    service = {
        "kind": "public_service",
        "name": {"th": f"บริการของ{th}", "en": f"Service of {en}"} if en else f"บริการของ{th}",
        "serving_unit": "งานบริการ",
        "place": "ชั้น 1",
        "hours": "วันจันทร์–ศุกร์",
        "steps": [{"action": "ยื่นคำขอ", "duration": "15 นาที"}],
        "fee": "ไม่มีค่าธรรมเนียม",
        "complaints": "หัวหน้าสำนักงาน",
    }
    report = Report.model_validate(
        {"participation_levels": activities or [], "service_standards": {"flowcharts": [service]}}
    )
    return AgencySubmission(slug, Path(slug), agency, {2569: report})


# Code point order puts every name that starts with a consonant before those written with a
# leading vowel (เ แ โ); a Thai dictionary files เทศบาล under ท, แขวง under ข, โรงพยาบาล under ร.
NAMES = [
    ("hospital", "โรงพยาบาลราชบุรี", "Ratchaburi Hospital"),
    ("municipality", "เทศบาลตำบลเขางู", None),
    ("office", "สำนักงานจังหวัดราชบุรี", "ratchaburi provincial office"),
    ("highways", "แขวงทางหลวงราชบุรี", "Highways District Ratchaburi"),
    ("police", "กองบังคับการตำรวจภูธรจังหวัดราชบุรี", "Ratchaburi Provincial Police"),
]
THAI_ORDER = ["police", "highways", "municipality", "hospital", "office"]
ENGLISH_ORDER = ["highways", "hospital", "office", "police", "municipality"]


def _names_site() -> Site:
    return Site(tuple(_agency(slug, th, en) for slug, th, en in NAMES))


def _body(site: Site, lang: str, path: str) -> BeautifulSoup:
    rendered = render_site(site, lang, CACHE)
    return BeautifulSoup(next(p.body for p in rendered.pages if p.path == path), "html.parser")


def test_thai_names_sort_by_their_consonant_as_in_a_thai_dictionary() -> None:
    names = [th for _, th, _ in NAMES]
    by_dictionary = in_reading_order(names, "th", lambda name: name)
    assert by_dictionary == [dict((s, t) for s, t, _ in NAMES)[slug] for slug in THAI_ORDER]
    assert by_dictionary != sorted(names)  # code points would put เ แ โ after every consonant
    assert in_reading_order(["หน่วยที่ 10", "หน่วยที่ 2"], "th", lambda name: name) == ["หน่วยที่ 2", "หน่วยที่ 10"]


@pytest.mark.parametrize(("lang", "expected"), [("th", THAI_ORDER), ("en", ENGLISH_ORDER)])
def test_contact_page_and_agency_list_are_in_the_order_a_reader_of_the_language_expects(
    lang: str, expected: list[str]
) -> None:
    """English: alphabetical by English name whatever its case, untranslated Thai names last."""
    site = _names_site()
    contact = _body(site, lang, "contact/index.md")
    assert [card["data-slug"] for card in contact.select("li.c3-contact-card")] == expected
    agencies = _body(site, lang, "agencies/index.md")
    assert [item["data-slug"] for item in agencies.select("li.c3-agency")] == expected
    services = _body(site, lang, "services/index.md")
    shown = [a["href"].split("/")[-2] for a in services.select("a.c3-service-item__name")]
    assert shown == expected


def test_contact_page_shows_each_agencys_address_hours_and_phones_to_tap(built_site: Path) -> None:
    for lang, prefix in (("th", ""), ("en", "en/")):
        html = page(built_site, prefix + "contact/")
        cards = html.select("li.c3-contact-card")
        expected = in_reading_order(SITE.agencies, lang, lambda a: a.agency.name)
        assert [c["data-slug"] for c in cards] == [a.slug for a in expected]
        for card, agency in zip(cards, expected, strict=True):
            contacts = agency.agency.contacts
            assert (
                digits(agency.agency.address.get(lang))
                in card.select_one(".c3-contact-card__address").get_text()
            )
            assert contacts.hours is not None
            assert digits(contacts.hours.get(lang)) in card.select_one(".c3-contact-card__hours").get_text()
            links = [a["href"] for a in card.select(".c3-phones a")]
            assert links == [phone_href(p.number) for p in contacts.phones]
            assert all(href.startswith("tel:") and href[4:].isdigit() for href in links)
    thai = [c["data-slug"] for c in page(built_site, "contact/").select("li.c3-contact-card")]
    english = [c["data-slug"] for c in page(built_site, "en/contact/").select("li.c3-contact-card")]
    assert thai == ["photharam-municipality", "ratchaburi-provincial-office", "ratchaburi-land-office"]
    assert english == ["ratchaburi-land-office", "ratchaburi-provincial-office", "photharam-municipality"]


def test_contact_page_says_where_to_complain_with_the_online_form(built_site: Path) -> None:
    card = page(built_site, "contact/").select_one("[data-slug=ratchaburi-provincial-office]")
    complaint = card.select_one(".c3-complaint")
    assert "การรับเรื่องร้องเรียนร้องทุกข์ ศูนย์ดำรงธรรมจังหวัด" in complaint.get_text()
    assert "ชั้น 1 ศาลากลางจังหวัดราชบุรี" in complaint.get_text()
    assert (
        complaint.select_one("a.c3-complaint__online")["href"]
        == "https://www.ratchaburi.example.go.th/complaint"
    )
    land = page(built_site, "contact/").select_one("[data-slug=ratchaburi-land-office]")
    assert "หัวหน้าฝ่ายรังวัด โทร 0 3233 7121 ต่อ 14" in land.select_one(".c3-service-complaints").get_text()


HEARING = {
    "activity": {"th": "เวทีรับฟังความคิดเห็นแผนจังหวัด", "en": "Hearing on the provincial plan"},
    "levels": ["inform", "consult"],
    "date": "2570-02-10",
    "how_to_join": {"th": "ลงทะเบียนที่ศาลากลาง", "en": "Register at the Provincial Hall"},
    "contact": {"name": "กลุ่มงานยุทธศาสตร์", "phone": "0 3233 7870", "email": "plan@example.go.th"},
}
RUNNING = {
    "activity": "คณะทำงานเฝ้าระวังน้ำท่วม",
    "levels": ["involve"],
    "date": "2569-10-01",
    "end_date": "2569-12-31",
}
DONE = {"activity": "ประชุมประชาคม", "levels": ["consult"], "date": "2569-03-15"}
UNDATED = {"activity": "เผยแพร่ข่าวสาร", "levels": ["inform"]}


def _activities_site() -> Site:
    return Site(
        (
            _agency(
                "office",
                "สำนักงานจังหวัดราชบุรี",
                "Ratchaburi Provincial Office",
                [DONE, HEARING, UNDATED, RUNNING],
            ),
        )
    )


def test_participation_splits_activities_at_the_given_day() -> None:
    site = _activities_site()
    names = lambda found: [a.row.activity.th for a in found]  # noqa: E731
    on_build_day = participation(site, "th", datetime.date(2026, 11, 27))  # B.E. 2569-11-27
    assert names(on_build_day.upcoming) == ["คณะทำงานเฝ้าระวังน้ำท่วม", "เวทีรับฟังความคิดเห็นแผนจังหวัด"]
    past = [a for _, found in on_build_day.past for a in found]
    assert names(past) == ["เผยแพร่ข่าวสาร", "ประชุมประชาคม"]
    on_the_day = participation(site, "th", datetime.date(2027, 2, 10))
    assert names(on_the_day.upcoming) == ["เวทีรับฟังความคิดเห็นแผนจังหวัด"]
    assert participation(site, "th", datetime.date(2027, 2, 11)).upcoming == []


def test_participation_page_puts_what_a_citizen_can_still_join_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the build's day set by SOURCE_DATE_EPOCH (2026-11-27), the hearing is upcoming."""
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(datetime.datetime(2026, 11, 27, tzinfo=datetime.UTC).timestamp()))
    )
    html = _body(_activities_site(), "th", "participation/index.md")
    upcoming, past = html.select_one("section#upcoming"), html.select_one("section#past")
    assert upcoming.find_next("section", id="past") is past  # upcoming comes first
    cards = upcoming.select("li[data-upcoming]")
    assert [c.h3.get_text(strip=True) for c in cards] == ["คณะทำงานเฝ้าระวังน้ำท่วม", "เวทีรับฟังความคิดเห็นแผนจังหวัด"]
    hearing = cards[1]
    assert hearing.select_one(".c3-upcoming-card__date").get_text() == "10 กุมภาพันธ์ 2570"
    assert "ลงทะเบียนที่ศาลากลาง" in hearing.select_one(".c3-upcoming-card__join").get_text()
    contact = hearing.select_one(".c3-upcoming-card__contact")
    assert "กลุ่มงานยุทธศาสตร์" in contact.get_text()
    assert [a["href"] for a in contact.select("a")] == ["tel:032337870", "mailto:plan@example.go.th"]
    assert [li.a.get_text() for li in past.select("li[data-activity]")] == ["เผยแพร่ข่าวสาร", "ประชุมประชาคม"]
    counts = {row["data-level"]: int(row.td.get_text()) for row in past.select("table tbody tr")}
    assert counts == {"inform": 1, "consult": 1, "involve": 0, "collaborate": 0, "empower": 0}
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(datetime.datetime(2027, 3, 1, tzinfo=datetime.UTC).timestamp()))
    )
    later = _body(_activities_site(), "en", "participation/index.md")
    assert later.select("section#upcoming li[data-upcoming]") == []
    assert later.select_one("section#upcoming .c3-empty a")["href"] == "../contact/"
    assert len(later.select("section#past li[data-activity]")) == 5  # the hearing twice: two levels


def test_the_examples_show_an_upcoming_activity_before_the_past_ones(built_site: Path) -> None:
    for lang, prefix in (("th", ""), ("en", "en/")):
        html = page(built_site, prefix + "participation/")
        expected = participation(SITE, lang, build_date()).upcoming
        cards = html.select("section#upcoming li[data-upcoming]")
        assert [c.h3.get_text(strip=True) for c in cards] == [a.row.activity.get(lang) for a in expected]
        assert html.select_one("section#upcoming").find_next("section", id="past") is not None
        for card in cards:
            target, _, anchor = str(card.h3.a["href"]).partition("#")
            assert page(built_site, prefix + "participation/" + target).find(id=anchor) is not None
    if build_date() <= datetime.date(2027, 2, 10):  # the example hearing is dated B.E. 2570-02-10
        assert len(expected) == 1 and expected[0].agency.slug == "ratchaburi-provincial-office"


def test_how_to_join_and_contact_are_escaped_like_every_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-22
    hostile = {
        **HEARING,
        "how_to_join": '<script>alert(1)</script>[x](javascript:alert(1)) <img src=x onerror="alert(1)">',
        "contact": {"name": '"><script>alert(2)</script>'},
    }
    site = Site((_agency("office", "สำนักงาน", None, [hostile]),))
    html = _body(site, "th", "participation/index.md")
    card = html.select_one("li[data-upcoming]")
    assert card.find("script") is None and card.find("img") is None
    assert all(not a.get("href", "").startswith("javascript") for a in card.find_all("a"))
    assert '"><script>alert(2)</script>' in card.select_one(".c3-upcoming-card__contact").get_text()


def test_an_activity_contact_with_a_private_mobile_is_refused(tmp_path: Path) -> None:
    folder = shutil.copytree(FIXTURES / "valid" / "sample-office", tmp_path / "sample-office")
    report = folder / "2569.yml"
    joinable = (
        "    date: 2569-03-15\n    how_to_join: ลงทะเบียนที่สำนักงาน\n"
        "    contact:\n      name: งานประชาสัมพันธ์\n      phone: 081 234 5678\n"
    )
    report.write_text(
        report.read_text(encoding="utf-8").replace("    date: 2569-03-15\n", joinable), encoding="utf-8"
    )
    _, problems = validate_paths([folder])
    errors = [(p.code, p.line) for p in problems if p.is_error]
    assert errors == [("mobile_not_official", 31)]
    report.write_text(
        report.read_text(encoding="utf-8").replace("081 234 5678", "0 3233 7870"), encoding="utf-8"
    )
    _, problems = validate_paths([folder])
    assert not [p for p in problems if p.is_error]


def test_an_agency_yet_to_report_is_still_on_the_contact_page_with_its_address() -> None:
    reported = _agency("office", "สำนักงานจังหวัดราชบุรี", None)
    waiting = AgencySubmission(
        "hospital", Path("hospital"), _agency("hospital", "โรงพยาบาลราชบุรี", None).agency
    )
    html = _body(Site((reported, waiting)), "th", "contact/index.md")
    card = html.select_one("[data-slug=hospital]")
    assert card.h2.find("a") is None  # it has no page to link to yet
    assert card.select_one(".c3-contact-card__address").get_text() == "ที่อยู่ของโรงพยาบาลราชบุรี"
    assert "ยังไม่ส่งรายงาน" in card.get_text()


def test_how_to_join_without_a_date_is_refused_with_a_message_at_its_line(tmp_path: Path) -> None:
    """A clerk learns at once why the activity would never be listed as one to join."""
    folder = shutil.copytree(FIXTURES / "valid" / "sample-office", tmp_path / "sample-office")
    report = folder / "2569.yml"
    undated = "    levels: [collaborate]\n    how_to_join: สมัครที่สำนักงาน\n"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("    levels: [collaborate]\n", undated), encoding="utf-8")
    _, problems = validate_paths([folder])
    refused = [p for p in problems if p.is_error]
    assert [(p.code, p.line) for p in refused] == [("join_needs_date", 31)]
    assert refused[0].field == "participation_levels[2].how_to_join"  # counted from 1, as clerks count
    assert "`date`" in refused[0].en and "วันที่" in refused[0].th
