"""The build the benchmark compares with: the same pages made the naive way.

Each generated page becomes a plain Markdown file (its HTML as the body, its title in front
matter), all listed flat in the navigation, built with Material's stock search, one MkDocs
build per language as a multilingual plugin would run them. The hand-written pages and every
published file come along, so both sites hold the same things.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.render import render_site
from generator.validate import validate_paths

ROOT = Path(__file__).resolve().parents[1]


def write_project(n: int, bench: Path) -> list[Path]:
    """The naive project for the corpus of ``n`` agencies; returns its two config files."""
    project = bench / f"naive-{n}"
    shutil.rmtree(project, ignore_errors=True)
    site, _ = validate_paths([bench / f"corpus-{n}" / "agencies"])
    configs = []
    for lang in ("th", "en"):
        docs = project / lang
        shutil.copytree(ROOT / "docs" / lang, docs)
        rendered = render_site(site, lang, bench / "cache")
        for page in rendered.pages:
            target = docs / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            front = yaml.safe_dump({"title": page.title}, allow_unicode=True)
            target.write_text(f"---\n{front}---\n\n{page.body}", encoding="utf-8")
        for asset in rendered.assets:
            _link(asset.source, docs / asset.path)
        for download in rendered.downloads:
            (docs / download.path).parent.mkdir(parents=True, exist_ok=True)
            (docs / download.path).write_bytes(download.content)
        site_dir = bench / f"site-naive-{n}" / ("en" if lang == "en" else "")
        config = {
            "site_name": f"naive {lang}",
            "docs_dir": str(docs),
            "site_dir": str(site_dir),
            "theme": {"name": "material", "language": lang},
            "plugins": ["search"],
            "nav": [{page.title: page.path} for page in rendered.pages],
        }
        path = project / f"mkdocs.{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        configs.append(path)
    return configs


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        os.link(source.resolve(), target)


def measure(
    n: int, bench: Path, timed: Callable[..., Any], figures: Callable[..., dict[str, Any]]
) -> dict[str, Any]:
    """One naive build of both languages, one after the other: time, peak memory, sizes."""
    shutil.rmtree(bench / f"site-naive-{n}", ignore_errors=True)
    configs = write_project(n, bench)
    runs = [timed([sys.executable, "-m", "mkdocs", "build", "-f", str(c)]) for c in configs]
    row = {
        "naive_total_s": round(sum(r.seconds for r in runs), 2),
        "naive_peak_mb": round(max(r.peak_mb for r in runs)),
    }
    found = figures(bench / f"site-naive-{n}", "agencies/*/2569/index.html")
    return row | {f"naive_{key}": value for key, value in found.items()}
