"""The search index a phone downloads a little of per query, however many agencies there are.

Material's own search downloads one index of every page's text and builds it in the browser:
17.7 MB at a thousand agencies, nine seconds on a mid-range phone before the first result.
This index is cut into small files instead, and the search worker
(``theme_overrides/assets/javascripts/workers/search.js``) fetches only what a query needs:

- ``search_index.json``: what Material's page script reads (its ``config``) with, under
  ``config.c3``, the first term of each term file, so the worker knows which file holds a term;
- ``t/<n>.json``: terms in code point order, each with the pages it is on. A page is a number,
  in the order of :func:`SearchPage.order` (reports first, pages for staff last), written as
  ``6 x`` the difference to the page before, plus twice how widely the page uses the term (0:
  in one of its texts, 1: two or three, 2: more), plus 1 where it is in the page's title;
  negative where it is in the page's or a section's title;
- ``f/<n>.json``: one page's URL, title and entries (``[anchor, title, text]``), the words as the
  agency wrote them: what a result shows, its excerpt and its highlighted words.

Each term and page file is also written gzip-compressed (``.json.gz``), which the worker
unpacks itself (``DecompressionStream``): a phone downloads a quarter of the bytes whether or
not the host compresses JSON; a browser without it reads the plain files.

A query downloads the term files of its words and the page files of its best results: a few
kilobytes each, growing with the pages a word is on, not with the site.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from generator.search import INVISIBLE, terms, title_terms

SHARD_BYTES = 12_000
"""About how large one term file grows before the next begins (a term's list is never split)."""
SHOWN_CHARS = 3000
"""What a page file keeps of one entry's text for its excerpt: a report's longest runs to about
a thousand; a longer one (a pasted document) is still found by every word, but cannot make
each query that lists it download a megabyte."""
MAX_SHARDS = 400
"""Past this many term files, each grows instead: the list of first terms that opening search
downloads stays a few kilobytes for a country, and a query still fetches only a few files."""

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_INLINE = frozenset(("a", "abbr", "b", "code", "em", "i", "kbd", "mark", "small", "span", "strong", "sub"))
_SPACE = re.compile(r"\s+")
_REPORT = re.compile(r"agencies/[^/]+/(\d{4})/")  # a report's own address (render/pages.py)


class Posting(NamedTuple):
    """One page a term is on: whether in a title (the page's own, or a section's), how widely
    (:func:`_spread`), and whether in the page's own title."""

    page: int
    titled: bool
    spread: int
    page_titled: bool


def _spread(texts: int) -> int:
    """How widely a page uses a term, from how many of its texts hold it: 0, 1 or 2."""
    return 0 if texts <= 1 else 1 if texts <= 3 else 2


@dataclass(frozen=True)
class SearchPage:
    """A page as search finds it. ``entries`` are ``(anchor, title, text)``: the page itself
    where the anchor is empty, a section otherwise; an empty title is the page's own."""

    url: str
    title: str
    entries: tuple[tuple[str, str, str], ...]
    staff: bool = False
    tier: int = 1
    """Among pages that match a query alike, lower tiers first: reports (0, from their
    address), then pages that gather every agency's data (1), then hand-written ones (2)."""

    def order(self) -> tuple[Any, ...]:
        """Where the page stands among pages that match alike: a newer report before an older."""
        year = _REPORT.fullmatch(self.url)
        tier = 0 if year else self.tier
        return (self.staff, tier, -int(year.group(1)) if year else 0, self.url)


def clean(text: str) -> str:
    """Text as results show it: composed, without invisible characters, spaces folded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(INVISIBLE)).strip()


def plain(markup: str) -> str:
    """The text of a hand-written page's HTML, as Material's search plugin gives it: inline
    tags vanish (a Thai word split by a link stays one word), block tags leave a space."""
    text = _TAG.sub(lambda m: "" if m.group(2).lower() in _INLINE else " ", markup)
    return clean(html.unescape(text))


def material_pages(docs: Iterable[dict[str, Any]], staff: set[str]) -> list[SearchPage]:
    """The hand-written pages in a search index written by Material's search plugin."""
    pages: dict[str, list[tuple[str, str, str]]] = {}
    titles: dict[str, str] = {}
    for doc in docs:
        url, _, anchor = str(doc.get("location", "")).partition("#")
        title, text = plain(str(doc.get("title", ""))), plain(str(doc.get("text", "")))
        if not anchor:
            titles[url] = title
        pages.setdefault(url, []).append((anchor, "" if not anchor else title, text))
    return [
        SearchPage(url, titles.get(url, url), tuple(entries), staff=url in staff, tier=2)
        for url, entries in pages.items()
    ]


def index_files(pages: Iterable[SearchPage], config: dict[str, Any]) -> dict[str, str]:
    """Every file of the index, by its path inside ``search/``; ``config`` is the search
    plugin's, which Material's page script expects back."""
    ordered = sorted(pages, key=SearchPage.order)
    postings: dict[str, list[Posting]] = {}
    fragments: dict[str, str] = {}
    for number, page in enumerate(ordered):
        entries = [(anchor, clean(title), clean(text)) for anchor, title, text in page.entries]
        heading = title_terms(page.title)
        titled = heading.union(*(title_terms(title) for _, title, _ in entries))
        used = Counter(t for _, _, text in entries for t in terms(text))
        for term in titled | used.keys():
            posting = Posting(number, term in titled, _spread(used[term]), term in heading)
            postings.setdefault(term, []).append(posting)
        shown = [(anchor, title, text[:SHOWN_CHARS]) for anchor, title, text in entries]
        fragment = {"u": page.url, "t": clean(page.title), "e": shown}
        fragments[f"f/{number}.json"] = _json(fragment)
    shards, first_terms = _shards(postings)
    files = {f"t/{n}.json": text for n, text in enumerate(shards)} | fragments
    version = hashlib.sha256("".join(files[k] for k in sorted(files)).encode()).hexdigest()[:12]
    staff = next((n for n, page in enumerate(ordered) if page.staff), len(ordered))
    meta = {"v": version, "shards": first_terms, "pages": len(ordered), "staff": staff}
    files["search_index.json"] = _json({"config": {**config, "c3": meta}, "docs": []})
    return files


def _shards(postings: dict[str, list[Posting]]) -> tuple[list[str], list[str]]:
    """Term files of about SHARD_BYTES each (larger, past MAX_SHARDS), and the first term of each."""
    items = [(term, _json(term) + ":" + _json(_deltas(postings[term]))) for term in sorted(postings)]
    target = max(SHARD_BYTES, sum(len(item.encode()) for _, item in items) // MAX_SHARDS)
    shards: list[str] = []
    first_terms: list[str] = []
    current: list[str] = []
    size = 0
    for term, item in items:
        if current and size + len(item.encode()) > target:
            shards.append("{" + ",".join(current) + "}")
            current, size = [], 0
        if not current:
            first_terms.append(term)
        current.append(item)
        size += len(item.encode()) + 1
    if current:
        shards.append("{" + ",".join(current) + "}")
    return shards, first_terms


def _deltas(postings: list[Posting]) -> list[int]:
    """A term's pages as the worker reads them: ``6 x`` the difference to the page before
    (the first counted from -1), ``2 x`` the spread, 1 for the page's title; negative where the
    term is in a title."""
    previous = -1
    out = []
    for posting in postings:
        value = 6 * (posting.page - previous) + 2 * posting.spread + posting.page_titled
        out.append(-value if posting.titled else value)
        previous = posting.page
    return out


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_index(folder: Path, generated: Iterable[SearchPage], staff: set[str]) -> int:
    """Replace the search plugin's ``search_index.json`` in ``folder`` with this index of the
    ``generated`` pages and the hand-written ones the plugin indexed (those at ``staff`` URLs
    rank last); returns the bytes written. Term and page files of an earlier build go."""
    written = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    pages = [*generated, *material_pages(written.get("docs", []), staff)]
    files = index_files(pages, written.get("config", {}))
    for sub in ("t", "f"):
        (folder / sub).mkdir(exist_ok=True)
        for old in (folder / sub).glob("*.json*"):
            old.unlink()
    total = 0
    for name, text in files.items():
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
        if name.startswith(("t/", "f/")):
            (folder / f"{name}.gz").write_bytes(gzip.compress(data, 9, mtime=0))
    return total
