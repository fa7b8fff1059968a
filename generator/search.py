"""Thai search: the words a text is found by, cut the way the browser cuts a query.

Thai is written without spaces, so the index holds words that ICU (icu4py) cuts out of the
running text when the site is built; the browser cuts what a visitor types with
``Intl.Segmenter``, which is ICU too, so both sides cut ``ความคิดเห็น`` alike. The search
worker (``theme_overrides/assets/javascripts/workers/search.js``) repeats these rules in
JavaScript: :func:`normalize`, the letters a word is made of, and which tokens are joined into
the extra terms below. A change here is a change there.

Besides each word, a text is found by
- two neighbouring words together (``ความคืบหน้า`` from ``ความ|คืบหน้า``): a query whose words
  stand side by side on a page ranks that page first, and a query cut into other words than
  the page's text (ICU's dictionary sees context) is still found;
- the digits of a number written in groups joined, for every run of neighbouring groups
  (``0 3233 7120`` is also ``032337120``, ``32337120``), so a phone number is found however
  a visitor groups it.

No term is longer than :data:`MAX_TERM` characters: a word nobody types (300,000 letters without
a space, a Thai run ICU cannot cut) would otherwise stand in the list of first terms that every
visitor downloads when opening search.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from icu4py.breakers import WordBreaker
from icu4py.locale import Locale

from generator.fields import THAI_DIGITS

INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_FOLD = {**INVISIBLE, **THAI_DIGITS}
# Thai letters, vowels and tone marks (not digits, ฿ or the section marks); Latin letters and
# digits. Both lists are written again in the worker.
_RUN = re.compile(r"([\u0e01-\u0e3a\u0e40-\u0e4e]+)|([0-9a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+)")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e2e]")  # a segment of marks alone (ๆ, ฯ) is no word
_DIGITS = re.compile(r"[0-9]+")
_GROUP_GAP = frozenset(" -./")  # what may stand between the digit groups of one number
MAX_GROUPS = 6
MAX_TERM = 40
"""The longest term indexed (the examples' longest is 28: two long English words side by side);
the worker ignores longer query words too."""
_THAI = Locale("th")


class Token(NamedTuple):
    """A word of a normalized text, where it stands, and whether it is Thai (a tuple: a
    province's index makes millions of them)."""

    word: str
    start: int
    end: int
    thai: bool


def normalize(text: str) -> str:
    """What both the index and a query are read as: composed, lower case, Arabic digits, no
    invisible characters. Keeps the text's length but for invisible characters."""
    return unicodedata.normalize("NFC", text).translate(_FOLD).lower()


def tokens(text: str) -> list[Token]:
    """The words of a normalized text, in order: Thai runs cut by ICU, Latin words whole."""
    found: list[Token] = []
    for run in _RUN.finditer(text):
        start = run.start()
        if run.group(2):
            found.append(Token(run.group(2), start, run.end(), False))
        else:
            found += [
                Token(word, start + at, start + end, True) for word, at, end in _thai_words(run.group(1))
            ]
    return found


@lru_cache(maxsize=65536)
def _thai_words(run: str) -> tuple[tuple[str, int, int], ...]:
    """A Thai run's words and where each stands in it; a segment of marks alone is no word."""
    cut = ((run[start:end], start, end) for start, end in WordBreaker(run, _THAI).segments())
    return tuple(word for word in cut if _THAI_LETTER.search(word[0]))


def pair(first: Token, second: Token) -> str:
    """The term of two neighbouring words: Thai ones run together as Thai is written, so the
    pair of ``ความ`` and ``คิด`` is also the word ``ความคิด``; others keep a space."""
    return first.word + second.word if first.thai and second.thai else f"{first.word} {second.word}"


@lru_cache(maxsize=4096)
def title_terms(title: str) -> frozenset[str]:
    """:func:`terms` of a title, kept: section headings stand on every report page."""
    return frozenset(terms(title))


def terms(text: str) -> set[str]:
    """Every term ``text`` is found by: its words, its neighbouring pairs, its numbers joined;
    none longer than :data:`MAX_TERM`."""
    normal = normalize(text)
    words = tokens(normal)
    found = {token.word for token in words}
    for first, second in pairwise(words):
        if _neighbours(normal, first, second):
            found.add(pair(first, second))
    for group in _numbers(normal, words):
        ends = range(len(group) + 1)
        found |= {"".join(t.word for t in group[i:j]) for i in ends for j in ends if j - i >= 2}
    return {term for term in found if len(term) <= MAX_TERM}


def _neighbours(text: str, first: Token, second: Token) -> bool:
    """Side by side: nothing between the two words, or one space."""
    return second.start - first.end == 0 or (second.start - first.end == 1 and text[first.end].isspace())


def _numbers(text: str, words: list[Token]) -> list[list[Token]]:
    """Runs of digit groups that read as one number (``0 3233 7120``, ``032-337-120``)."""
    runs: list[list[Token]] = []
    for token in words:
        if not _DIGITS.fullmatch(token.word):
            continue
        last = runs[-1][-1] if runs else None
        joined = (
            last is not None
            and token.start - last.end == 1
            and text[last.end] in _GROUP_GAP
            and len(runs[-1]) < MAX_GROUPS
        )
        if joined:
            runs[-1].append(token)
        else:
            runs.append([token])
    return [run for run in runs if len(run) > 1]
