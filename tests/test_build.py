"""Full builds of the examples: the bilingual site a citizen and a reviewer actually get."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from mkdocs.exceptions import Abort

from generator.build import build_site
from generator.mkdocs_plugin import build_config
from generator.model import SECTION_KEYS
from generator.render.ui import SECTION_HEADINGS
from tests.conftest import CONFIG, CONTENT, FIXTURES, SITE, page, parse, search_pages

AGENCY_PAGES = [
    f"agencies/{agency.slug}/{suffix}"
    for agency in SITE.agencies
    for suffix in ["", *(f"{year}/" for year in agency.years)]
]
PAGE_TYPES = ["", "agencies/", "about/", "submit/", AGENCY_PAGES[0]]


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("url", AGENCY_PAGES)
def test_every_agency_page_shows_the_twelve_sections_under_the_forms_headings(
    built_site: Path, url: str, lang: str
) -> None:
    html = page(built_site, ("en/" if lang == "en" else "") + url)
    sections = html.select("article section.c3-section")
    assert [s["id"] for s in sections] == list(SECTION_KEYS)
    for section in sections:
        heading = " ".join(section.find("h2").get_text().split())  # Thai words sit in spans
        assert heading.endswith(SECTION_HEADINGS[str(section["id"])][0 if lang == "th" else 1])
        assert section.select(".c3-empty") or section.find(["table", "ol", "article", "dl", "h3"])


@pytest.mark.parametrize("url", AGENCY_PAGES)
def test_agency_pages_show_contacts_and_the_example_notice(built_site: Path, url: str) -> None:
    for prefix in ("", "en/"):
        html = page(built_site, prefix + url)
        assert html.select_one("#contact a[href^='tel:']") is not None
        assert html.select_one(".c3-example") is not None


def test_pages_declare_their_language(built_site: Path) -> None:
    for path in html_files(built_site):
        expected = "en" if path.relative_to(built_site).parts[0] == "en" else "th"
        assert parse(path).html["lang"] == expected, path


def test_language_switch_leads_to_the_same_page_in_the_other_language(built_site: Path) -> None:
    checked = 0
    for path in html_files(built_site):
        relative = path.relative_to(built_site).as_posix()
        if relative.endswith("404.html"):
            continue
        english = relative.startswith("en/")
        other = relative.removeprefix("en/") if english else f"en/{relative}"
        links = parse(path).select(f".c3-lang-switch a[hreflang={'th' if english else 'en'}]")
        assert len(links) == 1, relative
        target = urljoin(f"http://site/{relative}", str(links[0]["href"]))
        target_path = urlparse(target).path.lstrip("/")
        target_path += "index.html" if target_path.endswith("/") or not target_path else ""
        assert target_path == other, relative
        assert (built_site / target_path).is_file()
        header = parse(path).select(f".md-select__link[hreflang={'th' if english else 'en'}]")
        assert header and header[0]["href"] == links[0]["href"]
        checked += 1
    assert checked >= 2 * len(AGENCY_PAGES)


def test_english_years_read_fy_and_thai_years_read_be(built_site: Path) -> None:
    assert "FY 2026 (B.E. 2569)" in page(built_site, "en/agencies/ratchaburi-land-office/").get_text()
    assert "ปีงบประมาณ พ.ศ. 2569" in page(built_site, "agencies/ratchaburi-land-office/").get_text()


def test_the_latest_year_page_links_to_the_other_years(built_site: Path) -> None:
    html = page(built_site, "agencies/ratchaburi-provincial-office/")
    links = [a["href"] for a in html.select(".c3-years a")]
    assert links == ["2568/", "2567/"]
    assert html.select_one(".c3-years [aria-current=page]").get_text() == "ปีงบประมาณ พ.ศ. 2569"
    for href in links:
        assert (built_site / "agencies/ratchaburi-provincial-office" / str(href) / "index.html").is_file()


def test_the_statistics_table_holds_every_channel_and_year_of_the_report(built_site: Path) -> None:
    report = SITE.agency("ratchaburi-provincial-office").reports[2569]
    table = page(built_site, "agencies/ratchaburi-provincial-office/2569/").select_one(
        "#listening_channels table"
    )
    rows = table.select("tbody tr")
    assert [r["data-channel"] for r in rows] == [c.kind.value for c in report.listening_channels]
    office = [td.get_text(strip=True) for td in rows[0].select("td")]
    assert office == ["4,120", "4,385", "4,612"]


def test_english_page_of_a_thai_only_agency_marks_the_thai_text(built_site: Path) -> None:
    html = page(built_site, "en/agencies/photharam-municipality/")
    assert html.h1.select_one(".c3-untranslated[lang=th]").get_text() == "เทศบาลเมืองโพธาราม"
    headings = [h.get_text(" ", strip=True) for h in html.select("section.c3-section > h2")]
    assert headings[0].endswith(SECTION_HEADINGS["listening_channels"][1])


def test_the_agency_list_groups_every_agency_and_the_menu_does_not_list_them(built_site: Path) -> None:
    for prefix in ("", "en/"):
        html = page(built_site, prefix + "agencies/")
        listed = [li["data-slug"] for li in html.select(".c3-agency")]
        assert sorted(listed) == sorted(a.slug for a in SITE.agencies)
        assert len(html.select(".c3-group")) == 3
        agency_page = page(built_site, prefix + AGENCY_PAGES[0])
        nav_links = [a.get("href", "") for a in agency_page.select("nav.md-nav--primary a")]
        assert not [h for h in nav_links if re.search(r"agencies/[a-z0-9-]+/", str(h))]


def test_the_home_page_offers_ways_in_by_need_and_by_agency(built_site: Path) -> None:
    html = page(built_site, "")
    ways = [(a.get_text(strip=True), a["href"]) for a in html.select(".c3-way a")]
    assert ways == [
        ("ขอรับบริการ", "services/"),
        ("ติดต่อหรือร้องเรียน", "contact/"),
        ("ประชาชนมีส่วนร่วมอย่างไร", "participation/"),
        ("สถิติช่องทางการรับฟัง", "channels/"),
    ]
    for _, href in ways:
        assert (built_site / str(href) / "index.html").is_file()
    english = page(built_site, "en/")
    assert english.select(".c3-way a")[0].get_text(strip=True) == "Get a service"


def test_published_photos_and_scans_exist(built_site: Path) -> None:
    for path in html_files(built_site):
        html = parse(path)
        for ref in [img["src"] for img in html.find_all("img")] + [
            a["href"] for a in html.select("a[href$='.pdf']")
        ]:
            target = urlparse(
                urljoin(f"http://site/{path.relative_to(built_site).as_posix()}", str(ref))
            ).path
            assert (built_site / target.lstrip("/")).is_file(), (path, ref)


def test_no_page_loads_anything_from_another_site(built_site: Path) -> None:
    """Scripts, styles, fonts, images and icons all come from the site itself."""
    for path in html_files(built_site):
        html = parse(path)
        resources = [t.get("src") for t in html.find_all(["script", "img", "iframe", "source"])]
        resources += [
            t.get("href")
            for t in html.find_all("link")
            if not {"alternate", "canonical"} & set(t.get("rel") or [])
        ]
        for url in filter(None, resources):
            assert not urlparse(str(url)).netloc and not str(url).startswith("//"), (path, url)
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            url = url.strip("'\"")
            assert url.startswith("data:") or not urlparse(url).netloc, (css, url)
    assert (built_site / "assets/fonts/sarabun-thai-400-normal.woff2").is_file()


def snapshot(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def good_site(built_site: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    return site


def test_invalid_content_stops_the_build_and_keeps_the_last_good_site(
    good_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(good_site)
    content = shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copytree(FIXTURES / "invalid" / "negative-count" / "office", content / "office")
    assert build_site(CONFIG, good_site, content) == 1
    out = capsys.readouterr()
    assert "office/2569.yml:5:7: error: listening_channels[1].statistics.2569" in out.out
    assert "left as it was" in out.err
    assert snapshot(good_site) == before
    assert not list(tmp_path.glob(".site-*"))


def test_a_build_that_fails_in_mkdocs_keeps_the_last_good_site(
    good_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(good_site)
    broken = tmp_path / "mkdocs.yml"
    text = CONFIG.read_text(encoding="utf-8").replace("about.md", "missing-page.md")
    broken.write_text(text, encoding="utf-8")
    for name in ("docs", "theme_overrides", "mkdocs.en.yml"):
        source = CONFIG.parent / name
        (tmp_path / name).symlink_to(source, target_is_directory=source.is_dir())
    (tmp_path / "content").symlink_to(CONTENT.parent, target_is_directory=True)
    assert build_site(broken, good_site, CONTENT) == 1
    assert "left as it was" in capsys.readouterr().err
    assert snapshot(good_site) == before
    assert not list(tmp_path.glob(".site-*"))


def test_a_build_whose_english_half_fails_keeps_the_last_good_site(
    good_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """The English site is built by a second process; its failure fails the whole build."""
    before = snapshot(good_site)
    shutil.copy2(CONFIG, tmp_path / "mkdocs.yml")
    english = (CONFIG.parent / "mkdocs.en.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.en.yml").write_text(english.replace("about.md", "missing-page.md"), encoding="utf-8")
    for name in ("docs", "theme_overrides", "generator"):
        (tmp_path / name).symlink_to(CONFIG.parent / name, target_is_directory=True)
    (tmp_path / "content").symlink_to(CONTENT.parent, target_is_directory=True)
    assert build_site(tmp_path / "mkdocs.yml", good_site, CONTENT) == 1
    assert "the English site was not built" in caplog.text and "ไม่ได้สร้างเว็บไซต์ภาษาอังกฤษ" in caplog.text
    assert "left as it was" in capsys.readouterr().err
    assert snapshot(good_site) == before


def test_a_successful_build_replaces_the_old_site(good_site: Path) -> None:
    stale = good_site / "stale.html"
    stale.write_text("old", encoding="utf-8")
    assert build_site(CONFIG, good_site, CONTENT) == 0
    assert not stale.exists()
    assert (good_site / "en" / "index.html").is_file()


def test_an_agency_logo_is_shown_with_alternative_text(built_site: Path) -> None:
    for prefix, alt in (("", "ตราสัญลักษณ์ของสำนักงานที่ดินจังหวัดราชบุรี"),
                        ("en/", "Logo of Ratchaburi Provincial Land Office")):  # fmt: skip
        logo = page(built_site, prefix + "agencies/ratchaburi-land-office/").select_one("img.c3-logo")
        assert logo["alt"] == alt
        assert logo["src"].endswith("agencies/ratchaburi-land-office/files/logo-128.jpg")


def test_original_photos_are_never_published_only_their_copies(built_site: Path) -> None:
    files = built_site / "agencies" / "ratchaburi-provincial-office" / "files" / "photos"
    names = sorted(p.name for p in files.iterdir())
    assert "mobile-unit.jpg" not in names
    assert {"mobile-unit-640.jpg", "mobile-unit-640.webp", "mobile-unit-480.webp"} <= set(names)
    scan = built_site / "agencies/ratchaburi-land-office/files/attachments/sale-registration-flowchart.pdf"
    assert scan.is_file()
    thumbnail = page(built_site, "agencies/ratchaburi-land-office/").select_one(".c3-scan img")
    assert thumbnail["src"].endswith("sale-registration-flowchart-preview-480.jpg")


def test_every_page_allows_only_its_own_origin_and_no_inline_script(built_site: Path) -> None:
    for path in html_files(built_site):
        html = parse(path)
        meta = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, path
        directives = dict(d.strip().split(" ", 1) for d in str(meta["content"]).split(";"))
        assert directives["default-src"] == "'self'" and directives["script-src"] == "'self'"
        assert "unsafe-inline" not in meta["content"] and "http" not in meta["content"]
        inline = [
            s for s in html.find_all("script") if not s.get("src") and s.get("type") != "application/json"
        ]
        assert not inline, (path, inline)
        first_script = html.find("script")
        assert meta.sourceline < first_script.sourceline, "the policy comes before any script"


def test_two_builds_of_the_same_content_are_byte_identical(
    tmp_path: Path, built_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    first, second = tmp_path / "a", tmp_path / "b"
    assert build_site(CONFIG, first, CONTENT) == 0
    assert build_site(CONFIG, second, CONTENT) == 0
    assert snapshot(first) == snapshot(second)
    assert "2026-09-21" in (first / "sitemap.xml").read_text(encoding="utf-8")


def test_the_new_site_replaces_the_old_one_in_one_step(tmp_path: Path) -> None:
    from generator.build import _exchange

    old, new = tmp_path / "site", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "index.html").write_text("old", encoding="utf-8")
    (new / "index.html").write_text("new", encoding="utf-8")
    assert _exchange(new, old)
    assert (old / "index.html").read_text(encoding="utf-8") == "new"
    assert (new / "index.html").read_text(encoding="utf-8") == "old"


def test_a_preview_build_says_so_on_every_page_and_a_published_one_never(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not [p for p in html_files(built_site) if parse(p).select(".c3-preview")]
    monkeypatch.setenv("C3_PREVIEW", "true")
    preview = tmp_path / "preview"
    assert build_site(CONFIG, preview, CONTENT) == 0
    for path in html_files(preview):
        banner = parse(path).select_one(".c3-preview")
        assert banner is not None, path
        english = path.relative_to(preview).parts[0] == "en"
        assert ("Preview, not published" if english else "ตัวอย่างก่อนเผยแพร่") in banner.get_text()


def test_the_field_reference_lists_every_section_and_field_of_the_model(built_site: Path) -> None:
    from generator.render.reference import agency_and_report

    for prefix in ("", "en/"):
        html = page(built_site, prefix + "submit/reference/")
        rows = [th.code.get_text() for th in html.select("tbody th[scope=row]")]
        expected = [field.path for _, docs in agency_and_report() for doc in docs for field in doc.fields]
        assert rows == expected
        assert "listening_channels.statistics" in rows and "service_standards.flowcharts[].fee" in rows
        assert {h3.code.get_text() for h3 in html.select("h3")} >= set(SECTION_KEYS)


def test_a_one_agency_preview_shows_that_agency_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make preview AGENCY=...`: a reviewer sees the agency at hand, built in a second."""
    monkeypatch.setenv("C3_AGENCY", "ratchaburi-land-office")
    build_config(CONFIG, tmp_path / "site")
    agencies = sorted(p.name for p in (tmp_path / "site" / "agencies").iterdir() if p.is_dir())
    assert agencies == ["ratchaburi-land-office"]
    assert sorted(p.name for p in (tmp_path / "site" / "en" / "agencies").iterdir() if p.is_dir()) == agencies
    listed = page(tmp_path / "site", "agencies/").select("main a[href*='ratchaburi']")
    assert listed and all("land-office" in str(a["href"]) for a in listed)


