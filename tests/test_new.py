"""`python -m generator new`: a clerk's first files, complete, and valid once the blanks are filled."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from PIL import Image

from generator.__main__ import main
from generator.model import SECTION_KEYS
from generator.new import current_fiscal_year, uncomment_examples
from generator.validate import validate_paths

FILLED = {"th": "ข้อความ", "en": "text", "number": "0 3233 7866", "email": "office@example.go.th",
          "website": "https://www.example.go.th"}  # fmt: skip


def fill_blanks(text: str) -> str:
    """Type something into every `key: ""` blank, as a clerk would."""
    return re.sub(r'(\w+): ""', lambda m: f"{m.group(1)}: {FILLED.get(m.group(1), 'ข้อความ')}", text)


@pytest.fixture
def created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["new", "test-office", "--content", str(tmp_path)]) == 0
    assert "python -m generator validate" in capsys.readouterr().out
    return tmp_path / "test-office"


def test_the_files_hold_every_section_and_point_editors_at_the_schema(created: Path) -> None:
    year = current_fiscal_year(datetime.date.today())
    report = (created / f"{year}.yml").read_text(encoding="utf-8")
    assert report.startswith("# yaml-language-server: $schema=../../../schema/report.schema.json")
    assert [line[:-1] for line in report.splitlines() if re.fullmatch(r"[a-z_]+:", line)] == list(
        SECTION_KEYS
    )
    agency = (created / "agency.yml").read_text(encoding="utf-8")
    assert agency.startswith("# yaml-language-server: $schema=../../../schema/agency.schema.json")


def test_blank_files_fail_with_messages_that_name_each_blank(created: Path) -> None:
    _, problems = validate_paths([created])
    missing = sorted(p.field for p in problems if p.is_error)
    assert missing == ["address", "contacts.phones[1].number", "name", "province"]
    assert all(p.line > 1 for p in problems if p.is_error)


def test_filled_blanks_and_every_example_switched_on_are_valid(created: Path) -> None:
    """A clerk who fills the blanks gets a valid report, and the examples show every section and
    an activity still to come with how to join it and whom to ask (how_to_join, contact)."""
    agency = created / "agency.yml"
    agency.write_text(fill_blanks(agency.read_text(encoding="utf-8")), encoding="utf-8")
    report = next(created.glob("25*.yml"))
    report.write_text(uncomment_examples(report.read_text(encoding="utf-8")), encoding="utf-8")
    for name in ("before.jpg", "after.jpg"):
        Image.new("RGB", (40, 30), "white").save(created / "photos" / name)
    site, problems = validate_paths([created])
    assert [p.format() for p in problems if p.is_error] == []
    filled = site.agencies[0].reports[int(report.stem)]
    assert all(getattr(filled, key) for key in SECTION_KEYS)
    joinable = [a for a in filled.participation_levels if a.how_to_join and a.contact and a.date]
    assert joinable and joinable[0].contact is not None and joinable[0].contact.phone


def test_an_existing_agency_is_never_overwritten(created: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "test-office", "--content", str(created.parent)]) == 1
    assert "already exists" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("day", "year"), [(datetime.date(2026, 9, 30), 2569), (datetime.date(2026, 10, 1), 2570)]
)
def test_the_fiscal_year_starts_on_1_october(day: datetime.date, year: int) -> None:
    assert current_fiscal_year(day) == year
