"""A real headless Chromium (Debian's package) driven by Playwright, on the built examples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tools.browser import LANGS, PAGE_TYPES, served


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on the loopback address, as a static host would."""
    with served(built_site) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def all_pages() -> list[tuple[str, str]]:
    return [
        (f"{lang} {name}", prefix + url) for lang, prefix in LANGS.items() for name, url in PAGE_TYPES.items()
    ]
