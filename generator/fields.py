"""Value types of the submission format: bilingual text, counts, B.E. years and dates, links.

Each type reads what a clerk types (Thai digits, thousands separators, B.E. years) and
raises a ``PydanticCustomError`` whose code ``generator.messages`` explains in both languages.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
BE_OFFSET = 543
MIN_BE_YEAR, MAX_BE_YEAR = 2500, 2700
MAX_COUNT = 1_000_000_000  # more users than that in a year is a typing mistake
MAX_STEP_NUMBER = 999  # a flowchart's steps fit on a poster; a larger number is a typing mistake
_MAX_DIGITS = 20  # more digits than any bound here: read no further (int() stops at 4,300)


def field(th: str, en: str, example: Any = None, **kwargs: Any) -> Any:
    """A documented field: the Thai and English description feed the schema and the reference."""
    extra: dict[str, Any] = {"x-description-th": th, "x-description-en": en}
    if example is not None:
        extra["examples"] = [example]
    return Field(description=f"{th} / {en}", json_schema_extra=extra, **kwargs)


class Strict(BaseModel):
    """Base of every part of a submission: unknown keys are errors, empty keys mean 'not given'."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _drop_empty(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if not _blank(value)}
        return data


def _blank(value: Any) -> bool:
    """Left empty: nothing, blank text, or a group whose every part is blank (a template's blanks)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict):
        return all(_blank(v) for v in value.values())
    return False


def normalize_thai(text: str) -> str:
    """NFC, no zero-width characters, sara am and sara ae written one way, no doubled marks,
    tone marks after the vowel above (typed the other way round they look the same, but
    search and the format's words would not match them)."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e40\u0e40", "\u0e41")
    text = re.sub(r"([\u0e48-\u0e4b])\1+", r"\1", text)
    text = re.sub(r"([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37\u0e47])", r"\2\1", text)
    return text.strip()


# --- Text ---------------------------------------------------------------------------------


class BiText(Strict):
    """A text in Thai, with its English translation when the agency gives one."""

    th: str = field("ข้อความภาษาไทย", "Thai text", min_length=1)
    en: str | None = field("คำแปลภาษาอังกฤษ (ถ้ามี)", "English translation, if any", default=None)

    @model_validator(mode="before")
    @classmethod
    def _from_plain(cls, data: Any) -> Any:
        if isinstance(data, str):
            data = {"th": data}
        if isinstance(data, dict):
            return {
                key: normalize_thai(value) if isinstance(value, str) else value for key, value in data.items()
            }
        return data

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.th

    def translated(self, lang: str) -> bool:
        return lang == "th" or bool(self.en)


class RichBiText(BiText):
    """A longer text that may use paragraphs, lists, emphasis and links (Markdown)."""


_TEXT_INPUT = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {"th": {"type": "string", "minLength": 1}, "en": {"type": "string"}},
            "required": ["th"],
            "additionalProperties": False,
        },
    ]
}
Text = Annotated[BiText, WithJsonSchema(_TEXT_INPUT)]
RichText = Annotated[RichBiText, WithJsonSchema({**_TEXT_INPUT, "x-markdown": True})]


# --- Numbers and years ---------------------------------------------------------------------


MAX_ECHO = 40


def echo(value: Any) -> str:
    """A value as a message repeats it: a long one shortened in the middle, so that 400 typed
    digits make a readable line that still shows where they begin and end."""
    text = str(value)
    return text if len(text) <= MAX_ECHO else f"{text[:24]}…{text[-12:]}"


def _single(value: Any) -> None:
    """A list or a group where one value belongs gets its own message, not a repr of it."""
    if isinstance(value, (dict, list)):
        raise PydanticCustomError("not_a_value", "", {})


def _digits(value: Any, code: str) -> int:
    _single(value)
    if isinstance(value, bool):
        raise PydanticCustomError(code, "", {"value": str(value)})
    if isinstance(value, int):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(code, "", {"value": str(value)})
    cleaned = re.sub(r"[,\s_]", "", value.translate(THAI_DIGITS))
    if not re.fullmatch(r"-?[0-9]+", cleaned):  # Thai and ASCII digits; \d would take any script's
        raise PydanticCustomError(code, "", {"value": value})
    digits = cleaned.lstrip("-0")
    if len(digits) > _MAX_DIGITS:  # beyond every bound: the caller's range check names it
        return int(-(10**_MAX_DIGITS) if cleaned.startswith("-") else 10**_MAX_DIGITS)
    return int(cleaned)


