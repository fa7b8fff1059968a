"""Values as clerks type them: Thai digits, separators, B.E. years and dates, durations."""

from __future__ import annotations

import datetime

import pytest
from pydantic_core import PydanticCustomError

from generator.fields import (
    Duration,
    normalize_thai,
    parse_be_date,
    parse_be_year,
    parse_count,
    parse_duration,
    parse_phone,
    phone_href,
)


@pytest.mark.parametrize(
    ("typed", "count"),
    [("1200", 1200), ("1,200", 1200), ("๑,๒๐๐", 1200), ("๔ ๖๑๒", 4612), (0, 0), ("0", 0)],
)
def test_counts_accept_thai_digits_and_thousands_separators(typed: object, count: int) -> None:
    assert parse_count(typed) == count


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("-5", "count_negative"),
        ("many", "count_not_number"),
        ("1.5", "count_not_number"),
        (None, "count_missing"),
    ],
)
def test_bad_counts_get_their_own_error(typed: object, code: str) -> None:
    with pytest.raises(PydanticCustomError) as raised:
        parse_count(typed)
    assert raised.value.type == code


def test_a_ce_year_is_refused_with_its_be_equivalent() -> None:
    with pytest.raises(PydanticCustomError) as raised:
        parse_be_year("2012")
    assert raised.value.type == "year_is_ce"
    assert raised.value.context == {"value": "2012", "be": 2555}


def test_dates_are_read_as_be() -> None:
    assert parse_be_date("2569-03-15") == datetime.date(2026, 3, 15)
    assert parse_be_date("๒๕๖๙-๐๓-๑๕") == datetime.date(2026, 3, 15)


@pytest.mark.parametrize(
    ("typed", "code"),
    [("2026-03-15", "year_is_ce"), ("15/03/2569", "date_format"), ("2569-02-30", "date_invalid")],
)
def test_dates_that_are_not_be_or_not_real_are_refused(typed: str, code: str) -> None:
    with pytest.raises(PydanticCustomError) as raised:
        parse_be_date(typed)
    assert raised.value.type == code


@pytest.mark.parametrize(
    ("typed", "duration"),
    [
        ("15 นาที", Duration(15, "minutes")),
        ("๒ ชั่วโมง", Duration(2, "hours")),
        ("3 วันทำการ", Duration(3, "working_days")),
        ("1 วัน", Duration(1, "days")),
        ("1.5 hours", Duration(1.5, "hours")),
        ("10 working days", Duration(10, "working_days")),
    ],
)
def test_durations_in_thai_or_english(typed: str, duration: Duration) -> None:
    assert parse_duration(typed) == duration


def test_a_duration_without_a_unit_is_refused() -> None:
    with pytest.raises(PydanticCustomError):
        parse_duration("15")


def test_phone_links_dial_the_main_number_without_the_extension() -> None:
    assert parse_phone("๐ ๓๒๓๓ ๗๘๖๖ ต่อ 12") == "0 3233 7866 ต่อ 12"
    assert phone_href("0 3233 7866 ต่อ 12") == "tel:032337866"


def test_thai_text_is_normalized() -> None:
    assert normalize_thai("  น\u0e4d\u0e32\u200b  ") == "นำ"
    assert normalize_thai("ไม่\u0e48") == "ไม่"
