"""A hostile agency's pages in a real browser: no dialog opens, nobody is sent elsewhere, and
searching for its name shows the name as text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from tools.browser import served

PAGES = [
    "agencies/sample-office/",
    "agencies/sample-office/2569/",
    "agencies/sample-office/services/1/",
    "agencies/",
    "services/",
    "contact/",
    "participation/",
    "channels/",
    "dashboard/",
    "data/",
]


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with served(hostile_site) as url:
        yield url


def watch(page: Page) -> list[str]:
    """Everything the attacker would want to see happen: dialogs, other origins, page errors."""
    seen: list[str] = []
    page.on("dialog", lambda dialog: (seen.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: seen.append(f"error: {error}"))
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(("http://127.0.0.1", "data:")) else seen.append(request.url)
        ),
    )
    return seen


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("url", PAGES)
def test_a_hostile_agencys_pages_run_nothing_of_its_own(
    page: Page, hostile_url: str, prefix: str, url: str
) -> None:
    seen = watch(page)
    page.goto(hostile_url + prefix + url)
    page.wait_for_timeout(300)  # a meta refresh of 0 s or an onerror handler would have fired
    assert page.url == hostile_url + prefix + url
    assert not seen


def test_searching_for_the_agency_shows_its_name_as_text_and_stays_on_the_site(
    page: Page, hostile_url: str
) -> None:
    seen = watch(page)
    page.goto(f"{hostile_url}?q={quote('สำนักงานทดสอบ')}")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=15000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert any(
        "<script>alert(document.domain)</script>" in title.replace("\u200b", "") for title in titles
    ), titles
    assert not page.locator(".md-search-result script, .md-search-result meta, .md-search-result img").count()
    page.wait_for_timeout(300)
    assert page.url.startswith(hostile_url) and not seen
