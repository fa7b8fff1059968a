"""Charts drawn when the site is built, as inline SVG: no script, no request, readable in print.

Layout is computed here; ``templates/_charts.html.j2`` draws it. The data table stays on the
page beside every chart for screen readers, so the chart itself is one labelled image.

The drawing has no viewBox, so nothing in it is scaled: heights and offsets are in ``em`` of the
chart's text (set in site.css, as large as the page's small print) and bar lengths are percentages
of the column. The chart fills the column on a phone and on a wide screen, and its text stays
the size of the text around it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.render.wordbreak import THAI_RUN, thai_words

# The narrowest column a chart is drawn in, in em of its text: a 360 px phone (328 px of text
# column) at the chart's 15.3 px. Labels wider than this take a second line.
COLUMN = 21.0
CHAR = 0.62  # a generous average advance of a letter that takes room (Thai or Latin), in em
LINE = 1.35  # one line of a label
BAR_HEIGHT = 1.0
BAR_GAP = 0.25
GROUP_GAP = 0.8
LEGEND_ROW = 1.6
SWATCH_ROOM = 1.15  # the swatch and the space after it, before the year
LONGEST_BAR = 78.0  # per cent of the column; the rest is kept for the number after the bar
NEWEST_FIRST = ("#1a237e", "#ef6c00", "#00897b", "#8e24aa", "#6d4c41")  # each 3:1 or more on white
_BREAK = re.compile(r"(?<=[\s\u200b])")


@dataclass(frozen=True)
class Bar:
    series: int
    value: int
    y: float  # em
    width: float  # per cent of the column
    label: str


@dataclass(frozen=True)
class LegendItem:
    label: str
    colour: str
    x: float  # em
    y: float  # em

    @property
    def text_x(self) -> float:
        return round(self.x + SWATCH_ROOM, 2)


@dataclass(frozen=True)
class Group:
    label: str
    lines: tuple[str, ...]  # the label, cut between words to fit the narrowest column
    y: float  # em, top of the label's first line
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars grouped by category (a channel), one bar per series (a year)."""

    series: tuple[str, ...]
    colours: tuple[str, ...]
    legend: tuple[LegendItem, ...]
    groups: tuple[Group, ...]
    height: float  # em

    @property
    def bars(self) -> list[Bar]:
        return [bar for group in self.groups for bar in group.bars]


def text_width(text: str) -> float:
    """An upper estimate of ``text``'s width in em: marks above and below a letter take no room."""
    return CHAR * sum(1 for c in text if unicodedata.category(c) not in ("Mn", "Me", "Cf"))


def label_lines(label: str, room: float = COLUMN) -> tuple[str, ...]:
    """``label`` on as many lines as it needs to fit ``room`` em, cut only between words (Thai
    words as ICU finds them, as a browser breaks lines); a single word wider than the column
    keeps its own line."""
    lines: list[str] = []
    line = ""
    segmented = THAI_RUN.sub(lambda run: "\u200b".join(thai_words(run.group(0))), label)
    for word in _BREAK.split(segmented):
        if line and text_width((line + word).rstrip()) > room:
            lines.append(line)
            line = ""
        line += word
    lines.append(line)
    return tuple(clean for clean in (part.replace("\u200b", "").strip() for part in lines) if clean)


def bar_chart(series: list[str], rows: list[tuple[str, list[int | None]]]) -> BarChart:
    """``rows``: a label and one value per series (None where there is no value)."""
    largest = max((v for _, values in rows for v in values if v is not None), default=0) or 1
    colours = tuple(NEWEST_FIRST[i % len(NEWEST_FIRST)] for i in reversed(range(len(series))))
    item = SWATCH_ROOM + max((text_width(name) for name in series), default=0) + 1.0
    per_row = max(1, int(COLUMN // item))
    legend = tuple(
        LegendItem(name, colours[i], round((i % per_row) * item, 2), (i // per_row) * LEGEND_ROW)
        for i, name in enumerate(series)
    )
    groups = []
    y = LEGEND_ROW * (-(-len(series) // per_row)) + 0.4
    for label, values in rows:
        lines = label_lines(label)
        bars = []
        bar_y = y + LINE * len(lines) + 0.2
        for index, value in enumerate(values):
            if value is None:
                continue
            bars.append(
                Bar(index, value, round(bar_y, 2), round(LONGEST_BAR * value / largest, 1), series[index])
            )
            bar_y += BAR_HEIGHT + BAR_GAP
        groups.append(Group(label, lines, round(y, 2), tuple(bars)))
        y = bar_y + GROUP_GAP
    return BarChart(tuple(series), colours, legend, tuple(groups), round(y, 2))
