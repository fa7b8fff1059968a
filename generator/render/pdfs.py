"""Published PDFs: a copy with nothing that runs or carries other files, and a first-page preview.

A submitted PDF may hold JavaScript, actions that open other files or programs, forms that
send data, attachments and multimedia: none of that belongs in a scanned flowchart, and a
citizen's PDF viewer would run it. Annotations (notes, links) and bookmarks may hold a
citizen's ID or phone number that the privacy check, which reads the pages' text, never sees.
The published copy keeps the pages' own content only. A cached copy is checked again before
it is published (the build cache may hold files a pull request committed), and made anew when
it is not clean.

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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf

from generator.problems import Problem
from generator.render.images import committed, write_cached

PREVIEW_WIDTH = 960  # px: twice the largest thumbnail, so thumbnails are sharp
PREVIEW_MAX_HEIGHT = 4 * PREVIEW_WIDTH  # a very tall page is drawn narrower, never larger
PREVIEW_SECONDS = 20.0  # an ordinary scan's first page draws in well under a second
PLACEHOLDER_SIZE = (PREVIEW_WIDTH, round(PREVIEW_WIDTH * 2**0.5))  # an A4 page, upright
# Keys that hold scripts, automatic actions, forms, attachments or multimedia, wherever they are.
ACTIVE_KEYS = frozenset(
    {
        "/JavaScript",
        "/JS",
        "/OpenAction",
        "/AA",
        "/AcroForm",
        "/XFA",
        "/EmbeddedFiles",
        "/EmbeddedFile",
        "/EF",
        "/RF",
        "/AF",
        "/Collection",
        "/RichMediaContent",
        "/RichMediaSettings",
    }
)
ACTION_KEYS = ("/A", "/PA", "/Next")  # where an action (or the next one of a chain) is kept
SAFE_ACTIONS = frozenset({"/GoTo", "/URI"})  # a place in this document, or a web link
UNSAFE_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/SubmitForm",
        "/ImportData",
        "/ResetForm",
        "/GoToR",
        "/GoToE",
        "/Rendition",
        "/RichMediaExecute",
        "/Movie",
        "/Sound",
        "/Hide",
        "/SetOCGState",
        "/Thread",
        "/Trans",
        "/GoTo3DView",
        "/Named",
    }
)
WEB_SCHEMES = (b"http://", b"https://")
# What the document holds besides its pages: bookmarks, named places, page labels, XMP.
DOCUMENT_EXTRAS = ("/Outlines", "/Names", "/Dests", "/PageLabels", "/Threads", "/Metadata", "/PageMode")
# Form fields go with the form; the others play media or hold files.
ACTIVE_ANNOTATIONS = frozenset(
    {"/Widget", "/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"}
)


def clean_pdf(source: Path, cache_dir: Path) -> Path:
    """A copy of a PDF without active content, attachments, document information or XMP."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = cache_dir / f"{digest}-clean.pdf"
    if not _clean_copy(target):
        with pikepdf.open(source) as pdf:
            clean(pdf)
            write_cached(target, lambda path: pdf.save(path, deterministic_id=True, encryption=False))
    return target


def clean(pdf: pikepdf.Pdf) -> None:
    """Leave ``pdf`` (in memory) with its pages' content only: validation runs this very code, so
    a file it cannot clean is refused there, never a traceback in the build."""
    strip_active_content(pdf)
    for page in pdf.pages:
        if "/Annots" in page.obj:
            del page.obj.Annots
    for key in DOCUMENT_EXTRAS:
        if key in pdf.Root:
            del pdf.Root[key]
    for key in list(pdf.docinfo.keys()):
        del pdf.docinfo[key]


def _clean_copy(path: Path) -> bool:
    """Whether ``path`` is a PDF we could have written: opens, holds nothing active, no metadata."""
    if not path.is_file() or committed(path):
        return False
    try:
        with pikepdf.open(path) as pdf:
            return not pdf.is_encrypted and not active_content(pdf) and not _extras(pdf)
    except Exception:  # anything that does not open is made anew
        return False


def _extras(pdf: pikepdf.Pdf) -> bool:
    """Whether ``pdf`` holds anything besides its pages' content: annotations, bookmarks..."""
    annotated = any("/Annots" in page.obj for page in pdf.pages)
    return annotated or any(key in pdf.Root for key in DOCUMENT_EXTRAS) or bool(dict(pdf.docinfo))


def strip_active_content(pdf: pikepdf.Pdf) -> None:
    """Remove scripts, automatic and unsafe actions, forms, attachments and multimedia."""
    for page in pdf.pages:
        if isinstance(page.obj.get("/Annots"), pikepdf.Array):
            kept = [a for a in page.obj.Annots if _subtype(a) not in ACTIVE_ANNOTATIONS]
            page.obj.Annots = pikepdf.Array(kept)
    for dictionary in _dictionaries(pdf):
        for key in list(dictionary.keys()):
            if _active(key, dictionary[key]):
                del dictionary[key]


def active_content(pdf: pikepdf.Pdf) -> list[str]:
    """Every active thing left in ``pdf``, named by its key or kind: empty for a clean copy."""
    found = []
    for dictionary in _dictionaries(pdf):
        keys = dictionary.keys()  # a stream's dictionary too: iterating a stream is not its keys
        found += [key for key in keys if _active(key, dictionary[key])]
        if (
            _subtype(dictionary) in ACTIVE_ANNOTATIONS
            and _name(dictionary.get("/Type", pikepdf.Name.Annot)) == "/Annot"
        ):
            found.append(str(_subtype(dictionary)))
    return found


def _active(key: str, value: Any) -> bool:
    """Whether ``key`` holds a script, an attachment, a form, or an action that is not safe."""
    if key in ACTIVE_KEYS:
        return True
    if key in ACTION_KEYS:
        return not _safe_action(value)
    return isinstance(value, pikepdf.Dictionary) and _name(value.get("/S")) in UNSAFE_ACTIONS


def _safe_action(action: Any) -> bool:
    """A jump inside the document, or a link to a web page; nothing chained after it."""
    if not isinstance(action, pikepdf.Dictionary) or "/Next" in action:
        return False
    kind = _name(action.get("/S"))
    if kind not in SAFE_ACTIONS:
        return False
    if kind == "/URI":
        uri = action.get("/URI")
        return isinstance(uri, pikepdf.String) and bytes(uri).strip().lower().startswith(WEB_SCHEMES)
    return True


def _subtype(annotation: Any) -> str | None:
    return _name(annotation.get("/Subtype")) if isinstance(annotation, pikepdf.Dictionary) else None


def _name(value: Any) -> str | None:
    """``value`` as a name such as ``/S``, or None for anything else (a font, an array...): a
    file may put any object where a name belongs, and most of them cannot be hashed."""
    return str(value) if isinstance(value, pikepdf.Name) else None


def _dictionaries(pdf: pikepdf.Pdf) -> Iterator[Any]:
    """Every dictionary of the file, indirect or nested, including the trailer and streams'."""
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [pdf.trailer, *pdf.objects]
    while stack:
        item = stack.pop()
        if not isinstance(item, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)):
            continue
        if item.is_indirect:
            if item.objgen in seen:
                continue
            seen.add(item.objgen)
        if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
            yield item
            stack.extend(item.values())
        elif isinstance(item, pikepdf.Array):
            stack.extend(item)


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
