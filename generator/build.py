"""``make build``: validate every submission, then build the site beside the old one and swap.

A failed validation or build leaves the last good ``site/`` exactly as it was. Builds beside one
``site/`` take turns (a lock on the folder that holds it), so a build can tell the folders a killed build left
from those of a build still running, and removes them.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from generator.history import is_shallow
from generator.mkdocs_plugin import build_config, checked
from generator.problems import print_problems, summary

CONTENT = Path("content/agencies")


def build_site(config_file: Path, site_dir: Path, content: Path = CONTENT) -> int:
    """0 when ``site_dir`` now holds the new site; 1, with the reasons printed, when it was kept."""
    site, problems = checked(content)
    print_problems(problems)
    print(summary(problems, len(site.agencies)))
    if any(p.is_error for p in problems):
        print(_kept(site_dir), file=sys.stderr)
        return 1
    if is_shallow(content):  # the dashboard's and the feed's dates would differ from a full clone's
        print(_shallow(), file=sys.stderr)
        print(_kept(site_dir), file=sys.stderr)
        return 1
    _source_date_epoch()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with _builds_take_turns(site_dir):
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


@contextmanager
def _builds_take_turns(site_dir: Path) -> Iterator[None]:
    """Wait for any other build beside ``site_dir``, then remove what killed builds left there.

    A build holds a flock(2) lock on the folder that holds ``site_dir`` (no lock file to leave
    behind); the system releases it when the build's process ends, however it ends. So once a
    build holds it, no other build there is running, and every ``.<site>-new-*`` (and
    ``.<site>-old``) folder was left by a build that was killed: it is removed.
    """
    handle = os.open(site_dir.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(_waiting(site_dir), file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        for leftover in site_dir.parent.glob(f".{site_dir.name}-new-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        shutil.rmtree(site_dir.with_name(f".{site_dir.name}-old"), ignore_errors=True)
        yield
    finally:
        os.close(handle)  # closing the only descriptor releases the lock


def _swap(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` with ``staging`` in one step, then remove the old tree.

    Linux swaps the two folders atomically (renameat2 with RENAME_EXCHANGE), so a web server
    reading ``site/`` sees the old site or the new one, never none; elsewhere, two renames.
    """
    staging.chmod(0o755)
    if site_dir.exists() and _exchange(staging, site_dir):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old site
        return
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths on Linux; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return bool(result == 0)


def _source_date_epoch() -> None:
    """Builds of one commit are identical: dates come from SOURCE_DATE_EPOCH, else the last commit."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return
    if done.stdout.strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = done.stdout.strip()


def _shallow() -> str:
    return (
        "error: สำเนา git นี้มีประวัติไม่ครบ (โคลนด้วย --depth) วันที่แก้ไขล่าสุดของรายงานบนหน้าภาพรวมและในฟีด"
        "จะผิดไปจากเว็บไซต์จริง ให้รัน git fetch --unshallow แล้วสร้างใหม่ / this git clone has only "
        "part of its history (cloned with --depth), so the reports' last-change dates on the dashboard and "
        "in the feed would differ from the real site's; run `git fetch --unshallow` and build again"
    )


def _waiting(site_dir: Path) -> str:
    return (
        f"มีการสร้างเว็บไซต์อีกงานหนึ่งกำลังเขียน {site_dir} อยู่ รอให้เสร็จก่อน / "
        f"another build is writing {site_dir}; waiting for it to finish"
    )


def _kept(site_dir: Path) -> str:
    return f"ไม่ได้สร้างเว็บไซต์ใหม่ {site_dir} ยังเป็นฉบับเดิม / the site was not built; {site_dir} is left as it was"
