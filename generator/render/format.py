"""How values read on a page: texts in the page's language, B.E. years, dates, counts, durations.

Agency Markdown is rendered here and then cleaned with an allowlist, so nothing an agency
writes can put a script, a style or a form into a citizen's browser.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import markdown
import nh3
from markupsafe import Markup, escape

from generator.fields import BE_OFFSET, BiText, Duration
from generator.render.ui import ui

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "em", "strong", "a"}
_UNIT_NAMES = {
    "minutes": ("นาที", "minute", "minutes"),
    "hours": ("ชั่วโมง", "hour", "hours"),
    "days": ("วัน", "day", "days"),
    "working_days": ("วันทำการ", "working day", "working days"),
}


def text(value: BiText | None, lang: str) -> Markup:
    """A short text, escaped; on English pages an untranslated text is marked and tagged Thai."""
    if value is None:
        return Markup("")
    if value.translated(lang):
        return escape(value.get(lang))
    return _untranslated(escape(value.th), lang)


def rich(value: BiText | None, lang: str) -> Markup:
    """A longer text: Markdown limited to paragraphs, lists, emphasis and links, then sanitized."""
    if value is None:
        return Markup("")
    key = (value.th, value.en, lang)
    if _memo is not None and key in _memo:
        return _memo[key]
    html = Markup(_clean(_MARKDOWN.reset().convert(value.get(lang))))
    if not value.translated(lang):
        html = _untranslated(html, lang, block=True)
    if _memo is not None:
        _memo[key] = html
    return html


_MARKDOWN = markdown.Markdown(output_format="html")
_memo: dict[tuple[str, str | None, str], Markup] | None = None


@contextmanager
def converting_once() -> Iterator[None]:
    """Within one agency's pages each text is converted once: its latest report is rendered
    twice (at its year's address and at the agency's own)."""
    global _memo
    _memo = {}
    try:
        yield
    finally:
        _memo = None


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener nofollow",
    )


def _untranslated(html: Markup, lang: str, block: bool = False) -> Markup:
    tag = "div" if block else "span"
    note = escape(ui("untranslated", lang))
    return Markup(
        f'<{tag} class="c3-untranslated" lang="th">{html}</{tag}>'
        f' <small class="c3-untranslated__note">({note})</small>'
    )


def phone(number: str, lang: str) -> str:
    """A phone number as written, with its extension word in the page's language."""
    if lang == "en":
        return re.sub(r"\s*ต่อ\s*", " ext. ", number)
    return re.sub(r"\s*ext\.?\s*", " ต่อ ", number, flags=re.IGNORECASE)


def number(value: int | float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def fiscal_year(year: int, lang: str) -> str:
    """``พ.ศ. 2569`` on Thai pages, ``FY 2026 (B.E. 2569)`` on English ones."""
    if lang == "th":
        return f"ปีงบประมาณ พ.ศ. {year}"
    return f"FY {year - BE_OFFSET} (B.E. {year})"


def short_year(year: int, lang: str) -> str:
    """A year as a column heading: ``2569`` or ``FY 2026``."""
    return str(year) if lang == "th" else f"FY {year - BE_OFFSET}"


def date(value: datetime.date | None, lang: str) -> str:
    """``18 กันยายน 2569`` or ``18 September 2026``."""
    if value is None:
        return ""
    if lang == "th":
        return f"{value.day} {THAI_MONTHS[value.month - 1]} {value.year + BE_OFFSET}"
    return f"{value.day} {ENGLISH_MONTHS[value.month - 1]} {value.year}"


def date_range(start: datetime.date | None, end: datetime.date | None, lang: str) -> str:
    if start and end and end != start:
        return f"{date(start, lang)} – {date(end, lang)}"
    return date(start, lang)


def duration(value: Duration, lang: str) -> str:
    th, one, many = _UNIT_NAMES[value.unit]
    amount = round(value.amount, 2)  # sums of decimal steps carry float noise (0.1 + 0.2)
    amount = int(amount) if amount == int(amount) else amount
    if lang == "th":
        return f"{amount} {th}"
    return f"{amount} {one if amount == 1 else many}"


def total_duration(durations: Iterable[Duration], lang: str) -> str:
    """Steps summed: minutes and hours together, days and working days each on their own."""
    minutes = 0.0
    totals: dict[str, float] = {}
    for item in durations:
        if item.unit in ("minutes", "hours"):
            minutes += item.amount * (60 if item.unit == "hours" else 1)
        else:
            totals[item.unit] = totals.get(item.unit, 0) + item.amount
    parts = [Duration(totals[unit], unit) for unit in ("working_days", "days") if unit in totals]
    hours, rest = divmod(minutes, 60)
    if hours:
        parts.append(Duration(hours, "hours"))
    if rest or not parts:
        parts.append(Duration(rest, "minutes"))
    return " ".join(duration(part, lang) for part in parts)
