"""What Lighthouse's accessibility audit (make audit) found on a phone, checked with the same axe
rules on every page type in both languages at Lighthouse's phone width."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import all_pages
from tests.browser.test_pages import AXE_SCRIPT

PAGES = all_pages()
# Not among axe's WCAG-tagged rules that test_pages runs, but in Lighthouse's accessibility score.
RULES = ["aria-dialog-name", "link-in-text-block"]


@pytest.mark.parametrize(("name", "url"), PAGES, ids=[name for name, _ in PAGES])
def test_a_screen_reader_names_the_search_dialog_and_links_in_text_are_underlined(
    browser: Browser, base_url: str, name: str, url: str
) -> None:
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + url)
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))  # not a <script> tag: the CSP refuses it
    violations = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'rule', values: rules}}).then(r => r.violations)", RULES
    )
    context.close()
    summary = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert summary == [], json.dumps(summary, ensure_ascii=False)
