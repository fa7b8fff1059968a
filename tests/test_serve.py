"""`make serve`: the preview reloads by itself when an agency's file changes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser

from tests.conftest import ROOT

PROJECT_FILES = ["Makefile", "mkdocs.yml", "mkdocs.en.yml", "pyproject.toml", "requirements.txt",
                 "requirements-dev.txt", "docs", "theme_overrides", "content"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    """Poll until the page holds ``text``; serving and rebuilding take a few seconds."""
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}")


def test_make_serve_rebuilds_and_reloads_after_an_agency_file_changes(
    tmp_path: Path, browser: Browser
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    (project / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    (project / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    port = free_port()
    server = subprocess.Popen(
        ["make", "-s", "serve", f"ADDR=127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/agencies/ratchaburi-land-office/"
        html = wait_for(url, "สำนักงานที่ดินจังหวัดราชบุรี")
        assert "livereload" in html, "the served page has no live-reload script"
        wait_for(f"http://127.0.0.1:{port}/en/agencies/ratchaburi-land-office/", "Ratchaburi Provincial Land")
        page = browser.new_page()
        page.goto(url)
        agency = project / "content/agencies/ratchaburi-land-office/agency.yml"
        agency.write_text(
            agency.read_text(encoding="utf-8").replace("สำนักงานที่ดินจังหวัดราชบุรี", "สำนักงานที่ดินทดสอบ"),
            encoding="utf-8",
        )
        # The open page reloads by itself: the policy admits the server's live-reload script.
        page.locator("h1", has_text="สำนักงานที่ดินทดสอบ").first.wait_for(timeout=90_000)
        page.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
