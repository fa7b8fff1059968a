"""Charts: one bar per value, lengths in proportion, a colour for every year however many, and
labels cut between words to fit a phone's column."""

from __future__ import annotations

from generator.render.charts import COLUMN, LONGEST_BAR, bar_chart, label_lines, text_width


def test_bars_are_proportional_and_missing_values_have_no_bar() -> None:
    chart = bar_chart(["2568", "2569"], [("phone", [100, 200]), ("web", [None, 50])])
    assert [(b.label, b.value) for b in chart.bars] == [("2568", 100), ("2569", 200), ("2569", 50)]
    widths = [b.width for b in chart.bars]
    assert widths[1] == 2 * widths[0] == 4 * widths[2]
    assert max(widths) == LONGEST_BAR < 100


def test_every_series_has_a_colour_and_the_newest_is_darkest() -> None:
    chart = bar_chart([str(y) for y in range(2560, 2570)], [("a", list(range(1, 11)))])
    assert len(chart.colours) == 10
    assert chart.colours[-1] == "#1a237e"


def test_an_empty_chart_does_not_divide_by_zero() -> None:
    assert bar_chart([], []).bars == []
    assert bar_chart(["2569"], [("a", [0])]).bars[0].width == 0


def test_the_legend_wraps_so_every_year_is_inside_the_narrowest_column() -> None:
    chart = bar_chart([f"FY {y}" for y in range(2020, 2027)], [("a", list(range(1, 8)))])
    assert len(chart.legend) == 7
    assert all(item.text_x + text_width(item.label) <= COLUMN for item in chart.legend)
    assert chart.groups[0].y > max(item.y for item in chart.legend) + 1


def test_a_long_channel_name_takes_more_lines_cut_between_words() -> None:
    """The name of an agency's own channel can be long; on a phone it must not run off the chart."""
    name = "ช่องทางการรับฟังความคิดเห็นผ่านเว็บไซต์และสื่อสังคมออนไลน์ของสำนักงานจังหวัดราชบุรี"
    lines = label_lines(name)
    assert len(lines) > 1 and "".join(lines) == name
    assert all(text_width(line) <= COLUMN for line in lines)
    assert lines[0].endswith("เว็บไซต์") and lines[1].startswith("และ")  # whole words
    chart = bar_chart(["2569"], [(name, [1]), ("โทรศัพท์", [2])])
    assert chart.groups[0].lines == lines and chart.groups[0].label == name
    assert chart.groups[1].y > chart.groups[0].bars[-1].y + 1


def test_english_labels_break_at_spaces() -> None:
    name = "Official LINE account of the provincial office at @ratchaburi and its partners"
    lines = label_lines(name)
    assert len(lines) > 1 and " ".join(lines) == name
