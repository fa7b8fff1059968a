"""English pages of agencies that have not translated everything, and digits on every page.

Built for real from content/: the Photharam municipality wrote in Thai only, the land office
left one section untranslated, the provincial office translated everything.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.render.fixed_names import MINISTRIES, PROVINCES, english_name
from tests.conftest import SITE, page, parse

THAI = re.compile(r"[\u0e00-\u0e7f]")
THAI_DIGIT = re.compile(r"[๐-๙]")
MUNICIPALITY = "en/agencies/photharam-municipality/"
LAND_OFFICE = "en/agencies/ratchaburi-land-office/"
AGENCY_PAGES = [
    f"agencies/{agency.slug}/{suffix}"
    for agency in SITE.agencies
    for suffix in ["", *(f"{year}/" for year in agency.years)]
]
GATHERING_PAGES = [
    "",
    "agencies/",
    "services/",
    "contact/",
    "participation/",
    "channels/",
    "dashboard/",
    "data/",
]
GENERATED_PAGES = AGENCY_PAGES + GATHERING_PAGES
"""Pages the generator writes from agencies' texts (the hand-written help pages quote Thai input)."""


def content(html: BeautifulSoup) -> Tag:
    article = html.select_one("article")
    assert article is not None
    return article


def notes(html: BeautifulSoup) -> list[Tag]:
    return content(html).select("[role=note].c3-thai-only")


def test_a_thai_only_report_says_once_that_it_is_in_thai_and_never_repeats_not_yet_translated(
    built_site: Path,
) -> None:
    html = page(built_site, MUNICIPALITY)
    [note] = notes(html)
    assert note.get_text(" ", strip=True).startswith("This report is in Thai only")
    assert "not yet translated" not in content(html).get_text()
    assert len(content(html).select(".c3-untranslated[lang=th]")) > 20


def test_a_partly_translated_report_links_to_the_one_section_still_in_thai(built_site: Path) -> None:
    html = page(built_site, LAND_OFFICE)
    [note] = notes(html)
    assert note.get_text(" ", strip=True).startswith("Parts of this report are in Thai only")
    assert [a["href"] for a in note.select("a")] == ["#next_steps"]
    thai = content(html).select(".c3-untranslated")
    assert thai and all(t.find_parent(id="next_steps") for t in thai)


def test_a_fully_translated_report_and_every_thai_page_have_no_thai_only_note(built_site: Path) -> None:
    assert not notes(page(built_site, "en/agencies/ratchaburi-provincial-office/"))
    for url in GENERATED_PAGES:
        assert not notes(page(built_site, url)), url


@pytest.mark.parametrize("url", GATHERING_PAGES)
def test_a_page_gathering_agencies_says_once_when_some_entries_are_in_thai(
    built_site: Path, url: str
) -> None:
    html = page(built_site, "en/" + url)
    shown = bool(content(html).select(".c3-untranslated"))
    assert len(notes(html)) == (1 if shown else 0)


def test_province_and_ministry_are_in_english_even_when_the_agency_wrote_them_in_thai_only(
    built_site: Path,
) -> None:
    lede = page(built_site, MUNICIPALITY).select_one(".c3-lede")
    assert lede is not None
    parts = [part.strip() for part in lede.get_text().split("·")]
    assert parts[0] == "Local government" and parts[1] == "Ministry of Interior" and parts[-1] == "Ratchaburi"
    listed = page(built_site, "en/agencies/").select_one("[data-slug=photharam-municipality] .c3-muted")
    assert listed is not None and listed.get_text().startswith("Ministry of Interior ·")


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("url", GENERATED_PAGES)
def test_numbers_are_written_with_arabic_digits_on_every_page(built_site: Path, url: str, lang: str) -> None:
    """One line never mixes ๑๒๓ with 123: an agency's Thai digits are shown as Arabic ones."""
    text = content(page(built_site, ("en/" if lang == "en" else "") + url)).get_text()
    assert not THAI_DIGIT.findall(text)


def test_thai_digits_an_agency_typed_read_as_arabic_digits_in_both_languages(built_site: Path) -> None:
    for prefix in ("", "en/"):
        html = page(built_site, prefix + "agencies/photharam-municipality/")
        assert "ประชาคมจัดทำแผนพัฒนาท้องถิ่น พ.ศ. 2571–2575" in content(html).get_text()
        assert "08.30–16.30" in content(html).select_one("#contact").get_text()
    subtitle = page(built_site, "agencies/photharam-municipality/").select_one(".c3-subtitle")
    assert subtitle is not None and subtitle.get_text() == "รายงานหมวด 3 ปีงบประมาณ พ.ศ. 2569"


@pytest.mark.parametrize("url", GENERATED_PAGES)
def test_thai_text_on_english_pages_is_tagged_thai_for_screen_readers_and_fonts(
    built_site: Path, url: str
) -> None:
    """Charts are left out: an SVG chart is one image to a screen reader, its table says the same."""
    article = content(page(built_site, "en/" + url))
    untagged = [
        str(run).strip()
        for run in article.find_all(string=THAI)
        if not run.find_parent(lambda e: str(e.get("lang", "")).startswith("th") or e.name == "svg")
    ]
    assert untagged == []


def test_every_generated_english_page_is_free_of_not_yet_translated(built_site: Path) -> None:
    pages = [p for p in (built_site / "en").rglob("index.html") if "submit" not in p.parts]
    assert len(pages) > 20
    assert [p for p in pages if "not yet translated" in content(parse(p)).get_text()] == []


@pytest.mark.parametrize(
    ("thai", "english"),
    [("ราชบุรี", "Ratchaburi"), ("จังหวัดราชบุรี", "Ratchaburi"), ("จ. เชียงใหม่", "Chiang Mai"),
     ("กรุงเทพฯ", "Bangkok"), ("กระทรวงมหาดไทย", "Ministry of Interior"),
     ("กระทรวงการอุดมศึกษาวิทยาศาสตร์ วิจัยและนวัตกรรม",
      "Ministry of Higher Education, Science, Research and Innovation"),
     ("เทศบาลเมืองโพธาราม", None), ("ที่ว่าการอำเภอเมืองราชบุรี", None), ("มหาดไทย", None)],
)  # fmt: skip
def test_names_from_fixed_lists_have_an_english_name_and_other_texts_do_not(
    thai: str, english: str | None
) -> None:
    assert english_name(thai) == english


def test_the_fixed_lists_hold_every_province_and_every_ministry() -> None:
    assert len(PROVINCES) == 77 and len(set(PROVINCES.values())) == 77
    assert len(MINISTRIES) == 20
