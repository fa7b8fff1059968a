"""What a service's A4 poster holds, so that it always prints on one page.

A poster hangs at a service counter: one sheet, never a second page with the phone number on
it. The format sets no limit on a flowchart's steps or on the length of its texts, so the
poster picks the roomiest of three print layouts its content fits in (``roomy``: one column of
steps; ``compact`` and ``dense``: two columns, smaller type, never under 9 pt). Each printed text
is also cut to a few lines in print (CSS line clamps), which bounds every item's height; what
still does not fit is the tail of a very long flowchart: the poster shows its first steps and
says that the rest are on the web page its QR code opens.

The heights here are estimates in millimetres from the layouts' type sizes and the widths of
their columns, checked against Chromium's print output by ``tests/browser/test_print.py``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from generator.fields import BiText
from generator.model import Flowchart, FlowchartStep, PhoneNumber
from generator.vocabulary import FlowchartKind

PT = 0.3528  # millimetres per point
PAGE_HEIGHT = 278.0  # A4's 297 mm less the poster page's 9 mm margins, less 1 mm to spare
PAGE_WIDTH = 190.0  # 210 mm less 10 mm margins
QR_BLOCK = 60.0  # the 36 mm QR code, its caption and the web address under it
COLUMN_GAP = 6.0
CHAR_EM = 0.55  # measured in Sarabun: 0.42 em a Latin letter, 0.45-0.53 a Thai one
SPARE = 1.06  # what the estimate of a step may fall short by (measured: up to 5 %)
WIDE_CHAR = 1.75  # characters of CHAR_EM a capital W or M (0.95 em) or a wide letter takes
DOCUMENT_LINES = 12  # a longer list of documents is cut, in the densest layout only


@dataclass(frozen=True)
class Layout:
    """One of the poster's print layouts (``.c3-poster--<name>`` in site.css)."""

    name: str
    size_pt: float  # body type
    line: float  # line height, as a multiple of the type size
    columns: int  # columns of steps
    step_gap: float  # mm between steps (the arrow)

    @property
    def line_mm(self) -> float:
        return self.size_pt * PT * self.line

    def chars_per_line(self, width_mm: float, em: float = 1.0) -> int:
        """Characters a line of ``width_mm`` holds in type ``em`` times the body's."""
        return max(1, int(width_mm / (self.size_pt * em * PT * CHAR_EM)))


LAYOUTS = (
    Layout("roomy", 12.0, 1.4, 1, 4.5),
    Layout("compact", 10.5, 1.35, 2, 4.5),
    Layout("dense", 9.0, 1.3, 2, 3.2),
)
CLAMP = {"title": 3, "fact": 2, "action": 3, "meta": 2, "question": 2, "branch": 2, "document": 2}
"""The most lines print shows of each text (site.css; the web page has it whole)."""


@dataclass(frozen=True)
class PosterFit:
    """The layout a poster prints in and how many of its steps and documents it shows."""

    layout: str
    shown: int
    steps: int
    documents_shown: int = 0
    documents: int = 0

    @property
    def cut(self) -> bool:
        return self.shown < self.steps

    @property
    def documents_cut(self) -> int:
        return self.documents - self.documents_shown


def poster_fit(chart: Flowchart, lang: str) -> PosterFit:
    """The roomiest layout the chart's poster fits one A4 page in; if none, the densest with
    at most ``DOCUMENT_LINES`` of documents and as many of the first steps as fit (at least one)."""
    steps, documents = len(chart.steps), len(chart.documents)
    for layout in LAYOUTS:
        if _height(chart, lang, layout, _step_heights(chart, lang, layout), documents) <= PAGE_HEIGHT:
            return PosterFit(layout.name, steps, steps, documents, documents)
    dense = LAYOUTS[-1]
    cpl = dense.chars_per_line(_footer_width(dense))
    document_lines = accumulate(_lines(text, lang, cpl, CLAMP["document"]) for text in chart.documents)
    shown_documents = bisect_right(list(document_lines), DOCUMENT_LINES)
    heights = _step_heights(chart, lang, dense)
    if _height(chart, lang, dense, heights, shown_documents) <= PAGE_HEIGHT:
        return PosterFit(dense.name, steps, steps, shown_documents, documents)
    # With a step left out the poster says the rest are on the web page; each step more is taller.
    shown = 1
    while (
        shown + 1 < steps
        and _height(chart, lang, dense, heights[: shown + 1], shown_documents) <= PAGE_HEIGHT
    ):
        shown += 1
    return PosterFit(dense.name, shown, steps, shown_documents, documents)


def _step_heights(chart: Flowchart, lang: str, layout: Layout) -> list[float]:
    """Each step's estimated height in ``layout``, worked out once (not once per count tried:
    a flowchart of 1,000 steps took a minute)."""
    width = (PAGE_WIDTH - COLUMN_GAP * (layout.columns - 1)) / layout.columns - 4.0
    return [SPARE * _step_height(step, lang, layout, width) for step in chart.steps]


def _height(chart: Flowchart, lang: str, layout: Layout, heights: Sequence[float], documents: int) -> float:
    """The poster's estimated printed height in mm with the steps of ``heights`` (the first
    ones) and the first ``documents``."""
    cut = len(heights) < len(chart.steps) or documents < len(chart.documents)
    return (
        _head(chart, lang, layout)
        + _steps(heights, layout, cut)
        + _footer(chart, lang, layout, documents, cut)
    )


