"""Province-wide pages: what they count must be what the agencies reported."""

from __future__ import annotations

import io
from pathlib import Path

import segno

from generator.render.province import activities_by_level, channel_totals, services_by_kind
from generator.vocabulary import ChannelKind
from tests.conftest import SITE, page


def test_services_page_lists_every_flowchart_of_every_latest_report_by_kind(built_site: Path) -> None:
    expected = sum(
        len(a.reports[a.latest_year].service_standards.flowcharts) for a in SITE.agencies if a.latest_year
    )
    for prefix in ("", "en/"):
        html = page(built_site, prefix + "services/")
        items = html.select("li.c3-service-item")
        assert len(items) == expected == 7
        groups = [(g.h2["id"], len(g.select("li"))) for g in html.select("section.c3-group")]
        assert groups == [(f"kind-{k.value}", len(s)) for k, s in services_by_kind(SITE)]
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
    assert [c["data-slug"] for c in cards] == [a.slug for a in SITE.agencies]
    for card, agency in zip(cards, SITE.agencies, strict=True):
        phones = [a.get_text() for a in card.select(".c3-phones a")]
        assert phones == [p.number for p in agency.agency.contacts.phones]
    land = html.select_one("[data-slug=ratchaburi-provincial-office]")
    assert "การรับเรื่องร้องเรียนร้องทุกข์" in land.get_text()


def test_participation_page_counts_activities_per_level(built_site: Path) -> None:
    html = page(built_site, "en/participation/")
    counts = {row["data-level"]: int(row.td.get_text()) for row in html.select("table tbody tr")}
    expected = {level.value: len(items) for level, items in activities_by_level(SITE)}
    assert counts == expected
    assert counts == {"inform": 5, "consult": 3, "involve": 3, "collaborate": 2, "empower": 1}
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
