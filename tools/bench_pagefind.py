"""The alternative design, Pagefind, measured beside the site's own search, the same way.

    .venv/bin/python -m tools.bench_pagefind SITE_DIR [--runs N] [--queries Q ...] [--pagefind-only]

Builds a Pagefind 1.5 index (``requirements-bench.txt``; ``make bench`` installs it) over the
pages the site's own index covers: each agency's yearly report and the site's hand-written
pages (not the agency landing pages or service posters, which repeat the report). Each page
is one custom record: its title, and the text of its ``article.md-content__inner`` with the
Thai cut into words by ICU (as generator/search.py cuts the site's own index) joined by
spaces, language ``th`` (or ``en`` for pages under ``en/``). The bundle goes to
``.bench/pagefind/<site folder name>/`` with two minimal pages, ``search/`` (Thai) and
``en/search/``, that load Pagefind's default UI (pagefind-ui.js and .css, same origin) and
cut a Thai query into words with ``Intl.Segmenter`` (the UI's ``processTerm``), as the site's
search worker does. The site itself is only read.

Measured with tools/bench_search.py's code (fresh phone-sized contexts, 4x CPU, keys typed,
latency from the last key to the settled results, bytes over the wire): the UI's search box
is tapped and typed into, ``.pagefind-ui__result`` items with a link are its results and
``.pagefind-ui__message`` its meta line. Pagefind's UI waits 300 ms after a key before it
searches (its default); that wait is in its latency, as a reader would feel it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import html  # type: ignore[import-untyped]

from generator.search import ZWSP, segment_thai
from tools import bench_search
from tools.bench_search import QUERIES, SearchUI

ROOT = Path(__file__).resolve().parents[1]
PAGEFIND = SearchUI(
    open=None, box=".pagefind-ui__search-input", item=".pagefind-ui__result", meta=".pagefind-ui__message"
)
REPORT = re.compile(r"^agencies/[^/]+/\d{4}/index\.html$")
PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind</title>
<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<script src="/pagefind/pagefind-ui.js"></script>
<script src="/start.js" defer></script>
</head>
<body><main><div id="search"></div></main></body>
</html>
"""
# The site's search worker cuts a Thai query with Intl.Segmenter; Pagefind's UI gets the same.
START = """window.addEventListener("DOMContentLoaded", function () {
  var words = new Intl.Segmenter("th", { granularity: "word" });
  function cut(term) {
    return term.replace(/[\\u0E00-\\u0E7F]+/g, function (run) {
      return Array.from(words.segment(run), function (part) { return part.segment; }).join(" ");
    });
  }
  new PagefindUI({ element: "#search", bundlePath: "/pagefind/", showImages: false, processTerm: cut });
});
"""


def indexed_pages(site: Path) -> Iterator[tuple[str, Path]]:
    """(language, page) for each page the site's own search covers: reports and site pages."""
    for page in sorted(site.rglob("index.html")):
        relative = page.relative_to(site).as_posix()
        lang, relative = ("en", relative[3:]) if relative.startswith("en/") else ("th", relative)
        agency_page = relative.startswith("agencies/") and relative != "agencies/index.html"
        if agency_page and not REPORT.match(relative):
            continue
        yield lang, page


def record(site: Path, lang: str, page: Path) -> dict[str, Any]:
    """A page's URL, title and main text (Thai cut into words, joined by spaces)."""
    tree = html.fromstring(page.read_bytes())
    main = tree.xpath("//article[contains(@class, 'md-content__inner')]")
    text = " ".join((main[0] if main else tree).text_content().split())
    title = " ".join("".join(tree.xpath("//h1[1]//text()") or tree.xpath("//title/text()")).split())
    url = "/" + page.parent.relative_to(site).as_posix() + "/"
    return {
        "url": url.replace("//", "/"),
        "content": segment_thai(text).replace(ZWSP, " "),
        "language": lang,
        "meta": {"title": title},
    }


async def _write_index(site: Path, bundle: Path) -> int:
    from pagefind.index import PagefindIndex

    count = 0
    async with PagefindIndex(config={"output_path": str(bundle)}) as index:
        for lang, page in indexed_pages(site):
            await index.add_custom_record(**record(site, lang, page))
            count += 1
    return count


def build(site: Path, out: Path | None = None) -> Path:
    """The Pagefind bundle and the two search pages, in a folder of their own; returns it."""
    out = out or ROOT / ".bench" / "pagefind" / site.resolve().name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    count = asyncio.run(_write_index(site, out / "pagefind"))
    for prefix, lang in (("", "th"), ("en/", "en")):
        (out / prefix / "search").mkdir(parents=True)
        (out / prefix / "search" / "index.html").write_text(PAGE.format(lang=lang), encoding="utf-8")
    (out / "start.js").write_text(START, encoding="utf-8")
    size = sum(p.stat().st_size for p in (out / "pagefind").rglob("*") if p.is_file())
    print(f"pagefind: {count} pages indexed into {out} ({size / 1e6:.1f} MB)", flush=True)
    return out


def measure(folder: Path, runs: int, queries: list[str], key_delay_ms: int = bench_search.KEY_DELAY_MS,
            ) -> dict[str, Any]:  # fmt: skip
    """Pagefind's default UI on the built bundle, measured as bench_search measures the site."""
    with bench_search.served_gzip(folder) as base:
        return bench_search.bench(base, PAGEFIND, queries, runs, "search/", bench_search.say, key_delay_ms)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="fresh visits per query; medians are reported")
    parser.add_argument("--queries", nargs="+", default=QUERIES, help="'en:' before a query: in English")
    parser.add_argument("--key-delay", type=int, default=bench_search.KEY_DELAY_MS, help="ms between keys")
    parser.add_argument("--pagefind-only", action="store_true", help="do not measure the site's own search")
    parser.add_argument("--json", type=Path, help="write the figures (and every run's) here")
    args = parser.parse_args(argv)
    results: dict[str, dict[str, Any]] = {}
    if not args.pagefind_only:
        results["ours"] = bench_search.measure_site(
            args.site, args.runs, args.queries, progress=bench_search.say, key_delay_ms=args.key_delay
        )
    results["pagefind"] = measure(build(args.site), args.runs, args.queries, args.key_delay)
    for name, result in results.items():
        result["summary"] = bench_search.language_figures(result, f"search_{name}")
        print(json.dumps(result["summary"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(bench_search.table(results))


if __name__ == "__main__":
    main(sys.argv[1:])
