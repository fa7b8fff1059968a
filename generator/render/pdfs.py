"""Published PDFs: the cleaned copy (``generator.pdfclean``) and a first-page preview.

A cached copy is checked again before it is published (the build cache may hold files a pull
request committed), and made anew when it is not clean.

A page can be made to take hours to draw (a shading whose function runs millions of steps),
so the preview is drawn in a child process with a time limit; past it, or when drawing fails,
the site shows a plain PDF icon drawn here instead.
"""

from __future__ import annotations

import hashlib
import math
import multiprocessing
import signal
import sys
from pathlib import Path

import pikepdf

from generator.pdfclean import clean, is_clean
from generator.problems import Problem
from generator.render.images import committed, write_cached

PREVIEW_WIDTH = 960  # px: twice the largest thumbnail, so thumbnails are sharp
PREVIEW_MAX_HEIGHT = 4 * PREVIEW_WIDTH  # a very tall page is drawn narrower, never larger
PREVIEW_SECONDS = 20.0  # an ordinary scan's first page draws in well under a second
PLACEHOLDER_SIZE = (PREVIEW_WIDTH, round(PREVIEW_WIDTH * 2**0.5))  # an A4 page, upright


def clean_pdf(source: Path, cache_dir: Path) -> Path:
    """A copy of a PDF without active content, attachments, document information or XMP."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = cache_dir / f"{digest}-clean.pdf"
    if not _clean_copy(target):
        with pikepdf.open(source) as pdf:
            clean(pdf)  # the same cleaning validation ran
            write_cached(target, lambda path: pdf.save(path, deterministic_id=True, encryption=False))
    return target


def _clean_copy(path: Path) -> bool:
    """Whether ``path`` is a PDF we could have written: opens, holds nothing active, no metadata."""
    if not path.is_file() or committed(path):
        return False
    try:
        with pikepdf.open(path) as pdf:
            return is_clean(pdf)
    except Exception:  # anything that does not open is made anew
        return False


def pdf_preview(source: Path, cache_dir: Path) -> Path:
    """The first page of a PDF as a PNG at most ``PREVIEW_WIDTH`` wide, whatever its page size,
    without its annotations and form fields; a plain PDF icon when the page does not draw within
    ``PREVIEW_SECONDS`` or does not draw at all (a warning names the file)."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = cache_dir / f"{digest}-page1-{PREVIEW_WIDTH}.png"
    if _preview_copy(target):
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    drawing = multiprocessing.get_context("fork").Process(
        target=_draw_first_page, args=(source, target), name="category3-pdf-preview"
    )
    drawing.start()
    drawing.join(PREVIEW_SECONDS)
    if drawing.is_alive():
        drawing.kill()
        drawing.join()
    if drawing.pid is not None:  # a child killed while writing leaves its partial file behind
        target.with_name(f"{target.name}.{drawing.pid}.part").unlink(missing_ok=True)
    if drawing.exitcode == 0 and _preview_copy(target):
        return target
    # Printed, as validation's warnings are: MkDocs hides its info log, and in strict mode a
    # logged warning would stop the build this icon keeps going.
    limit = f"{PREVIEW_SECONDS:g}"
    warning = Problem.at(source, 1, 1, "", "pdf_preview_failed", "warning", value=source.name, limit=limit)
    print(warning.format(), file=sys.stderr, flush=True)
    return placeholder(cache_dir)


def _draw_first_page(source: Path, target: Path) -> None:
    """In the child process: draw page 1 of ``source`` into ``target``. A failure is its exit
    code only: the warning the parent prints says it, with no traceback. The alarm ends it
    even when the build that started it was killed and can no longer do so."""
    import pypdfium2 as pdfium

    signal.alarm(math.ceil(PREVIEW_SECONDS) + 5)
    try:
        document = pdfium.PdfDocument(source)
        try:
            page = document[0]
            width, height = page.get_size()
            scale = min(PREVIEW_WIDTH / width, PREVIEW_MAX_HEIGHT / height)
            bitmap = page.render(scale=scale, may_draw_forms=False, draw_annots=False)
            write_cached(target, lambda path: bitmap.to_pil().save(path, "PNG"))
        finally:
            document.close()
    except Exception:  # pdfium and Pillow raise several kinds for a page they cannot draw
        raise SystemExit(1) from None


def placeholder(cache_dir: Path) -> Path:
    """A plain page with a folded corner and "PDF" on it, the size of an A4 page's preview:
    drawn here, so it is the same for every PDF whose first page cannot be drawn."""
    from PIL import Image, ImageDraw, ImageFont

    target = cache_dir / f"pdf-placeholder-{PREVIEW_WIDTH}.png"
    if _preview_copy(target):
        return target
    width, height = PLACEHOLDER_SIZE
    fold = width // 5
    icon = Image.new("RGB", PLACEHOLDER_SIZE, (238, 240, 243))
    draw = ImageDraw.Draw(icon)
    margin = width // 10
    outline = (90, 98, 110)
    page = [(margin, margin), (width - margin - fold, margin), (width - margin, margin + fold)]
    page += [(width - margin, height - margin), (margin, height - margin)]
    draw.polygon(page, fill="white", outline=outline, width=8)
    corner = [(width - margin - fold, margin), (width - margin - fold, margin + fold)]
    draw.line([*corner, (width - margin, margin + fold)], fill=outline, width=8)
    font = ImageFont.load_default(size=width // 5)
    draw.text((width / 2, height / 2), "PDF", fill=(196, 30, 58), font=font, anchor="mm")
    write_cached(target, lambda path: icon.save(path, "PNG"))
    return target


def _preview_copy(path: Path) -> bool:
    """Whether a cached preview is a PNG of a size we draw; anything else is drawn anew."""
    from PIL import Image

    if not path.is_file() or committed(path):
        return False
    try:
        with Image.open(path) as image:
            fits = image.width <= PREVIEW_WIDTH + 1 and image.height <= PREVIEW_MAX_HEIGHT + 1
            return bool(image.format == "PNG" and fits)
    except Exception:  # anything that does not open is made anew
        return False
