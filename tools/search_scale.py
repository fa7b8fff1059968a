"""A built site with the search index of a province ``factor`` times larger, for `make bench`.

    .venv/bin/python -m tools.search_scale SITE FACTOR TARGET

Search's cost per query depends on its index alone, so building 10,000 agencies (a quarter of
an hour and 10 GB) is not needed to measure it: TARGET links every file of SITE but the two
search folders, whose index is built again from SITE's own report pages, ``factor`` times over,
each copy with its own agency numbers and addresses (as tools/bench.py numbers its agencies).
A real province's vocabulary grows faster than these copies', so its term files are larger:
the figures are a lower bound on bytes, not on the number of files.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from generator.search_index import SearchPage, write_index

_NUMBERED = re.compile(r"((?:ที่|Branch|Office) )(\d+)")
_AGENCY_URL = re.compile(r"^agencies/agency-(\d+)/")


def pages(folder: Path) -> tuple[list[SearchPage], list[SearchPage], dict[str, Any]]:
    """A built index's report pages and other pages, read back from its page files."""
    listing = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    meta = listing["config"]["c3"]
    reports: list[SearchPage] = []
    others: list[SearchPage] = []
    for n in range(meta["pages"]):
        fragment = json.loads((folder / f"f/{n}.json").read_text(encoding="utf-8"))
        entries = tuple((anchor, title, text) for anchor, title, text in fragment["e"])
        page = SearchPage(fragment["u"], fragment["t"], entries, staff=n >= meta["staff"], tier=2)
        (reports if _AGENCY_URL.match(page.url) else others).append(page)
    return reports, others, listing


def copy_of(page: SearchPage, k: int, agencies: int) -> SearchPage:
    """The ``k``-th copy of a report page: another agency's number, address and name."""

    def renumber(text: str) -> str:
        return _NUMBERED.sub(lambda m: m.group(1) + str(int(m.group(2)) + k * agencies), text)

    url = _AGENCY_URL.sub(lambda m: f"agencies/agency-{int(m.group(1)) + k * agencies:05d}/", page.url)
    entries = tuple((anchor, renumber(title), renumber(text)) for anchor, title, text in page.entries)
    return SearchPage(url, renumber(page.title), entries)


def scale(site: Path, factor: int, target: Path) -> dict[str, float]:
    """Write TARGET; returns the seconds the larger indexes took to build, and their pages."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    _link_tree(site, target, skip={site / "search", site / "en" / "search"})
    figures: dict[str, float] = {}
    for prefix in ("", "en"):
        reports, others, listing = pages(site / prefix / "search")
        agencies = len({_AGENCY_URL.match(p.url).group(1) for p in reports})  # type: ignore[union-attr]
        grown = [copy_of(page, k, agencies) for k in range(factor) for page in reports]
        folder = target / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(
            json.dumps({"config": {k: v for k, v in listing["config"].items() if k != "c3"}, "docs": []}),
            encoding="utf-8",
        )
        started = time.perf_counter()
        write_index(folder, [*grown, *others], staff=set())
        figures[f"index_{prefix or 'th'}_s"] = round(time.perf_counter() - started, 1)
        figures[f"pages_{prefix or 'th'}"] = len(grown) + len(others)
    return figures


def _link_tree(source: Path, target: Path, skip: set[Path]) -> None:
    """Hard-link every file (a copy where links cannot be made), folders made anew."""
    for path in source.iterdir():
        if path in skip:
            continue
        if path.is_dir():
            (target / path.name).mkdir()
            _link_tree(path, target / path.name, skip)
            continue
        try:
            (target / path.name).hardlink_to(path)
        except OSError:
            shutil.copy2(path, target / path.name)


if __name__ == "__main__":
    site, factor, target = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    print(json.dumps(scale(site, factor, target)))
