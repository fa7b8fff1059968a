"""Charts drawn when the site is built, as inline SVG: no script, no request, readable in print.

Layout is computed here; ``templates/_charts.html.j2`` draws it. The data table stays on the
page beside every chart for screen readers, so the chart itself is one labelled image.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 320  # about a phone's width in CSS pixels, so text is drawn near its real size
LABEL_HEIGHT = 18
BAR_HEIGHT = 13
BAR_GAP = 3
GROUP_GAP = 12
LEGEND_ROW = 20
LEGEND_ITEM = 80
VALUE_ROOM = 56  # space kept right of the longest bar for its number
NEWEST_FIRST = ("#1a237e", "#ef6c00", "#00897b", "#8e24aa", "#6d4c41")  # each 3:1 or more on white


@dataclass(frozen=True)
class Bar:
    series: int
    value: int
    x: float
    y: float
    width: float
    label: str


@dataclass(frozen=True)
class LegendItem:
    label: str
    colour: str
    x: int
    y: int


@dataclass(frozen=True)
class Group:
    label: str
    y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars grouped by category (a channel), one bar per series (a year)."""

    series: tuple[str, ...]
    colours: tuple[str, ...]
    legend: tuple[LegendItem, ...]
    groups: tuple[Group, ...]
    width: int
    height: float

    @property
    def bars(self) -> list[Bar]:
        return [bar for group in self.groups for bar in group.bars]


def bar_chart(series: list[str], rows: list[tuple[str, list[int | None]]]) -> BarChart:
    """``rows``: a label and one value per series (None where there is no value)."""
    largest = max((v for _, values in rows for v in values if v is not None), default=0) or 1
    colours = tuple(NEWEST_FIRST[i % len(NEWEST_FIRST)] for i in reversed(range(len(series))))
    per_row = WIDTH // LEGEND_ITEM
    legend = tuple(
        LegendItem(name, colours[i], (i % per_row) * LEGEND_ITEM, (i // per_row) * LEGEND_ROW)
        for i, name in enumerate(series)
    )
    groups = []
    y = float(LEGEND_ROW * (-(-len(series) // per_row)) + 4)
    for label, values in rows:
        bars = []
        bar_y = y + LABEL_HEIGHT
        for index, value in enumerate(values):
            if value is None:
                continue
            width = (WIDTH - VALUE_ROOM) * value / largest
            bars.append(Bar(index, value, 0.0, bar_y, round(width, 1), series[index]))
            bar_y += BAR_HEIGHT + BAR_GAP
        groups.append(Group(label, y, tuple(bars)))
        y = bar_y + GROUP_GAP
    return BarChart(tuple(series), colours, legend, tuple(groups), WIDTH, y)
