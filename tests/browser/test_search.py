"""Search as a citizen uses it: queries typed on a phone, the results, their excerpts and counts."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urljoin

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from generator.search import THAI_DIGITS, normalize, tokens
from tests.browser.test_pages import AXE_SCRIPT, WCAG_21_AA
from tests.conftest import CONTENT

RPO = "agencies/ratchaburi-provincial-office/"
LAND = "agencies/ratchaburi-land-office/"
PHOTHARAM = "agencies/photharam-municipality/"
THAI_RUN = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+")
ANSWERED = re.compile(r"พบ|match|found")  # "พบ…"/"ไม่พบ…", "Pages found…", "… match…"
PLACEHOLDER = re.compile(r"พิมพ์เพื่อเริ่มค้นหา|Type to start searching")  # Material's, once ready
NONE = "ไม่พบหน้าที่ตรงกัน ลองตรวจการสะกดและวรรณยุกต์ หรือใช้คำให้น้อยลง"
SHOWN = 10  # pages a result lists
MARKDOWN = re.compile(r"[*_#>`]+")  # what a page drops of the markdown agencies write


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A 360 px touch phone; fails the test on a console error or a request to another host."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    elsewhere = ("http://127.0.0.1:", "data:", "blob:")  # the site is served on the loopback address
    opened.on("request", lambda r: None if r.url.startswith(elsewhere) else problems.append(r.url))
    yield opened
    context.close()
    assert not problems, problems


def typed(page: Page, base_url: str, query: str, prefix: str = "") -> None:
    """Open a page, tap the header's search icon and, once the line under the box invites
    typing, type ``query`` with the keyboard."""
    page.goto(base_url + prefix)
    page.locator("header label.md-header__button[for=__search]").tap()
    expect(page.locator(".md-search__input")).to_be_focused()
    expect(page.locator(".md-search-result__meta")).to_have_text(PLACEHOLDER)
    page.keyboard.type(query)
    # Playwright types characters a US keyboard lacks (every Thai one) as inserted text with no
    # key events, as an IME commits a word; Material reads the box on keyup, which a phone's
    # keyboard sends after a commit (key "Unidentified"). Pressing End is that keyup.
    page.keyboard.press("End")


def meta(page: Page) -> str:
    """The line above the results, once the query is answered."""
    line = page.locator(".md-search-result__meta")
    expect(line).to_have_text(ANSWERED, timeout=15000)
    text = line.inner_text().strip()
    if not text.startswith((NONE, "No page matches")):  # the list is drawn just after the line
        expect(first(page).locator("a").first).to_be_visible()
    return text


def first(page: Page) -> Locator:
    return page.locator(".md-search-result__item").first


def hrefs(base_url: str, links: Locator) -> list[str]:
    return [urljoin(base_url, str(link.get_attribute("href"))).removeprefix(base_url) for link in links.all()]


def expect_first(page: Page, base_url: str, expected: str, section: str = "") -> list[str]:
    """The first result is ``expected`` itself, ``section`` among its sections; its links."""
    meta(page)
    expect(first(page).locator("a").first).to_have_attribute("href", re.compile(re.escape(expected) + "$"))
    found = hrefs(base_url, first(page).locator("a"))
    if section:
        assert f"{expected}#{section}" in found, found
    return found


def matching(site: Path, prefix: str, word: str) -> int:
    """How many pages the index finds by a term that starts with ``word``, one word (typed, so
    a prefix; the worker reads several words as several units), read from its term files."""
    word = normalize(word)
    assert [token.word for token in tokens(word)] == [word]
    folder = site / prefix / "search"
    shards = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))["config"]["c3"]["shards"]
    pages: set[int] = set()
    for n in range(len(shards)):
        for term, values in json.loads((folder / f"t/{n}.json").read_text(encoding="utf-8")).items():
            if term.startswith(word):
                pages |= set(itertools.accumulate(abs(v) // 6 for v in values))
    return len(pages)


def source_texts() -> list[str]:
    """Every text of the examples' reports and agency files, as written."""
    found: list[str] = []
    values = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CONTENT.glob("*/*.yml"))]
    while values:
        value = values.pop()
        if isinstance(value, dict | list):
            values += value.values() if isinstance(value, dict) else value
        elif isinstance(value, str):
            found.append(value)
    return found


