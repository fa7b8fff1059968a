"""Thai words kept whole on a line: what is wrapped, what is never touched, and escaping kept."""

from __future__ import annotations

import re
import time

import pytest
from bs4 import BeautifulSoup
from markupsafe import escape

from generator.render.wordbreak import compounds, keep_words, segment
from tests.hostile import NAME, PAYLOADS

WRAPPED = re.compile(r'<span class="w">([^<]*)</span>')


def unwrapped(html: str) -> str:
    return WRAPPED.sub(r"\1", html)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("หน่วยงาน", ["หน่วยงาน"]),
        ("ระยะเวลา", ["ระยะเวลา"]),
        ("เครือข่าย", ["เครือข่าย"]),
        ("สายด่วน", ["สายด่วน"]),
        ("สแกนเพื่อดูรายละเอียด", ["สแกน", "เพื่อ", "ดู", "รายละเอียด"]),
        ("ช่องทางการร้องเรียน", ["ช่องทางการ", "ร้องเรียน"]),
        # "ก่อนตัดสิน|ใจ", "ไม่มีค่าใช้|จ่าย" on the participation page at 360 px
        ("ก่อนตัดสินใจ", ["ก่อน", "ตัดสินใจ"]),
        ("ไม่มีค่าใช้จ่าย", ["ไม่มี", "ค่าใช้จ่าย"]),
    ],
)
def test_the_issues_compounds_are_one_word_each(text: str, words: list[str]) -> None:
    """A citizen would see "หน่วย|งาน" split at a line's end if the compound were two words."""
    assert list(segment(text)) == words


def test_every_listed_compound_is_thai_and_kept_whole() -> None:
    """A listed word that is not Thai, or that ICU reads otherwise, would never be kept together."""
    assert compounds()
    for word in compounds():
        assert re.fullmatch(r"[\u0e00-\u0e7f]+", word), word
        assert segment(word) == (word,), word
        assert keep_words(word) in (word, f'<span class="w">{word}</span>'), word


def test_only_words_the_browser_would_cut_are_wrapped() -> None:
    """Chromium breaks Thai at ICU's word boundaries only: a span around a word it keeps whole
    anyway would only make the page heavier."""
    html = "<h2>ขั้นตอนการให้บริการ และ สายด่วน office</h2>"
    kept = keep_words(html)
    assert WRAPPED.findall(kept) == ["ขั้นตอน", "สายด่วน"]
    assert unwrapped(kept) == html


def test_a_unit_too_long_for_a_phone_is_left_breakable() -> None:
    """A web address written against a word, in one span, could stick out of a 360 px screen."""
    html = "<p>โทรสายด่วนhttps://example.go.th/a/very/long/address ระยะเวลา</p>"
    assert WRAPPED.findall(keep_words(html)) == ["ระยะเวลา"]


def test_brackets_and_commas_stay_with_their_word() -> None:
    """A line on a phone would otherwise start with ")" or "," after a word kept whole."""
    kept = keep_words("<p>เอกสาร (กรณีมอบอำนาจ), (หน่วยงาน) ต่างๆ</p>")
    assert WRAPPED.findall(kept) == ["มอบอำนาจ),", "(หน่วยงาน)"]


@pytest.mark.parametrize(
    "html",
    [
        "<script>var s = 'หน่วยงาน';</script>",
        '<script type="application/json">{"t": "ระยะเวลา <b>"}</script>',
        "<style>.x::after { content: 'หน่วยงาน'; }</style>",
        "<title>หน่วยงาน</title>",
        "<textarea>หน่วยงาน</textarea>",
        "<pre><code>name: หน่วยงาน</code></pre>",
        "<p><code>หน่วยงาน</code></p>",
        '<svg><text x="1">หน่วยงาน</text></svg>',
        '<a href="https://example.go.th/หน่วยงาน" title="ระยะเวลา>">x</a>',
        "<!-- หน่วยงาน -->",
        '<input placeholder="ค้นหาหน่วยงาน">',
    ],
)
def test_scripts_styles_code_svg_attributes_and_comments_are_copied_as_they_are(html: str) -> None:
    assert keep_words(html) == html


def test_text_after_a_skipped_element_is_kept_again() -> None:
    kept = keep_words("<p><code>หน่วยงาน</code> หน่วยงาน <svg><circle r=1/></svg> ระยะเวลา</p>")
    assert WRAPPED.findall(kept) == ["หน่วยงาน", "ระยะเวลา"]


@pytest.mark.parametrize("payload", [*PAYLOADS, NAME])
def test_hostile_text_stays_escaped_and_inert(payload: str) -> None:
    """A submitted ``<script>`` wrapped in spans would still be text, never a tag."""
    html = f'<h1 title="{escape(payload)}">หน่วยงาน {escape(payload)} ระยะเวลา</h1>'
    kept = keep_words(html)
    assert unwrapped(kept) == html
    soup = BeautifulSoup(kept, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} <= {"h1", "span"}
    assert soup.h1 is not None and soup.h1["title"] == payload
    assert soup.get_text() == BeautifulSoup(html, "html.parser").get_text()


def test_a_slash_between_thai_words_is_still_a_place_to_break() -> None:
    """A table header "ภารกิจหลัก/กระบวนงาน" in one span made a phone's table scroll sideways."""
    kept = keep_words("<th>ภารกิจหลัก/กระบวนงาน</th>")
    assert WRAPPED.findall(kept) == ["กระบวนงาน"]


@pytest.mark.parametrize(
    "text",
    [
        "x" * 200_000 + " ก",  # a long string without spaces before a Thai word
        "หน่วยงาน" * 25_000,  # 200,000 Thai letters without a space
    ],
    ids=["long-latin-then-thai", "long-thai-run"],
)
def test_a_long_submitted_text_does_not_stall_the_build(text: str) -> None:
    """A clerk's (or an attacker's) 200 kB text without spaces would hold the build for minutes."""
    started = time.perf_counter()
    html = keep_words(f"<p>{escape(text)}</p>")
    assert time.perf_counter() - started < 3
    assert unwrapped(html) == f"<p>{escape(text)}</p>"


@pytest.mark.parametrize(
    ("html", "units"),
    [
        ('<a href="tel:032337120">0 3233 7120</a>', ["0 3233 7120"]),
        ("<p>2 มีนาคม 2569 – 31 มีนาคม 2569</p>", ["2 มีนาคม", "31 มีนาคม"]),
        ("<p>ผู้เข้าร่วม 42 คนจากชุมชน ภายใน 1 ชั่วโมง</p>", ["42 คน", "1 ชั่วโมง"]),
        ("<p>รหัส ABC12 34 &#39; 5</p>", []),
    ],
)
def test_a_number_stays_with_its_groups_and_its_word(html: str, units: list[str]) -> None:
    """A citizen on a phone saw "0 3233 | 7120", "31 | มีนาคม" and "42 | คน" split across lines."""
    assert [u for u in WRAPPED.findall(keep_words(html)) if u[0].isdigit()] == units
