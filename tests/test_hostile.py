"""Hostile text in every field an agency writes never reaches a citizen's browser as code."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.render import render_site
from generator.validate import validate_paths
from tests.hostile import PAYLOADS, hostile_content


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives_into_any_page(payload: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = hostile_content(payload, Path(folder))
        site, problems = validate_paths([content])
        assert site.agencies and not [p for p in problems if p.is_error]
        for lang in ("th", "en"):
            for page in render_site(site, lang, Path(folder) / "cache").pages:
                html = BeautifulSoup(page.body, "html.parser")
                for filter_box in html.select(".c3-filter"):  # the site's own search-as-you-type box
                    filter_box.decompose()
                assert not html.find_all(
                    ["script", "iframe", "form", "input", "math", "style", "meta", "base"]
                )
                # The one <details> is the report's own contents (a phone opens it without script).
                details = html.find_all("details")
                assert details == html.select("nav.c3-toc > details") and len(details) <= 1
                assert not [d for d in details if d.attrs]
                assert not [
                    s
                    for s in html.find_all("svg")
                    if not set(s.get("class") or []) & {"c3-chart__svg", "c3-qr"}
                ]
                for tag in html.find_all(True):
                    assert not [a for a in tag.attrs if a.startswith("on") or a == "style"], (page.path, tag)
                    for attr in ("href", "src", "action", "xlink:href"):
                        url = str(tag.get(attr, "")).strip().lower()
                        assert not url.startswith(("javascript:", "vbscript:", "data:")), (page.path, tag)
                if page.path.endswith("2569.md"):  # the texts are there, as text
                    assert ("ข้อความ" if lang == "th" else "text") in html.get_text()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_how_to_join_and_whom_to_ask_show_a_payload_as_text(payload: str) -> None:
    """The upcoming activity's card shows hostile how-to-join and contact texts, inert."""
    with tempfile.TemporaryDirectory() as folder:
        site, _ = validate_paths([hostile_content(payload, Path(folder))])
        for lang, prefix in (("th", "ข้อความ"), ("en", "text")):
            pages = render_site(site, lang, Path(folder) / "cache").pages
            bodies = [BeautifulSoup(p.body, "html.parser") for p in pages if "participation" in p.path]
            cards = [card for body in bodies for card in body.select(".c3-upcoming-card")]
            assert cards, lang
            for card in cards:
                join, contact = (
                    card.select_one(".c3-upcoming-card__join"),
                    card.select_one(".c3-upcoming-card__contact"),
                )
                assert join is not None and contact is not None
                assert prefix in join.get_text() and f"{prefix} {payload.strip()}" in contact.get_text()
                assert not card.find_all(
                    ["script", "iframe", "form", "input", "math", "style", "meta", "base"]
                )
