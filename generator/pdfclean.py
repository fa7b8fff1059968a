"""What a published PDF may hold: its pages' content, and nothing that runs, sends or carries.

A submitted PDF may hold JavaScript, actions that open other files or programs, forms that
send data, attachments and multimedia: none of that belongs in a scanned flowchart, and a
citizen's PDF viewer would run it. Annotations (notes, links) and bookmarks may hold a
citizen's ID or phone number that the privacy check, which reads the pages' text, never sees.
Validation cleans every PDF in memory with ``clean`` (a file it cannot clean is refused there);
publishing writes the cleaned copy (``generator.render.pdfs``) and checks cached copies with
``is_clean``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pikepdf

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


def is_clean(pdf: pikepdf.Pdf) -> bool:
    """Whether ``pdf`` is what ``clean`` leaves: nothing active, nothing besides its pages."""
    return not pdf.is_encrypted and not active_content(pdf) and not _extras(pdf)


def _extras(pdf: pikepdf.Pdf) -> bool:
    """Whether ``pdf`` holds anything besides its pages' content: annotations, bookmarks..."""
    annotated = any("/Annots" in page.obj for page in pdf.pages)
    return annotated or any(key in pdf.Root for key in DOCUMENT_EXTRAS) or bool(dict(pdf.docinfo))


def strip_active_content(pdf: pikepdf.Pdf) -> None:
    """Remove scripts, automatic and unsafe actions, forms, attachments and multimedia, wherever
    they are (``clean`` removes annotations, which hold most of them, as a whole)."""
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
