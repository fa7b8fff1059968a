"""Thai lines break between words, never inside one: each compound is written as one unit.

Thai has no spaces between words; the browser finds where a line may end with ICU's dictionary,
which cuts compounds into their parts ("หน่วย|งาน", "ระยะ|เวลา", "สาย|ด่วน"), so a heading or a
button can end a line in the middle of a word. At build time every page is segmented with the
ICU already used for search (``generator.search``), the parts of a compound listed in
``thai_compounds.txt`` are joined again, and each compound, with what is written against it
("มอบอำนาจ),"), is wrapped in ``<span class="w">``, which the stylesheet keeps on one line
(``white-space: nowrap``); lines still break between words, at ICU's boundaries.

Measured in Chromium at 360 px (tests/browser/test_line_breaks.py): it breaks Thai only where
ICU sees a word boundary (no line of the example pages ended inside one of ICU's words), so only
the words ICU cuts, the compounds, need a span: wrapping every word as well made a report page
half as large again (+50 % HTML, over the page weight budget) for no line that changed. Word
joiners (U+2060) would have worked too but put invisible letters into every copied or tested
text; inline blocks let tables shrink a column to a word's parts; ``word-break: keep-all`` does
nothing to Thai. A span holds at most ``LONGEST`` letters, so that one word cannot make a line
much wider than a phone; a box narrower than a word (a squeezed column) is a layout to fix.

Only text between tags changes: tags, attributes, comments and the contents of ``<script>``,
``<style>``, ``<title>``, ``<textarea>``, code, SVG and MathML are copied byte for byte. A span
starts and ends only between two Thai letters or at a space, never inside ``&amp;``, so the
escaping of the text stays as it was.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from icu4py.breakers import WordBreaker
from icu4py.locale import Locale

COMPOUNDS_FILE = Path(__file__).with_name("thai_compounds.txt")
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
# Text between spaces ("(กรณีมอบอำนาจ),"); one that holds Thai is cut between its words only.
# Matched whole and then looked into: "[^\s]*[ก-๛][^\s]*" backtracks over every start of a long
# text without spaces (200 kB: minutes).
TOKEN_BETWEEN_SPACES = re.compile(r"[^\s\u200b]+")
NEVER_FIRST = "ๆฯ"
# A number in groups and, if Thai follows after a space, that space: "0 3233 7120", "31 มีนาคม".
# Not a number inside a word, a code or an entity ("&#39;").
NUMBER = re.compile(r"(?<![\w.,:/#&-])\d[\d.,:/-]*(?: \d[\d.,:/-]*)*(?: (?=[\u0e00-\u0e7f]))?")
NUMBER_GAP = re.compile(r"\d (?:\d|[\u0e00-\u0e7f])")
THAI_SLASH = re.compile(r"(?<=[\u0e00-\u0e7f])/|/(?=[\u0e00-\u0e7f])")
LONGEST = 15  # letters: a longer unit (an unknown name, a web address) may still break to fit
# Vowel signs above and below and tone marks: they sit on a letter and never start a line.
MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
OPEN, CLOSE = '<span class="w">', "</span>"
# Elements whose text is not running Thai prose a reader sees, or is not HTML text at all.
SKIPPED = frozenset({"code", "pre", "kbd", "samp", "svg", "math", "option", "head", "template"})
_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
# A comment or declaration; a raw text element whole (its text is not HTML); or one tag.
TOKEN = re.compile(
    rf"<!--.*?(?:-->|\Z)|<![^>]*>|<\?[^>]*>"
    rf"|<(script|style|title|textarea)\b{_ATTRIBUTES}>.*?(?:</\1\s*>|\Z)"
    rf"|<(/?)([a-zA-Z][a-zA-Z0-9:-]*){_ATTRIBUTES}>",
    re.DOTALL | re.IGNORECASE,
)
_THAI = Locale("th")


@cache
def compounds() -> frozenset[str]:
    """The project's list of compounds ICU cuts in two; ``#`` starts a comment."""
    lines = COMPOUNDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if (word := line.split("#", 1)[0].strip()))


@lru_cache(maxsize=65536)
def thai_words(run: str) -> tuple[str, ...]:
    """A run of Thai letters cut into words: ICU's words, with listed compounds joined again."""
    cuts = [start for start, _ in WordBreaker(run, _THAI).segments()] + [len(run)]
    return tuple(run[start:end] for start, end in pairwise(cuts) if end > start)


