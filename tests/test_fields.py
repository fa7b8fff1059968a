"""Values as clerks type them: Thai digits, separators, B.E. years and dates, durations."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

import generator.model  # noqa: F401  (defines the parts of the format)
from generator.fields import (
    Duration,
    Strict,
    normalize_thai,
    parse_be_date,
    parse_be_year,
    parse_count,
    parse_duration,
    parse_email,
    parse_flag,
    parse_phone,
    parse_step_number,
    parse_url,
    phone_href,
)
from generator.render.format import total_duration


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


@pytest.mark.parametrize(
    ("typed", "flag"), [("true", True), ("false", False), ("True", True), ("FALSE", False)]
)
def test_flags_are_true_or_false(typed: str, flag: bool) -> None:
    assert parse_flag(typed) is flag


@pytest.mark.parametrize("typed", ["yes", "no", "on", "off", "y", "n", "1", "0", "t", "f", "tRuE", "ใช่"])
def test_yaml_1_1_and_lax_spellings_of_a_flag_are_refused(typed: str) -> None:
    """`official: yes` must not quietly switch off the private-mobile check."""
    with pytest.raises(PydanticCustomError) as raised:
        parse_flag(typed)
    assert raised.value.type == "bool_parsing"


def _models(base: type[BaseModel] = Strict) -> list[type[BaseModel]]:
    """Every part of the format: each subclass of Strict, however deep."""
    found = []
    for model in base.__subclasses__():
        found += [model, *_models(model)]
    return found


def test_every_flag_of_the_format_is_strict() -> None:
    """Each bool field of the format refuses `yes` (a new flag must use the strict type)."""
    flags = [
        (model, name)
        for model in _models()
        for name, info in model.model_fields.items()
        if info.annotation in (bool, bool | None)
    ]
    assert {(model.__name__, name) for model, name in flags} >= {
        ("Agency", "example"),
        ("PhoneNumber", "official"),
    }
    for model, name in flags:
        with pytest.raises(ValidationError) as raised:
            model.model_validate({name: "yes"})
        assert (name,) in [e["loc"] for e in raised.value.errors() if e["type"] == "bool_parsing"], model


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1" * 400 + " นาที", "duration_too_long"),
        ("1441 นาที", "duration_too_long"),
        ("721 ชั่วโมง", "duration_too_long"),
        ("731 วัน", "duration_too_long"),
        ("491 วันทำการ", "duration_too_long"),
        ("1e400 นาที", "duration_format"),
        ("\u0663 days", "duration_format"),
        ("\uff13 days", "duration_format"),
        ("1.125 hours", "duration_format"),
    ],
)
def test_durations_are_bounded_and_in_thai_or_ascii_digits(typed: str, code: str) -> None:
    """A duration too long to be real is refused before it can overflow the build's sums."""
    with pytest.raises(PydanticCustomError) as raised:
        parse_duration(typed)
    assert raised.value.type == code


def test_the_longest_durations_allowed_still_add_up() -> None:
    longest = [parse_duration(text) for text in ("1440 นาที", "720 ชั่วโมง", "730 วัน", "490 วันทำการ")]
    assert total_duration(longest * 50, "en") == "24500 working days 36500 days 37200 hours"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("9" * 5000, "count_too_large"),
        ("-" + "9" * 5000, "count_negative"),
        ("\uff11\uff12", "count_not_number"),
        ("\u0661\u0662", "count_not_number"),
    ],
)
def test_counts_in_other_digits_or_thousands_of_digits_get_their_own_error(typed: str, code: str) -> None:
    with pytest.raises(PydanticCustomError) as raised:
        parse_count(typed)
    assert raised.value.type == code
    assert len(str((raised.value.context or {}).get("value", ""))) <= 40


@pytest.mark.parametrize("typed", ["0", "1000", "9" * 400, "-1", "\u0661"])
def test_a_step_to_go_back_to_is_a_number_from_1_to_999(typed: str) -> None:
    with pytest.raises(PydanticCustomError) as raised:
        parse_step_number(typed)
    assert raised.value.type == "step_number"


def test_a_year_of_thousands_of_digits_is_out_of_range_not_a_crash() -> None:
    with pytest.raises(PydanticCustomError) as raised:
        parse_be_year("2" * 5000)
    assert raised.value.type == "year_out_of_range"


def test_a_services_total_time_reads_as_written_without_float_noise() -> None:
    """Steps of 0.01 and 30.02 minutes add up to 30.03 minutes on the page, not 30.029999…"""
    steps = [parse_duration("0.01 นาที"), parse_duration("30.02 นาที")]
    assert total_duration(steps, "en") == "30.03 minutes"
    assert total_duration([parse_duration("0.1 ชั่วโมง"), parse_duration("0.2 ชั่วโมง")], "th") == "18 นาที"


@pytest.mark.parametrize(
    ("typed", "duration"),
    [
        ("1 ชม.", Duration(1, "hours")),
        ("2 ชม", Duration(2, "hours")),
        ("7 วันท\u0e4d\u0e32การ", Duration(7, "working_days")),  # sara am typed as two characters
        ("10\u200b นาที", Duration(10, "minutes")),  # a zero-width space pasted from LINE
        ("1.5 ช\u0e48\u0e31วโมง", Duration(1.5, "hours")),  # the tone mark typed before the vowel
        ("3 วัน.", Duration(3, "days")),
    ],
)
def test_durations_typed_as_clerks_type_them_are_read(typed: str, duration: Duration) -> None:
    """What looks right on a clerk's screen is read as what it looks like."""
    assert parse_duration(typed) == duration


def test_thai_typed_in_another_order_reads_as_the_same_words() -> None:
    assert normalize_thai("เเจ้ง") == "แจ้ง"
    assert normalize_thai("ช\u0e48\u0e31วโมง") == "ชั่วโมง"


@pytest.mark.parametrize(
    ("parse", "typed"),
    [(parse_email, "saraban\u200b@example.go.th"), (parse_url, "https://www.example\u200b.go.th")],
)
def test_an_address_with_an_invisible_character_is_refused_not_published_broken(
    parse: Callable[[str], str], typed: str
) -> None:
    with pytest.raises(PydanticCustomError):
        parse(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "x?bcc=someone%40evil.example&subject=hi@example.go.th",
        "plan@example.go.th?body=call%20081",
        "plan#x@example.go.th",
    ],
)
def test_an_email_that_adds_recipients_or_text_to_the_mail_is_refused(typed: str) -> None:
    """A citizen's mail app would copy a stranger in (bcc) or fill in the mail from a mailto: link."""
    with pytest.raises(PydanticCustomError) as error:
        parse_email(typed)
    assert error.value.type == "email_format"
