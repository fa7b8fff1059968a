"""`make bench`: build a synthetic province of N agencies and measure it (issue 8, first cut).

    .venv/bin/python -m tools.bench [N ...]        (default: 100)

For each N: writes N agencies (every section filled, Thai and English, flowcharts, photos)
under .bench/, then times validation, page generation and the MkDocs builds separately,
counts pages and bytes, and writes the figures to .bench/results.json beside the last run's.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

from generator.mkdocs_plugin import build_config
from generator.render import render_site
from generator.validate import validate_paths

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / ".bench"
TEMPLATES = [
    ROOT / "content/agencies" / name
    for name in ("ratchaburi-land-office", "photharam-municipality", "ratchaburi-provincial-office")
]


def corpus(n: int) -> Path:
    """N agencies made from the examples: names and numbers vary, photos are shared files."""
    target = BENCH / f"corpus-{n}" / "agencies"
    if target.exists():
        return target
    for i in range(n):
        source = TEMPLATES[i % len(TEMPLATES)]
        folder = target / f"agency-{i:04d}"
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns("2567.yml", "2568.yml"))
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


def run(n: int) -> dict[str, float]:
    content = corpus(n)
    started = time.perf_counter()
    site, problems = validate_paths([content])
    validated = time.perf_counter()
    assert not [p for p in problems if p.is_error], problems[:3]
    pages = sum(len(render_site(site, lang, BENCH / "cache").pages) for lang in ("th", "en"))
    rendered = time.perf_counter()
    config = write_configs(n)
    site_dir = BENCH / f"site-{n}"
    build_config(config, site_dir)
    built = time.perf_counter()
    agency_html = [p.stat().st_size for p in site_dir.glob("agencies/*/2569/index.html")]
    indexes = {lang: len(gzip.compress((site_dir / prefix / "search/search_index.json").read_bytes()))
               for lang, prefix in (("th", ""), ("en", "en"))}  # fmt: skip
    return {
        "agencies": n,
        "validate_s": round(validated - started, 2),
        "render_s": round(rendered - validated, 2),
        "mkdocs_s": round(built - rendered, 2),
        "total_s": round(built - started, 2),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "pages": pages,
        "html_per_agency_page_kb": round(statistics.median(agency_html) / 1000, 1),
        "site_mb": round(sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file()) / 1e6, 1),
        "search_index_th_gzip_kb": round(indexes["th"] / 1000, 1),
        "search_index_en_gzip_kb": round(indexes["en"] / 1000, 1),
    }


def main(sizes: list[int]) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.disable(logging.WARNING)
    BENCH.mkdir(exist_ok=True)
    results = [run(n) for n in sizes]
    previous = BENCH / "results.json"
    if previous.exists():
        print("previous run:", previous.read_text(encoding="utf-8").strip())
    previous.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    keys = list(results[0])
    print(" | ".join(keys))
    for row in results:
        print(" | ".join(str(row[k]) for k in keys))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100])