def parse_count(value: Any) -> int:
    """A number of people or things: Thai or Arabic digits, thousands separators allowed."""
    if value is None:
        raise PydanticCustomError("count_missing", "", {})
    number = _digits(value, "count_not_number")
    if number < 0:
        raise PydanticCustomError("count_negative", "", {"value": echo(value)})
    if number > MAX_COUNT:
        raise PydanticCustomError("count_too_large", "", {"value": echo(value)})
    return number


def parse_step_number(value: Any) -> int:
    """The number of a step to go back to, from 1 (whether the step exists is the flowchart's check)."""
    number = _digits(value, "step_number")
    if not 1 <= number <= MAX_STEP_NUMBER:
        raise PydanticCustomError("step_number", "", {"value": echo(value), "limit": MAX_STEP_NUMBER})
    return number


def parse_be_year(value: Any) -> int:
    """A Buddhist Era year such as 2555; a C.E. year gets a hint with its B.E. equivalent."""
    year = _digits(value, "year_not_number")
    if MIN_BE_YEAR <= year <= MAX_BE_YEAR:
        return year
    if MIN_BE_YEAR - BE_OFFSET <= year <= MAX_BE_YEAR - BE_OFFSET:
        raise PydanticCustomError("year_is_ce", "", {"value": echo(value), "be": year + BE_OFFSET})
    raise PydanticCustomError("year_out_of_range", "", {"value": echo(value)})


def parse_be_date(value: Any) -> datetime.date:
    """``2555-03-15`` (B.E.) -> the C.E. date; a C.E. year is refused rather than guessed."""
    _single(value)
    if isinstance(value, datetime.date):
        return value
    text = str(value).translate(THAI_DIGITS).strip()
    match = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", text)
    if not match:
        raise PydanticCustomError("date_format", "", {"value": str(value)})
    year = parse_be_year(match.group(1))
    try:
        return datetime.date(year - BE_OFFSET, int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise PydanticCustomError("date_invalid", "", {"value": str(value)}) from None


Count = Annotated[
    int,
    BeforeValidator(parse_count),
    WithJsonSchema(
        {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^[0-9๐-๙,\s]+$"}]}
    ),
]
StepNumber = Annotated[
    int,
    BeforeValidator(parse_step_number),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_STEP_NUMBER}),
]
BEYear = Annotated[
    int,
    BeforeValidator(parse_be_year),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^[0-9๐-๙]{4}$"}]}),
]


def be_date_text(value: datetime.date) -> str:
    """A date as agencies write it: ``2569-03-15`` (B.E.)."""
    return f"{value.year + BE_OFFSET:04d}-{value.month:02d}-{value.day:02d}"


BEDate = Annotated[
    datetime.date,
    BeforeValidator(parse_be_date),
    PlainSerializer(be_date_text),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9๐-๙]{4}-[0-9๐-๙]{1,2}-[0-9๐-๙]{1,2}$"}),
]


# --- Durations -----------------------------------------------------------------------------

_UNITS = {
    "minutes": ("นาที", "minute", "minutes", "min", "mins"),
    "hours": ("ชั่วโมง", "ชม.", "ชม", "hour", "hours", "hr", "hrs"),
    "working_days": ("วันทำการ", "working day", "working days", "business day", "business days"),
    "days": ("วัน", "day", "days"),
}
_UNIT_OF = {word: unit for unit, words in _UNITS.items() for word in words}
# The most a step or a whole service may take, per unit. A day is written in hours rather
# than minutes, a month in days rather than hours, and no service a citizen waits for takes
# more than two years (about 245 working days a year). More is a typing mistake, and the
# bound keeps every sum and conversion the pages and open data make finite and exact.
MAX_DURATION = {"minutes": 24 * 60, "hours": 30 * 24, "days": 2 * 365, "working_days": 2 * 245}


@dataclass(frozen=True)
class Duration:
    """How long a step or a whole service takes: an amount of one unit."""

    amount: float
    unit: str

    def __str__(self) -> str:
        return f"{_number(self.amount)} {_UNITS[self.unit][0]}"

    def english(self) -> str:
        return f"{_number(self.amount)} {self.unit.replace('_', ' ')}"


