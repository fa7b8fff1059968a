"""Search in a real browser: Thai words inside running Thai text, English words on English pages."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Page

# A query, the page it must find, and the section of that page, drawn from the examples' text.
THAI_QUERIES = [
    ("ความคิดเห็น", "agencies/ratchaburi-provincial-office/2569/", "public_channels"),
    ("ราชบุรี", "agencies/ratchaburi-land-office/2569/", ""),
    ("สายด่วน", "agencies/ratchaburi-provincial-office/2569/", "listening_channels"),
    ("ร้องเรียน", "agencies/photharam-municipality/2569/", ""),
    ("โฉนด", "agencies/ratchaburi-land-office/2569/", "service-1"),
    ("ไลน์ทางการ", "agencies/ratchaburi-provincial-office/2569/", "listening_channels"),
    ("คัดแยกขยะ", "agencies/photharam-municipality/2569/", "network_activities"),
    ("รังวัด", "agencies/ratchaburi-land-office/2569/", ""),
    ("หน่วยบริการเคลื่อนที่", "agencies/ratchaburi-provincial-office/2569/", "network_activities"),
    ("ใบอนุญาตก่อสร้าง", "agencies/photharam-municipality/2569/", "service_standards"),
    ("เทศบาลเมืองโพธาราม", "agencies/photharam-municipality/2569/", ""),
    ("จองคิว", "agencies/ratchaburi-land-office/2569/", "process_improvement"),
    ("2571", "agencies/photharam-municipality/2569/", "participation_levels"),  # typed ๒๕๗๑, shown 2571
    ("๒๕๗๑", "agencies/photharam-municipality/2569/", "participation_levels"),
]
ENGLISH_QUERIES = [
    ("complaint", "en/agencies/ratchaburi-provincial-office/2569/", ""),
    ("title deed", "en/agencies/ratchaburi-land-office/2569/", "service-1"),
    ("Damrongdhamma", "en/agencies/ratchaburi-provincial-office/2569/", ""),
]


def results(page: Page, base_url: str, prefix: str, query: str) -> list[str]:
    page.goto(f"{base_url}{prefix}?q={quote(query)}")
    # A locator, not wait_for_function: the site's CSP forbids the eval that one would need.
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    return [str(h).removeprefix(base_url) for h in hrefs]


QUERIES = [("", *q) for q in THAI_QUERIES] + [("en/", *q) for q in ENGLISH_QUERIES]


@pytest.mark.parametrize(("prefix", "query", "expected", "section"), QUERIES)
def test_words_inside_running_text_are_found_in_each_language(
    page: Page, base_url: str, prefix: str, query: str, expected: str, section: str
) -> None:
    """Thai words inside unspaced Thai text on Thai pages; English words on English pages."""
    found = results(page, base_url, prefix, query)
    assert any(href.startswith(expected) for href in found), found
    if section:
        assert any(href.startswith(f"{expected}#{section}") for href in found), found
    assert all(href.startswith("en/") == (prefix == "en/") for href in found)


def test_searching_downloads_no_word_list_and_each_language_has_its_own_index(
    page: Page, base_url: str
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    results(page, base_url, "", "ความคิดเห็น")
    assert not [url for url in requested if "wordcut" in url or "lunr.th" in url or "lunr.multi" in url]
    assert f"{base_url}search/search_index.json" in requested
    english: list[str] = []
    page.on("request", lambda request: english.append(request.url))
    results(page, base_url, "en/", "complaint")
    assert f"{base_url}en/search/search_index.json" in english
