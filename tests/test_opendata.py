"""Open data: every download reachable, valid against its schema, and equal to what pages show."""

from __future__ import annotations

import csv
import io
import json
import xml.dom.minidom
from pathlib import Path
from urllib.parse import urljoin, urlparse

import jsonschema
from frictionless import Package

from generator.render.opendata import TABLES
from generator.schema import schema_of
from tests.conftest import SITE, page


def downloads(built_site: Path, prefix: str = "") -> set[str]:
    html = page(built_site, prefix + "data/")
    base = f"http://site/{prefix}data/"
    return {urlparse(urljoin(base, str(a["href"]))).path.lstrip("/") for a in html.select("a[download]")}


def test_every_download_is_listed_on_the_data_page_and_exists(built_site: Path) -> None:
    listed = downloads(built_site)
    assert listed == downloads(built_site, "en/")
    expected = {f"data/{t.name}.csv" for t in TABLES} | {"data/datapackage.json"}
    expected |= {f"agencies/{a.slug}/{y}.json" for a in SITE.agencies for y in a.years}
    expected |= {f"agencies/{a.slug}/agency.json" for a in SITE.agencies}
    expected |= {"schema/agency.schema.json", "schema/report.schema.json"}
    assert listed == expected
    assert all((built_site / path).is_file() for path in listed)


def test_every_report_page_links_to_its_json(built_site: Path) -> None:
    for agency in SITE.agencies:
        for year in agency.years:
            link = page(built_site, f"en/agencies/{agency.slug}/{year}/").select_one(".c3-download a")
            target = urlparse(
                urljoin(f"http://site/en/agencies/{agency.slug}/{year}/", str(link["href"]))
            ).path
            assert target == f"/agencies/{agency.slug}/{year}.json"


def test_every_json_download_validates_against_the_published_schema(built_site: Path) -> None:
    for agency in SITE.agencies:
        data = json.loads((built_site / f"agencies/{agency.slug}/agency.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema_of("agency")).validate(data)
        for year in agency.years:
            report = json.loads(
                (built_site / f"agencies/{agency.slug}/{year}.json").read_text(encoding="utf-8")
            )
            jsonschema.Draft202012Validator(schema_of("report")).validate(report)
            first = report["listening_channels"][0]["statistics"] if report.get("listening_channels") else {}
            assert all(isinstance(count, int) for count in first.values()), "counts are numbers"


def test_the_data_package_is_valid_and_its_csv_open_as_thai_in_spreadsheets(built_site: Path) -> None:
    report = Package(str(built_site / "data" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])[:5]
    for table in TABLES:
        raw = (built_site / "data" / f"{table.name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "a BOM tells spreadsheet programs the file is UTF-8"
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert header == [name for name, *_ in table.columns]


def rows(built_site: Path, name: str) -> list[dict[str, str]]:
    text = (built_site / "data" / f"{name}.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_totals_equal_the_dashboards(built_site: Path) -> None:
    html = page(built_site, "dashboard/")
    channels = html.select_one("#channels").find_next("table")
    years = [int(th.get_text().split()[-1]) for th in channels.select("thead th")[1:]]
    assert years
    for row in channels.select("tbody tr"):
        shown = [td.get_text().replace(",", "") for td in row.select("td")]
        for year, value in zip(years, shown, strict=True):
            same = [
                r for r in rows(built_site, "channel_statistics") if r["channel_kind"] == row["data-channel"]
            ]
            summed = sum(int(r["users"]) for r in same if int(r["fiscal_year"]) == year)
            assert str(summed) == value or (value == "–" and summed == 0)
    table = html.select_one("#levels").find_next("table")
    levels = {tr["data-level"]: int(tr.td.get_text()) for tr in table.select("tbody tr")}
    assert len(levels) == 5
    activity_rows = rows(built_site, "participation_activities")
    latest = {(a.slug, a.latest_year) for a in SITE.agencies}
    for level, count in levels.items():
        assert count == sum(
            r[level] == "true" for r in activity_rows if (r["agency"], int(r["report_year"])) in latest
        )


def test_csv_rows_match_the_content(built_site: Path) -> None:
    services = rows(built_site, "services")
    expected = sum(
        len(chart.steps)
        for a in SITE.agencies
        for r in a.reports.values()
        for chart in r.service_standards.flowcharts
    )
    assert len(services) == expected
    land = [r for r in services if r["agency"] == "ratchaburi-land-office" and r["service_number"] == "1"]
    assert land[0]["action"] == "รับบัตรคิวและตรวจเอกสารเบื้องต้น"
    assert land[0]["total_time"] == "1 ชั่วโมง 20 นาที" and land[0]["fee"].startswith("ค่าธรรมเนียมการโอน")


def test_the_dashboard_lists_completeness_per_report_and_who_has_not_reported(built_site: Path) -> None:
    html = page(built_site, "dashboard/")
    reported = [
        (tr["data-slug"], int(tr["data-year"])) for tr in html.select("table[data-sortable] tbody tr")
    ]
    assert sorted(reported) == sorted((a.slug, y) for a in SITE.agencies for y in a.years)
    assert "ทุกหน่วยงานส่งรายงานแล้ว" in html.select_one("#missing").find_next("p").get_text()


def test_the_feed_and_the_sitemap_parse_and_pair_languages(built_site: Path) -> None:
    feed = xml.dom.minidom.parse(str(built_site / "feed.xml"))
    assert len(feed.getElementsByTagName("entry")) == sum(len(a.years) for a in SITE.agencies)
    sitemap = xml.dom.minidom.parse(str(built_site / "sitemap.xml"))
    locations = [n.firstChild.data for n in sitemap.getElementsByTagName("loc")]
    assert "https://c3.ratchaburi.example.go.th/agencies/ratchaburi-land-office/2569/" in locations
    assert "https://c3.ratchaburi.example.go.th/en/agencies/ratchaburi-land-office/2569/" in locations
    alternates = sitemap.getElementsByTagName("xhtml:link")
    assert len(alternates) == 2 * len(locations)
