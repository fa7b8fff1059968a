"""QR codes for printed posters, drawn at build time as inline SVG with segno.

Choosing a code's mask is most of its cost (about 4 ms, once per poster and language), so
each code is kept in the build cache by what it encodes, like the converted photos.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import segno
from markupsafe import Markup, escape

from generator.render.images import write_cached


def qr_svg(url: str, title: str, cache_dir: Path | None = None) -> Markup:
    """An inline SVG QR code for ``url``; scales with CSS, prints sharp."""
    cached = None
    if cache_dir is not None:
        cached = cache_dir / "qr" / (hashlib.sha256(f"{url}\n{title}".encode()).hexdigest()[:24] + ".svg")
        if cached.exists():
            return Markup(cached.read_text(encoding="utf-8"))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, nl=False, border=2, scale=1, omitsize=True,
        title=str(escape(title)), svgclass="c3-qr", lineclass=None,
    )  # fmt: skip
    svg = buffer.getvalue().decode("utf-8")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)
    if cached is not None:
        write_cached(cached, lambda path: path.write_text(svg, encoding="utf-8"))
    return Markup(svg)