def _number(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def parse_duration(value: Any) -> Duration:
    """``15 นาที``, ``1 ชั่วโมง``, ``3 วันทำการ``, ``2 days`` -> Duration."""
    _single(value)
    if isinstance(value, Duration):
        return value
    text = normalize_thai(str(value)).translate(THAI_DIGITS).lower()
    match = re.fullmatch(r"([0-9]+(?:\.[0-9]{1,2})?)\s*(.+)", text)
    word = match.group(2).strip() if match else ""
    unit = _UNIT_OF.get(word) or _UNIT_OF.get(word.rstrip("."))
    if not match or unit is None:
        raise PydanticCustomError("duration_format", "", {"value": str(value)})
    amount = float(match.group(1))  # 400 digits read as inf: refused just below
    if amount > MAX_DURATION[unit]:
        limit = Duration(MAX_DURATION[unit], unit)
        context = {"value": echo(value), "limit_th": str(limit), "limit_en": limit.english()}
        raise PydanticCustomError("duration_too_long", "", context)
    return Duration(amount, unit)


DurationField = Annotated[
    Duration,
    BeforeValidator(parse_duration),
    PlainSerializer(str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[0-9๐-๙.]+\s*\S.*$",
            "examples": ["15 นาที", "1 ชั่วโมง", "3 วันทำการ"],
        }
    ),
]


# --- Yes or no ------------------------------------------------------------------------------

_TRUE, _FALSE = ("true", "True", "TRUE"), ("false", "False", "FALSE")


def parse_flag(value: Any) -> bool:
    """``true`` or ``false`` as YAML 1.2 writes them, nothing else: YAML 1.1's ``yes``, ``on``
    and pydantic's lax ``1``, ``y`` are refused, so a flag never means what was not written."""
    _single(value)
    if isinstance(value, bool):
        return value
    text = str(value).strip()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise PydanticCustomError("bool_parsing", "", {})  # the message every true/false field gives


Flag = Annotated[bool, BeforeValidator(parse_flag), WithJsonSchema({"type": "boolean"})]


# --- Contacts and links ----------------------------------------------------------------------


def parse_url(value: Any) -> str:
    """A web address; only http and https reach a citizen's browser."""
    _single(value)
    text = str(value).strip()
    shape = re.fullmatch(r"https?://[^\s<>\"']+\.[^\s<>\"']+", text, flags=re.IGNORECASE)
    if not shape or not text.isprintable():  # an invisible character makes a link that leads nowhere
        raise PydanticCustomError("url_scheme", "", {"value": text})
    return text


def parse_email(value: Any) -> str:
    _single(value)
    text = str(value).strip()
    # ? & # and % would make the mailto: link add recipients (bcc=) or fill in the mail (body=)
    if (
        not re.fullmatch(r"[^@\s<>\"'?&#%]+@[^@\s<>\"'?&#%]+\.[^@\s<>\"'?&#%]+", text)
        or not text.isprintable()
    ):
        raise PydanticCustomError("email_format", "", {"value": text})
    return text


def parse_phone(value: Any) -> str:
    """A phone number as the agency writes it; it must hold 3 to 10 digits and nothing odd."""
    _single(value)
    text = str(value).translate(THAI_DIGITS).strip()
    digits = re.sub(r"\D", "", text)
    if not re.fullmatch(r"[0-9\s\-+()]+(?:\s*(?:ต่อ|ext\.?)\s*[0-9]+)?", text) or not (3 <= len(digits) <= 14):
        raise PydanticCustomError("phone_format", "", {"value": str(value)})
    return text


Url = Annotated[str, BeforeValidator(parse_url), WithJsonSchema({"type": "string", "pattern": "^https?://"})]
Email = Annotated[str, BeforeValidator(parse_email), WithJsonSchema({"type": "string", "format": "email"})]
Phone = Annotated[
    str,
    BeforeValidator(parse_phone),
    WithJsonSchema({"type": "string", "examples": ["0 3233 7866", "1567"]}),
]


def phone_href(phone: str) -> str:
    """``0 3233 7866 ต่อ 12`` -> ``tel:032337866`` (the extension cannot be dialled from a link)."""
    main = re.split(r"ต่อ|ext", phone)[0]
    return "tel:" + re.sub(r"[^\d+]", "", main)


# --- Files ------------------------------------------------------------------------------------


class FileReference(Strict):
    """A photo or document in the agency's own folder, named by its path relative to it."""

    file: str = field(
        "ที่อยู่ไฟล์ในโฟลเดอร์ของหน่วยงาน", "Path of the file inside the agency's folder", "photos/a.jpg"
    )


class Photo(FileReference):
    """A photo with its caption."""

    caption: Text | None = field("คำบรรยายภาพ", "Caption", default=None)


class Attachment(FileReference):
    """A document, such as the scanned original of a flowchart."""

    title: Text | None = field("ชื่อเอกสาร", "Title of the document", default=None)
