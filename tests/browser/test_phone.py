"""On a 360 px phone: service details, the participation table and its key, and the charts,
measured in a real Chromium (boxes, line positions, rendered text sizes), never by screenshot."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_pages import AXE_SCRIPT, WCAG_21_AA
from tests.conftest import SITE

PROVINCIAL = "agencies/ratchaburi-provincial-office/2569/"
REPORTS = [PROVINCIAL, "agencies/ratchaburi-land-office/", "agencies/photharam-municipality/"]
WITH_CHARTS = [PROVINCIAL, "channels/", "en/channels/"]
LANGS = ["", "en/"]


@contextmanager
def _open(browser: Browser, url: str, width: int) -> Iterator[Page]:
    """``url`` in a window ``width`` px wide, a phone's below 600 px."""
    phone = width < 600
    context = browser.new_context(
        viewport={"width": width, "height": 740 if phone else 900},
        device_scale_factor=2 if phone else 1,
        is_mobile=phone,
        has_touch=phone,
    )
    opened = context.new_page()
    opened.goto(url)
    yield opened
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A 360 px phone, as most citizens in the province hold one."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    opened = context.new_page()
    yield opened
    context.close()


# Each fact's value box beside the box of the card it is in.
_VALUE_SHARES = """() => [...document.querySelectorAll(
    '.c3-service dl.c3-facts dd, .c3-card dl.c3-facts dd, .c3-contact dl.c3-facts dd')].map(dd => {
  const card = dd.closest('.c3-service, .c3-card, .c3-contact');
  const share = dd.getBoundingClientRect().width / card.getBoundingClientRect().width;
  return [dd.textContent.trim().slice(0, 40), share];
})"""

# Where a link's text goes on to a new line: the characters either side of each line break.
_URL_BREAKS = """() => [...document.querySelectorAll('a.c3-url')].flatMap(a => {
  const chars = [];
  const walk = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (box.width > 0) chars.push([node.data[i], box.top, box.height]);
    }
  }
  const breaks = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i][1] > chars[i - 1][1] + chars[i - 1][2] / 2) breaks.push(chars[i - 1][0] + '|' + chars[i][0]);
  }
  return breaks.map(b => [a.textContent, b]);
})"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("report", REPORTS)
def test_service_details_give_every_value_most_of_the_cards_width(
    phone: Page, base_url: str, lang: str, report: str
) -> None:
    """At 360 px a fact's value (place, hours, address) is not squeezed into a narrow column."""
    phone.goto(base_url + lang + report)
    shares = phone.evaluate(_VALUE_SHARES)
    assert shares
    assert [(text, round(share, 2)) for text, share in shares if share < 0.8] == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("report", REPORTS)
def test_web_addresses_wrap_after_slashes_and_dots_never_between_letters(
    phone: Page, base_url: str, lang: str, report: str
) -> None:
    """A long address such as https://www.ratchaburi.example.go.th/complaint reads in pieces."""
    phone.goto(base_url + lang + report)
    breaks = phone.evaluate(_URL_BREAKS)
    assert [(url, at) for url, at in breaks if at[0].isalnum() and at[-1].isalnum()] == []


def test_a_long_address_does_wrap_on_a_phone(phone: Page, base_url: str) -> None:
    """The check above sees line breaks: the provincial office's complaint address takes two lines."""
    phone.goto(base_url + PROVINCIAL)
    assert phone.evaluate(_URL_BREAKS)


_LEVEL_CELLS = """() => [...document.querySelectorAll('#participation_levels table.c3-levels tbody tr')].map(
  tr => [...tr.querySelectorAll('td.c3-level')].map(td => {
    const box = td.getBoundingClientRect();
    return [box.left, box.right, box.width, box.height];
  }))"""


@pytest.mark.parametrize("lang", LANGS)
def test_all_five_participation_levels_show_on_a_phone_without_scrolling_sideways(
    phone: Page, base_url: str, lang: str
) -> None:
    """No level of the table is cut off or behind a sideways scroll at 360 px."""
    phone.goto(base_url + lang + PROVINCIAL)
    rows = phone.evaluate(_LEVEL_CELLS)
    provincial = next(a for a in SITE.agencies if a.slug == "ratchaburi-provincial-office")
    assert len(rows) == len(provincial.reports[2569].participation_levels)
    for cells in rows:
        assert len(cells) == 5
        for left, right, width, height in cells:
            assert left >= 0 and right <= 360 and width >= 32 and height >= 20
    wrap = phone.locator("#participation_levels .c3-table-wrap")
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360


_KEY_STEPS = """() => [...document.querySelectorAll('#participation_levels .c3-spectrum__level')].map(li => {
  const box = li.getBoundingClientRect();
  const number = getComputedStyle(li.querySelector('strong'), '::before').content;
  return [Math.round(box.left), Math.round(box.top), number];
})"""


@pytest.mark.parametrize("width", [360, 600, 768, 1024, 1280, 1600])
def test_the_five_level_key_reads_as_one_scale_at_every_width(
    browser: Browser, base_url: str, width: int
) -> None:
    """The key is five numbered steps in one row or in one column, never split 3 + 2."""
    with _open(browser, base_url + PROVINCIAL, width) as opened:
        steps = opened.evaluate(_KEY_STEPS)
        lefts = [left for left, _, _ in steps]
        tops = [top for _, top, _ in steps]
        assert len(steps) == 5
        one_row = len(set(tops)) == 1 and lefts == sorted(set(lefts))
        one_column = len(set(lefts)) == 1 and tops == sorted(set(tops))
        assert one_row or one_column, steps
        assert "none" not in [content for _, _, content in steps]  # each step shows its number


