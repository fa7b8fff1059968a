"""When each submission file last changed, from git history (one `git log` for all files)."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path


def last_changed(content: Path) -> dict[Path, datetime.date]:
    """Resolved file path -> date of the last commit that touched it; empty outside git."""
    try:
        done = subprocess.run(
            ["git", "log", "--format=@%ct", "--name-only", "--", "."],
            cwd=content, capture_output=True, text=True, check=True,
        )  # fmt: skip
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=content, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[Path, datetime.date] = {}
    when = datetime.date(1970, 1, 1)
    for line in done.stdout.splitlines():
        if line.startswith("@"):
            when = datetime.datetime.fromtimestamp(int(line[1:]), datetime.UTC).date()
        elif line.strip():
            dates.setdefault((Path(top) / line.strip()).resolve(), when)
    return dates


def build_date() -> datetime.date:
    """The date a build is stamped with: SOURCE_DATE_EPOCH when set, so builds repeat exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.datetime.now(datetime.UTC).date()