# A phrase from one report's running text (words only that agency wrote), its page and section.
THAI_PHRASES = [
    ("ความคืบหน้า", RPO + "2569/", "process_improvement"),
    ("ตรวจสุขภาพ", RPO + "2569/", "network_activities"),
    ("เครื่องสูบน้ำ", RPO + "2569/", "participation_levels"),
    ("ตรวจสุขภาพ บัตรประชาชน", RPO + "2569/", "network_activities"),
    ("หน่วยบริการเคลื่อนที่", RPO + "2569/", "network_activities"),  # every year has it: newest first
    ("ไลน์ทางการ", RPO + "2569/", "listening_channels"),
    ("เสาไฟฟ้า", PHOTHARAM + "2569/", "process_improvement"),
    ("คัดแยกขยะ", PHOTHARAM + "2569/", "network_activities"),
    ("คิวอาร์โค้ด", PHOTHARAM + "2569/", "satisfaction_improvements"),
    ("จองคิว", LAND + "2569/", "process_improvement"),
    ("รังวัด", LAND + "2569/", ""),
]


@pytest.mark.parametrize(("query", "expected", "section"), THAI_PHRASES)
def test_a_thai_phrase_typed_on_a_phone_lists_its_report_first(
    phone: Page, base_url: str, query: str, expected: str, section: str
) -> None:
    typed(phone, base_url, query)
    expect_first(phone, base_url, expected, section)


@pytest.mark.parametrize(
    ("query", "expected", "section"),
    [
        ("เศรษฐกิจพอเพียง", RPO + "2569/", "listening_channels"),
        ("ใบอนุญาตก่อสร้าง", PHOTHARAM + "2569/", "service-1"),
        ("๒๕๗๑", PHOTHARAM + "2569/", "participation_levels"),  # written ๒๕๗๑, shown 2571
        ("2571", PHOTHARAM + "2569/", "participation_levels"),
    ],
)
def test_a_search_link_shared_with_q_opens_on_its_results(
    phone: Page, base_url: str, query: str, expected: str, section: str
) -> None:
    phone.goto(f"{base_url}?q={quote(query)}")
    expect_first(phone, base_url, expected, section)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("0 3233 7866", RPO),  # as the agency page writes it
        ("032337866", RPO),
        ("03 2337 866", RPO),
        ("0-3233-7866", RPO),
        ("๐ ๓๒๓๓ ๗๘๖๖", RPO),  # Thai digits
        ("0 3233 7120", LAND),
        ("1567", RPO),  # a hotline
        ("๑๕๖๗", RPO),
    ],
)
def test_a_phone_number_however_written_finds_the_agency(
    phone: Page, base_url: str, query: str, expected: str
) -> None:
    typed(phone, base_url, query)
    expect_first(phone, base_url, expected + "2569/")


@pytest.mark.parametrize(("query", "year"), [("อำเภอจอมบึง", 2567), ("คู่สาย", 2567), ("อำเภอปากท่อ", 2568)])
def test_a_word_only_an_earlier_report_holds_finds_that_years_page(
    phone: Page, base_url: str, query: str, year: int
) -> None:
    typed(phone, base_url, query)
    expect_first(phone, base_url, f"{RPO}{year}/")


