"""`make bench`: a synthetic province of N agencies, built our way and the naive way, measured.

    .venv/bin/python -m tools.bench [N ...] [--runs R] [--naive N ...] [--serve N ...] [--search N ...]

For each N: writes N agencies (every section filled, Thai and English, flowcharts, photos)
under .bench/, times `python -m generator validate` and `mkdocs build` (both languages) as a
user runs them, R times, and reports medians: the split into checking, page generation and
MkDocs (from the build's own log), the peak memory of all its processes, pages, bytes, and
the search index each language downloads. For the sizes given to --naive it also builds the
same pages the naive way (tools/bench_naive.py) and prints our times as ratios to it; for
the sizes given to --serve it times how long `make serve` and `make preview` take to show
one agency's edit; for the sizes given to --search it measures search as a citizen on a phone
meets it (tools/bench_search.py: 360 px, 4x slower CPU, the query typed; seconds from the last
key to the results, kB downloaded for a first search and a further one, Thai and English).
Results go to .bench/results.json; the previous run's are printed beside.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools import bench_naive, bench_search, bench_serve, search_scale

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / ".bench"
PYTHON = sys.executable
TEMPLATES = [
    ROOT / "content/agencies" / name
    for name in ("ratchaburi-land-office", "photharam-municipality", "ratchaburi-provincial-office")
]
STAGES = re.compile(
    r"category3 (th|en): \d+ agencies checked, files published in ([\d.]+) s;"
    r" \d+ pages rendered in ([\d.]+) s"
)


def corpus(n: int) -> Path:
    """N agencies made from the examples: names and numbers vary; every photo is a phone-sized
    JPEG (links to a few shared files, so the disk holds each once)."""
    target = BENCH / f"corpus-{n}" / "agencies"
    if target.exists():
        return target
    photos = phone_photos()
    for i in range(n):
        source = TEMPLATES[i % len(TEMPLATES)]
        folder = target / f"agency-{i:04d}"
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns("2567.yml", "2568.yml"))
        for number, photo in enumerate(sorted(folder.glob("photos/*.jpg"))):
            photo.unlink()
            os.link(photos[(i + number) % len(photos)], photo)
        agency = folder / "agency.yml"
        text = agency.read_text(encoding="utf-8")
        text = text.replace("สำนักงานที่ดินจังหวัดราชบุรี", f"สำนักงานที่ดินสาขาที่ {i}")
        text = text.replace("Ratchaburi Provincial Land Office", f"Land Office Branch {i}")
        text = text.replace("เทศบาลเมืองโพธาราม", f"เทศบาลตำบลที่ {i}")
        text = text.replace("สำนักงานจังหวัดราชบุรี", f"สำนักงานจังหวัดที่ {i}")
        text = text.replace("Ratchaburi Provincial Office", f"Provincial Office {i}")
        agency.write_text(text, encoding="utf-8")
        report = folder / "2569.yml"
        report.write_text(report.read_text(encoding="utf-8").replace("1250", str(1000 + i)), encoding="utf-8")
    return target


def write_configs(n: int) -> Path:
    """Copies of mkdocs.yml and mkdocs.en.yml that read the synthetic corpus (beside them, so
    their relative paths still hold; .gitignore keeps them out of git)."""
    thai, english = ROOT / f".mkdocs-bench-{n}.yml", ROOT / f".mkdocs-bench-{n}.en.yml"
    corpus_path = f".bench/corpus-{n}/agencies"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace(
        "    alternate_config: mkdocs.en.yml",
        f"    content: {corpus_path}\n    alternate_config: {english.name}",
    )
    thai.write_text(text, encoding="utf-8")
    text = (
        (ROOT / "mkdocs.en.yml")
        .read_text(encoding="utf-8")
        .replace("INHERIT: mkdocs.yml", f"INHERIT: {thai.name}")
    )
    english.write_text(
        text.replace("    lang: en\n", f"    lang: en\n    content: {corpus_path}\n"), encoding="utf-8"
    )
    return thai


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    output: str


def timed(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall time of a command, and the peak memory of its whole process tree (PSS, summed)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )  # fmt: skip
    peak = [0.0]
    sampler = threading.Thread(target=_sample_memory, args=(process, peak), daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return Run(seconds, peak[0], output)


def _sample_memory(process: subprocess.Popen[str], peak: list[float]) -> None:
    while process.poll() is None:
        peak[0] = max(peak[0], sum(_pss_kb(pid) for pid in _tree(process.pid)) / 1024)
        time.sleep(0.1)


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def _pss_kb(pid: int) -> int:
    """Proportional set size: memory a forked child still shares with its parent counts once."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else 0


