"""Personal data that must never be published: Thai national ID numbers and private mobiles.

Numbers are found however a person may write them: any decimal digits (Thai, Arabic-Indic,
full-width), any run of spaces, dashes, slashes, dots, underscores or brackets between digits,
invisible characters (soft hyphen, zero-width space, U+2063) ignored. Dates, times and Thai
letter numbers (``มท 0816.3/1234``) and landlines (``0 3233 7866``) are read as what they are,
and numbers written side by side count as one only when grouped as people write an ID or a
mobile (``_written_as``), so that a table of counts is not taken for one. A text is also read
as a page shows it: character references decoded, tags and Markdown marks gone.
Found numbers are shown masked in messages, so the validator's own output leaks nothing.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_DROPPED = ("Cf", "Cc", "Mn", "Me")  # invisible: soft hyphen, zero-width space, U+2063, marks
_JOINING = ("Pd", "Pc", "Ps", "Pe")  # dashes, underscore, brackets
_JOINING_CHARS = frozenset("/\\.+·•∙⁄∕−~\u2800\u3164\u115f\u1160\uffa0")  # and letters that show blank
MOBILE = re.compile(r"(?:0|66|660|0066|00660)([689]\d{8})")
_DATE = re.compile(
    r"(?<!\d)(?:(?:0?[1-9]|[12]\d|3[01])([/.\-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})"
    r"|(?:19|20|24|25|26)\d\d([/.\-])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:[01]?\d|2[0-4])[.:][0-5]\d)(?!\d)"
)
_LANDLINE = re.compile(r"(?<!\d)0[\s\-–.()]{0,2}[2-57](?:[\s\-–.()]{0,2}\d){7}(?!\d)")
_LETTER_NUMBER = re.compile(
    r"(?<![\u0e00-\u0e7f])[\u0e01-\u0e2e]{2,4}\.?\s*(\d{4}(?:\.\d{1,3})*\s*/\s*\d{1,5})(?!\d)"
)
_THOUSANDS_ID = re.compile(r"(?<![\d,])\d,\d{3},\d{3},\d{3},\d{3}(?![\d,])")
_TAG = re.compile(r"<[^>]*>")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MARKS = re.compile(r"[`*_~\[\]]")
_PARAGRAPH = re.compile(r"\n\s*\n")
_ASCII_DIGIT = re.compile(r"[0-9]")
MOBILE_DIGITS = 10  # the fewest digits of a number sought
ID_GROUPS = (1, 4, 5, 2, 1)  # how a national ID card prints the number
PUBLIC_ID_PREFIXES = ("099",)  # tax IDs of government agencies and state bodies: published on purpose
MAX_NUMBER_DIGITS = 14  # the longest way to write a mobile: 00660 and nine digits


@dataclass(frozen=True)
class Found:
    """A number found in a text: its kind, its digits, and where it was written in the text."""

    kind: str  # "national_id" or "mobile"
    digits: str  # a national ID's 13 digits; a mobile as dialled at home (0 and nine digits)
    start: int
    end: int
    among_numbers: bool  # only found by joining it with numbers written next to it

    @property
    def masked(self) -> str:
        return mask(self.digits)


def valid_national_id(digits: str) -> bool:
    """The 13th digit of a Thai national ID is a checksum of the first twelve."""
    if len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        return False
    if digits.startswith(PUBLIC_ID_PREFIXES):
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def mask(digits: str) -> str:
    """All but the first and the last two digits hidden."""
    return digits[0] + "x" * (len(digits) - 3) + digits[-2:]


def mobile_digits(text: str) -> str | None:
    """The mobile in a phone number as dialled at home (``0812345678``), however it is written."""
    return next((found.digits for found in find(text) if found.kind == "mobile"), None)


def find(text: str) -> list[Found]:
    """Every national ID (checksum) and Thai mobile (06x, 08x, 09x) in ``text``, once each,
    as written and as a page shows it (a number split by markup is whole on the page)."""
    found = _find(text)
    shown = _displayed(text)
    if shown != text:
        known = {(f.kind, f.digits) for f in found}
        found += [
            Found(f.kind, f.digits, 0, len(text), f.among_numbers)
            for f in _find(shown)
            if (f.kind, f.digits) not in known
        ]
    return found


def _displayed(text: str) -> str:
    """``text`` as a page or a search result shows it: character references decoded, tags,
    link addresses and Markdown's marks gone."""
    text = _TAG.sub("", html.unescape(text))
    return _MARKS.sub("", _LINK_TARGET.sub("", text))


