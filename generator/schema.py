"""Publish the submission format (``generator.model``) as JSON Schema files for editors and tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.model import Agency, Report

SCHEMAS: dict[str, type[BaseModel]] = {"agency": Agency, "report": Report}


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``agency`` or ``report``."""
    schema = SCHEMAS[name].model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        **schema,
    }


def render_schema(name: str) -> str:
    return json.dumps(schema_of(name), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = out / f"{name}.schema.json"
        path.write_text(render_schema(name), encoding="utf-8")
        written.append(path)
    return written