def build_once(n: int) -> dict[str, float]:
    """One `mkdocs build` of both languages: its time, split by stage, and its peak memory."""
    config, site = write_configs(n), BENCH / f"site-{n}"
    run = timed([PYTHON, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)])
    stages = {lang: (float(check), float(render)) for lang, check, render in STAGES.findall(run.output)}
    check, render = stages["th"]
    return {
        "total_s": run.seconds,
        "check_s": check,
        "render_th_s": render,
        "render_en_s": stages["en"][1],
        "mkdocs_s": run.seconds - check - render,
        "peak_mb": run.peak_mb,
    }


def site_figures(site: Path, agency_pages: str) -> dict[str, float]:
    """What the build wrote: pages, bytes per agency page, the site, and what opening search
    downloads (gzip): the site's list of index files, or a stock search's whole index."""
    agency_html = [p.stat().st_size for p in site.glob(agency_pages)]
    indexes = {lang: len(gzip.compress((site / prefix / "search/search_index.json").read_bytes()))
               for lang, prefix in (("th", ""), ("en", "en"))}  # fmt: skip
    return {
        "pages": len(list(site.rglob("*.html"))),
        "html_per_agency_page_kb": round(statistics.median(agency_html) / 1000, 1),
        "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6, 1),
        "search_th_gzip_kb": round(indexes["th"] / 1000, 1),
        "search_en_gzip_kb": round(indexes["en"] / 1000, 1),
    }


def measure(
    n: int, runs: int, naive: bool, serve: bool, search: bool = False, grow: int = 0
) -> dict[str, Any]:
    content = corpus(n)
    validate = [timed([PYTHON, "-m", "generator", "validate", str(content)]).seconds for _ in range(runs)]
    builds = [build_once(n) for _ in range(runs)]
    row: dict[str, Any] = {"agencies": n, "runs": runs, "validate_s": round(statistics.median(validate), 2)}
    row |= {key: round(statistics.median(b[key] for b in builds), 2) for key in builds[0]}
    row |= site_figures(BENCH / f"site-{n}", "agencies/*/2569/index.html")
    if serve:
        row |= bench_serve.measure(write_configs(n), content / "agency-0000" / "agency.yml")
    if search:
        row |= bench_search.language_figures(bench_search.measure_site(BENCH / f"site-{n}", max(runs, 5)))
    if search and grow > 1:  # the same pages, with the search index of a province `grow` times larger
        grown = BENCH / f"site-{n}-search-x{grow}"
        row |= {
            f"search_x{grow}_{k}": v for k, v in search_scale.scale(BENCH / f"site-{n}", grow, grown).items()
        }
        figures = bench_search.measure_site(grown, max(runs, 5))
        row |= bench_search.language_figures(figures, prefix=f"search_x{grow}")
    if naive:
        row |= bench_naive.measure(n, BENCH, timed, site_figures)
        row["naive_ratio"] = round(row["naive_total_s"] / row["total_s"], 1)
    print(json.dumps(row), flush=True)
    return row


def phone_photos(count: int = 6) -> list[Path]:
    """Photos as a phone takes them (3000 x 2250, about 2 MB each), made once."""
    from PIL import Image

    folder = BENCH / "photos"
    folder.mkdir(parents=True, exist_ok=True)
    photos = [folder / f"phone-{k}.jpg" for k in range(count)]
    for k, photo in enumerate(photos):
        if not photo.exists():
            noise = Image.effect_noise((3000, 2250), 30 + 5 * k).convert("RGB")
            gradient = Image.linear_gradient("L").rotate(30 * k).resize((3000, 2250)).convert("RGB")
            Image.blend(noise, gradient, 0.7).save(photo, quality=85)
    return photos


def photo_conversion(runs: int) -> dict[str, float]:
    """One phone photo converted into every published copy with an empty cache (a province's
    first build, or a new photo), and again with its copies cached (every later build)."""
    from generator.render import images

    photo = phone_photos()[0]
    cold = []
    for run in range(runs):
        cache = BENCH / "photo-cache" / str(run)
        shutil.rmtree(cache, ignore_errors=True)
        images._image_set.cache_clear()
        started = time.perf_counter()
        images.image_set(photo, "photo", cache)
        cold.append(time.perf_counter() - started)
    images._image_set.cache_clear()
    started = time.perf_counter()
    images.image_set(photo, "photo", BENCH / "photo-cache" / "0")
    return {
        "phone_photo_mb": round(photo.stat().st_size / 1e6, 1),
        "phone_photo_cold_s": round(statistics.median(cold), 2),
        "phone_photo_cached_s": round(time.perf_counter() - started, 3),
    }


def _below(figure: float | None, limit: float) -> bool:
    """A figure under its limit; a search that showed no results (None) is not."""
    return figure is not None and figure < limit


