"""How much of the form a report fills: sections with something in them, and fields given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.fields import BiText
from generator.model import SECTION_KEYS, Report


@dataclass(frozen=True)
class Completeness:
    sections: int
    fields: int
    fields_possible: int

    @property
    def percent(self) -> int:
        return round(100 * self.fields / self.fields_possible) if self.fields_possible else 0


def section_filled(value: Any) -> bool:
    if isinstance(value, list):
        return bool(value)
    if isinstance(value, BaseModel):
        return any(section_filled(getattr(value, name)) for name in type(value).model_fields)
    return value not in (None, "", 0, False)


def completeness(report: Report) -> Completeness:
    """Sections filled out of 12, and fields given out of those the present items could hold."""
    sections = sum(section_filled(getattr(report, key)) for key in SECTION_KEYS)
    given, possible = _fields(report)
    return Completeness(sections, given, possible)


def _fields(model: BaseModel) -> tuple[int, int]:
    given = possible = 0
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BiText):
            possible, given = possible + 1, given + 1
        elif isinstance(value, BaseModel):
            sub_given, sub_possible = _fields(value)
            given, possible = given + sub_given, possible + sub_possible
        elif isinstance(value, list):
            possible += 1
            given += bool(value)
            for item in value:
                if isinstance(item, BaseModel) and not isinstance(item, BiText):
                    sub_given, sub_possible = _fields(item)
                    given, possible = given + sub_given, possible + sub_possible
        else:
            possible += 1
            given += value not in (None, "", {}, False)
    return given, possible
