"""Charts: one bar per value, lengths in proportion, a colour for every year however many."""

from __future__ import annotations

from generator.render.charts import WIDTH, bar_chart


def test_bars_are_proportional_and_missing_values_have_no_bar() -> None:
    chart = bar_chart(["2568", "2569"], [("phone", [100, 200]), ("web", [None, 50])])
    assert [(b.label, b.value) for b in chart.bars] == [("2568", 100), ("2569", 200), ("2569", 50)]
    widths = [b.width for b in chart.bars]
    assert widths[1] == 2 * widths[0] == 4 * widths[2]
    assert max(widths) < WIDTH


def test_every_series_has_a_colour_and_the_newest_is_darkest() -> None:
    chart = bar_chart([str(y) for y in range(2560, 2570)], [("a", list(range(1, 11)))])
    assert len(chart.colours) == 10
    assert chart.colours[-1] == "#1a237e"


def test_an_empty_chart_does_not_divide_by_zero() -> None:
    assert bar_chart([], []).bars == []
    assert bar_chart(["2569"], [("a", [0])]).bars[0].width == 0


def test_the_legend_wraps_so_every_year_is_inside_the_drawing() -> None:
    chart = bar_chart([str(y) for y in range(2563, 2570)], [("a", list(range(1, 8)))])
    assert len(chart.legend) == 7
    assert all(item.x + 60 <= WIDTH for item in chart.legend)
    assert chart.groups[0].y > max(item.y for item in chart.legend) + 12