@pytest.mark.parametrize(("query", "expected", "section"), [q for q in THAI_PHRASES if " " not in q[0]][:6])
def test_results_mark_the_words_typed_in_thai_as_the_agency_wrote_it(
    phone: Page, base_url: str, query: str, expected: str, section: str
) -> None:
    """The words are highlighted; the excerpt has the agency's sentence, no space or U+200B added."""
    typed(phone, base_url, query)
    expect_first(phone, base_url, expected, section)
    marks = {normalize(m) for m in phone.locator(".md-search-result__item mark").all_inner_texts()}
    assert normalize(query) in marks, marks
    # The agencies' excerpts: a hand-written page may quote a query too (docs/*/scale.md does).
    excerpts = phone.locator(".md-search-result__item a[href*='agencies/'] p").all_inner_texts()
    assert not [e for e in excerpts if "\u200b" in e]
    written = {
        chunk for text in source_texts() for chunk in MARKDOWN.sub("", text.translate(THAI_DIGITS)).split()
    }
    # Inside an excerpt (its ends may be cut), the text around the match, up to the spaces the
    # agency wrote, is a run of the source as written: no space put between Thai words.
    inner = (e.removeprefix("… ").removesuffix(" …").split()[1:-1] for e in excerpts)
    around = [chunk for chunks in inner for chunk in chunks if query in chunk]
    assert around and set(around) <= written, (set(around) - written, excerpts)


@pytest.mark.parametrize("query", ["หอกระจายข่าว", "ความคืบหน้า", "เครื่องสูบน้ำ", "0 3233 7866"])
def test_a_highlight_never_marks_part_of_a_thai_word(phone: Page, base_url: str, query: str) -> None:
    """A mark begins and ends where the browser cuts the text into words (no 'ปีงบป[ระ]มาณ')."""
    typed(phone, base_url, query)
    meta(phone)
    cut = phone.evaluate(
        """() => Array.from(document.querySelectorAll('.md-search-result__item mark'), mark => {
          const block = mark.parentElement, text = block.textContent;
          const range = document.createRange();
          range.setStart(block, 0);
          range.setEndBefore(mark);
          const start = range.toString().length, end = start + mark.textContent.length;
          const edges = new Set([text.length]);
          for (const s of new Intl.Segmenter('th', {granularity: 'word'}).segment(text)) edges.add(s.index);
          return edges.has(start) && edges.has(end) ? null : text.slice(0, start) + '[' +
            mark.textContent + ']' + text.slice(end);
        }).filter(Boolean)"""
    )
    assert not cut, cut


@pytest.mark.parametrize(
    ("query", "expected", "section"),
    [
        ("complaint", RPO + "2569/", "service-1"),
        ("title deed", LAND + "2569/", "service-1"),
        ("Damrongdhamma", RPO + "2569/", ""),
    ],
)
def test_english_words_typed_on_english_pages_lead_to_english_reports(
    phone: Page, base_url: str, query: str, expected: str, section: str
) -> None:
    typed(phone, base_url, query, "en/")
    expect_first(phone, base_url, "en/" + expected, section)
    for word in query.split():  # each letter was a keyup, so a query: the last one answered wins
        marks = phone.locator(".md-search-result__item mark")
        expect(marks.filter(has_text=re.compile(f"^{word}$", re.IGNORECASE)).first).to_be_visible()
    found = hrefs(base_url, phone.locator(".md-search-result__item a"))
    assert all(href.startswith("en/") for href in found), found


def test_enter_opens_the_best_result_and_arrow_down_reaches_it(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.locator(".md-search__input").click()
    page.keyboard.type("ความคืบหน้า")
    page.keyboard.press("End")  # the keyup Material reads the box on (see typed)
    expect_first(page, base_url, RPO + "2569/")
    page.keyboard.press("ArrowDown")
    expect(first(page).locator("a").first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(f"{base_url}{RPO}2569/") + "(#.*)?$"))


