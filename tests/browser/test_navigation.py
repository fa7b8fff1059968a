"""Finding one's way on a long report, on a phone and a wide screen, and around the site."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page

from generator.model import SECTION_KEYS

REPORT = "agencies/ratchaburi-provincial-office/2569/"
STAFF_PAGES = ("dashboard/", "submit/", "submit/reference/", "scale/")
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True}
WIDE = {"viewport": {"width": 1280, "height": 900}}
SIDEBAR_LINKS = ".md-sidebar--secondary .md-nav--secondary a.md-nav__link"
ANCHORS = [f"#{key}" for key in SECTION_KEYS]


@pytest.fixture(params=[True, False], ids=["js", "no js"])
def javascript(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


@pytest.fixture
def wide(browser: Browser, javascript: bool) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=javascript, **WIDE)  # type: ignore[arg-type]
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser, javascript: bool) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=javascript, **PHONE)  # type: ignore[arg-type]
    yield context.new_page()
    context.close()


def settled(page: Page) -> None:
    """Waits for a smooth scroll to end: scrollY the same twice, 100 ms apart."""
    before = -1
    for _ in range(30):
        now = page.evaluate("scrollY")
        if now == before:
            return
        before = now
        page.wait_for_timeout(100)


def lands_on(page: Page, key: str) -> None:
    """The address names the section and its top is in the upper third of the screen, under the
    header (a short last section can only come as far up as the page's end allows)."""
    assert page.url.endswith(f"#{key}")
    settled(page)
    top, header, height = page.evaluate(
        """id => [document.getElementById(id).getBoundingClientRect().top,
                  document.querySelector('.md-header').getBoundingClientRect().bottom, innerHeight]""",
        key,
    )
    assert header <= top <= height / 3, (key, top, header)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_wide_screen_lists_the_twelve_sections_beside_the_text_and_each_link_lands_on_it(
    wide: Page, base_url: str, lang: str
) -> None:
    wide.goto(base_url + lang + REPORT)
    links = wide.locator(SIDEBAR_LINKS)
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == ANCHORS
    text_right = wide.locator(".md-content").bounding_box()
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and text_right and box["x"] >= text_right["x"] + text_right["width"]
    assert wide.locator(".c3-report .c3-toc").is_hidden()  # no second copy in the text
    for i, key in enumerate(SECTION_KEYS):
        links.nth(i).click()
        lands_on(wide, key)
        assert links.nth(i).is_visible()  # the list stays beside the text, far down the page too
        assert links.nth(i).bounding_box()["y"] >= 0  # type: ignore[index]


def test_on_a_phone_the_contents_are_one_tap_away_near_the_top(phone: Page, base_url: str) -> None:
    phone.goto(base_url + REPORT)
    summary = phone.locator(".c3-toc summary")
    box = summary.bounding_box()
    assert box and box["y"] + box["height"] <= 740, "visible without scrolling"
    assert box["height"] >= 44 and box["width"] >= 300, "a target a thumb can hit"
    links = phone.locator(".c3-toc ol a")
    assert links.first.is_hidden()
    summary.click()
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == ANCHORS
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    links.nth(SECTION_KEYS.index("networks")).click()
    lands_on(phone, "networks")


def test_every_section_ends_with_a_link_back_to_the_top(phone: Page, base_url: str) -> None:
    phone.goto(base_url + REPORT + "#next_steps")
    assert phone.evaluate("scrollY") > 5000
    for key in SECTION_KEYS:
        assert phone.locator(f"#{key} > .c3-back a[href='#top']").count() == 1
    phone.locator("#next_steps > .c3-back a").click()
    settled(phone)
    assert phone.evaluate("scrollY") == 0
    assert phone.locator(".c3-toc summary").is_visible()


@pytest.mark.parametrize(
    ("start", "switch", "expected"),
    [
        ("", ".c3-lang-switch a", "en/"),
        ("en/", ".c3-lang-switch a", ""),
        ("", ".md-select__link[hreflang=en]", "en/"),
    ],
)
def test_switching_language_keeps_the_section_one_was_reading(
    page: Page, base_url: str, start: str, switch: str, expected: str
) -> None:
    page.goto(f"{base_url}{start}{REPORT}#networks")
    page.locator(switch).dispatch_event("click")  # the header's menu opens on hover
    page.wait_for_url(f"{base_url}{expected}{REPORT}#networks")
    lands_on(page, "networks")


def test_a_section_chosen_from_the_contents_is_kept_when_switching_language(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + REPORT)
    page.locator(f"{SIDEBAR_LINKS}[href='#next_steps']").click()
    page.click(".c3-lang-switch a")
    page.wait_for_url(f"{base_url}en/{REPORT}#next_steps")


def search_results(page: Page, base_url: str, prefix: str, query: str) -> list[str]:
    page.goto(f"{base_url}{prefix}?q={quote(query)}")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    return [str(h).removeprefix(base_url + prefix).split("#", 1)[0] for h in hrefs]


@pytest.mark.parametrize(("prefix", "query"), [("", "รายงาน"), ("", "ข้อมูล"), ("en/", "report")])
def test_search_shows_citizens_pages_before_pages_for_staff(
    page: Page, base_url: str, prefix: str, query: str
) -> None:
    """Words found on both a citizens' page and a page for agencies and staff."""
    found = list(dict.fromkeys(search_results(page, base_url, prefix, query)))
    staff = [i for i, url in enumerate(found) if url in STAFF_PAGES]
    citizens = [i for i, url in enumerate(found) if url not in STAFF_PAGES]
    assert staff and citizens, found  # still found, just later
    assert max(citizens) < min(staff), found


def test_the_404_page_says_so_in_thai_and_english_and_leads_on(page: Page, base_url: str) -> None:
    page.goto(base_url + "404.html")
    assert page.locator("h1").inner_text() == "ไม่พบหน้าที่ต้องการ"
    assert page.locator(".c3-404__other[lang=en] h2").inner_text() == "Page not found"
    hrefs = page.eval_on_selector_all(".c3-404 a", "els => els.map(e => e.getAttribute('href'))")
    assert "/services/" in hrefs and "/contact/" in hrefs and "/en/" in hrefs
    for href in hrefs:
        assert page.request.get(base_url + str(href).lstrip("/")).ok, href
    page.click(".c3-404__search label")
    page.locator(".md-search__input").fill("โฉนด")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
