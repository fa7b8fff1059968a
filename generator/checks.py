"""Checks beyond the format: files referred to, personal data, translations, years.

Each takes a loaded file and every value of its validated model (``walk``, done once for all
checks) and returns problems at the right lines.
"""

from __future__ import annotations

import functools
import hashlib
import os
import warnings
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from generator import privacy
from generator.fields import BiText, FileReference, Photo
from generator.loader import LoadedFile
from generator.model import ListeningChannel, PhoneNumber, Report
from generator.problems import FieldPath, Problem

Values = list[tuple[FieldPath, object]]
FileProblems = list[tuple[str, dict[str, Any]]]  # message codes and their values

_MAGIC = {
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "webp": (b"RIFF",),
    "pdf": (b"%PDF",),
}
PHOTO_TYPES = ("jpeg", "png", "webp")
MAX_FILE_BYTES = 20_000_000
MAX_PIXELS = 40_000_000
MAX_PDF_PAGES = 100
MAX_PAGE_MM = 1_500  # A0 is 841 x 1189 mm; a PDF may declare 5 m
MAX_PAGE_POINTS = MAX_PAGE_MM / 25.4 * 72
MIN_PAGE_POINTS = 36.0  # half an inch
CHECKS_VERSION = 1  # raise when what a file must pass changes, so every file is checked again
# Files known to read whole on this machine: in the user's cache folder, outside every repository.
CHECKED = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "category3" / "checked-files"
CONTACT_TEXTS = ("detail", "complaints")  # fields that should hold only the agency's own contacts
ATTACHMENT_TYPES = (*PHOTO_TYPES, "pdf")


def file_references(loaded: LoadedFile, values: Values) -> list[Problem]:
    """Every photo and attachment must be a file of an allowed type inside the agency folder."""
    folder = loaded.path.parent.resolve()
    problems = []
    for loc, value in values:
        if not isinstance(value, FileReference):
            continue
        where = (*loc, "file")
        line, col = loaded.locate(where)
        relative = Path(value.file)
        if not value.file.strip() or any(ord(ch) < 32 for ch in value.file):
            problems.append(Problem.at(loaded.path, line, col, where, "missing_file", value=value.file))
            continue
        target = (folder / relative).resolve()
        if relative.is_absolute() or ".." in relative.parts or not target.is_relative_to(folder):
            problems.append(Problem.at(loaded.path, line, col, where, "path_outside", value=value.file))
        elif not target.is_file():
            problems.append(Problem.at(loaded.path, line, col, where, "missing_file", value=value.file))
        else:
            problems += _file_content(loaded, where, value, target)
    return problems


def file_type(path: Path) -> str | None:
    """The type a file's first bytes show, whatever its name says: every stage decides by this."""
    with path.open("rb") as handle:
        head = handle.read(16)
    for kind, signatures in _MAGIC.items():
        if any(head.startswith(s) for s in signatures):
            if kind == "webp" and head[8:12] != b"WEBP":
                continue
            return kind
    return None


def _file_content(loaded: LoadedFile, where: FieldPath, ref: FileReference, target: Path) -> list[Problem]:
    """The file's type by its content, its size, and its whole content read as the build will."""
    line, col = loaded.locate(where)
    at = functools.partial(Problem.at, loaded.path, line, col, where, value=ref.file)
    allowed = PHOTO_TYPES if isinstance(ref, Photo) else ATTACHMENT_TYPES
    kind = file_type(target)
    if kind not in allowed:
        return [at("file_type", allowed=", ".join(allowed))]
    size = target.stat().st_size
    if size > MAX_FILE_BYTES:
        return [at("file_too_big", detail=f"{size / 1e6:.1f} MB", limit=f"{MAX_FILE_BYTES / 1e6:.0f} MB")]
    if kind == "pdf":
        return [at(code, **context) for code, context in _checked_once(target, "pdf", pdf_problems)]
    pixels = _pixels(target)
    if pixels is None:
        return [at("image_unreadable")]
    if pixels > MAX_PIXELS:
        return [at("image_too_large", detail=f"{pixels / 1e6:,.0f} MP", limit=f"{MAX_PIXELS / 1e6:.0f} MP")]
    return [at(code, **context) for code, context in _checked_once(target, "image", _image_problems)]


def _pixels(path: Path) -> int | None:
    """Width x height from the image's header, without decoding it; None if it cannot be read."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                return int(image.width * image.height)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return 2 * (Image.MAX_IMAGE_PIXELS or MAX_PIXELS)
        except Exception:  # a damaged header raises whatever its parser meets
            return None


def _checked_once(path: Path, kind: str, check: Callable[[Path], FileProblems]) -> FileProblems:
    """``check(path)``, remembered when it passed: a province's photos are decoded (about 15 ms
    each) and its PDFs opened on the first check on a machine only. The record names the file
    as this machine sees it (device, inode, size, times of change) and the libraries that read
    it, and is kept in the user's cache folder, where no pull request can write."""
    stat = path.stat()
    seen = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    identity = f"{kind} {CHECKS_VERSION} {seen} {_libraries()}"
    name = hashlib.sha256(identity.encode()).hexdigest()
    record = CHECKED / name[:2] / name
    if record.exists():
        return []
    problems = check(path)
    if not problems:
        try:
            record.parent.mkdir(parents=True, exist_ok=True)
            record.touch()
        except OSError:  # a read-only home: check again next time
            pass
    return problems


@functools.cache
def _libraries() -> str:
    return " ".join(f"{name}={metadata.version(name)}" for name in ("pillow", "pikepdf", "pypdfium2"))


