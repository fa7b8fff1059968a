"""QR codes for printed posters, drawn at build time as inline SVG with segno.

Choosing a code's mask is most of its cost (about 3 ms of 4, once per poster and language), so
the build cache keeps each code's mask, one digit, by what it encodes. The code itself is always
made here from the address: a file planted in the cache (a pull request can commit one) can at
worst choose another of the eight masks, each a correct code for the same address; it can never
change where the code leads nor put markup or a script into a page.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import segno
from markupsafe import Markup, escape

from generator.render.images import committed, write_cached

MASKS = frozenset("01234567")


def qr_svg(url: str, title: str, cache_dir: Path | None = None) -> Markup:
    """An inline SVG QR code for ``url``; scales with CSS, prints sharp."""
    cached = None
    mask = None
    if cache_dir is not None:
        cached = cache_dir / "qr" / (hashlib.sha256(url.encode()).hexdigest()[:24] + ".mask")
        mask = _cached_mask(cached)
    code = segno.make(url, error="m", mask=mask)
    if cached is not None and mask is None:
        write_cached(cached, lambda path: path.write_text(str(code.mask), encoding="ascii"))
    buffer = io.BytesIO()
    code.save(
        buffer, kind="svg", xmldecl=False, svgns=True, nl=False, border=2, scale=1, omitsize=True,
        title=title, svgclass="c3-qr", lineclass=None,
    )  # fmt: skip
    svg = buffer.getvalue().decode("utf-8")  # segno escapes the title; everything else is numbers
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1))


def _cached_mask(path: Path) -> int | None:
    """The mask kept for a code: one digit 0-7, or None for anything else (made anew)."""
    try:
        text = path.read_bytes()
    except OSError:
        return None
    if committed(path):
        return None
    return int(text) if len(text) == 1 and text.decode("latin-1") in MASKS else None