def _find(text: str) -> list[Found]:
    if not any(map(str.isnumeric, text)):  # most texts: no digit of any script, nothing to read
        return []
    plain = "".join(map(_character, text))
    if len(_ASCII_DIGIT.findall(plain)) < MOBILE_DIGITS:  # too few digits for any number sought
        return []
    origin: list[int] = []  # where each character of ``plain`` was written, once a number is found
    found: dict[tuple[str, str], Found] = {}
    for chain in _chains(plain):
        for item in _numbers_in(chain):
            origin = origin or [index for index, ch in enumerate(text) for _ in _character(ch)]
            start, end = origin[item.start], origin[item.end - 1] + 1
            key = (item.kind, item.digits)
            if key not in found or (found[key].among_numbers and not item.among_numbers):
                found[key] = Found(item.kind, item.digits, start, end, item.among_numbers)
    for match in _THOUSANDS_ID.finditer(plain):  # 1,101,700,203,450: an ID written as a count
        digits = re.sub(r"\D", "", match.group())
        if valid_national_id(digits) and ("national_id", digits) not in found:
            origin = origin or [index for index, ch in enumerate(text) for _ in _character(ch)]
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            found["national_id", digits] = Found("national_id", digits, start, end, False)
    return sorted(found.values(), key=lambda f: (f.start, f.kind))


def national_ids(text: str) -> list[str]:
    """Masked national ID numbers found in ``text``."""
    return [f.masked for f in find(text) if f.kind == "national_id"]


def mobiles(text: str) -> list[str]:
    """Masked Thai mobile numbers found in ``text``."""
    return [f.masked for f in find(text) if f.kind == "mobile"]


def redact(text: str) -> str:
    """``text`` with every number found masked, to name a file or folder in a message."""
    for item in sorted(find(text), key=lambda f: f.start, reverse=True):
        text = text[: item.start] + item.masked + text[item.end :]
    return text


# --- How it reads a text ------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def _character(original: str) -> str:
    """One character as read for numbers: NFKC, any decimal digit as ASCII, invisible ones dropped.

    A text repeats few distinct characters, so each is worked out once.
    """
    out = []
    for ch in unicodedata.normalize("NFKC", original):
        if unicodedata.category(ch) in _DROPPED and ch not in "\t\n\r":
            continue
        decimal = unicodedata.decimal(ch, unicodedata.digit(ch, None))  # also ①, ❶, ⓪
        out.append(str(decimal) if decimal is not None else ch)
    return "".join(out)


def _joins(gap: str) -> bool:
    """Text between two numbers that a reader would read through, as inside one number."""
    if not gap or _PARAGRAPH.search(gap):
        return False
    return all(ch.isspace() or ch in _JOINING_CHARS or unicodedata.category(ch) in _JOINING for ch in gap)


@dataclass(frozen=True)
class _Unit:
    """Digits read as one piece: a run of digits, or a whole date, time or landline number."""

    digits: str
    start: int
    end: int
    whole: bool = False  # a date, time or landline: never a part of another number


