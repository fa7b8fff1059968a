"""Printed to A4 by Chromium (its PDF output, read back with pypdfium2): a report an agency can
hand in, and a poster for the counter that is one page whatever the flowchart's size."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pytest
import yaml
from playwright.sync_api import Page

from generator.build import build_site
from tests.conftest import FIXTURES, SITE
from tests.hostile import project_folder
from tools.browser import served

MM = 72 / 25.4  # PDF points per millimetre
REPORT = "agencies/ratchaburi-provincial-office/2569/"
HEADER = {
    "th": "สำนักงานจังหวัดราชบุรี รายงานหมวด 3 ปีงบประมาณ พ.ศ. 2569",
    "en": "Ratchaburi Provincial Office Category 3 report, FY 2026 (B.E. 2569)",
}
PAGE_NUMBER = {"th": r"หน้า\S*\s+(\d+) / (\d+)", "en": r"Page (\d+) of (\d+)"}
LANGS = {"th": "", "en": "en/"}
POSTERS = [
    f"agencies/{agency.slug}/services/{number}/"
    for agency in SITE.agencies
    for number in range(1, len(agency.reports[agency.latest_year].service_standards.flowcharts) + 1)
]


def print_pdf(page: Page, url: str) -> pdfium.PdfDocument:
    """``url`` printed to A4 as a browser's "Save as PDF" does, with the page's own @page size."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return pdfium.PdfDocument(page.pdf(format="A4", prefer_css_page_size=True))


def band(doc: pdfium.PdfDocument, index: int, top_mm: float, bottom_mm: float) -> str:
    """The text printed between ``top_mm`` and ``bottom_mm`` from the top of a page."""
    sheet = doc[index]
    width, height = sheet.get_size()
    text: str = sheet.get_textpage().get_text_bounded(
        left=0, bottom=height - bottom_mm * MM, right=width, top=height - top_mm * MM
    )
    return text


def reads_as(printed: str, expected: str) -> bool:
    """Chromium's PDF repeats some Thai letters in its text layer ("ปีงปีบ" for "ปีงบ"): the
    expected text, in order, with a few letters more at most."""
    got, want = iter(re.sub(r"\s", "", printed)), re.sub(r"\s", "", expected)
    extra = len(re.sub(r"\s", "", printed)) - len(want)
    return all(char in got for char in want) and extra <= len(want) // 5


@pytest.mark.parametrize("lang", LANGS)
def test_the_provincial_report_prints_on_few_pages_each_with_its_header_and_number(
    page: Page, base_url: str, lang: str
) -> None:
    doc = print_pdf(page, base_url + LANGS[lang] + REPORT)
    assert len(doc) <= 8  # 17 when each section began a page
    for index in range(len(doc)):
        assert reads_as(band(doc, index, 0, 20), HEADER[lang]), f"page {index + 1} has no running header"
        number = re.fullmatch(PAGE_NUMBER[lang], band(doc, index, 284, 297).strip())
        assert number and number.groups() == (str(index + 1), str(len(doc))), f"page {index + 1}"


@pytest.mark.parametrize("lang", LANGS)
def test_each_web_address_of_the_report_prints_once(page: Page, base_url: str, lang: str) -> None:
    doc = print_pdf(page, base_url + LANGS[lang] + REPORT)
    shown = Counter(page.locator(".c3-report a[href^='http']:visible").all_inner_texts())
    assert shown, "the report shows no web address"
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    printed = Counter(re.findall(r"https?://[\x21-\x3b=\x3f-\x7e]+", text))  # ASCII but < and >
    assert printed == Counter({url: n for url, n in shown.items() if url.startswith("http")})


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("url", POSTERS)
def test_every_example_poster_prints_on_one_page(page: Page, base_url: str, lang: str, url: str) -> None:
    doc = print_pdf(page, base_url + LANGS[lang] + url)
    assert len(doc) == 1  # 2 when documents and phone ran onto a second page
    phone = page.locator(".c3-poster__phone a").inner_text()
    assert phone in band(doc, 0, 230, 297), "the phone number is not at the foot of the page"


