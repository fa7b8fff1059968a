"""Report what a first view of each page type downloads, by kind, and the search index sizes.

    .venv/bin/python -m tools.page_weight [SITE_DIR]    (default: site/, built by `make build`)

A first view is a page opened in headless Chromium at 360x740 without scrolling, so lazy
photos below the fold are not counted. Sizes are bytes as served and as gzip would send them.
"""

from __future__ import annotations

import gzip
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update"]  # fmt: skip
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
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    lines = [f"{'page type':<22}" + "".join(f"{k:>9}" for k in [*KINDS, "total", "gzip"])]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for prefix in ("", "en/"):
            for name, url in PAGE_TYPES.items():
                page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
                sizes = first_view(page, base + prefix + url)
                by_kind = {kind: 0 for kind in KINDS}
                packed = 0
                for response_url, size in sizes.items():
                    by_kind[kind_of(response_url)] = by_kind.get(kind_of(response_url), 0) + size
                    local = site / response_url.removeprefix(base).split("?", 1)[0]
                    local = local / "index.html" if local.is_dir() else local
                    packed += len(gzip.compress(local.read_bytes())) if local.is_file() else size
                total = sum(sizes.values())
                row = [f"{(prefix + ' ' if prefix else '') + name:<22}"]
                row += [f"{by_kind[k] / 1000:>8.1f}k" for k in KINDS]
                lines.append("".join(row) + f"{total / 1000:>8.1f}k{packed / 1000:>8.1f}k")
        browser.close()
    server.shutdown()
    for prefix in ("", "en/"):
        index = site / prefix / "search" / "search_index.json"
        raw = index.read_bytes()
        packed = len(gzip.compress(raw))
        lines.append(f"search index {prefix or 'th/'}: {len(raw) / 1000:.1f} kB, {packed / 1000:.1f} kB gzip")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