def _head(chart: Flowchart, lang: str, layout: Layout) -> float:
    width = PAGE_WIDTH - 36.0 - COLUMN_GAP
    title = _lines(chart.name, lang, layout.chars_per_line(width, 2.0), CLAMP["title"])
    facts = layout.chars_per_line(width - 32.0)
    fact_lines = sum(
        _lines(text, lang, facts, CLAMP["fact"]) for text in (chart.place, chart.hours, chart.fee)
    )
    text = 1.1 * 1.3 + title * 2.0 * 1.3 + 0.4 * 2.0 + fact_lines * layout.line
    return max(QR_BLOCK, text * layout.size_pt * PT) + 2.0


def _steps(heights: Sequence[float], layout: Layout, cut: bool) -> float:
    column = sum(heights) if layout.columns == 1 else _balanced(heights)
    heading = 1.3 * 1.2 * 1.8 * layout.size_pt * PT
    end = (2 if cut else 1) * layout.line_mm + 2.0
    return heading + column + end


def _balanced(heights: Sequence[float]) -> float:
    """The height of two balanced columns of steps that are never split: the first column
    takes the steps up to the split that leaves the taller column lowest."""
    total, before, best = sum(heights), 0.0, sum(heights)
    for height in heights:
        before += height
        best = min(best, max(before, total - before))
    return best


def _step_height(step: FlowchartStep, lang: str, layout: Layout, width: float) -> float:
    cpl = layout.chars_per_line(width)
    lines = 1 + _lines(step.action, lang, cpl, CLAMP["action"])
    # "Responsible: <unit>  Time: <duration>", in type 0.9 times the body's
    duration = step.duration.english() if lang == "en" else str(step.duration)
    meta = len(duration) + 10 + (_printed(step.unit, lang) + 14 if step.unit else 0)
    lines += min(CLAMP["meta"], math.ceil(meta / layout.chars_per_line(width, 0.9)))
    height = lines * layout.line_mm + 3.0 + layout.step_gap
    if step.decision:
        branch = layout.chars_per_line(width - 8.0)
        decision = _lines(step.decision.question, lang, branch, CLAMP["question"])
        decision += _lines(step.decision.if_yes, lang, branch, CLAMP["branch"], extra=20)
        decision += _lines(step.decision.if_no, lang, branch, CLAMP["branch"], extra=24)
        height += decision * layout.line_mm + 3.0
    return height


def _footer_width(layout: Layout) -> float:
    return (PAGE_WIDTH - COLUMN_GAP) / 2 - 1.4 * layout.size_pt * PT


def _document_lines(chart: Flowchart, lang: str, layout: Layout, width: float, documents: int) -> int:
    cpl = layout.chars_per_line(width)
    return sum(_lines(text, lang, cpl, CLAMP["document"]) for text in chart.documents[:documents])


def _footer(chart: Flowchart, lang: str, layout: Layout, documents: int, cut: bool) -> float:
    """Documents beside the complaint text and the phone number (3 and 2 lines at most)."""
    width = _footer_width(layout)
    left = max(1, _document_lines(chart, lang, layout, width, documents)) + (1 if cut else 0)
    complaints = _lines(chart.complaints, lang, layout.chars_per_line(width), 3)
    right = complaints + 2 * 1.4 * 1.25 / layout.line  # and the phone number, in larger type
    heading = 1.3 * 1.2 * 1.8 * layout.size_pt * PT
    return heading + max(left, right) * layout.line_mm + 3.0


def _lines(text: BiText | None, lang: str, per_line: int, clamp: int, extra: int = 0) -> int:
    """Lines a text takes at ``per_line`` characters, at most ``clamp``; ``extra`` characters of
    labels printed with it ("Yes: ... → next step")."""
    length = (_printed(text, lang) if text else 0) + extra
    return max(1, min(clamp, math.ceil(length / per_line)))


def _printed(text: BiText, lang: str) -> int:
    """The width of a text as printed, with the "(not yet translated)" English pages add."""
    return _width(text.get(lang)) + (0 if text.translated(lang) else 22)


def _width(text: str) -> int:
    """A text's width in characters: Thai vowel and tone marks above and below take none; a
    capital Latin letter (up to 0.95 em: W, M) or a wide East Asian one takes nearly two, or a
    text in capitals prints longer than its estimate and its last step is cut off."""
    return math.ceil(sum(_char_width(char) for char in text))


def _char_width(char: str) -> float:
    if unicodedata.combining(char):
        return 0.0
    if "A" <= char <= "Z":
        return WIDE_CHAR
    return WIDE_CHAR if unicodedata.east_asian_width(char) in ("W", "F") else 1.0


# --- The phone number -----------------------------------------------------------------------

_FAX = re.compile(r"โทรสาร|แฟกซ์|\bfax\b", re.IGNORECASE)
_HOTLINE = re.compile(r"สายด่วน|hot\s*line", re.IGNORECASE)
_COMPLAINTS = re.compile(r"ร้องเรียน|ร้องทุกข์|ดำรงธรรม|complain", re.IGNORECASE)
_SHORT_CODE = re.compile(r"1\d{3}")  # Thailand's four-digit hotlines (1111, 1567, ...) begin with 1


def poster_phone(phones: Sequence[PhoneNumber], kind: FlowchartKind) -> PhoneNumber | None:
    """The number a poster prints: never a fax; on a complaint poster a hotline before a
    complaint desk before the switchboard, on others the agency's first number."""
    voice = [phone for phone in phones if not _FAX.search(_label(phone))]
    if kind is FlowchartKind.complaint:
        return min(voice, key=_complaint_rank, default=None)
    return voice[0] if voice else None


def _complaint_rank(phone: PhoneNumber) -> int:
    label = _label(phone)
    if _HOTLINE.search(label) or _SHORT_CODE.fullmatch(re.sub(r"\D", "", phone.number)):
        return 0
    return 1 if _COMPLAINTS.search(label) else 2


def _label(phone: PhoneNumber) -> str:
    return f"{phone.label.th} {phone.label.en or ''}" if phone.label else ""
