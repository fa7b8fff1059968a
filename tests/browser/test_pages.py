"""Every page type in both languages, in a real browser: links, requests, layout, accessibility."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python import sync_playwright as axe_module
from playwright.sync_api import Browser, Page

from tests.browser.conftest import PAGE_TYPES, all_pages
from tools.page_weight import first_view

AXE_SCRIPT = Path(axe_module.__file__).with_name("axe.min.js")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = all_pages()
IDS = [name for name, _ in PAGES]


@pytest.mark.parametrize(("name", "url"), PAGES, ids=IDS)
def test_the_language_switch_leads_to_the_same_page_in_the_other_language(
    page: Page, base_url: str, name: str, url: str
) -> None:
    page.goto(base_url + url)
    page.click(".c3-lang-switch a")
    other = url.removeprefix("en/") if url.startswith("en/") else "en/" + url
    assert page.url == base_url + other
    assert page.locator("html").get_attribute("lang") == ("th" if url.startswith("en/") else "en")


@pytest.mark.parametrize(("name", "url"), PAGES, ids=IDS)
def test_no_request_leaves_the_site_and_no_console_error(
    page: Page, base_url: str, name: str, url: str
) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + url, wait_until="networkidle")
    page.mouse.wheel(0, 20000)  # lazy images load too
    page.wait_for_load_state("networkidle")
    origin = urlparse(base_url).netloc
    outside = [
        r for r in requests if urlparse(r).scheme in ("http", "https") and urlparse(r).netloc != origin
    ]
    assert outside == []
    assert errors == []


@pytest.mark.parametrize(("name", "url"), PAGES, ids=IDS)
def test_every_page_fits_a_360_pixel_phone(browser: Browser, base_url: str, name: str, url: str) -> None:
    """Nothing but a wide table (which scrolls inside its own box) may be wider than the screen."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    phone = context.new_page()
    phone.goto(base_url + url)
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    sticking_out = phone.evaluate(
        """() => [...document.querySelectorAll('.md-content *')]
            .filter(el => !el.closest('.c3-table-wrap') && el.getBoundingClientRect().right > innerWidth + 1)
            .map(el => el.tagName + '.' + el.className).slice(0, 5)"""
    )
    assert sticking_out == []
    context.close()


@pytest.mark.parametrize(("name", "url"), PAGES, ids=IDS)
def test_every_page_reads_with_javascript_off(browser: Browser, base_url: str, name: str, url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(base_url + url)
    assert plain.locator("h1").first.is_visible()
    assert plain.locator(".c3-lang-switch a").is_visible()
    if name.endswith(("agency", "agency year")):
        assert plain.locator("#service_standards ol.c3-flow").first.is_visible()
        assert plain.locator("#listening_channels svg").is_visible()
    if name.endswith("services"):
        assert plain.locator(".c3-service-item").first.is_visible()
        assert plain.locator(".c3-filter").is_hidden()
    context.close()


@pytest.mark.parametrize(("name", "url"), PAGES, ids=IDS)
def test_axe_finds_no_wcag_21_aa_violation(page: Page, base_url: str, name: str, url: str) -> None:
    page.goto(base_url + url)
    page.evaluate(
        AXE_SCRIPT.read_text(encoding="utf-8")
    )  # not a <script> tag: the page's CSP would refuse it
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_21_AA,
    )
    summary = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]
    assert summary == [], json.dumps(summary, ensure_ascii=False)


@pytest.mark.parametrize(("name", "url"), PAGES, ids=IDS)
def test_headings_descend_one_level_at_a_time_and_tables_have_header_cells(
    page: Page, base_url: str, name: str, url: str
) -> None:
    page.goto(base_url + url)
    levels = page.eval_on_selector_all(
        ".md-content h1, .md-content h2, .md-content h3, .md-content h4, .md-content h5, .md-content h6",
        "els => els.map(e => Number(e.tagName[1]))",
    )
    assert levels and levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    headless = page.eval_on_selector_all(
        ".md-content table", "ts => ts.filter(t => !t.querySelector('th')).length"
    )
    assert headless == 0
    untitled = page.eval_on_selector_all(".md-content img", "imgs => imgs.filter(i => !i.alt).length")
    assert untitled == 0


def test_an_agency_pages_first_view_weighs_under_400_kb_photos_aside(page: Page, base_url: str) -> None:
    """Bytes as served, uncompressed; a host that compresses sends about a third of this."""
    sizes = first_view(page, base_url + PAGE_TYPES["agency"])
    total = sum(size for url, size in sizes.items() if not url.endswith((".jpg", ".webp", ".png")))
    assert total < 400_000, sorted(sizes.items(), key=lambda item: -item[1])[:6]
    paths = [url.split("?", 1)[0] for url in sizes]
    engine = re.compile(r"search_index\.json$|workers/search\.js$|search\.[0-9a-f]+\.min\.js$")
    lazy = [p for p in paths if engine.search(p)]
    assert lazy == [], "the search index and engine load only when search is opened"


def test_the_dashboard_table_sorts_in_the_browser_with_the_sites_own_code(page: Page, base_url: str) -> None:
    page.goto(base_url + "dashboard/")
    page.click("table[data-sortable] thead th:nth-child(4) button")
    percents = page.eval_on_selector_all(
        "table[data-sortable] tbody tr td:nth-child(4)", "cells => cells.map(c => Number(c.dataset.value))"
    )
    assert percents == sorted(percents) and len(percents) == 5
    page.click("table[data-sortable] thead th:nth-child(4) button")
    again = page.eval_on_selector_all(
        "table[data-sortable] tbody tr td:nth-child(4)", "cells => cells.map(c => Number(c.dataset.value))"
    )
    assert again == sorted(percents, reverse=True)
    assert page.get_attribute("table[data-sortable] thead th:nth-child(4)", "aria-sort") == "descending"


def test_the_services_list_filters_as_one_types(page: Page, base_url: str) -> None:
    page.goto(base_url + "services/")
    page.fill("#services-filter", "โฉนด")
    visible = page.eval_on_selector_all(".c3-service-item:not([hidden])", "items => items.length")
    assert visible == 1
    page.fill("#services-filter", "ไม่มีงานบริการนี้")
    assert page.is_visible(".c3-filter__none")
