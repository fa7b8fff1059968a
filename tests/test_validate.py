"""`python -m generator validate`: every problem named by file, line and field, in Thai and English."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.messages import known_codes, message
from generator.validate import validate_paths
from tests.conftest import CONTENT, FIXTURES, ROOT

INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_each_bad_submission_prints_the_expected_lines(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Golden cases: a small bad folder and the exact lines a clerk must see (expected.txt)."""
    monkeypatch.chdir(case)
    assert main(["validate", "."]) == 1
    assert capsys.readouterr().out == (case / "expected.txt").read_text(encoding="utf-8")


def test_every_golden_case_has_an_error_line_in_both_languages() -> None:
    for case in INVALID:
        lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
        errors = [line for line in lines if ": error: " in line]
        assert errors, case.name
        for line in errors:
            assert any("\u0e00" <= ch <= "\u0e7f" for ch in line), line
            assert " / " in line and line.split(" / ")[-1].isascii() is not None


def test_two_agency_folders_with_the_same_slug_are_refused(tmp_path: Path) -> None:
    source = FIXTURES / "valid" / "sample-office"
    for root in ("a", "b"):
        shutil.copytree(source, tmp_path / root / "sample-office")
    second = tmp_path / "b" / "sample-office" / "agency.yml"
    second.write_text(second.read_text(encoding="utf-8").replace("ตัวอย่าง", "อื่น").replace("Sample", "Other"))
    _, problems = validate_paths([tmp_path / "a", tmp_path / "b"])
    errors = [p for p in problems if p.is_error]
    assert [(p.code, p.path) for p in errors] == [("duplicate_slug", str(second))]
    assert "sample-office" in errors[0].th and "rename" in errors[0].en


def test_the_examples_are_valid_and_the_command_exits_0() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "validate"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 error(s)" in done.stdout
    assert "Traceback" not in done.stderr


def test_an_invalid_folder_exits_1_from_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(FIXTURES / "invalid" / "negative-count")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "2569.yml:5:7: error: listening_channels[1].statistics.2569:" in done.stdout


def test_a_missing_path_is_an_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "no/such/folder"]) == 1
    assert "no/such/folder" in capsys.readouterr().out


def test_a_thai_only_file_gets_one_warning_and_still_passes() -> None:
    _, problems = validate_paths([CONTENT / "photharam-municipality"])
    assert [(Path(p.path).name, p.severity, p.code) for p in problems] == [
        ("2569.yml", "warning", "no_english"),
        ("agency.yml", "warning", "no_english"),
    ]


def test_a_partly_translated_file_warns_at_each_missing_translation() -> None:
    _, problems = validate_paths([FIXTURES / "valid"])
    assert [(Path(p.path).name, p.line, p.field) for p in problems] == [
        ("2569.yml", 29, "participation_levels[2].activity"),
        ("agency.yml", 5, "ministry"),
    ]
    assert all(p.severity == "warning" for p in problems)


def test_statistics_for_a_year_after_the_report_are_a_warning(tmp_path: Path) -> None:
    folder = shutil.copytree(FIXTURES / "valid" / "sample-office", tmp_path / "sample-office")
    report = folder / "2569.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("2569: 300", "2570: 300"), encoding="utf-8")
    _, problems = validate_paths([folder])
    later = [p for p in problems if p.code == "year_after_report"]
    assert [(p.line, p.severity) for p in later] == [(8, "warning")]


def test_every_message_has_thai_and_english_and_formats() -> None:
    context = {
        "limit": 1,
        "detail": "d",
        "tag": "!x",
        "key": "k",
        "first": 1,
        "hint_th": "",
        "hint_en": "",
        "input": "i",
        "expected": "e",
        "min_length": 1,
        "value": "v",
        "be": 2555,
        "report": 2569,
        "other": "o",
        "allowed": "a",
        "step": 1,
        "count": 2,
    }
    for code in known_codes():
        th, en = message(code, **context)
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in th), code
        assert en and "{" not in en.replace("{ }", ""), code


def test_a_province_checked_on_several_cores_reads_as_one_checked_agency_by_agency() -> None:
    """Large provinces are checked in parallel; the agencies and problems found must not change."""
    paths = [CONTENT, *INVALID]
    site, problems = validate_paths(paths, workers=1)
    parallel_site, parallel_problems = validate_paths(paths, workers=2)
    assert [a.slug for a in parallel_site.agencies] == [a.slug for a in site.agencies]
    assert parallel_site == site
    assert [p.format() for p in parallel_problems] == [p.format() for p in problems]
    assert any(p.is_error for p in problems) and site.agencies
