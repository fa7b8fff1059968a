"""``make build``: validate every submission, then build the site beside the old one and swap.

A failed validation or build leaves the last good ``site/`` exactly as it was.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from generator.mkdocs_plugin import build_config
from generator.problems import print_problems, summary
from generator.validate import validate_paths

CONTENT = Path("content/agencies")


def build_site(config_file: Path, site_dir: Path, content: Path = CONTENT) -> int:
    """0 when ``site_dir`` now holds the new site; 1, with the reasons printed, when it was kept."""
    site, problems = validate_paths([content])
    print_problems(problems)
    print(summary(problems, len(site.agencies)))
    if any(p.is_error for p in problems):
        print(_kept(site_dir), file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        build_config(config_file, staging)
    except (MkDocsException, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        print(error, file=sys.stderr)
        print(_kept(site_dir), file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, site_dir)
    print(f"สร้างเว็บไซต์เสร็จแล้วที่ {site_dir} / site built in {site_dir}")
    return 0


def _swap(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` with ``staging``: two renames, the old tree removed last."""
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.chmod(0o755)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _kept(site_dir: Path) -> str:
    return f"ไม่ได้สร้างเว็บไซต์ใหม่ {site_dir} ยังเป็นฉบับเดิม / the site was not built; {site_dir} is left as it was"
