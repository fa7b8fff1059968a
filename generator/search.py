"""Thai search: cut Thai text into words when the site is built, the way browsers cut queries.

Thai is written without spaces, so a search index of raw text holds whole runs of words and
finds nothing inside them. ICU (through icu4py) segments the indexed text; the browser
segments what a visitor types with ``Intl.Segmenter``, which is ICU too, so both sides cut
``ความคิดเห็น`` into ``ความ|คิด|เห็น`` alike. Words are joined with U+200B, which the search
``separator`` splits on and nobody sees.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

from icu4py.breakers import WordBreaker
from icu4py.locale import Locale

ZWSP = "\u200b"
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
_THAI = Locale("th")


@lru_cache(maxsize=65536)
def _words(run: str) -> str:
    return ZWSP.join(run[start:end] for start, end in WordBreaker(run, _THAI).segments())


def segment_thai(text: str) -> str:
    """Every run of Thai letters cut into words joined by U+200B; other text unchanged."""
    return THAI_RUN.sub(lambda match: _words(match.group(0)), text.replace(ZWSP, ""))


def segment_index(index: dict[str, Any]) -> dict[str, Any]:
    """A Material search index with the Thai in every title and text segmented."""
    for doc in index.get("docs", []):
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = segment_thai(doc[key])
    return index


STAFF_BOOST = 1e-4
"""What a page for agencies and staff weighs in search, against 1 for the others (lunr multiplies
a page's score by it). Material weighs a word in a title 1,000 times one in the text, so this
puts even a staff page's title below a citizens' page's text: a word found on both shows the
citizens' page first, and the staff page is still found, after it."""


def complete_index_file(path: Path, docs: list[dict[str, str]], staff: Collection[str] = ()) -> int:
    """Add ``docs`` to a built ``search_index.json`` and segment it, in place; returns its size
    in bytes. The search plugin indexed the hand-written pages; the generator gives its own.
    Entries on the ``staff`` pages (URLs) rank after the others."""
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = index.get("docs", []) + docs
    for doc in index["docs"]:
        if str(doc.get("location", "")).split("#", 1)[0] in staff:
            doc["boost"] = STAFF_BOOST
    text = json.dumps(segment_index(index), ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