def _image_problems(path: Path) -> FileProblems:
    return [] if _decodes(path) else [("image_unreadable", {})]


def _decodes(path: Path) -> bool:
    """Whether every byte of the image decodes, as the build's conversion will read it.

    A JPEG is decoded at 1/8 scale (draft mode): the whole compressed stream is still read, so
    a truncated or damaged file is found, in about a third of a full decode's time.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # only whether it decodes matters here
        try:
            with Image.open(path) as image:
                if image.format in ("JPEG", "MPO"):
                    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
                ImageOps.exif_transpose(image).convert("RGBA")
        except Exception:  # a damaged file raises whatever its decoder meets
            return False
    return True


def pdf_problems(path: Path) -> FileProblems:
    """What stops a PDF from being cleaned and previewed: damage, a password, too many or too
    large pages. Opened with both libraries the build uses (pikepdf cleans, pdfium previews)."""
    import pikepdf
    import pypdfium2 as pdfium

    try:
        with pikepdf.open(path) as pdf:
            if pdf.is_encrypted:
                return [("pdf_encrypted", {})]
    except pikepdf.PasswordError:
        return [("pdf_encrypted", {})]
    except Exception:  # qpdf and pdfium raise several kinds for a damaged file
        return [("pdf_unreadable", {})]
    try:
        document = pdfium.PdfDocument(path)
    except Exception:
        return [("pdf_unreadable", {})]
    try:
        return _pdf_pages(document) or _pdf_text(document)
    finally:
        document.close()


def _pdf_pages(document: Any) -> FileProblems:
    """Page count and every page's size within bounds: a preview must never need gigabytes."""
    pages = len(document)
    if pages < 1:
        return [("pdf_unreadable", {})]
    if pages > MAX_PDF_PAGES:
        return [("pdf_too_many_pages", {"detail": pages, "limit": MAX_PDF_PAGES})]
    try:
        document[0].close()  # the preview's page must load
        sizes = [document.get_page_size(index) for index in range(pages)]
    except Exception:
        return [("pdf_unreadable", {})]
    for width, height in sizes:
        if not (MIN_PAGE_POINTS <= width <= MAX_PAGE_POINTS and MIN_PAGE_POINTS <= height <= MAX_PAGE_POINTS):
            detail = f"{width / 72 * 25.4:,.0f} x {height / 72 * 25.4:,.0f} mm"
            return [("pdf_page_size", {"detail": detail, "limit": MAX_PAGE_MM})]
    return []


def _pdf_text(document: Any) -> FileProblems:
    """National ID numbers in the PDF's text, like in any other text (a scan without a text
    layer has none to read: the clerk's checklist asks to black them out before scanning)."""
    found: list[str] = []
    try:
        for index in range(len(document)):
            found += privacy.national_ids(document[index].get_textpage().get_text_range())
    except Exception:  # a page whose text cannot be read
        return [("pdf_unreadable", {})]
    return [("pdf_national_id", {"detail": ", ".join(dict.fromkeys(found))})] if found else []


def private_data(loaded: LoadedFile, values: Values) -> list[Problem]:
    """National ID numbers anywhere; mobiles where only the agency's own contacts belong."""
    problems: list[Problem] = []
    for loc, value in values:
        if isinstance(value, BiText):
            texts = [value.th, value.en or ""]
        elif isinstance(value, str) and loc[-1:] not in (
            ("th",),
            ("en",),
        ):  # a BiText's own text is seen above
            texts = [value]
        else:
            texts = []
        for text in texts:
            for masked in privacy.national_ids(text):
                at = loaded.locate(loc)
                problems.append(Problem.at(loaded.path, *at, loc, "national_id", value=masked))
        if isinstance(value, PhoneNumber) and not value.official:
            where = (*loc, "number")
            for masked in privacy.mobiles(value.number):
                problems.append(
                    Problem.at(loaded.path, *loaded.locate(where), where, "private_mobile", value=masked)
                )
        if loc and loc[-1] in CONTACT_TEXTS and isinstance(value, BiText):
            for masked in privacy.mobiles(f"{value.th} {value.en or ''}"):
                problems.append(
                    Problem.at(loaded.path, *loaded.locate(loc), loc, "private_mobile_text", value=masked)
                )
    return problems


def translation_warnings(loaded: LoadedFile, values: Values) -> list[Problem]:
    """A file with no English gets one warning; a partly translated one, a warning per text."""
    texts = [(loc, v) for loc, v in values if isinstance(v, BiText)]
    missing = [loc for loc, text in texts if not text.en]
    if not texts or not missing:
        return []
    if len(missing) == len(texts):
        return [Problem.at(loaded.path, 1, 1, "", "no_english", severity="warning")]
    return [
        Problem.at(loaded.path, *loaded.locate(loc), loc, "english_missing", severity="warning")
        for loc in missing
    ]


def report_checks(loaded: LoadedFile, report: Report) -> list[Problem]:
    """Checks across fields of one report: statistics for years after the report's own."""
    year = int(loaded.path.stem)
    problems: list[Problem] = []
    for index, channel in enumerate(report.listening_channels):
        for stat_year in _later_years(channel, year):
            loc: FieldPath = ("listening_channels", index, "statistics", str(stat_year))
            problems.append(
                Problem.at(
                    loaded.path,
                    *loaded.locate(loc),
                    loc,
                    "year_after_report",
                    severity="warning",
                    value=stat_year,
                    report=year,
                )
            )
    return problems


def _later_years(channel: ListeningChannel, year: int) -> list[int]:
    return [y for y in channel.statistics if y > year]
