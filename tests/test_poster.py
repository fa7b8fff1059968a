"""What a printed poster holds: the number to call, and as much of the flowchart as one A4 page takes.

Chromium's print of these posters is tested in ``tests/browser/test_print.py``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from generator.model import Flowchart, PhoneNumber
from generator.render.poster import (
    DOCUMENT_LINES,
    LAYOUTS,
    _document_lines,
    _footer_width,
    poster_fit,
    poster_phone,
)
from generator.vocabulary import FlowchartKind
from tests.conftest import page

SWITCHBOARD = PhoneNumber.model_validate({"number": "0 3233 7866", "label": "กลุ่มงานอำนวยการ"})
FAX = PhoneNumber.model_validate({"number": "0 3233 7867", "label": {"th": "โทรสาร", "en": "Fax"}})
DESK = PhoneNumber.model_validate({"number": "0 3223 1199", "label": "ศูนย์รับเรื่องร้องเรียน"})
HOTLINE = PhoneNumber.model_validate({"number": "1567", "label": "ศูนย์ดำรงธรรม"})
LABELLED_HOTLINE = PhoneNumber.model_validate(
    {"number": "0 2222 2222", "label": {"th": "x", "en": "Hotline"}}
)


@pytest.mark.parametrize(
    ("phones", "kind", "expected"),
    [
        ([FAX, SWITCHBOARD, DESK, HOTLINE], FlowchartKind.complaint, HOTLINE),
        ([SWITCHBOARD, LABELLED_HOTLINE], FlowchartKind.complaint, LABELLED_HOTLINE),
        ([SWITCHBOARD, DESK, FAX], FlowchartKind.complaint, DESK),
        ([FAX, SWITCHBOARD], FlowchartKind.complaint, SWITCHBOARD),
        ([FAX, SWITCHBOARD, HOTLINE], FlowchartKind.public_service, SWITCHBOARD),
        ([FAX], FlowchartKind.public_service, None),
        ([], FlowchartKind.complaint, None),
    ],
)
def test_a_poster_gives_the_hotline_for_complaints_and_never_a_fax(
    phones: list[PhoneNumber], kind: FlowchartKind, expected: PhoneNumber | None
) -> None:
    assert poster_phone(phones, kind) == expected


def test_the_example_complaint_posters_give_the_hotline_or_complaint_desk(built_site: Path) -> None:
    hotline = page(built_site, "agencies/ratchaburi-provincial-office/services/1").select_one(
        ".c3-poster__phone a"
    )
    desk = page(built_site, "agencies/photharam-municipality/services/2").select_one(".c3-poster__phone a")
    assert hotline and hotline.get_text() == "1567"  # not the switchboard 0 3233 7866
    assert desk and desk.get_text() == "0 3223 1199"  # the complaint centre, not 0 3223 1100


def chart(steps: int, length: int, documents: int = 0) -> Flowchart:
    text = ("ตรวจสอบเอกสารและความถูกต้องของคำขอ " * (length // 30 + 1))[:length]
    data: dict[str, Any] = {
        "kind": "public_service", "fee": "ไม่มีค่าธรรมเนียม", "name": "บริการ", "serving_unit": "งาน",
        "place": "ชั้น 1", "hours": "วันจันทร์–ศุกร์",
        "complaints": "นายอำเภอ", "documents": [text] * documents,
        "steps": [{"action": text, "duration": "15 นาที"} for _ in range(steps)],
    }  # fmt: skip
    return Flowchart.model_validate(data)


def test_a_short_flowchart_prints_whole_in_the_roomiest_layout() -> None:
    fit = poster_fit(chart(5, 60, 3), "th")
    assert (fit.layout, fit.shown, fit.documents_shown) == ("roomy", 5, 3)


def test_a_longer_flowchart_gets_two_columns_before_any_step_is_left_out() -> None:
    fit = poster_fit(chart(12, 60, 3), "th")
    assert fit.layout in ("compact", "dense") and not fit.cut


def test_a_flowchart_too_long_for_a_page_shows_its_first_steps_and_a_few_documents() -> None:
    long = chart(200, 400, 60)
    fit = poster_fit(long, "en")
    assert fit.layout == "dense" and 1 <= fit.shown < 200 and fit.documents_cut
    dense = LAYOUTS[-1]
    assert _document_lines(long, "en", dense, _footer_width(dense), fit.documents_shown) <= DOCUMENT_LINES


def test_a_flowchart_of_a_thousand_steps_does_not_stall_the_build() -> None:
    """Each poster of a 1,000-step flowchart took over a minute to lay out, per language."""
    started = time.perf_counter()
    fit = poster_fit(chart(1000, 1000, 1000), "th")
    assert time.perf_counter() - started < 5
    assert fit.layout == "dense" and 1 <= fit.shown < 1000 and fit.documents_cut