class _Spans:
    """Spans of a text that do not overlap, asked whether one covers a position (in log time:
    a long text holds thousands of them)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def covers(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and self.spans[index][0] <= position < self.spans[index][1]


def _chains(plain: str) -> list[list[_Unit]]:
    """Runs of units that only separators part; a letter number or a word ends a run."""
    hidden = _Spans(m.span(1) for m in _LETTER_NUMBER.finditer(plain))
    units: list[_Unit] = []
    for match in sorted([*_DATE.finditer(plain), *_LANDLINE.finditer(plain)], key=lambda m: m.start()):
        if not units or match.start() >= units[-1].end:
            units.append(_Unit(re.sub(r"\D", "", match.group()), *match.span(), whole=True))
    taken = _Spans((u.start, u.end) for u in units)
    for match in re.finditer(r"\d+", plain):
        if not taken.covers(match.start()):
            units.append(_Unit(match.group(), *match.span()))
    chains: list[list[_Unit]] = []
    previous: _Unit | None = None
    for unit in sorted(units, key=lambda u: u.start):
        if hidden.covers(unit.start):
            previous = None
            continue
        if previous is not None and _joins(plain[previous.end : unit.start]):
            chains[-1].append(unit)
        else:
            chains.append([unit])
        previous = unit
    return chains


def _numbers_in(chain: list[_Unit]) -> list[Found]:
    """National IDs and mobiles made of consecutive whole units of one chain."""
    found = []
    for first in range(len(chain)):
        digits = ""
        for last in range(first, len(chain)):
            digits += chain[last].digits
            if len(digits) > MAX_NUMBER_DIGITS:
                break
            whole = first == 0 and last == len(chain) - 1
            start, end = chain[first].start, chain[last].end
            parts = chain[first : last + 1]
            mobile = MOBILE.fullmatch(digits)
            if mobile and _written_as("mobile", parts):
                found.append(Found("mobile", "0" + mobile.group(1), start, end, not whole))
            elif valid_national_id(digits) and _written_as("national_id", parts):
                found.append(Found("national_id", digits, start, end, not whole))
    return found


def _written_as(kind: str, parts: list[_Unit]) -> bool:
    """Whether numbers written side by side are grouped as people write a ``kind``: an ID as on
    the card (1-4-5-2-1), digit by digit, or cut once or twice into long pieces; a mobile in
    groups of at most four digits or cut once. Dates, times, tables of counts and bank accounts
    are grouped otherwise, so they are not read as one."""
    if len(parts) == 1:
        return True
    sizes = tuple(len(part.digits) for part in parts)
    if kind == "national_id":
        as_on_card = sizes == ID_GROUPS or set(sizes) == {1}
        cut_once_or_twice = len(sizes) <= 3 and max(sizes) >= 6  # no table of counts looks so
        return not any(part.whole for part in parts) and (as_on_card or cut_once_or_twice)
    if any(part.whole and len(part.digits) > 4 for part in parts):  # a date; a time may be 08.12
        return False
    return all(size <= 4 for size in sizes) or len(sizes) == 2


# --- PDF attachments --------------------------------------------------------------------------

MAX_PDF_PAGES = 200
MAX_PDF_CHARS = 2_000_000  # the text of the pages read, all together


def pdf_pages(path: Path) -> Iterator[tuple[int, str]]:
    """(page number from 1, its text) of a PDF, up to ``MAX_PDF_PAGES`` and ``MAX_PDF_CHARS``.

    A PDF that cannot be opened yields nothing: whether it may be published is checked elsewhere.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError, ValueError):
        return
    budget = MAX_PDF_CHARS
    try:
        for index in range(min(len(document), MAX_PDF_PAGES)):
            if budget <= 0:
                return
            text = _page_text(document, index, budget)
            budget -= len(text)
            yield index + 1, text
    finally:
        document.close()


def _page_text(document: Any, index: int, budget: int) -> str:
    import pypdfium2 as pdfium

    try:
        page = document[index]
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range(count=min(textpage.count_chars(), budget)))
        finally:
            textpage.close()
            page.close()
    except (pdfium.PdfiumError, OSError, ValueError):
        return ""
