"""When each submission file last changed, from git history (one `git log` for all files).

A clone made with ``--depth`` has history cut short: every file would seem to change with its
newest commit. ``is_shallow`` lets the build refuse such a clone instead of publishing those dates.
"""

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


def is_shallow(folder: Path) -> bool:
    """True when ``folder`` is in a shallow git clone (``git clone --depth``); False outside git."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--is-shallow-repository"],
            cwd=folder, capture_output=True, text=True, check=True,
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return False
    return done.stdout.strip() == "true"


def build_date() -> datetime.date:
    """The date a build is stamped with: SOURCE_DATE_EPOCH when set, so builds repeat exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.datetime.now(datetime.UTC).date()