TARGETS = {
    "build time per agency at 1,000 <= 1.2 x at 100": lambda r: (
        r[1000]["total_s"] / 1000 <= 1.2 * r[100]["total_s"] / 100
    ),
    "HTML per agency page the same at 100 and 1,000": lambda r: (
        abs(r[1000]["html_per_agency_page_kb"] - r[100]["html_per_agency_page_kb"]) <= 0.5
    ),
    "1,000 agencies, both languages, built in < 60 s": lambda r: r[1000]["total_s"] < 60,
    "... in < 2 GB of memory": lambda r: r[1000]["peak_mb"] < 2048,
    "... at least 5 x faster than the naive build": lambda r: r[1000]["naive_ratio"] >= 5,
    "opening search downloads < 50 kB (gzip) per language at 1,000": lambda r: (
        max(r[1000]["search_th_gzip_kb"], r[1000]["search_en_gzip_kb"]) < 50
    ),
    "one agency's edit shown in < 5 s at 1,000 (make preview)": lambda r: r[1000]["preview_edit_s"] < 5,
    "`python -m generator validate` of 1,000 agencies in < 5 s": lambda r: r[1000]["validate_s"] < 5,
    "search: first results < 1 s after the last key at 1,000 (360 px, 4x slower CPU)": lambda r: all(
        _below(r[1000][f"search_{lang}_first_s_median"], 1) for lang in ("th", "en")
    ),
    "search: < 200 KB downloaded for a query at 1,000 (a visit's first)": lambda r: all(
        _below(r[1000][f"search_{lang}_first_kb"], 200) for lang in ("th", "en")
    ),
    "search, the worker slowed 4 x too: first results < 1 s at 1,000": lambda r: all(
        _below(r[1000][f"search_{lang}_first_4x_s_median"], 1) for lang in ("th", "en")
    ),
    "search with a 10,000-agency index: < 1 s (worker slowed too), < 200 KB": lambda r: all(
        _below(r[1000][f"search_x10_{lang}_first_4x_s_median"], 1)
        and _below(r[1000][f"search_x10_{lang}_first_kb"], 200)
        for lang in ("th", "en")
    ),
}


def verdicts(rows: dict[int, dict[str, Any]]) -> list[str]:
    lines = []
    for name, test in TARGETS.items():
        try:
            lines.append(f"{'met    ' if test(rows) else 'NOT MET'}  {name}")
        except KeyError:
            lines.append(f"not measured in this run  {name}")
    return lines


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100])
    parser.add_argument("--runs", type=int, default=3, help="builds per size; medians are reported")
    parser.add_argument("--naive", nargs="*", type=int, default=[], help="sizes to build the naive way too")
    parser.add_argument("--serve", nargs="*", type=int, default=[], help="sizes to time an edit in serve")
    parser.add_argument("--search", nargs="*", type=int, default=[], help="sizes to time search on a phone")
    parser.add_argument(
        "--search-grow", type=int, default=0, help="and again with an index this many times larger"
    )
    args = parser.parse_args(argv)
    BENCH.mkdir(exist_ok=True)
    rows = {
        n: measure(n, args.runs, n in args.naive, n in args.serve, n in args.search, args.search_grow)
        for n in args.sizes
    }
    photo = photo_conversion(args.runs)
    results = BENCH / "results.json"
    previous = _previous(results)
    results.write_text(
        json.dumps({"sizes": list(rows.values()), "photo": photo}, indent=1) + "\n", encoding="utf-8"
    )
    print_table(list(rows.values()), previous)
    cold, cached = photo["phone_photo_cold_s"], photo["phone_photo_cached_s"]
    print(f"one phone photo ({photo['phone_photo_mb']} MB) into its copies: {cold} s, cached {cached} s")
    print("\n".join(verdicts(rows)))


def _previous(results: Path) -> dict[int, dict[str, Any]]:
    """The last run's figures by number of agencies, to show beside this run's."""
    try:
        sizes = json.loads(results.read_text(encoding="utf-8"))["sizes"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {row["agencies"]: row for row in sizes}


def print_table(rows: list[dict[str, Any]], previous: dict[int, dict[str, Any]]) -> None:
    """One line per figure, one column per size, the last run's figure in brackets where it
    differs: easy to paste into an issue."""
    keys = list(dict.fromkeys(key for row in rows for key in row))
    print("| figure | " + " | ".join(f"N = {row['agencies']}" for row in rows) + " |")
    print("|---" * (len(rows) + 1) + "|")
    for key in keys[1:]:
        cells = []
        for row in rows:
            was = previous.get(row["agencies"], {}).get(key)
            cells.append(
                f"{row.get(key, '')}" + (f" (was {was})" if was is not None and was != row.get(key) else "")
            )
        print(f"| {key} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
