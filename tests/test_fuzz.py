"""`validate` never ends in a traceback, whatever a file holds: a kept corpus and generated input."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import SECTION_KEYS
from generator.problems import Problem
from generator.validate import validate_agency
from tests.conftest import FIXTURES

CORPUS = sorted((FIXTURES / "fuzz").glob("*.yml"))
AGENCY = FIXTURES / "valid" / "sample-office" / "agency.yml"
KEYS = [
    *SECTION_KEYS,
    "kind",
    "statistics",
    "th",
    "en",
    "file",
    "steps",
    "duration",
    "levels",
    "date",
    "name",
]


def check(report: bytes) -> list[Problem]:
    """Validate an agency whose 2569.yml holds ``report``; every problem must be a proper line."""
    with tempfile.TemporaryDirectory() as folder:
        office = Path(folder) / "office"
        office.mkdir()
        shutil.copy(AGENCY, office / "agency.yml")
        (office / "2569.yml").write_bytes(report)
        _, problems = validate_agency(office)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.th and problem.en and not re.search(r"\{[a-z_]+\}", problem.en + problem.th)
        assert Path(problem.path).name in ("2569.yml", "agency.yml", "office")
    return problems


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_each_broken_file_of_the_corpus_gets_errors_not_a_traceback(path: Path) -> None:
    assert [p for p in check(path.read_bytes()) if p.is_error]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    check(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}'\"#&*!|>%@` \n\t๑ก,.0129")), max_size=200))
def test_any_yaml_looking_text(text: str) -> None:
    check(text.encode("utf-8"))


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.floats(allow_nan=True),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS), children, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=6))
def test_any_structure_under_the_forms_keys(data: dict[str, object]) -> None:
    check(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))