def test_each_language_fetches_only_its_own_index_from_this_site(phone: Page, base_url: str) -> None:
    """No request leaves the site, no console error (the phone fixture checks both)."""
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url.removeprefix(base_url)))
    typed(phone, base_url, "ตรวจสุขภาพ")
    expect_first(phone, base_url, RPO + "2569/")
    assert "search/search_index.json" in requested and "en/search/search_index.json" not in requested
    assert [url for url in requested if url.startswith("search/t/")], requested
    requested.clear()
    typed(phone, base_url, "complaint", "en/")
    expect_first(phone, base_url, "en/" + RPO + "2569/")
    assert "en/search/search_index.json" in requested and "search/search_index.json" not in requested
    assert not [url for url in requested if url.startswith("search/")], requested


@pytest.mark.parametrize(
    ("prefix", "query", "wording"),
    [
        ("", "จังหวัด", "พบ {n} หน้า แสดง 10 หน้าที่ตรงที่สุด"),
        ("en/", "the", "{n} pages match; the 10 closest are listed"),
        ("", "ไลน์", "พบ {n} หน้า"),
        ("", "รังวัด", "พบ {n} หน้า"),
        ("en/", "complaint", "Pages found: {n}"),
        ("en/", "deed", "Pages found: {n}"),
    ],
)
def test_the_line_above_the_results_says_how_many_pages_match(
    phone: Page, base_url: str, built_site: Path, prefix: str, query: str, wording: str
) -> None:
    """The total in the site's words, the same for one page as for a thousand (Material says
    "documents", and no number for one); past ten, that another word narrows them down."""
    n = matching(built_site, prefix, query)
    assert (n > SHOWN) == ("10" in wording), f"{query!r} is on {n} pages: pick another word"
    assert query != "รังวัด" or n == 1, "one page, to show the number is said for one too"
    typed(phone, base_url, query, prefix)
    expect(phone.locator(".md-search-result__meta")).to_have_text(
        re.compile("^" + re.escape(wording.format(n=n)))
    )
    expect(phone.locator(".md-search-result__item")).to_have_count(min(n, SHOWN))


@pytest.mark.parametrize(
    ("prefix", "query"), [("", "กระเจี๊ยบมอญ"), ("", "รองเรียน"), ("", "xyzzy"), ("en/", "xyzzy")]
)
def test_a_query_nothing_matches_says_so_and_what_to_try(
    phone: Page, base_url: str, prefix: str, query: str
) -> None:
    """A misspelt word (a tone mark left out) finds nothing: the line says so and what to try."""
    typed(phone, base_url, query, prefix)
    assert meta(phone) == (NONE if not prefix else "No page matches. Check the spelling, or try fewer words")
    expect(phone.locator(".md-search-result__item")).to_have_count(0)


def test_a_pasted_page_of_words_is_answered_at_once(phone: Page, base_url: str) -> None:
    """The worker reads a query's first words, not thousands of them: 3,000 took it 15 s on a
    desktop, and every query the visitor typed after waited."""
    phone.goto(f"{base_url}?q={quote('ความคืบหน้า ' + 'ก ' * 3000)}")
    expect(phone.locator(".md-search-result__meta")).to_have_text(ANSWERED, timeout=5000)


def test_a_number_longer_than_any_on_a_page_leaves_the_other_words_found(phone: Page, base_url: str) -> None:
    """3,000 digits made a highlighter RegExp too large to compile: no result at all."""
    phone.goto(f"{base_url}?q={quote('ความคืบหน้า ' + '1' * 3000)}")
    expect_first(phone, base_url, RPO + "2569/", "process_improvement")


