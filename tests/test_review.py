"""`python -m generator review`: a reviewer reads what a pull request changes, in words."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.__main__ import main
from tests.conftest import FIXTURES


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    content = tmp_path / "content" / "agencies"
    shutil.copytree(FIXTURES / "valid" / "sample-office", content / "sample-office")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.email=t@example.go.th", "-c", "user.name=t", "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_review_names_changed_counts_and_flowchart_steps(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = repo / "content/agencies/sample-office/2569.yml"
    text = report.read_text(encoding="utf-8").replace("2569: 1450", "2569: 1500")
    text = text.replace(
        "          duration: 1 ชั่วโมง\n",
        "          duration: 1 ชั่วโมง\n        - action: รับเอกสารคืน\n          duration: 5 นาที\n",
    )
    report.write_text(text, encoding="utf-8")
    assert main(["review", "--base", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "## สำนักงานตัวอย่างอำเภอเมือง (sample-office), พ.ศ. 2569: แก้ไข / changed" in out
    assert "- โทรศัพท์/โทรสาร/สายด่วน, พ.ศ. 2569: 1,450 → 1,500 คน / users" in out
    assert "- แผนผัง / flowchart 'การแจ้งเกิด': ขั้นตอนที่ 3 เพิ่ม / step 3 added" in out
    assert "ความครบถ้วน / completeness: 6/12 หัวข้อ / sections" in out
    assert "0 error(s)" in out


def test_review_shows_validation_errors_of_the_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = repo / "content/agencies/sample-office/2569.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("2569: 1450", "2569: -3"), encoding="utf-8")
    main(["review", "--base", "HEAD"])
    out = capsys.readouterr().out
    assert "1 error(s)" in out and "2569.yml:3:" in out and "-3" in out


def test_review_of_an_unchanged_tree_says_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["review", "--base", "HEAD"])
    assert "ไม่มีรายงานที่เปลี่ยน / no report changed" in capsys.readouterr().out


def test_an_unknown_revision_is_an_error_not_an_empty_review(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "--base", "no-such-branch"]) == 1
    out = capsys.readouterr().out
    assert "error" in out and "no-such-branch" in out and "git ไม่รู้จัก" in out
