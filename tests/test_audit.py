"""make audit's driver (tools/audit.py) without Lighthouse: it reads a real report, trimmed to
the fields it reads (tests/fixtures/lighthouse-404.json: the Thai 404 page, Lighthouse 12.8.2)."""

from __future__ import annotations

import gzip
import json
import urllib.request
from pathlib import Path

from tests.browser.conftest import LANGS, PAGE_TYPES
from tools.audit import pages, scores, served_as_host, shortfalls, table

REPORT = json.loads((Path(__file__).parent / "fixtures" / "lighthouse-404.json").read_text(encoding="utf-8"))


def test_the_audit_reads_the_four_scores_out_of_100() -> None:
    """The table shows Lighthouse's scores as the report page does, 0-100."""
    assert scores(REPORT) == {"performance": 87, "accessibility": 100, "best-practices": 100, "seo": 91}


def test_the_audit_names_what_costs_points_and_where() -> None:
    """A maintainer learns which audit failed on which element, not just a lower number."""
    found = {item.audit: item for item in shortfalls(REPORT)}
    assert found["crawlable-anchors"].category == "seo"
    assert found["crawlable-anchors"].elements == (
        "div.md-select__inner > ul.md-select__list > li.md-select__item > a.md-select__link",
    )
    assert "first-contentful-paint" in found
    assert all(item.category != "accessibility" for item in found.values())


def test_the_table_marks_scores_under_95_and_gives_each_categorys_median() -> None:
    """Under the target stands out (✗), and the last line sums the site up per category."""
    rows = {"th 404": scores(REPORT), "th home": {**scores(REPORT), "performance": 99, "seo": 100}}
    lines = table(rows).splitlines()
    assert lines[2].split() == ["th", "404", "✗", "87", "100", "100", "✗", "91"]
    assert lines[3].split() == ["th", "home", "99", "100", "100", "100"]
    assert lines[-1].split() == ["median", "✗", "93", "100", "100", "96"]


def test_the_audit_covers_every_page_type_the_browser_tests_open_in_both_languages() -> None:
    """A new page type in the browser tests is not left out of the scores."""
    audited = dict(pages())
    for lang, prefix in LANGS.items():
        for name, url in PAGE_TYPES.items():
            assert audited[f"{lang} {name}"] == prefix + url
        assert audited[f"{lang} 404"] == prefix + "404.html"


def test_the_audit_serves_pages_compressed_with_the_sites_headers(built_site: Path) -> None:
    """Lighthouse sees the site as a host sends it (gzip, CSP header), not a bare file server."""
    with served_as_host(built_site) as base:
        request = urllib.request.Request(base + "en/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
            assert b'lang="en"' in gzip.decompress(response.read())