# --- Posters of every size -------------------------------------------------------------------

TH = "ตรวจสอบเอกสารและความถูกต้องของคำขอ ส่งต่อให้ผู้อำนวยการพิจารณาลงนาม "
EN = "Check the papers and the request, then pass it to the director to sign. "


def text(length: int) -> dict[str, str]:
    return {
        "th": (TH * (length // len(TH) + 1))[:length].strip(),
        "en": (EN * (length // len(EN) + 1))[:length].strip(),
    }


def flowchart(steps: int, length: int, documents: int, decisions: int = 0, extra: int = 0) -> dict[str, Any]:
    """A flowchart of ``steps`` steps whose texts are ``length`` letters long, a decision every
    ``decisions`` steps, and ``extra`` letters more in its name, place, hours, fee and complaints."""
    chart: dict[str, Any] = {
        "kind": "complaint" if extra else "public_service",
        "name": text(30 + extra), "serving_unit": text(20), "place": text(30 + extra),
        "hours": text(30 + extra), "fee": text(20 + extra), "complaints": text(60 + 2 * extra),
        "documents": [text(length // 2) for _ in range(documents)], "steps": [],
    }  # fmt: skip
    for number in range(steps):
        step: dict[str, Any] = {
            "action": text(length),
            "unit": text(max(10, length // 4)),
            "duration": "15 นาที",
        }
        if decisions and number % decisions == 0:
            step["decision"] = {
                "question": text(length // 2), "if_yes": text(length // 3), "if_no": text(length // 2),
                "back_to_step": 1,
            }  # fmt: skip
        chart["steps"].append(step)
    return chart


def thai_only(data: Any) -> Any:
    """``data`` with its English left out: English pages mark each text "(not yet translated)"."""
    if isinstance(data, dict):
        return data["th"] if set(data) == {"th", "en"} else {k: thai_only(v) for k, v in data.items()}
    return [thai_only(item) for item in data] if isinstance(data, list) else data


def in_capitals(steps: int, letters: int) -> dict[str, Any]:
    """A flowchart whose every text is ``letters`` capitals (W and M, the widest letters)."""
    capitals = ("WWWWWWWWWW MMMMMMMMMM " * (letters // 22 + 1))[:letters].strip()
    return {
        "kind": "public_service", "name": capitals, "serving_unit": capitals, "place": capitals,
        "hours": capitals, "fee": capitals, "complaints": capitals, "documents": [capitals, capitals],
        "steps": [{"action": capitals, "unit": "WWWWWWWW", "duration": "15 นาที"} for _ in range(steps)],
    }  # fmt: skip


SIZES = {
    "1 step": flowchart(1, 20, 0),
    "6 steps, 2 decisions": flowchart(6, 60, 3, 3),
    "10 steps, 3 decisions": flowchart(10, 60, 5, 4),
    "14 steps of 80 letters": flowchart(14, 80, 8, 3),
    "18 steps": flowchart(18, 60, 6, 5),
    "12 steps in Thai only": thai_only(flowchart(12, 60, 6, 4)),
    "24 steps of 120 letters": flowchart(24, 120, 8, 4),
    "40 long steps, 20 documents": flowchart(40, 300, 20, 2, extra=300),
    "120 steps, every text long": flowchart(120, 300, 40, 1, extra=600),
    "5 steps in capitals": in_capitals(5, 75),
    "9 steps in capitals": in_capitals(9, 75),
}
"""A file holds 1,000,000 bytes at most; the last is about a third of that."""


@pytest.fixture(scope="module")
def poster_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose one agency has a flowchart of each size in ``SIZES``, built for real."""
    root = project_folder(tmp_path_factory.mktemp("posters"))
    agency = root / "content" / "agencies" / "sample-office"
    shutil.copytree(FIXTURES / "valid" / "sample-office", agency)
    report = yaml.safe_load((agency / "2569.yml").read_text(encoding="utf-8"))
    report["service_standards"]["flowcharts"] = list(SIZES.values())
    (agency / "2569.yml").write_text(yaml.safe_dump(report, allow_unicode=True), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert build_site(root / "mkdocs.yml", root / "site", root / "content" / "agencies") == 0
    with served(root / "site") as url:
        yield url


HIDDEN = """() => {
  // A text cut to a few lines on purpose (a line clamp) holds words below its box: not cut off.
  const clamped = e => [...document.querySelectorAll('.c3-poster *')]
    .some(a => a !== e && a.contains(e) && getComputedStyle(a).webkitLineClamp !== 'none');
  const below = (selector, box) => [...document.querySelectorAll(selector)]
    .filter(e => e.getBoundingClientRect().bottom > box.getBoundingClientRect().bottom + 1 && !clamped(e))
    .map(e => e.className || e.tagName);
  const poster = document.querySelector('.c3-poster');
  return [...below('.c3-poster__steps > *', poster.querySelector('.c3-poster__steps')),
          ...below('.c3-poster__footer *:not(.w)', poster)];
}"""
"""What the poster's page would not show: steps below their box, a footer below the page. A
word kept whole (wordbreak.py's span) on a line the clamp hides is measured by its text's box."""


def smallest_type(page: Page, selector: str) -> float:
    """The smallest type, in CSS pixels, of the visible text of the elements ``selector`` finds."""
    sizes: list[float] = page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
             .filter(e => e.offsetParent && [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim()))
             .map(e => parseFloat(getComputedStyle(e).fontSize))""",
        selector,
    )
    return min(sizes)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_a_poster_of_any_size_prints_on_one_page_in_type_of_9_pt_or_more_with_nothing_cut_off(
    page: Page, poster_url: str, lang: str, size: str
) -> None:
    url = f"{poster_url}{LANGS[lang]}agencies/sample-office/services/{list(SIZES).index(size) + 1}/"
    assert len(print_pdf(page, url)) == 1
    page.emulate_media(media="print")
    page.set_viewport_size({"width": round(190 / 25.4 * 96), "height": 1100})
    assert page.evaluate(HIDDEN) == [], "printed steps or phone number run off the page"
    texts = [
        f"{text}, {text} :not(small)"
        for text in (".c3-flow__action", ".c3-poster__doc", ".c3-poster__complaints")
    ]
    assert smallest_type(page, ", ".join(texts)) >= 12  # 9 pt
    assert smallest_type(page, ".c3-poster *") >= 10.6  # 8 pt: who is responsible, how long, notes
    shown = page.locator(".c3-poster .c3-flow__step").count()
    if shown < len(SIZES[size]["steps"]):
        assert page.locator(".c3-poster__more").first.is_visible(), "steps left out without a word"


def test_the_complaint_poster_gives_the_hotline_not_the_switchboard(page: Page, base_url: str) -> None:
    page.goto(base_url + "agencies/ratchaburi-provincial-office/services/1/")
    assert page.locator(".c3-poster__phone a").inner_text() == "1567"
    page.goto(base_url + "agencies/photharam-municipality/services/2/")
    assert page.locator(".c3-poster__phone a").inner_text() == "0 3223 1199"


# Each chart's bottom and the bottom of its lowest text, with the page laid out for print.
_CHART_ENDS = """() => [...document.querySelectorAll('svg.c3-chart__svg')].map(svg => {
  const texts = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().bottom);
  return [svg.getBoundingClientRect().bottom, Math.max(...texts)];
})"""


@pytest.mark.parametrize("url", [REPORT, f"en/{REPORT}", "channels/"])
def test_a_printed_chart_shows_every_channel_not_only_those_above_a_height_cap(
    page: Page, base_url: str, url: str
) -> None:
    """A chart drawn in em (no viewBox) is cut, not scaled, by a max-height: its last bars vanish."""
    page.goto(base_url + url)
    page.emulate_media(media="print")
    ends = page.evaluate(_CHART_ENDS)
    assert ends
    assert all(last_text <= bottom + 1 for bottom, last_text in ends), ends
