"""Whose site this is and whom each page is for, on every built page."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from tests.conftest import page, parse

PROVINCE = {"th": "จังหวัดราชบุรี", "en": "Ratchaburi Province"}
OFFICE = {"th": "สำนักงานจังหวัดราชบุรี", "en": "Ratchaburi Provincial Office"}
STAFF_GROUP = {"th": "สำหรับหน่วยงานและเจ้าหน้าที่", "en": "For agencies and staff"}
STAFF_PAGES = ["dashboard/", "submit/", "submit/reference/", "scale/"]


def test_the_home_page_names_the_province_and_the_publishing_office(built_site: Path) -> None:
    for lang, prefix in (("th", ""), ("en", "en/")):
        owner = page(built_site, prefix).select_one(".c3-home__owner")
        assert owner is not None
        assert PROVINCE[lang] in owner.get_text() and OFFICE[lang] in owner.get_text()


def test_every_page_says_in_its_footer_who_runs_the_site_and_when_it_last_changed(built_site: Path) -> None:
    """Thai pages give the date with the Buddhist Era year, English pages with the common era's."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        lang = "en" if path.relative_to(built_site).parts[0] == "en" else "th"
        footer = parse(path).select_one("footer .c3-footer")
        assert footer is not None, path
        assert PROVINCE[lang] in footer.get_text() and OFFICE[lang] in footer.get_text(), path
        when = footer.select_one("time[datetime]")
        assert when is not None, path
        day = datetime.date.fromisoformat(str(when["datetime"]))
        year = day.year + 543 if lang == "th" else day.year
        assert re.fullmatch(rf"{day.day} \S+ {year}", " ".join(when.get_text().split())), (path, when)


def test_the_404_page_is_in_thai_and_english_with_links_that_work_from_any_address(built_site: Path) -> None:
    for lang, other, prefix in (("th", "en", ""), ("en", "th", "en/")):
        html = parse(built_site / prefix / "404.html")
        assert html.html["lang"] == lang
        assert html.select_one(f".c3-404__other[lang={other}] h2") is not None
        for link in html.select(".c3-404 a"):
            href = str(link["href"])
            assert href.startswith("/") and not href.startswith("//"), href
            target = (built_site / href.lstrip("/")).resolve() / "index.html"
            assert target.is_file(), href
        switch = [str(a["href"]) for a in html.select("a[hreflang]")]
        assert switch and all(h.startswith("/") and not h.startswith("//") for h in switch), switch


def test_pages_for_agencies_and_staff_sit_in_their_own_menu_group_after_the_citizens_pages(
    built_site: Path,
) -> None:
    for lang, prefix in (("th", ""), ("en", "en/")):
        menu = page(built_site, prefix).select_one("nav.md-nav--primary > ul")
        assert menu is not None
        items = menu.find_all("li", recursive=False)
        last = items[-1]
        assert STAFF_GROUP[lang] in " ".join(last.get_text().split())  # Thai words sit in spans
        inside = [str(a["href"]) for a in last.select("a[href]")]
        assert inside == STAFF_PAGES
        outside = [str(a["href"]) for item in items[:-1] for a in item.select("a[href]")]
        assert not set(outside) & set(STAFF_PAGES)