_CHART_TEXT = """() => [...document.querySelectorAll('svg.c3-chart__svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const column = svg.closest('figure').parentElement.getBoundingClientRect().width;
  const caption = svg.closest('figure').parentElement.querySelector('table caption')
    || document.querySelector('.md-typeset table caption');
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    const inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5
      && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
    return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a, inside];
  });
  return {width: box.width, column, smallPrint: parseFloat(getComputedStyle(caption).fontSize), texts};
})"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("url", WITH_CHARTS)
def test_charts_fill_the_column_with_text_as_large_as_the_small_print(
    browser: Browser, base_url: str, url: str, width: int
) -> None:
    """A chart is as wide as the text beside it, and no label in it is smaller than a table's caption
    or cut off at its edge."""
    with _open(browser, base_url + url, width) as opened:
        charts = opened.evaluate(_CHART_TEXT)
        assert charts
        for chart in charts:
            assert chart["width"] >= 0.95 * chart["column"]
            assert chart["texts"]
            assert [t for t, size, _ in chart["texts"] if size < chart["smallPrint"] - 0.01] == []
            assert [t for t, _, inside in chart["texts"] if not inside] == []


@pytest.mark.parametrize(
    "url",
    [
        PROVINCIAL,
        "en/" + PROVINCIAL,
        "agencies/photharam-municipality/",
        "en/agencies/ratchaburi-land-office/",
        "channels/",
        "en/channels/",
        "services/",
        "dashboard/",
        "en/dashboard/",
        "en/submit/reference/",
    ],
)
def test_axe_finds_no_violation_in_the_phone_layout(phone: Page, base_url: str, url: str) -> None:
    """The cards, the stacked facts, the wide charts stay within WCAG 2.1 AA at 360 px; a table
    too wide for a phone (long English words, the dashboard) scrolls in a box a keyboard reaches."""
    phone.goto(base_url + url)
    phone.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    found = phone.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_21_AA,
    )
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found] == []


# Each year of the "other years" line: how many line boxes it takes, its left edge and top, the
# height of its link; and the left edge of the line's box and the bottom of its label.
_YEARS = """() => [...document.querySelectorAll('nav.c3-years')].map(nav => {
  const label = nav.querySelector(':scope > span').getBoundingClientRect();
  const items = [...nav.querySelectorAll('li')].map(li => {
    const boxes = [...li.getClientRects()].filter(r => r.width > 0);
    const target = li.firstElementChild.getBoundingClientRect();
    return [li.textContent.trim(), boxes.length, boxes[0].left, boxes[0].top, target.height];
  });
  return [nav.getBoundingClientRect().left, label.bottom, items];
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_other_years_of_a_report_each_stay_on_one_line_flush_with_the_text(
    phone: Page, base_url: str, lang: str
) -> None:
    """At 360 px "ปีงบประมาณ / พ.ศ. 2568" broke across lines and the first year was indented."""
    phone.goto(base_url + lang + PROVINCIAL)
    for left, label_bottom, items in phone.evaluate(_YEARS):
        assert all(boxes == 1 for _, boxes, *_ in items), items
        below = [item_left for _, _, item_left, top, _ in items if top >= label_bottom - 1]
        assert not below or abs(min(below) - left) < 1, items
        assert all(height >= 24 for *_, height in items), f"a year is too small a target: {items}"


@pytest.mark.parametrize("url", [*REPORTS, "channels/"])
def test_thai_report_tables_show_every_column_on_a_phone_without_scrolling_sideways(
    phone: Page, base_url: str, url: str
) -> None:
    """Words kept whole must still fit: "โทรศัพท์/โทรสาร/สายด่วน" on one line put 2569 off screen,
    "องค์กรปกครองส่วนท้องถิ่น" (173 px) pushed section 6's stakeholders column off it."""
    phone.goto(base_url + url)
    widths = phone.eval_on_selector_all(
        "article table.c3-table",
        "tables => tables.map(t => [t.getBoundingClientRect().width, t.parentElement.clientWidth])",
    )
    assert widths and all(table <= box + 1 for table, box in widths), widths


_SHIFTS = """() => new Promise(done => {
  const moved = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      for (const source of entry.sources || []) {
        const node = source.node;
        moved.push(node ? node.id || node.className : '?');
      }
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(moved), 300);
})"""


@pytest.mark.parametrize("url", ["contact/", "services/", "en/contact/"])
def test_the_list_does_not_jump_when_its_filter_box_appears(phone: Page, base_url: str, url: str) -> None:
    """A citizen about to tap an agency saw the list move down as the filter box appeared after
    the first paint (Lighthouse: layout shift 0.07 on contact/ and services/)."""
    phone.route("**/*.woff2", lambda route: route.abort())  # a late font face moves text too
    slow = phone.context.new_cdp_session(phone)  # a mid-range phone: the first paint comes first
    slow.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    phone.goto(base_url + url, wait_until="load")
    moved = phone.evaluate(_SHIFTS)
    assert [node for node in moved if "list" in str(node)] == []
    assert phone.locator(".c3-filter input").is_visible()
