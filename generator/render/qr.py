"""QR codes for printed posters, drawn at build time as inline SVG with segno."""

from __future__ import annotations

import io

import segno
from markupsafe import Markup, escape


def qr_svg(url: str, title: str) -> Markup:
    """An inline SVG QR code for ``url``; scales with CSS, prints sharp."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, nl=False, border=2, scale=1, omitsize=True,
        title=str(escape(title)), svgclass="c3-qr", lineclass=None,
    )  # fmt: skip
    svg = buffer.getvalue().decode("utf-8")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1))
