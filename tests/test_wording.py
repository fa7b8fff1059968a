"""A free service said once, and web addresses that wrap where a reader expects."""

from __future__ import annotations

from pathlib import Path

from generator.fields import BiText
from generator.render.wording import breakable_file_name, breakable_url, is_free, names_no_fee
from tests.conftest import page


def test_an_address_may_wrap_after_slashes_and_dots_but_not_inside_https() -> None:
    html = str(breakable_url("https://www.ratchaburi.example.go.th/complaint?id=1&x=<b>"))
    assert html.startswith("https://www.<wbr>ratchaburi.<wbr>example.<wbr>go.<wbr>th/<wbr>complaint?<wbr>")
    assert "&lt;b&gt;" in html and "<b>" not in html  # still escaped
    assert str(breakable_url("info@ratchaburi.go.th")) == "info@<wbr>ratchaburi.<wbr>go.<wbr>th"


def test_no_fee_is_recognised_however_it_is_written() -> None:
    assert is_free(BiText(th="ไม่มีค่าธรรมเนียม", en="No fee"))
    assert is_free(BiText(th="ไม่มี"))
    assert is_free(BiText(th="ฟรี", en="Free of charge."))
    assert not is_free(BiText(th="ตามกฎกระทรวง ตารางเมตรละ 0.50–4 บาท"))
    assert not is_free(BiText(th="ไม่มีค่าธรรมเนียม (ชำระเฉพาะภาษีตามใบแจ้งการประเมิน)"))
    assert names_no_fee(BiText(th="ไม่มีค่าธรรมเนียม (ชำระเฉพาะภาษีตามใบแจ้งการประเมิน)"))
    assert not names_no_fee(BiText(th="100 บาท", en="100 baht"))


def test_a_free_service_says_so_once_in_its_details(built_site: Path) -> None:
    """Not "ค่าธรรมเนียม ไม่มีค่าธรรมเนียม" / "Fee No fee"."""
    for lang, prefix, label, none in (("th", "", "ค่าธรรมเนียม", "ไม่มี"), ("en", "en/", "Fee", "None")):
        html = page(built_site, prefix + "agencies/ratchaburi-provincial-office/2569/")
        fees = [
            dt.find_next_sibling("dd").get_text(strip=True)
            for dt in html.select(".c3-service dt")
            if dt.get_text(strip=True) == label
        ]
        assert fees and set(fees) == {none}, lang


def test_the_services_list_says_free_of_charge_once(built_site: Path) -> None:
    for prefix, free, label, twice in (
        ("", "ไม่มีค่าธรรมเนียม", "ค่าธรรมเนียม", "ค่าธรรมเนียม ไม่มีค่าธรรมเนียม"),
        ("en/", "Free of charge", "Fee", "Fee No fee"),
    ):
        lines = [
            " ".join(s.get_text().split())  # not get_text(" "): it would split a word kept in a span
            for s in page(built_site, prefix + "services/").select(".c3-service-item .c3-muted")
        ]
        assert lines and not [line for line in lines if twice in line]
        assert [line for line in lines if line.endswith(free)]
        # A fee that is charged keeps its label, set off from it: not "Fee Application 5 baht".
        assert [line for line in lines if f"{label}: " in line]
        assert not [line for line in lines if f"· {label} " in line], lines


def test_a_file_name_wraps_only_between_its_parts_and_stays_escaped() -> None:
    """A phone reader saw "participat|ion" on the data page; a name is shown as text."""
    assert str(breakable_file_name("data/participation_activities.csv")) == (
        "data/<wbr>participation_<wbr>activities.<wbr>csv"
    )
    assert str(breakable_file_name("<b>.csv")) == "&lt;b&gt;.<wbr>csv"