@pytest.mark.parametrize("name", ["no-such-office", "..", "../agencies"])
def test_a_preview_of_an_agency_that_does_not_exist_says_which_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    monkeypatch.setenv("C3_AGENCY", name)
    with pytest.raises(Abort):
        build_config(CONFIG, tmp_path / "site")
    assert "ไม่พบโฟลเดอร์หน่วยงาน" in caplog.text and "no agency folder" in caplog.text
    assert f"agencies/{name}" in caplog.text
    assert not (tmp_path / "site" / "index.html").exists()


def test_make_preview_without_an_agency_says_how_to_name_one() -> None:
    done = subprocess.run(
        ["make", "-s", "preview", "AGENCY="], cwd=CONFIG.parent, capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert "ตั้งชื่อโฟลเดอร์หน่วยงาน" in done.stdout and "make preview AGENCY=<folder>" in done.stdout


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_finds_each_section_and_service_of_a_report_once_and_without_markup(
    built_site: Path, prefix: str
) -> None:
    """Search results lead to every year's report, its sections and services; posters and the
    agency's own address (a copy of its latest report) are not offered twice."""
    pages = search_pages(built_site, prefix)
    locations = [page["u"] + (f"#{anchor}" if anchor else "") for page in pages for anchor, _, _ in page["e"]]
    assert len(locations) == len(set(locations))
    for agency in SITE.agencies:
        for year, report in agency.reports.items():
            year_page = f"agencies/{agency.slug}/{year}/"
            assert year_page in locations
            count = len(report.service_standards.flowcharts)
            services = [f"{year_page}#service-{n}" for n in range(1, count + 1)]
            assert set(services) <= set(locations)
            assert f"{year_page}#information_types" in locations
        assert not [loc for loc in locations if loc.startswith(f"agencies/{agency.slug}/services/")]
        assert not [loc for loc in locations if loc.startswith(f"agencies/{agency.slug}/#")]
        assert f"agencies/{agency.slug}/" not in locations
    texts = [text for page in pages if page["u"].startswith("agencies/") for _, _, text in page["e"]]
    assert texts and not [text for text in texts if re.search(r"</?[a-z]+[ >]|&[a-z]+;|\u200b", text)]


@pytest.mark.parametrize(
    ("prefix", "name"), [("", "ส่วนราชการรับฟังประชาชน"), ("en/", "How agencies listen to the public")]
)
def test_the_home_pages_title_names_the_site_once(built_site: Path, prefix: str, name: str) -> None:
    title = page(built_site, prefix).title
    assert title is not None and title.string == name
