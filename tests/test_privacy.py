"""Personal data: national ID numbers and private mobiles are found however they are written."""

from __future__ import annotations

import pytest

from generator.privacy import mask, mobiles, national_ids, valid_national_id

ID = "1101700203450"  # passes the checksum
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.mark.parametrize(
    "written",
    [ID, "1-1017-00203-45-0", "1 1017 00203 45 0", ID.translate(THAI), "1-1017-00203-45-0".translate(THAI)],
)
def test_a_national_id_is_found_with_or_without_separators_in_either_digits(written: str) -> None:
    assert national_ids(f"ผู้ร้อง เลขประจำตัว {written} แจ้งว่า") == ["1xxxxxxxxxx50"]


def test_thirteen_digits_that_fail_the_checksum_are_not_an_id() -> None:
    assert not valid_national_id("1101700203451")
    assert national_ids("หนังสือเลขที่ 1101700203451") == []
    assert national_ids("12345678901234") == []  # fourteen digits


@pytest.mark.parametrize(
    "written", ["081-234-5678", "0812345678", "08 1234 5678", "+66 81 234 5678", "๐๘๑๒๓๔๕๖๗๘"]
)
def test_mobile_numbers_are_found(written: str) -> None:
    assert len(mobiles(f"โทร {written}")) == 1


@pytest.mark.parametrize("written", ["0 3233 7866", "02-123-4567", "1567", "032 337 866"])
def test_office_lines_and_hotlines_are_not_mobiles(written: str) -> None:
    assert mobiles(written) == []


def test_a_masked_number_shows_only_its_ends() -> None:
    assert mask("0812345678") == "0xxxxxxx78"
