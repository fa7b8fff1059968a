"""How values read on a page: texts in the page's language, B.E. years, dates, counts, durations.

Agency Markdown is rendered here and then cleaned with an allowlist, so nothing an agency
writes can put a script, a style or a form into a citizen's browser.

Digits: every page, Thai or English, writes numbers with Arabic digits (0-9), as the site
formats counts, dates, years and phone numbers; years are B.E. on Thai pages and C.E. with the
B.E. year beside them on English ones. An agency's text typed with Thai digits (๑,๒๐๐ or
ปี ๒๕๖๙) is shown with Arabic ones in both languages, so a line never mixes ๑๒๓ with 123;
the open data keeps the text as the agency wrote it.

Untranslated text: on an English page, a text the agency gave in Thai only is shown in Thai,
tagged ``lang="th"`` (screen readers read it as Thai, fonts draw it as Thai) and with no mark
after it; the page says once, at its top, that parts are in Thai only (``thai_only_shown``
tells a page whether it showed any). A province's or a ministry's name is never Thai-only: it
comes from a fixed list (``fixed_names``) and is shown in English.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import markdown
import nh3
from markupsafe import Markup, escape

from generator.fields import BE_OFFSET, THAI_DIGITS, BiText, Duration, RichBiText
from generator.render.fixed_names import english_name
from generator.render.ui import LABELS

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
    """A short text, escaped; on English pages an untranslated text is Thai, tagged as such."""
    if value is None:
        return Markup("")
    if value.translated(lang):
        return escape(digits(value.get(lang)))
    english = english_name(value.th)
    if english:
        return escape(english)
    _count_thai_only()
    return Markup('<span class="c3-untranslated" lang="th">{}</span>').format(digits(value.th))


def rich(value: BiText | None, lang: str) -> Markup:
    """A longer text: Markdown limited to paragraphs, lists, emphasis and links, then sanitized."""
    if value is None:
        return Markup("")
    in_thai = not value.translated(lang)
    if in_thai:
        _count_thai_only()
    key = (value.th, value.en, lang)
    if _memo is not None and key in _memo:
        return _memo[key]
    html = Markup(_clean(_MARKDOWN.reset().convert(digits(value.get(lang)))))
    if in_thai:
        html = Markup(f'<div class="c3-untranslated" lang="th">{html}</div>')
    if _memo is not None:
        _memo[key] = html
    return html


def plain(value: BiText, lang: str) -> str:
    """A text's words as its page shows them, without markup and unescaped: what search holds.
    Rendered as the page renders it (Markdown, then cleaned), so a link's address, a list's
    marks or a removed ``<script>`` are not words; no Thai-only text is counted as shown."""
    if value.translated(lang):
        written = digits(value.get(lang))
    else:
        written = english_name(value.th) or digits(value.th)
    if not isinstance(value, RichBiText):
        return " ".join(written.split())
    return Markup(_clean(_MARKDOWN.reset().convert(written))).striptags()


def digits(value: str) -> str:
    """Thai digits written as Arabic ones: the site's one way of writing numbers."""
    return value.translate(THAI_DIGITS)


def thai_runs(value: str, lang: str) -> Markup:
    """A code written with Thai letters (a letter number, ``รบ 0017.2/1234``), escaped; on an
    English page its Thai letters are tagged Thai, so a screen reader does not spell them out."""
    html = escape(digits(value))
    if lang == "th":
        return html
    return Markup(_THAI_RUN.sub(r'<span lang="th">\g<0></span>', str(html)))


_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+(?:\s+[\u0e00-\u0e7f]+)*")


def label(key: str, lang: str, **values: object) -> Markup:
    """A label with its values filled in: a value that is HTML already (a text tagged Thai)
    stays HTML, any other is escaped."""
    th, en = LABELS[key]
    return escape(th if lang == "th" else en).format(**values)


def thai_only(value: BiText, lang: str) -> bool:
    """Whether ``value`` shows in Thai on a page in ``lang``: untranslated and not a fixed name."""
    return not value.translated(lang) and english_name(value.th) is None


_thai_only_shown = 0


def thai_only_shown() -> int:
    """How many Thai-only texts pages have shown so far: a page compares before and after."""
    return _thai_only_shown


def _count_thai_only() -> None:
    global _thai_only_shown
    _thai_only_shown += 1


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