def _joined(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` with each listed compound that starts at a word's start made one word; a
    compound ending inside a word takes that whole word too (ICU read "ช่อง|ทางการ")."""
    known = compounds()
    longest = max(map(len, known), default=0)
    out: list[str] = []
    i = 0
    while i < len(words):
        text = _ahead(words, i, longest)
        size = next((n for n in range(len(text), 1, -1) if text[:n] in known), 0)
        j, covered = i, 0
        while covered < size:
            covered += len(words[j])
            j += 1
        j = max(j, i + 1)
        out.append("".join(words[i:j]))
        i = j
    return tuple(out)


def _ahead(words: tuple[str, ...], i: int, letters: int) -> str:
    """The first ``letters`` letters from word ``i`` on, joining only the words needed (joining
    all the rest at every word made a long run quadratic)."""
    text, j = "", i
    while len(text) < letters and j < len(words):
        text += words[j]
        j += 1
    return text[:letters]


@lru_cache(maxsize=65536)
def segment(run: str) -> tuple[str, ...]:
    """The words of a run of Thai letters as this module keeps them together."""
    return _joined(thai_words(run))


def _cuts(token: str, words: Callable[[str], tuple[str, ...]], before_marks: bool = True) -> list[int]:
    """Where ``token`` (text without spaces) falls apart into ``words``: between two Thai
    words only; digits, brackets and commas written against a word stay with it."""
    cuts = []
    for run in THAI_RUN.finditer(token):
        position = run.start()
        for word in words(run.group(0))[:-1]:
            position += len(word)
            if before_marks or token[position] not in NEVER_FIRST:
                cuts.append(position)
    return cuts


@lru_cache(maxsize=65536)
def _kept(token: str) -> str:
    """``token`` with each word the browser would cut (a compound) in a span; a word the
    browser keeps whole anyway is left as it is, which keeps pages small."""
    browser = _cuts(token, thai_words)
    edges = sorted({0, *_cuts(token, segment, before_marks=False), *_after_slashes(token), len(token)})
    out = []
    for start, end in pairwise(edges):
        unit = token[start:end]
        cut = bisect_right(browser, start) < bisect_left(browser, end)  # a browser cut inside
        out.append(f"{OPEN}{unit}{CLOSE}" if cut and _letters(unit) <= LONGEST else unit)
    return "".join(out)


def _after_slashes(token: str) -> list[int]:
    """A line may end after "/" ("ภารกิจหลัก/กระบวนงาน"): a span must not glue the words
    either side of it into one unit wider than a table column on a phone."""
    return [match.end() for match in THAI_SLASH.finditer(token) if match.end() < len(token)]


def _letters(unit: str) -> int:
    """Characters that take room on a line: marks above and below a letter take none."""
    return len(unit) - len(MARKS.findall(unit))


def keep_text(text: str) -> str:
    """HTML text (no tags) with each Thai word, and what is written against it, wrapped in a
    span a line does not break inside; a number written in groups ("0 3233 7120") or with the
    Thai word after it ("31 มีนาคม", "42 คน") is one unit too."""
    out: list[str] = []
    position = 0
    for match in NUMBER.finditer(text):
        end = match.end()
        if match.group(0).endswith(" "):  # the first word of the Thai after it comes along
            run = THAI_RUN.match(text, end)
            end += len(segment(run.group(0))[0]) if run else 0
        if " " not in text[match.start() : end].strip() or end - match.start() > 2 * LONGEST:
            continue
        out.append(_words(text[position : match.start()]))
        out.append(f"{OPEN}{text[match.start() : end]}{CLOSE}")
        position = end
    out.append(_words(text[position:]))
    return "".join(out)


def _words(text: str) -> str:
    return TOKEN_BETWEEN_SPACES.sub(lambda match: _thai_kept(match.group(0)), text)


def _thai_kept(token: str) -> str:
    return _kept(token) if THAI_RUN.search(token) else token


def keep_words(html: str) -> str:
    """A page or a page body with the Thai words of its text kept whole on a line."""
    out: list[str] = []
    skipped: dict[str, int] = {}
    position = 0
    for match in TOKEN.finditer(html):
        out.append(_text(html[position : match.start()], skipped))
        out.append(match.group(0))
        position = match.end()
        closing, name = match.group(2), (match.group(3) or "").lower()
        if name in SKIPPED and not match.group(0).endswith("/>"):
            skipped[name] = max(0, skipped.get(name, 0) + (-1 if closing else 1))
    out.append(_text(html[position:], skipped))
    return "".join(out)


def _text(text: str, skipped: dict[str, int]) -> str:
    if not (THAI_RUN.search(text) or NUMBER_GAP.search(text)) or any(skipped.values()):
        return text
    return keep_text(text)
