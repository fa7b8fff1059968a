"""Where Chromium ends lines on a 360 px phone: between Thai words, and in file names at - _ . /."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from generator.render.wordbreak import THAI_RUN, segment
from tests.browser.conftest import PAGE_TYPES

THAI_PAGES = ["home", "agency", "agency year", "poster", "services", "contact", "participation", "data"]
# Each block's text, and the offsets in it where a new line starts, found character by character
# with Range.getClientRects. Code is left as it is written, and the closed search box is not shown.
LINES = """(root) => {
  const groups = new Map();
  const range = document.createRange();
  const blockOf = (node) => {
    let el = node.parentElement;
    while (el !== root && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
    return el;
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('pre, code, kbd, samp, .md-search')) continue;
    const block = blockOf(node);
    if (block.getBoundingClientRect().width === 0) continue;
    if (!groups.has(block)) groups.set(block, {text: '', starts: [], last: null});
    const group = groups.get(block);
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect || rect.height === 0) continue;
      const below = group.last && rect.top > group.last.top + group.last.height / 2;
      if (below) group.starts.push(group.text.length + i);
      group.last = rect;
    }
    group.text += node.data;
  }
  return [...groups.values()].filter(g => g.starts.length).map(g => [g.text, g.starts]);
}"""
FILE_NAMES = """() => [...document.querySelectorAll('.c3-data a[download]')].map(link => {
  const text = link.firstChild ? link.textContent : '';
  const range = document.createRange();
  const starts = [];
  let offset = 0, last = null;
  for (const node of [...link.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (last && rect.top > last.top + last.height / 2) starts.push(offset + i);
      last = rect;
    }
    offset += node.length;
  }
  return [text, starts];
})"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    yield context.new_page()
    context.close()


def inside_words(text: str) -> set[int]:
    """Offsets in ``text`` that fall inside a Thai word as the site's segmenter cuts it."""
    inside: set[int] = set()
    for match in THAI_RUN.finditer(text):
        start = match.start()
        for word in segment(match.group(0)):
            inside.update(range(start + 1, start + len(word)))
            start += len(word)
    return inside


def broken_words(page: Page) -> list[str]:
    """Each line end of the page that falls inside a Thai word, with the text around it."""
    broken = []
    for text, starts in page.evaluate(LINES, page.query_selector("body")):
        inside = inside_words(text)
        broken += [f"{text[max(0, i - 10) : i]}|{text[i : i + 10]}" for i in starts if i in inside]
    return broken


@pytest.mark.parametrize("name", THAI_PAGES)
def test_no_line_on_a_phone_ends_inside_a_thai_word(phone: Page, base_url: str, name: str) -> None:
    """A citizen would read "หน่วย" at a line's end and "งาน" on the next."""
    phone.goto(base_url + PAGE_TYPES[name])
    assert broken_words(phone) == []


def test_thai_words_in_untranslated_english_pages_are_kept_whole(phone: Page, base_url: str) -> None:
    """An English page shows an untranslated agency's Thai; its words break no more than on Thai pages."""
    phone.goto(base_url + "en/agencies/photharam-municipality/")
    assert broken_words(phone) == []


def test_file_names_on_the_data_page_wrap_only_after_a_separator(phone: Page, base_url: str) -> None:
    """A reader on a phone would see "statis|tics.csv" split in the middle of a word."""
    phone.goto(base_url + PAGE_TYPES["data"])
    names = phone.evaluate(FILE_NAMES)
    assert names and any(starts for _, starts in names)  # some names do wrap at 360 px
    for text, starts in names:
        assert [text[:i] for i in starts if not re.search(r"[-_./]$", text[:i])] == []
