"""Content to page: golden page bodies for a small agency, and what a reader sees in them.

Set UPDATE_GOLDEN=1 to rewrite tests/golden/ after an intended change, then read the diff.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from generator.model import SECTION_KEYS
from generator.render import Rendered, render_site
from generator.render.pages import Links
from generator.render.ui import SECTION_HEADINGS
from generator.submissions import Site
from generator.validate import validate_paths
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"


CACHE = Path(tempfile.mkdtemp(prefix="c3-images-"))


@pytest.fixture(scope="module")
def sample() -> Site:
    site, problems = validate_paths([FIXTURES / "valid"])
    assert not [p for p in problems if p.is_error]
    return site


def render(site: Site, lang: str) -> Rendered:
    return render_site(site, lang, CACHE)


def body(site: Site, lang: str, path: str) -> str:
    return next(p.body for p in render(site, lang).pages if p.path == path)


def soup(site: Site, lang: str, path: str = "agencies/sample-office/2569.md") -> BeautifulSoup:
    return BeautifulSoup(body(site, lang, path), "html.parser")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_report_page_body_matches_golden(sample: Site, lang: str) -> None:
    golden = GOLDEN / f"sample-office.2569.{lang}.html"
    rendered = body(sample, lang, "agencies/sample-office/2569.md")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_twelve_sections_appear_in_the_forms_order_with_their_headings(sample: Site, lang: str) -> None:
    sections = soup(sample, lang).select("section.c3-section")
    assert [s["id"] for s in sections] == list(SECTION_KEYS)
    index = 0 if lang == "th" else 1
    for section in sections:
        heading = section.find("h2").get_text(" ", strip=True)
        assert heading.endswith(SECTION_HEADINGS[str(section["id"])][index])


def test_an_empty_section_says_so_rather_than_vanish(sample: Site) -> None:
    networks = soup(sample, "th").find(id="networks")
    assert networks.select_one(".c3-empty").get_text(strip=True) == "ส่วนราชการไม่ได้รายงานในส่วนนี้"
    assert soup(sample, "en").find(id="networks").select_one(".c3-empty").get_text(strip=True) == (
        "The agency reported nothing in this section."
    )


def test_statistics_table_has_a_column_per_year_and_thai_digits_read_as_numbers(sample: Site) -> None:
    table = soup(sample, "th").find(id="listening_channels").find("table")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == [
        "ช่องทาง",
        "จำนวนผู้ใช้ 2568",
        "จำนวนผู้ใช้ 2569",
    ]
    rows = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")
    ]
    assert rows[0] == ["โทรศัพท์/โทรสาร/สายด่วน", "1,200", "1,450"]
    assert rows[1] == ["ไลน์ทางการ (อื่นๆ)", "–", "300"]
    assert [td.get_text(strip=True) for td in table.select("tfoot td")] == ["1,200", "1,750"]


def test_english_columns_name_the_fiscal_year_in_ce() -> None:
    site, _ = validate_paths([FIXTURES / "valid"])
    table = soup(site, "en").find(id="listening_channels").find("table")
    assert [th.get_text(strip=True) for th in table.select("thead th")][1:] == [
        "Users, FY 2025",
        "Users, FY 2026",
    ]


def test_participation_matrix_ticks_the_levels_each_activity_reached(sample: Site) -> None:
    rows = soup(sample, "en").find(id="participation_levels").select("table tbody tr")
    ticks = [[td.get("data-level") for td in row.select("td.c3-level--yes")] for row in rows]
    assert ticks == [["inform", "consult"], ["collaborate"]]


def test_flowchart_lists_its_steps_in_order_with_unit_duration_and_total(sample: Site) -> None:
    service = soup(sample, "th").select_one("#service_standards article.c3-service")
    steps = service.select("ol.c3-flow > li")
    assert [s.select_one(".c3-flow__action").get_text(strip=True) for s in steps] == [
        "ยื่นหนังสือรับรองการเกิด",
        "รับสูติบัตร",
    ]
    assert "นายทะเบียน" in steps[0].select_one(".c3-flow__unit").get_text()
    assert steps[0].select_one(".c3-flow__duration").get_text(strip=True) == "ระยะเวลา: 45 นาที"
    assert service.select_one(".c3-total__value").get_text(strip=True) == "1 ชั่วโมง 45 นาที"
    english = soup(sample, "en").select_one("#service_standards .c3-total__value").get_text(strip=True)
    assert english == "1 hour 45 minutes"


def test_agency_markdown_keeps_emphasis_and_safe_links_but_no_script(sample: Site) -> None:
    for lang in ("th", "en"):
        result = soup(sample, lang).find(id="process_improvement")
        assert result.find("strong") is not None
        assert result.find("script") is None
        assert "alert" not in str(result.find_all("a"))
    link = soup(sample, "en").find(id="process_improvement").find("a")
    assert link["href"] == "https://example.go.th/more"


def test_untranslated_text_on_english_pages_is_thai_tagged_as_such_with_no_mark_after_it(
    sample: Site,
) -> None:
    cell = soup(sample, "en").find(id="participation_levels").select("tbody th")[1]
    marked = cell.select_one(".c3-untranslated")
    assert marked.get_text(strip=True) == "กลุ่มไลน์ผู้นำชุมชน" and marked["lang"] == "th"
    assert cell.get_text(strip=True) == "กลุ่มไลน์ผู้นำชุมชน"


def test_dates_and_years_are_be_on_thai_pages_and_fy_on_english_ones(sample: Site) -> None:
    assert "15 มีนาคม 2569" in soup(sample, "th").get_text()
    assert "15 March 2026" in soup(sample, "en").get_text()
    assert "ปีงบประมาณ พ.ศ. 2569" in soup(sample, "th").select_one(".c3-subtitle").get_text()
    assert "FY 2026 (B.E. 2569)" in soup(sample, "en").select_one(".c3-subtitle").get_text()


def test_contact_details_and_dialable_phone_links_are_on_the_agency_page(sample: Site) -> None:
    contact = soup(sample, "th").find(id="contact")
    assert contact.find("a", href="tel:032310000").get_text() == "0 3231 0000 ต่อ 12"
    assert contact.find("a", href="mailto:office@example.go.th") is not None


def test_photos_are_published_as_webp_with_a_jpeg_fallback_never_the_original(sample: Site) -> None:
    up = "../../../../agencies/sample-office/files/photos/"
    pictures = soup(sample, "en").find(id="improvement_photos").find_all("picture")
    assert [p.source["srcset"] for p in pictures] == [f"{up}before-16.webp 16w", f"{up}after-16.webp 16w"]
    assert [p.img["src"] for p in pictures] == [f"{up}before-16.jpg", f"{up}after-16.jpg"]
    assert [p.img["alt"] for p in pictures] == ["Before", "After"]
    assert [p.img["loading"] for p in pictures] == ["lazy", "lazy"]
    assert [p.parent["href"] for p in pictures] == [f"{up}before-16.jpg", f"{up}after-16.jpg"]
    paths = sorted(a.path for a in render(sample, "th").assets)
    assert paths == [
        f"agencies/sample-office/files/photos/{name}-16.{ext}"
        for name in ("after", "before")
        for ext in ("jpg", "webp")
    ]
    assert render(sample, "en").assets == []


def test_latest_year_page_has_the_same_body_as_its_year_page(sample: Site) -> None:
    assert body(sample, "th", "agencies/sample-office/index.md").replace("../", "") == body(
        sample, "th", "agencies/sample-office/2569.md"
    ).replace("../", "")


@pytest.mark.parametrize(
    ("page_url", "target", "link"),
    [("", "agencies/", "agencies/"), ("agencies/x/2569/", "agencies/", "../../"),
     ("agencies/x/", "agencies/x/2568/", "2568/"), ("agencies/", "", "../")],
)  # fmt: skip
def test_links_between_pages_are_relative(page_url: str, target: str, link: str) -> None:
    assert Links(page_url, "th").page(target) == link


def test_phone_extensions_read_in_the_pages_language(sample: Site) -> None:
    assert soup(sample, "th").select_one("#contact a[href^='tel:']").get_text() == "0 3231 0000 ต่อ 12"
    assert soup(sample, "en").select_one("#contact a[href^='tel:']").get_text() == "0 3231 0000 ext. 12"


def test_an_english_page_says_once_that_parts_are_untranslated_and_which(sample: Site) -> None:
    [note] = soup(sample, "en").select(".c3-note")
    assert note["role"] == "note"
    assert [a["href"] for a in note.select("a")] == ["#participation_levels"]  # the ministry is a fixed name
    assert not soup(sample, "th").select(".c3-note")


def test_a_decision_step_branches_to_the_next_step_and_back(sample: Site) -> None:
    step = soup(sample, "en").select("#service_standards ol.c3-flow > li")[0]
    assert "c3-flow__step--decision" in step["class"]
    assert (
        step.select_one(".c3-flow__question")
        .get_text(strip=True)
        .endswith("Is the birth certificate in order?")
    )
    yes, no = step.select(".c3-flow__branch")
    assert yes.get_text(" ", strip=True).endswith("on to the next step")
    assert no.find("a")["href"] == "#service-1-step-1"
    assert no.find("a").get_text() == "back to step 1"


def test_the_channel_chart_has_a_bar_for_every_count_in_the_table(sample: Site) -> None:
    section = soup(sample, "th").find(id="listening_channels")
    bars = [(b["data-series"], int(b["data-value"])) for b in section.select("svg rect.c3-chart__bar")]
    assert bars == [("2568", 1200), ("2569", 1450), ("2569", 300)]
    widths = [float(b["width"].removesuffix("%")) for b in section.select("svg rect.c3-chart__bar")]
    assert widths[1] == max(widths) and widths[2] < widths[0] < widths[1]
    assert section.find("svg")["role"] == "img" and section.find("table") is not None


def test_participation_spectrum_explains_each_level_in_the_pages_language(sample: Site) -> None:
    for lang, first in (("th", "ระดับการให้ข้อมูล"), ("en", "Inform")):
        levels = soup(sample, lang).select("#participation_levels .c3-spectrum__level")
        assert [li["data-level"] for li in levels] == [
            "inform",
            "consult",
            "involve",
            "collaborate",
            "empower",
        ]
        assert levels[0].strong.get_text() == first
        assert all(li.span.get_text(strip=True) for li in levels)


def test_a_photo_named_with_spaces_and_commas_keeps_its_responsive_copies(tmp_path: Path) -> None:
    """A phone names photos `ก่อน ปรับปรุง, 1.png`: every srcset candidate is one URL, so a phone
    picks the small copy instead of dropping the list and loading the largest."""
    office = shutil.copytree(FIXTURES / "valid" / "sample-office", tmp_path / "sample-office")
    (office / "photos" / "before.png").rename(office / "photos" / "ก่อน ปรับปรุง, 1.png")
    report = office / "2569.yml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("photos/before.png", '"photos/ก่อน ปรับปรุง, 1.png"'),
        encoding="utf-8",
    )
    site, problems = validate_paths([office])
    assert site.agencies, problems
    rendered = render_site(site, "th", tmp_path / "cache")
    published = {asset.path for asset in rendered.assets}
    body = next(p.body for p in rendered.pages if p.path.endswith("/2569.md"))
    sources = BeautifulSoup(body, "html.parser").select("picture source, picture img")
    candidates = [c.strip() for s in sources for c in str(s.get("srcset", "")).split(",")]
    named = [c for c in candidates if "%E0%B8%81" in c]  # ก, URL-encoded
    assert named and all(len(c.split(" ")) == 2 for c in candidates), candidates
    for candidate in named:
        path = unquote(candidate.split(" ")[0]).split("files/", 1)[1]
        assert f"agencies/sample-office/files/{path}" in published
