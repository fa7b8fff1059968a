"""Lighthouse scores of one page of each type, in Thai and English: a measurement, not a CI gate.

    make audit                                     (builds, installs Lighthouse with npm ci, runs this)
    .venv/bin/python -m tools.audit [SITE_DIR] [--runs N] [--out DIR] [--plain] [--page "th poster" ...]

Each page is served from the built site on the loopback address as a static host serves it
(text gzipped, the headers of site/_headers; --plain: uncompressed, as the browser tests serve
it; the 404 page is audited at /404.html, which hosts send for a missing page) and audited by
Lighthouse (the pinned npm package in node_modules/) driving Debian's Chromium, one page at a
time, with Lighthouse's default mobile emulation: a mid-range phone's screen, 4x CPU slowdown and
a simulated slow 4G network. Prints the performance, accessibility, best-practices and SEO score
of every page (the median of the runs), the median of each category, and what keeps a page
below the target; the JSON reports are kept in .audit/.
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from tools.browser import ARGS, CHROMIUM, LANGS, PAGE_TYPES, Quiet, served

LIGHTHOUSE = Path("node_modules/.bin/lighthouse")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95
# One page of each type, and the page a host shows for a missing one.
PAGES = {**PAGE_TYPES, "404": "404.html"}
Report = dict[str, Any]
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")


class _Host(Quiet):
    """Files as a static host sends them: text gzipped, and the headers of the site's _headers."""

    headers_file: ClassVar[tuple[tuple[str, str, str], ...]] = ()

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        for pattern, name, value in self.headers_file:
            if fnmatch.fnmatch(path, pattern):
                self.send_header(name, value)
        super().end_headers()

    def send_head(self) -> Any:
        local = Path(self.translate_path(self.path))
        local = local / "index.html" if local.is_dir() and self.path.split("?", 1)[0].endswith("/") else local
        if not (
            local.is_file()
            and local.suffix in COMPRESSED
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(local.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def headers_rules(site: Path) -> list[tuple[str, str, str]]:
    """(path pattern, header, value) from the site's _headers file (Netlify's format)."""
    rules: list[tuple[str, str, str]] = []
    pattern = ""
    file = site / "_headers"
    for line in file.read_text(encoding="utf-8").splitlines() if file.is_file() else []:
        if line and not line[0].isspace():
            pattern = line.strip()
        elif ":" in line and pattern:
            name, value = line.strip().split(":", 1)
            rules.append((pattern, name.strip(), value.strip()))
    return rules


@contextmanager
def served_as_host(site: Path) -> Iterator[str]:
    """``site`` served on the loopback address the way a static host serves it (gzip, _headers)."""
    with served(site, type("Host", (_Host,), {"headers_file": tuple(headers_rules(site))})) as url:
        yield url


@dataclass(frozen=True)
class Shortfall:
    """One audit that costs a page points: what Lighthouse says, and on which elements."""

    category: str
    audit: str
    title: str
    score: float | None
    elements: tuple[str, ...]


def pages() -> list[tuple[str, str]]:
    """(name, path) of every audited page, Thai first."""
    return [
        (f"{lang} {name}", prefix + path) for lang, prefix in LANGS.items() for name, path in PAGES.items()
    ]


def scores(report: Report) -> dict[str, int | None]:
    """A report's category scores out of 100; None where Lighthouse could not score one."""
    found = report.get("categories", {})
    return {
        name: None if found.get(name, {}).get("score") is None else round(found[name]["score"] * 100)
        for name in CATEGORIES
    }


def shortfalls(report: Report) -> list[Shortfall]:
    """The audits that lower a category's score (weighted, not passed), each with its elements."""
    audits = report.get("audits", {})
    found = []
    for category in CATEGORIES:
        for ref in report.get("categories", {}).get(category, {}).get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            score = audit.get("score")
            if ref.get("weight", 0) > 0 and score is not None and score < 1:
                found.append(Shortfall(category, ref["id"], audit.get("title", ""), score, _elements(audit)))
    return found


def _elements(audit: Report) -> tuple[str, ...]:
    """The selectors (or URLs) an audit's details point at, as Lighthouse names them."""
    items = (audit.get("details") or {}).get("items") or []
    named: list[str] = []
    for item in items:
        node = item.get("node") if isinstance(item, dict) else None
        label = (node or {}).get("selector") or (item.get("url") if isinstance(item, dict) else None)
        if label and label not in named:
            named.append(str(label))
    return tuple(named)


def median_scores(runs: list[dict[str, int | None]]) -> dict[str, int | None]:
    """The median of several runs' scores per category (performance varies from run to run)."""
    result: dict[str, int | None] = {}
    for name in CATEGORIES:
        values = [score for run in runs if (score := run[name]) is not None]
        result[name] = round(statistics.median(values)) if values else None
    return result


def table(rows: dict[str, dict[str, int | None]]) -> str:
    """Scores per page and the median of each category, one line a page, ✗ under the target."""
    header = f"{'page':<20}" + "".join(f"{name:>16}" for name in CATEGORIES)
    lines = [header, "-" * len(header)]
    for page, row in rows.items():
        lines.append(f"{page:<20}" + "".join(f"{_cell(row[name]):>16}" for name in CATEGORIES))
    lines.append("-" * len(header))
    medians = median_scores(list(rows.values())) if rows else dict.fromkeys(CATEGORIES)
    lines.append(f"{'median':<20}" + "".join(f"{_cell(medians[name]):>16}" for name in CATEGORIES))
    return "\n".join(lines)


def _cell(score: int | None) -> str:
    if score is None:
        return "error"
    return f"{score}" if score >= TARGET else f"✗ {score}"


def lighthouse(url: str, output: Path) -> Report:
    """Run Lighthouse once on ``url`` with Debian's Chromium; the JSON report is kept at ``output``."""
    flags = " ".join(["--headless=new", *ARGS])
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0 or not output.is_file():
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr.strip()[-2000:]}")
    report: Report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {report['runtimeError']}")
    return report


@dataclass
class Audit:
    """What a whole audit found: median scores and the last run's shortfalls per page."""

    rows: dict[str, dict[str, int | None]]
    missing: dict[str, list[Shortfall]]
    version: str = ""
    machine: list[float] = field(default_factory=list)


def audit(site: Path, out: Path, runs: int, plain: bool = False, only: tuple[str, ...] = ()) -> Audit:
    """Every page audited ``runs`` times, serially, each run in a fresh browser.

    ``plain``: served as the browser tests serve it, uncompressed; by default as a host serves it."""
    out.mkdir(parents=True, exist_ok=True)
    found = Audit({}, {})
    with (served if plain else served_as_host)(site) as base:
        for name, path in pages():
            if only and name not in only:
                continue
            reports = [lighthouse(base + path, out / _file_name(name, run, runs)) for run in range(runs)]
            found.rows[name] = median_scores([scores(report) for report in reports])
            found.missing[name] = shortfalls(reports[-1])
            found.version = reports[-1].get("lighthouseVersion", "")
            found.machine += [report["environment"]["benchmarkIndex"] for report in reports]
            print(
                f"{name:<20}" + "".join(f"{_cell(found.rows[name][c]):>16}" for c in CATEGORIES),
                file=sys.stderr,
            )
    return found


def _file_name(page: str, run: int, runs: int) -> str:
    stem = page.replace(" ", "-")
    return f"{stem}.json" if runs == 1 else f"{stem}.{run + 1}.json"


def below_target(rows: dict[str, dict[str, int | None]], missing: dict[str, list[Shortfall]]) -> str:
    """For every page with a score under the target, the audits that cost it points."""
    lines = []
    for page, row in rows.items():
        low = [name for name in CATEGORIES if (row[name] or 0) < TARGET]
        if not low:
            continue
        lines.append(f"{page}: under {TARGET} in {', '.join(low)}")
        for item in missing[page]:
            if item.category in low:
                where = f" ({'; '.join(item.elements[:4])})" if item.elements else ""
                lines.append(f"  {item.category}: {item.audit} {item.score:.2f} {item.title}{where}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Lighthouse scores of one page of each type")
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--runs", type=int, default=1, help="runs per page; scores are their median")
    parser.add_argument("--out", type=Path, default=Path(".audit"), help="where the JSON reports go")
    parser.add_argument("--plain", action="store_true", help="serve uncompressed, without _headers")
    parser.add_argument("--page", action="append", default=[], help='only this page, e.g. "en poster"')
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        parser.error(f"{LIGHTHOUSE} is missing: run `make audit` (npm ci) first")
    found = audit(args.site, args.out, args.runs, args.plain, tuple(args.page))
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=False)
    print(f"\nLighthouse {found.version} (mobile), {chromium.stdout.strip()}, median of {args.runs} run(s)")
    machine = round(statistics.median(found.machine)) if found.machine else 0
    # Lighthouse's CPU benchmark: simulated timings scale with it (busy machines score lower).
    print(f"benchmarkIndex (median): {machine}; JSON reports: {args.out}/")
    print(table(found.rows))
    shortfall = below_target(found.rows, found.missing)
    print(f"\nunder {TARGET}:\n{shortfall}" if shortfall else f"\nevery score is {TARGET} or more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
