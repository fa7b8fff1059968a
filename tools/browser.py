"""What the browser tests and tools/page_weight.py share: Debian's Chromium, and a local server."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling out to Google's hosts.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update"]  # fmt: skip


# One page of each type, the pages the browser tests and `make audit` open (Thai at /, English at en/).
PAGE_TYPES = {
    "home": "",
    "agency list": "agencies/",
    "agency": "agencies/ratchaburi-land-office/",
    "agency year": "agencies/ratchaburi-provincial-office/2568/",
    "services": "services/",
    "contact": "contact/",
    "participation": "participation/",
    "channels": "channels/",
    "poster": "agencies/ratchaburi-land-office/services/1/",
    "about": "about/",
    "how to submit": "submit/",
    "field reference": "submit/reference/",
    "dashboard": "dashboard/",
    "data": "data/",
}
LANGS = {"th": "", "en": "en/"}


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path, handler: type[SimpleHTTPRequestHandler] = Quiet) -> Iterator[str]:
    """``site`` served over HTTP on the loopback address, as a static host would; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
