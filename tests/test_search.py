"""How search reads a text: the words, pairs and numbers a page is found by (generator/search.py)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.search import MAX_GROUPS, MAX_TERM, normalize, terms, tokens

WORKER = Path(__file__).resolve().parents[1] / "theme_overrides/assets/javascripts/workers/search.js"


def words(text: str) -> list[str]:
    return [token.word for token in tokens(normalize(text))]


def test_thai_running_text_is_cut_into_the_words_a_visitor_types() -> None:
    assert words("ความคืบหน้าการตรวจสุขภาพ") == ["ความ", "คืบ", "หน้า", "การ", "ตรวจ", "สุขภาพ"]


def test_repetition_and_abbreviation_marks_are_not_words() -> None:
    """ๆ and ฯ stand alone in Thai text; a query never looks for them."""
    assert words("ต่าง ๆ ฯลฯ กรุงเทพฯ") == ["ต่าง", "ฯลฯ", "กรุงเทพฯ"]


def test_case_thai_digits_and_invisible_characters_do_not_change_a_word() -> None:
    assert normalize("Title ๒๕๖๙ ศูนย์\u200bดำรงธรรม") == "title 2569 ศูนย์ดำรงธรรม"


def test_latin_words_email_and_line_ids_are_found_by_their_parts() -> None:
    assert words("LINE @RatchaburiPAO, saraban@ratchaburi.go.th") == [
        "line", "ratchaburipao", "saraban", "ratchaburi", "go", "th",
    ]  # fmt: skip


def test_a_phrase_is_also_found_as_its_words_side_by_side() -> None:
    """A query whose words stand together on a page finds the pair; Thai pairs run together,
    so a visitor's ``ความคืบหน้า`` is found whichever way ICU cut the page's text."""
    found = terms("ผู้ร้องไม่ทราบความคืบหน้าของเรื่อง, title deed")
    assert {"ความคืบ", "คืบหน้า", "title deed"} <= found
    assert "เรื่องtitle" not in found and "เรื่อง title" not in found  # a comma parts them


def test_a_phone_number_is_found_however_a_visitor_groups_its_digits() -> None:
    found = terms("โทร 0 3233 7866 หรือสายด่วน 1567")
    assert {"0", "3233", "7866", "032337866", "32337866", "03233", "1567"} <= found
    assert "78661567" not in found  # two numbers with words between them stay two


def test_numbers_with_dashes_and_dots_are_joined_too() -> None:
    assert {"032337866", "0830"} <= terms("032-337-866 เวลา 08.30 น.")


def test_no_term_is_longer_than_a_word_anybody_types() -> None:
    """A hostile agency's 300,000 letters without a space (or a Thai run ICU cannot cut, or
    one long number) would otherwise stand in the list of first terms that every visitor
    downloads on opening search; its other words are still found."""
    found = terms("a" * 300_000 + " " + "ฃ" * 5_000 + " " + "1" * 1_000 + " ร้องเรียน โทร 0 3233 7866")
    assert {"ร้องเรียน", "032337866"} <= found
    assert max(map(len, found)) <= MAX_TERM
    assert "internationalization standardization" in terms("internationalization standardization")


def test_the_worker_skips_the_query_words_the_index_cannot_hold() -> None:
    """The worker reads a query by the index's limits: a longer word, a number of more groups."""
    assert f"var MAX_TERM = {MAX_TERM};" in WORKER.read_text(encoding="utf-8")
    assert f"var MAX_GROUPS = {MAX_GROUPS};" in WORKER.read_text(encoding="utf-8")
    assert re.search(r"var MAX_WORDS = \d+;", WORKER.read_text(encoding="utf-8"))
