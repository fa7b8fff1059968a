"""`python -m generator validate`: every problem named by file, line and field, in Thai and English."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.__main__ import main
from generator.build import build_site
from generator.fields import MAX_COUNT, MAX_DURATION
from generator.messages import known_codes, message
from generator.mkdocs_plugin import checked
from generator.validate import validate_content, validate_paths
from tests.conftest import CONFIG, CONTENT, FIXTURES, ROOT

INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_each_bad_submission_prints_the_expected_lines(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Golden cases: a small bad folder and the exact lines a clerk must see (expected.txt).

    The case's folders are its agency folders (the case folder itself, holding expected.txt,
    is not a content root)."""
    monkeypatch.chdir(case)
    assert main(["validate", *sorted(p.name for p in case.iterdir() if p.is_dir())]) == 1
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
        "char": "U+0000",
        "root": "content/agencies",
        "limit_th": "1440 นาที",
        "limit_en": "1440 minutes",
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


def content_root(tmp_path: Path) -> Path:
    """A content root in ``tmp_path`` holding the sample agency."""
    root = tmp_path / "agencies"
    shutil.copytree(FIXTURES / "valid" / "sample-office", root / "sample-office")
    return root


def run_validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    """`python -m generator validate` in its own process, given 1 GB and 60 s at most."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        preexec_fn=limit,
    )


def test_an_agency_file_linked_to_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    """Today the link is read until memory runs out."""
    root = content_root(tmp_path)
    agency = root / "sample-office" / "agency.yml"
    agency.unlink()
    agency.symlink_to("/dev/zero")
    done = run_validate(root)
    assert done.returncode == 1, done.stderr
    assert "sample-office/agency.yml:1:1: error: " in done.stdout and "symbolic link" in done.stdout
    assert "Traceback" not in done.stderr


def test_an_agency_file_that_is_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    """Today validate waits forever for someone to write into the pipe."""
    root = content_root(tmp_path)
    agency = root / "sample-office" / "agency.yml"
    agency.unlink()
    os.mkfifo(agency)
    done = run_validate(root)
    assert done.returncode == 1
    assert "sample-office/agency.yml:1:1: error: " in done.stdout and "pipe, device or socket" in done.stdout


def test_a_link_to_a_file_outside_is_refused_and_none_of_its_values_printed(tmp_path: Path) -> None:
    root = content_root(tmp_path)
    secret = tmp_path / "secret.yml"
    secret.write_text("name: {th: ความลับของระบบ}\nkind: 12345\n", encoding="utf-8")
    report = root / "sample-office" / "2569.yml"
    report.unlink()
    report.symlink_to(secret)
    site, problems = validate_content(root)
    assert [(Path(p.path).name, p.code) for p in problems if p.is_error] == [("2569.yml", "symlink")]
    assert not site.agencies
    assert not any("ความลับ" in p.format() or "12345" in p.format() for p in problems)


def test_a_linked_agency_folder_photo_or_folder_is_refused(tmp_path: Path) -> None:
    """Links are refused anywhere under the content root, even when they point inside it."""
    root = content_root(tmp_path)
    (root / "linked-office").symlink_to(root / "sample-office", target_is_directory=True)
    photos = root / "sample-office" / "photos"
    (photos / "copy.png").symlink_to(photos / "before.png")
    (photos / "album").symlink_to(photos, target_is_directory=True)
    site, problems = validate_content(root)
    errors = sorted((Path(p.path).relative_to(root).as_posix(), p.code) for p in problems if p.is_error)
    assert errors == [
        ("linked-office", "symlink"),
        ("sample-office/photos/album", "symlink"),
        ("sample-office/photos/copy.png", "symlink"),
    ]
    assert not site.agencies


def test_a_pipe_among_the_photos_is_refused(tmp_path: Path) -> None:
    root = content_root(tmp_path)
    os.mkfifo(root / "sample-office" / "photos" / "after.jpg")
    _, problems = validate_content(root)
    assert [(Path(p.path).name, p.code) for p in problems if p.is_error] == [("after.jpg", "special_file")]


@pytest.mark.parametrize("stray", ["agency.yml", "2569.yml", "notes.txt"])
def test_a_file_at_the_content_root_is_an_error_and_never_makes_the_root_an_agency(
    tmp_path: Path, stray: str
) -> None:
    """Today an agency.yml and a report at the root replace every agency, and the build passes."""
    root = shutil.copytree(CONTENT, tmp_path / "agencies")
    shutil.copy(FIXTURES / "invalid" / "negative-count" / "office" / "agency.yml", root / "agency.yml")
    (root / "2569.yml").write_text("information_types: [ข่าวปลอม]\n", encoding="utf-8")
    (root / "notes.txt").write_text("x", encoding="utf-8")
    site, problems = checked(root)
    errors = [p for p in problems if p.is_error]
    assert sorted(Path(p.path).name for p in errors) == ["2569.yml", "agency.yml", "notes.txt"]
    assert all(p.code == "not_agency_folder" for p in errors)
    assert stray in " ".join(p.en for p in errors) and "only agency folders" in errors[0].en
    assert [a.slug for a in site.agencies] == sorted(p.name for p in CONTENT.iterdir())
    assert build_site(CONFIG, tmp_path / "site", root) == 1
    assert not (tmp_path / "site").exists()


def test_validate_takes_a_content_root_an_agency_folder_or_a_file_in_one(tmp_path: Path) -> None:
    root = shutil.copytree(CONTENT, tmp_path / "agencies")
    (root / "2569.yml").write_text("information_types: [x]\n", encoding="utf-8")
    whole = run_validate(root)
    assert whole.returncode == 1 and f"{root / '2569.yml'}:1:1: error: " in whole.stdout
    agency = root / "ratchaburi-land-office"
    for path in (agency, agency / "2569.yml", agency / "agency.yml"):
        done = run_validate(path)
        assert done.returncode == 0, done.stdout
        assert "checked 1 agencies: 0 error(s)" in done.stdout


@pytest.mark.parametrize(
    ("first", "second", "names"),
    [
        ("photos/a.jpg", "photos/A.jpg", ("A.jpg", "a.jpg")),
        ("photos/x.png", "Photos/x.png", ("Photos", "photos")),
        ("caf\u00e9.pdf", "cafe\u0301.pdf", ("caf\u00e9.pdf", "cafe\u0301.pdf")),
    ],
)
def test_names_that_differ_only_in_case_or_normalization_are_refused(
    tmp_path: Path, first: str, second: str, names: tuple[str, str]
) -> None:
    """On a Mac or Windows checkout the two would be one file, and which one is published would vary."""
    root = content_root(tmp_path)
    folder = root / "sample-office"
    for name in (first, second):
        (folder / name).parent.mkdir(exist_ok=True)
        shutil.copy(folder / "photos" / "before.png", folder / name)
    _, problems = validate_content(root)
    errors = [p for p in problems if p.is_error]
    assert [p.code for p in errors] == ["name_collision"]
    assert all(f"`{name}`" in errors[0].en and f"`{name}`" in errors[0].th for name in names)


def test_the_largest_numbers_validate_accepts_still_build(tmp_path: Path) -> None:
    """Whatever validate accepts, the build builds: every bound at its maximum, summed on a page."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, project / name)
    for name in ("docs", "theme_overrides", "generator"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
    root = content_root(project / "content")
    report = root / "sample-office" / "2569.yml"
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    data["listening_channels"][0]["statistics"] = {2500: MAX_COUNT, 2569: str(MAX_COUNT)}
    chart = data["service_standards"]["flowcharts"][0]
    longest = [f"{limit} {unit.replace('_', ' ')}" for unit, limit in MAX_DURATION.items()] + [
        "0.25 ชั่วโมง",
        "0.01 นาที",
    ]
    chart["steps"] += [{"action": "รอ", "duration": duration} for duration in longest * 3]
    chart["steps"][0]["decision"]["back_to_step"] = len(chart["steps"])
    data["service_standards"]["printed_volumes"] = MAX_COUNT
    report.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site, problems = validate_content(root)
    assert site.agencies and not [p for p in problems if p.is_error]
    assert build_site(project / "mkdocs.yml", tmp_path / "site", root) == 0
    page = (tmp_path / "site" / "en" / "agencies" / "sample-office" / "2569" / "index.html").read_text(
        "utf-8"
    )
    assert "1,000,000,000" in page or "1000000000" in page


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (b"a\x1b[31m.png", "a<U+001B>[31m.png"),
        (b"0 error(s)\n2569.yml", "0 error(s)<U+000A>2569.yml"),
        (b"\xff2569.yml", "<U+DCFF>2569.yml"),
        ("\u202egnp.exe".encode(), "<U+202E>gnp.exe"),
    ],
)
def test_a_file_name_that_would_write_to_the_terminal_is_named_harmlessly(
    tmp_path: Path, name: bytes, shown: str
) -> None:
    """A name holding an escape, a new line or bytes that are not UTF-8 cannot forge validate's output."""
    root = content_root(tmp_path)
    photos = root / "sample-office" / "photos"
    Path(os.fsdecode(os.fsencode(photos) + b"/" + name)).write_bytes(b"x")
    done = run_validate(root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"{photos}:1:1: error: ")
    assert f"`{shown}`" in lines[0]


def test_a_value_that_looks_right_names_the_invisible_character_that_makes_it_wrong(tmp_path: Path) -> None:
    """`comment_box` with a zero-width space pasted after it: the message says which character."""
    office = shutil.copytree(FIXTURES / "valid" / "sample-office", tmp_path / "office")
    report = office / "2569.yml"
    text = report.read_text(encoding="utf-8")
    assert "kind: telephone" in text
    report.write_text(text.replace("kind: telephone", "kind: telephone\u200b", 1), encoding="utf-8")
    _, problems = validate_paths([office])
    enum = [p for p in problems if p.code == "enum"]
    assert enum and "telephone<U+200B>" in enum[0].th and "telephone<U+200B>" in enum[0].en
