"""Report what a first view of each page type downloads, by kind, and the search index sizes.

    .venv/bin/python -m tools.page_weight [SITE_DIR]    (default: site/, built by `make build`)

A first view is a page opened in headless Chromium at 360x740 without scrolling, so lazy
photos below the fold are not counted. Sizes are bytes as served and as gzip would send them.
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tools.browser import ARGS, CHROMIUM, served

PAGE_TYPES = {
    "home": "",
    "agency list": "agencies/",
    "agency": "agencies/ratchaburi-land-office/",
    "services": "services/",
    "channels": "channels/",
    "poster": "agencies/ratchaburi-land-office/services/1/",
}
KINDS = {"html": ("/", ".html"), "css": (".css",), "js": (".js",), "font": (".woff2",),
         "image": (".jpg", ".webp", ".png", ".svg")}  # fmt: skip


def first_view(page: Page, url: str) -> dict[str, int]:
    """Every response of a first view of ``url``, with its size in bytes."""
    sizes: dict[str, int] = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, len(response.body())))
    page.goto(url, wait_until="networkidle")
    return sizes


def kind_of(url: str) -> str:
    path = url.split("?", 1)[0]
    return next((kind for kind, ends in KINDS.items() if path.endswith(ends)), "other")


def report(site: Path) -> str:
    with served(site) as base:
        lines = [f"{'page type':<22}" + "".join(f"{k:>9}" for k in [*KINDS, "total", "gzip"])]
        lines += _first_views(site, base)
    lines += [search_index_line(site / prefix / "search", prefix or "th/") for prefix in ("", "en/")]
    return "\n".join(lines)


def search_index_line(folder: Path, name: str) -> str:
    """What opening search downloads (the list of the index's files) and what a query adds: a
    few term and page files, of the sizes given here as packed (.json.gz) medians and maxima."""
    listing = (folder / "search_index.json").stat().st_size
    parts = []
    for kind, sub in (("term", "t"), ("page", "f")):
        sizes = sorted(p.stat().st_size for p in (folder / sub).glob("*.json.gz"))
        if sizes:
            median, largest = statistics.median(sizes) / 1000, sizes[-1] / 1000
            parts.append(f"{len(sizes)} {kind} files, {median:.1f} kB median, {largest:.1f} kB largest")
    return f"search index {name}: list {listing / 1000:.1f} kB; " + "; ".join(parts) + " (packed)"


def _first_views(site: Path, base: str) -> list[str]:
    """A row per page type and language: bytes by kind, in all, and as gzip would send them."""
    lines = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for prefix in ("", "en/"):
            for name, url in PAGE_TYPES.items():
                page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
                sizes = first_view(page, base + prefix + url)
                by_kind = dict.fromkeys(KINDS, 0)
                packed = 0
                for response_url, size in sizes.items():
                    by_kind[kind_of(response_url)] = by_kind.get(kind_of(response_url), 0) + size
                    local = site / response_url.removeprefix(base).split("?", 1)[0]
                    local = local / "index.html" if local.is_dir() else local
                    packed += len(gzip.compress(local.read_bytes())) if local.is_file() else size
                row = f"{(prefix + ' ' if prefix else '') + name:<22}" + "".join(
                    f"{by_kind[k] / 1000:>8.1f}k" for k in KINDS
                )
                lines.append(row + f"{sum(sizes.values()) / 1000:>8.1f}k{packed / 1000:>8.1f}k")
        browser.close()
    return lines


if __name__ == "__main__":
    print(report(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
