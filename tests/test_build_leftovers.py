"""What a build leaves and what it depends on: killed builds' folders, and a clone's history."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import build_site
from generator.history import is_shallow, last_changed
from tests.conftest import CONFIG, CONTENT, FIXTURES, ROOT
from tests.test_opendata import project_folder

HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from generator.build import _builds_take_turns
site = Path(sys.argv[1])
with _builds_take_turns(site):
    (site.parent / f".{site.name}-new-running").mkdir()
    print("building", flush=True)
    time.sleep(600)
"""
BUILD = """
import sys
from pathlib import Path
from generator.build import build_site
raise SystemExit(build_site(Path(sys.argv[1]), Path(sys.argv[2])))
"""


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.glob(f".{site.name}-*"))


def test_the_next_build_removes_the_folders_a_killed_build_left(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in (".site-new-k1ll3d", ".site-new-x", ".site-old"):
        (tmp_path / name / "agencies").mkdir(parents=True)
        (tmp_path / name / "agencies" / "index.html").write_text("old", encoding="utf-8")
    (tmp_path / ".other-new-x").mkdir()  # another site's folder is not this build's to remove
    assert build_site(CONFIG, site, CONTENT) == 0
    assert leftovers(site) == []
    assert (tmp_path / ".other-new-x").is_dir() and (site / "index.html").is_file()


def test_a_build_waits_for_a_running_build_and_keeps_its_folder_until_it_ends(tmp_path: Path) -> None:
    """Two builds into one site/ take turns; only a build that is gone loses its folder."""
    site = tmp_path / "site"
    with python(HOLD_THE_LOCK, str(site), stdout=subprocess.PIPE) as running:
        try:
            assert running.stdout is not None and running.stdout.readline() == "building\n"
            with python(BUILD, str(CONFIG), str(site), stderr=subprocess.PIPE) as second:
                try:
                    assert second.stderr is not None
                    waiting = second.stderr.readline()
                    assert "another build is writing" in waiting and "รอให้เสร็จก่อน" in waiting
                    time.sleep(0.5)
                    assert second.poll() is None and leftovers(site) == [".site-new-running"]
                finally:
                    running.kill()  # the running build is killed: its folder is stale now
                _, errors = second.communicate(timeout=300)
        finally:
            running.kill()
    assert second.returncode == 0, errors
    assert leftovers(site) == [] and (site / "index.html").is_file()


def python(
    script: str, *args: str, stdout: int = subprocess.DEVNULL, stderr: int | None = None
) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", script, *args]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=stdout, stderr=stderr, text=True)


def git(repo: Path, *args: str, when: str = "2026-01-15T10:00:00+07:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    command = [
        "git",
        "-c",
        "user.email=t@example.go.th",
        "-c",
        "user.name=t",
        "-c",
        "protocol.file.allow=always",
    ]
    done = subprocess.run([*command, *args], cwd=repo, env=env, check=True, capture_output=True, text=True)
    return done.stdout


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A project repository of two commits: the report in 2568's autumn, the agency file later."""
    repo = project_folder(tmp_path / "origin")
    shutil.copytree(FIXTURES / "valid" / "sample-office", repo / "content" / "agencies" / "sample-office")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "report", when="2025-10-20T10:00:00+07:00")
    agency = repo / "content/agencies/sample-office/agency.yml"
    agency.write_text(
        agency.read_text(encoding="utf-8").replace("9 ถนนอำเภอ", "19 ถนนอำเภอ"), encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "address", when="2026-02-02T10:00:00+07:00")
    return repo


def test_a_shallow_clone_is_refused_because_its_dates_would_differ(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full, shallow = tmp_path / "full", tmp_path / "shallow"
    git(tmp_path, "clone", "-q", f"file://{history}", str(full))
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history}", str(shallow))
    report = Path("content/agencies/sample-office/2569.yml")
    assert last_changed(full / "content")[(full / report).resolve()] == datetime.date(2025, 10, 20)
    assert last_changed(shallow / "content")[(shallow / report).resolve()] == datetime.date(2026, 2, 2)
    assert not is_shallow(full / "content") and is_shallow(shallow / "content")

    monkeypatch.chdir(shallow)
    assert build_site(shallow / "mkdocs.yml", shallow / "site", shallow / "content/agencies") == 1
    err = capsys.readouterr().err
    assert "git fetch --unshallow" in err and "ประวัติไม่ครบ" in err and "left as it was" in err
    assert not (shallow / "site").exists() and leftovers(shallow / "site") == []
