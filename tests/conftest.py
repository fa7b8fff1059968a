"""Shared fixtures: paths, one real build of the examples, and parsed pages."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

# Records of files already checked on this machine (generator/checks.py) go to a folder of this
# run's own, so no test passes on what an earlier run recorded.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="c3-tests-cache-")

from generator.build import build_site
from generator.validate import validate_paths
from tools.browser import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CONTENT = ROOT / "content" / "agencies"
CONFIG = ROOT / "mkdocs.yml"
SITE, _ = validate_paths([CONTENT])
"""The examples, read once: what the built pages must show."""


@pytest.fixture(autouse=True)
def _quiet_mkdocs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The examples in content/, built for real by the same function as `make build`."""
    site = tmp_path_factory.mktemp("build") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        assert build_site(CONFIG, site, CONTENT) == 0
    yield site


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def search_pages(site: Path, prefix: str = "") -> list[dict[str, Any]]:
    """The pages a built site's search finds, as its page files hold them: ``u`` (URL), ``t``
    (title) and ``e`` (``[anchor, title, text]`` entries), in the index's order."""
    folder = site / prefix / "search"
    meta = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))["config"]["c3"]
    return [json.loads((folder / f"f/{n}.json").read_text(encoding="utf-8")) for n in range(meta["pages"])]


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at ``url`` (``agencies/x/2569/``; ``en/`` prefix for English)."""
    return parse(site / url / "index.html")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A site built for real from one agency whose every text is an attack (tests/hostile.py)."""
    from tests.hostile import NAME, PAYLOADS, hostile_agency, project_folder

    root = project_folder(tmp_path_factory.mktemp("hostile"))
    hostile_agency(root / "content" / "agencies", PAYLOADS, name=NAME)
    site = root / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        patch.chdir(root)
        assert build_site(root / "mkdocs.yml", site, root / "content" / "agencies") == 0
    yield site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, one for the whole run (Playwright's sync API allows one at a time)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs Debian's chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()