def test_the_browser_cuts_thai_words_as_the_index_was_cut(page: Page, base_url: str) -> None:
    """Intl.Segmenter in a page of the site and icu4py cut every Thai run of the examples alike."""
    runs = sorted({run for text in source_texts() for run in THAI_RUN.findall(normalize(text))})
    page.goto(base_url)
    browser_cut = page.evaluate(
        """runs => { const cut = new Intl.Segmenter('th', {granularity: 'word'});
          return runs.map(run => Array.from(cut.segment(run), s => s.segment)); }""",
        runs,
    )
    built = [[token.word for token in tokens(run)] for run in runs]
    thai = re.compile(r"[\u0e01-\u0e2e]")
    differ = [
        (run, cut, words)
        for run, cut, words in zip(runs, browser_cut, built, strict=True)
        if [w for w in cut if thai.search(w)] != words
    ]
    assert len(runs) > 300
    assert not differ, (
        f"{len(differ)} of {len(runs)} runs ({len(differ) / len(runs):.1%}) cut otherwise: {differ[:10]}"
    )


@pytest.mark.parametrize(("prefix", "query"), [("", "ร้องเรียน"), ("en/", "complaint")])
def test_axe_finds_no_violation_in_the_open_results_on_a_phone(
    phone: Page, base_url: str, prefix: str, query: str
) -> None:
    """Highlighted words and the line above the results are readable (WCAG 2.1 AA, 4.5:1)."""
    typed(phone, base_url, query, prefix)
    meta(phone)
    phone.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    found = phone.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_21_AA,
    )
    assert not [(v["id"], [(n["target"], n["failureSummary"]) for n in v["nodes"]][:3]) for v in found]


def test_a_word_icu_cuts_in_two_is_marked_only_where_both_halves_are(phone: Page, base_url: str) -> None:
    """``ร้องเรียน`` is cut ``ร้อง|เรียน``: a section title that says ``เรียนรู้`` but not ``ร้อง``
    has nothing marked."""
    assert [t.word for t in tokens(normalize("ร้องเรียน"))] == ["ร้อง", "เรียน"]
    typed(phone, base_url, "ร้องเรียน")
    meta(phone)
    marks = phone.locator(".md-search-result__article mark")
    expect(marks.first).to_be_attached()
    for mark in marks.all():
        text = str(mark.evaluate("m => m.parentElement.textContent"))
        assert mark.text_content() == "ร้องเรียน" or "ร้อง" in text, text


def test_the_count_line_is_never_drawn_with_materials_ten(
    phone: Page, base_url: str, built_site: Path
) -> None:
    """Past ten pages, the line says how many in all; Material's "พบ 10 เอกสารที่ตรงกัน",
    which it writes first, is replaced before the next frame is drawn (on a phone's slower CPU,
    a timer set when the result came ran after a frame had shown Material's line)."""
    assert matching(built_site, "", "จังหวัด") > SHOWN
    phone.context.new_cdp_session(phone).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    phone.goto(base_url)
    phone.evaluate(
        """() => { window.__drawn = [];
        const frame = () => { const line = document.querySelector('.md-search-result__meta');
          window.__drawn.push(line ? line.textContent.trim() : ''); requestAnimationFrame(frame); };
        requestAnimationFrame(frame); }"""
    )
    phone.locator("header label.md-header__button[for=__search]").tap()
    expect(phone.locator(".md-search-result__meta")).to_have_text(PLACEHOLDER)
    phone.keyboard.type("จังหวัด")
    phone.keyboard.press("End")
    expect(phone.locator(".md-search-result__meta")).to_have_text(re.compile(r"^พบ \d+ หน้า"))
    phone.wait_for_timeout(300)
    drawn = phone.evaluate("() => window.__drawn")
    assert not [text for text in drawn if text.startswith("พบ 10 เอกสาร")], drawn


@pytest.mark.parametrize("query", ["ขอใบอนุญาตก่อส", "ก่อส"])
def test_a_thai_word_half_typed_already_finds_its_page(phone: Page, base_url: str, query: str) -> None:
    """ICU cuts the first letters of ก่อสร้าง into ก่อ|ส, no words of the index: the pieces are
    also looked up joined, so results do not flash 'nothing found' while a citizen types."""
    typed(phone, base_url, query)
    expect_first(phone, base_url, PHOTHARAM + "2569/")
