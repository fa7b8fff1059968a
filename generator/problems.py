"""A problem found in a submission: where it is, which field, and what to do, in Thai and English."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from generator.messages import message
from generator.privacy import redact

Severity = Literal["error", "warning"]
FieldPath = tuple[str | int, ...]
"""Where a value sits in a file: keys and list indexes from the top, as pydantic reports them."""


def visible(text: str) -> str:
    """``text`` with each character a reader cannot see written as ``<U+200B>``: every value,
    field and path a message quotes passes here, so none can reach a terminal raw."""
    return "".join(ch if ch.isprintable() or ch == " " else f"<U+{ord(ch):04X}>" for ch in text)


def field_name(loc: FieldPath | str) -> str:
    """``('listening_channels', 0, 'kind')`` -> ``listening_channels[1].kind`` (items count from 1)."""
    if isinstance(loc, str):
        return loc
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True, order=True)
class Problem:
    """One line of validator output."""

    path: str
    line: int
    column: int
    severity: Severity
    field: str
    code: str
    th: str
    en: str

    @classmethod
    def at(
        cls,
        path: Path | str,
        line: int,
        column: int,
        loc: FieldPath | str,
        code: str,
        severity: Severity = "error",
        **context: Any,
    ) -> Problem:
        name = visible(redact(field_name(loc)))  # a key may hold a number too
        # A message quotes what was written: the validator's own output must not publish a
        # national ID or a mobile that a file, a folder or a value holds.
        # An invisible character in a value is named, or the value would read as the right one.
        context = {key: visible(redact(v)) if isinstance(v, str) else v for key, v in context.items()}
        th, en = message(code, field=name or "-", **context)
        return cls(visible(redact(str(path))), line, column, severity, name, code, th, en)

    def format(self) -> str:
        """``path:line:column: error: field: ไทย / English`` on one line."""
        where = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {where}{self.th} / {self.en}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def print_problems(problems: list[Problem]) -> None:
    """One line each, in file and line order."""
    for problem in problems:
        print(problem.format())


def summary(problems: list[Problem], agencies: int) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return (
        f"ตรวจ {agencies} หน่วยงาน: ข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ / "
        f"checked {agencies} agencies: {errors} error(s), {warnings} warning(s)"
    )
