"""How long one agency's edit takes to show: in `make serve` (the whole province, rebuilt) and
in `make preview AGENCY=<folder>` (that agency alone), timed from the file's save to the
served page holding the new text."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(config: Path, agency_file: Path) -> dict[str, float]:
    preview = {"C3_AGENCY": agency_file.parent.name, "C3_PREVIEW": "true"}
    return {
        "serve_edit_s": round(statistics.median(edit_times(config, agency_file, {}, edits=1)), 2),
        "preview_edit_s": round(statistics.median(edit_times(config, agency_file, preview, edits=3)), 2),
    }


def edit_times(config: Path, agency_file: Path, env: dict[str, str], edits: int) -> list[float]:
    """Serve the site, then change the agency's name ``edits`` times; seconds until each shows."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--livereload",
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/agencies/{agency_file.parent.name}/"
    original = agency_file.read_text(encoding="utf-8")
    name = "สาขาที่ 0\n"
    assert name in original, "the corpus's first agency is a land office branch"
    times = []
    try:
        _wait_for(url, "สาขาที่ 0")
        for edit in range(edits):
            marker = f"ฉบับแก้ไข {edit}"
            started = time.perf_counter()
            agency_file.write_text(original.replace(name, f"สาขาที่ 0 {marker}\n"), encoding="utf-8")
            _wait_for(url, marker)
            times.append(time.perf_counter() - started)
    finally:
        agency_file.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=60)
    return times


def _wait_for(url: str, text: str, seconds: float = 900) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} never showed {text!r}")
