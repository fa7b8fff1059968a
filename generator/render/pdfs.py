"""Published PDFs: a copy with nothing that runs or carries other files, and a first-page preview.

A submitted PDF may hold JavaScript, actions that open other files or programs, forms that
send data, attachments and multimedia: none of that belongs in a scanned flowchart, and a
citizen's PDF viewer would run it. The published copy keeps the pages' own content and plain
web links only. A cached copy is checked again before it is published (the build cache may hold
files a pull request committed), and made anew when it is not clean.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf

from generator.render.images import committed, write_cached

PREVIEW_WIDTH = 960  # px: twice the largest thumbnail, so thumbnails are sharp
PREVIEW_MAX_HEIGHT = 4 * PREVIEW_WIDTH  # a very tall page is drawn narrower, never larger
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
            strip_active_content(pdf)
            for key in list(pdf.docinfo.keys()):
                del pdf.docinfo[key]
            if "/Metadata" in pdf.Root:
                del pdf.Root.Metadata
            write_cached(target, lambda path: pdf.save(path, deterministic_id=True, encryption=False))
    return target


def _clean_copy(path: Path) -> bool:
    """Whether ``path`` is a PDF we could have written: opens, holds nothing active, no metadata."""
    if not path.is_file() or committed(path):
        return False
    try:
        with pikepdf.open(path) as pdf:
            return not pdf.is_encrypted and not active_content(pdf) and not dict(pdf.docinfo)
    except Exception:  # anything that does not open is made anew
        return False


def strip_active_content(pdf: pikepdf.Pdf) -> None:
    """Remove scripts, automatic and unsafe actions, forms, attachments and multimedia."""
    for page in pdf.pages:
        if "/Annots" in page.obj:
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
        if _subtype(dictionary) in ACTIVE_ANNOTATIONS and dictionary.get("/Type", "/Annot") == "/Annot":
            found.append(str(_subtype(dictionary)))
    return found


def _active(key: str, value: Any) -> bool:
    """Whether ``key`` holds a script, an attachment, a form, or an action that is not safe."""
    if key in ACTIVE_KEYS:
        return True
    if key in ACTION_KEYS:
        return not _safe_action(value)
    return isinstance(value, pikepdf.Dictionary) and value.get("/S") in UNSAFE_ACTIONS


def _safe_action(action: Any) -> bool:
    """A jump inside the document, or a link to a web page; nothing chained after it."""
    if not isinstance(action, pikepdf.Dictionary) or "/Next" in action:
        return False
    kind = action.get("/S")
    if kind not in SAFE_ACTIONS:
        return False
    if kind == "/URI":
        uri = action.get("/URI")
        return isinstance(uri, pikepdf.String) and bytes(uri).strip().lower().startswith(WEB_SCHEMES)
    return True


def _subtype(annotation: Any) -> Any:
    return annotation.get("/Subtype") if isinstance(annotation, pikepdf.Dictionary) else None


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
    """The first page of a PDF as a PNG at most ``PREVIEW_WIDTH`` wide, whatever its page size."""
    import pypdfium2 as pdfium

    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = cache_dir / f"{digest}-page1-{PREVIEW_WIDTH}.png"
    if _preview_copy(target):
        return target
    document = pdfium.PdfDocument(source)
    try:
        page = document[0]
        width, height = page.get_size()
        scale = min(PREVIEW_WIDTH / width, PREVIEW_MAX_HEIGHT / height)
        bitmap = page.render(scale=scale, may_draw_forms=False)
        write_cached(target, lambda path: bitmap.to_pil().save(path, "PNG"))
    finally:
        document.close()
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
