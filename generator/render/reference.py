"""The field reference for agencies, read from the model itself, so it can never disagree with it."""

from __future__ import annotations

import enum
import json
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.fields import BiText, Duration, RichBiText
from generator.model import Agency, Report

TYPE_LABELS: dict[str, tuple[str, str]] = {
    "text": ("ข้อความ (ไทย หรือ th: และ en:)", "text (Thai, or th: and en:)"),
    "rich": ("ข้อความยาว ใช้ย่อหน้า รายการ ตัวหนา และลิงก์ได้", "longer text: paragraphs, lists, bold and links"),
    "count": ("จำนวน (เลขไทยหรืออารบิก)", "count (Thai or Arabic digits)"),
    "year": ("ปี พ.ศ.", "B.E. year"),
    "date": ("วันที่ พ.ศ. ปปปป-ดด-วว", "B.E. date YYYY-MM-DD"),
    "duration": ("ระยะเวลา เช่น 15 นาที", "duration, e.g. 15 นาที"),
    "bool": ("true หรือ false", "true or false"),
    "group": ("กลุ่มของช่อง ดูหัวข้อย่อย", "a group of fields, see below"),
    "list": ("รายการ", "list"),
    "by_year": ("จำนวนแยกตามปี พ.ศ. เช่น 2569: 1200", "a count per B.E. year, e.g. 2569: 1200"),
    "string": ("ข้อความสั้น", "short text"),
    "url": ("ที่อยู่เว็บ ขึ้นต้นด้วย https://", "web address starting https://"),
    "email": ("อีเมล", "email address"),
    "phone": ("หมายเลขโทรศัพท์", "phone number"),
    "number": ("ตัวเลข", "number"),
    "one_of": ("ค่าใดค่าหนึ่ง", "one of"),
}


@dataclass(frozen=True)
class FieldDoc:
    path: str
    kind: str
    choices: tuple[str, ...]
    required: bool
    th: str
    en: str
    example: str


@dataclass(frozen=True)
class ModelDoc:
    key: str
    th: str
    en: str
    fields: tuple[FieldDoc, ...]


def documented(root: type[BaseModel], prefix: str = "") -> list[ModelDoc]:
    """The top-level fields of ``root``; a section holding a group lists that group's fields."""
    docs = []
    for name, info in root.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        inner = _model_of(info.annotation)
        fields = tuple(_fields(inner, f"{prefix}{name}")) if inner else (_field_doc(f"{prefix}{name}", info),)
        docs.append(
            ModelDoc(
                name, str(extra.get("x-description-th", "")), str(extra.get("x-description-en", "")), fields
            )
        )
    return docs


def agency_and_report() -> list[tuple[str, list[ModelDoc]]]:
    """One table for the agency file; one per section of the report file."""
    agency = ModelDoc("agency", "ข้อมูลหน่วยงาน", "About the agency", tuple(_fields(Agency, "")))
    return [("agency.yml", [agency]), ("<ปี พ.ศ.>.yml", documented(Report))]


def _fields(model: type[BaseModel], prefix: str) -> list[FieldDoc]:
    found = []
    for name, info in model.model_fields.items():
        path = f"{prefix}.{name}" if prefix else name
        found.append(_field_doc(path, info))
        inner = _model_of(info.annotation)
        if inner and not issubclass(inner, BiText):
            found += _fields(inner, path + ("[]" if _is_list(info.annotation) else ""))
    return found


def _field_doc(path: str, info: Any) -> FieldDoc:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    kind, choices = _kind(info.annotation, tuple(info.metadata))
    examples = extra.get("examples") or []
    example = json.dumps(examples[0], ensure_ascii=False) if examples else ""
    return FieldDoc(
        path, kind, choices, info.is_required(), str(extra.get("x-description-th", "")),
        str(extra.get("x-description-en", "")), example,
    )  # fmt: skip


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list


def _model_of(annotation: Any) -> type[BaseModel] | None:
    for arg in (annotation, *typing.get_args(annotation)):
        base = typing.get_args(arg)[0] if typing.get_origin(arg) is typing.Annotated else arg
        if isinstance(base, type) and issubclass(base, BaseModel) and not issubclass(base, BiText):
            return base
        if typing.get_origin(arg) is list:
            return _model_of(typing.get_args(arg)[0])
    return None


def _kind(annotation: Any, metadata: tuple[Any, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """What a clerk writes for a field, from its type (pydantic keeps a required field's
    Annotated metadata apart from its annotation, hence ``metadata``)."""
    if metadata:
        return _kind(typing.Annotated[(annotation, *metadata)])
    if isinstance(annotation, type) and issubclass(annotation, BiText):
        return ("rich" if issubclass(annotation, RichBiText) else "text"), ()
    if annotation is Duration:
        return "duration", ()
    if typing.get_origin(annotation) is list:
        inner, choices = _kind(typing.get_args(annotation)[0])
        return f"list:{inner}", choices
    if typing.get_origin(annotation) is dict:
        return "by_year", ()
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is typing.Annotated:
        base = args[0]
        notes = " ".join(repr(m) for m in annotation.__metadata__)
        if typing.get_origin(base) is list or (
            isinstance(base, type) and issubclass(base, (enum.Enum, BaseModel))
        ):
            return _kind(base)
        for parser, kind in (("parse_url", "url"), ("parse_email", "email"), ("parse_phone", "phone")):
            if parser in notes:
                return kind, ()
        if base is int:
            return ("year", ()) if "parse_be_year" in notes else ("count", ())
        if base is Duration:
            return "duration", ()
        if base is RichBiText:
            return "rich", ()
        if base is BiText:
            return "text", ()
        if "parse_be_date" in notes:
            return "date", ()
        return "string", ()
    if args and typing.get_origin(annotation) is not None:
        return _kind(args[0])
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "one_of", tuple(member.value for member in annotation)
    if annotation is bool:
        return "bool", ()
    if annotation is int:
        return "number", ()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "group", ()
    return "string", ()


def kind_label(kind: str, lang: str) -> str:
    index = 0 if lang == "th" else 1
    if kind.startswith("list:"):
        return f"{TYPE_LABELS['list'][index]}: {kind_label(kind[5:], lang)}"
    return TYPE_LABELS.get(kind, TYPE_LABELS["string"])[index]
