"""The published JSON Schema is generated from the model and accepts every example as editors read it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.schema import SCHEMAS, render_schema, schema_of
from tests.conftest import CONTENT, ROOT


class EditorLoader(yaml.SafeLoader):
    """YAML 1.2 as editors read it: no timestamps, so a B.E. date stays text."""


EditorLoader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_committed_schema_is_the_generated_one(name: str) -> None:
    """Run `make schema` after changing generator/model.py."""
    committed = (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == render_schema(name)


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_schema_is_valid_json_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema_of(name))


def example_files() -> list[Path]:
    return sorted(CONTENT.glob("*/*.yml"))


@pytest.mark.parametrize("path", example_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_example_file_passes_the_schema(path: Path) -> None:
    data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)
    data = json.loads(json.dumps(data, default=str))
    name = "agency" if path.name == "agency.yml" else "report"
    jsonschema.Draft202012Validator(schema_of(name)).validate(data)


def test_the_schema_describes_fields_in_thai_and_english() -> None:
    fee = schema_of("report")["$defs"]["Flowchart"]["properties"]["fee"]
    assert fee["x-description-th"].startswith("ค่าธรรมเนียม")
    assert fee["x-description-en"].startswith("Fee")


@pytest.mark.parametrize("path", example_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_example_file_tells_editors_where_its_schema_is(path: Path) -> None:
    name = "agency" if path.name == "agency.yml" else "report"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../../../schema/{name}.schema.json"
