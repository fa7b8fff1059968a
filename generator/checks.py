"""Checks beyond the format: files referred to, personal data, translations, years.

Each takes a loaded file and every value of its validated model (``walk``, done once for all
checks) and returns problems at the right lines.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import warnings
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps
from pydantic_core import PydanticCustomError

from generator import pdfclean, privacy, tree
from generator.fields import BiText, FileReference, Photo, parse_flag
from generator.loader import LoadedFile, LoadError, load_yaml
from generator.model import ListeningChannel, Report
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
CHECKS_VERSION = 2  # raise when what a file must pass changes, so every file is checked again
# Files known to read whole on this machine: in the user's cache folder, outside every repository.
CHECKED = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "category3" / "checked-files"
ATTACHMENT_TYPES = (*PHOTO_TYPES, "pdf")
MAX_NAMES_READ = 10_000  # files and folders of one agency whose names are checked


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
    large pages. Opened with both libraries the build uses (pikepdf cleans, pdfium previews),
    and cleaned in memory by the build's own code, so whatever fails there fails here."""
    import pikepdf
    import pypdfium2 as pdfium

    try:
        with pikepdf.open(path) as pdf:
            if pdf.is_encrypted:
                return [("pdf_encrypted", {})]
            pdfclean.clean(pdf)
    except pikepdf.PasswordError:
        return [("pdf_encrypted", {})]
    except Exception:  # qpdf and pdfium raise several kinds for a damaged file
        return [("pdf_unreadable", {})]
    try:
        document = pdfium.PdfDocument(path)
    except Exception:
        return [("pdf_unreadable", {})]
    try:
        return _pdf_pages(document)
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


def private_data(loaded: LoadedFile, values: Values) -> list[Problem]:
    """No national ID number anywhere a submission writes, and no mobile but the agency's official ones.

    Every string of the file is read as it was written (before any normalization could hide a
    digit), then the text of every PDF it refers to and, once per agency, every name in its folder.
    """
    official: Official = (
        _remember_official(loaded)
        if loaded.path.name == "agency.yml"
        else _official_mobiles(loaded.path.parent / "agency.yml")
    )
    problems: list[Problem] = []
    for loc, text in _strings(loaded.data, ()):
        problems += _numbers_problems(loaded, loc, text, official)
    for loc, value in values:
        if isinstance(value, FileReference) and not isinstance(value, Photo):  # photos are never PDFs
            problems += _pdf_problems(loaded, (*loc, "file"), value, official)
    if loaded.path.name == "agency.yml":
        problems += _name_problems(loaded.path, official)
    return problems


def _strings(data: object, loc: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    """Every string a loaded file holds, with where it sits (the loader keeps every scalar as text)."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, item in data.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _strings(item, (*loc, index))


def _numbers_problems(loaded: LoadedFile, loc: FieldPath, text: str, official: Official) -> list[Problem]:
    """A text's national IDs and unofficial mobiles; a file's name gets its own message."""
    found_here = privacy.find(text)
    if not found_here:
        return []
    at = functools.partial(Problem.at, loaded.path, *loaded.locate(loc), loc)
    problems = []
    is_phone = len(loc) == 4 and loc[:2] == ("contacts", "phones") and loc[-1] == "number"
    for found in found_here:
        if found.kind == "mobile" and _declared(found.digits, official):
            continue
        if loc[-1:] == ("file",):
            problems.append(at(f"{found.kind}_in_name", value=privacy.redact(text)))
        elif found.kind == "national_id":
            problems.append(
                at("national_id_among_numbers" if found.among_numbers else "national_id", value=found.masked)
            )
        else:
            problems.append(at("private_mobile" if is_phone else "mobile_not_official", value=found.masked))
    return problems


Official = frozenset[str] | None
_OFFICIAL: dict[tuple[str, int, int], frozenset[str]] = {}
"""Official mobiles by agency file version: read with the agency file, used by its reports."""


def _official_mobiles(agency_file: Path) -> Official:
    """The mobiles an agency declares its own official lines: ``official: true`` in its phones;
    None when its agency file cannot be read, whose own error then stops the agency."""
    try:
        key = _version(agency_file)
    except OSError:
        return None
    if key not in _OFFICIAL:
        try:
            _OFFICIAL[key] = _official_in(load_yaml(agency_file).data)
        except (LoadError, OSError):
            return None
    return _OFFICIAL[key]


def _declared(mobile: str, official: Official) -> bool:
    """Whether ``mobile`` is one of the agency's official lines; any is, while they are unknown,
    so that one mistake in the agency file is not reported again at every use of its number."""
    return official is None or mobile in official


def _remember_official(loaded: LoadedFile) -> frozenset[str]:
    """The agency file is read before its reports: keep its official mobiles for them."""
    official = _official_in(loaded.data)
    if len(_OFFICIAL) > 1024:
        _OFFICIAL.clear()
    with contextlib.suppress(OSError):
        _OFFICIAL[_version(loaded.path)] = official
    return official


def _version(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


def _official_in(data: object) -> frozenset[str]:
    mobiles = (privacy.mobile_digits(str(phone["number"])) for phone in _phones(data) if _official(phone))
    return frozenset(m for m in mobiles if m)


def _phones(data: object) -> list[dict[str, object]]:
    """The phone entries of a loaded agency file, whatever else is wrong with it."""
    contacts = data.get("contacts") if isinstance(data, dict) else None
    phones = contacts.get("phones") if isinstance(contacts, dict) else None
    if not isinstance(phones, list):
        return []
    return [p for p in phones if isinstance(p, dict) and isinstance(p.get("number"), str)]


def _official(phone: dict[str, object]) -> bool:
    """``true`` declares a line official. A value the model refuses (``yes``) gets its own error
    there; the number is taken as declared rather than reported again at each use."""
    try:
        return parse_flag(phone.get("official", "false"))
    except PydanticCustomError:
        return True


def _pdf_problems(
    loaded: LoadedFile, where: FieldPath, ref: FileReference, official: Official
) -> list[Problem]:
    """A PDF's text is published too: the problem points at the line that names it, with the page."""
    folder = loaded.path.parent.resolve()
    try:
        target = (folder / ref.file).resolve()
        if not target.is_relative_to(folder) or not target.is_file() or file_type(target) != "pdf":
            return []
        if target.stat().st_size > MAX_FILE_BYTES:
            return []
    except (OSError, ValueError):  # a name no file can have: file_references says so
        return []
    at = functools.partial(Problem.at, loaded.path, *loaded.locate(where), where)
    problems = []
    for page, text in privacy.pdf_pages(target):
        for found in privacy.find(text):
            if found.kind == "national_id" or not _declared(found.digits, official):
                problems.append(at(f"{found.kind}_in_pdf", value=found.masked, detail=page))
    return problems


def _name_problems(agency_file: Path, official: Official) -> list[Problem]:
    """The folder's name is in every address of the agency's pages; its files' names may be too."""
    folder = agency_file.parent
    problems = [
        Problem.at(folder, 1, 1, "", f"{found.kind}_in_name", value=privacy.redact(folder.name))
        for found in privacy.find(folder.name)
        if found.kind == "national_id" or not _declared(found.digits, official)
    ]
    for name in tree.names_under(folder, MAX_NAMES_READ):
        for found in privacy.find(name):
            if found.kind == "national_id" or not _declared(found.digits, official):
                problems.append(
                    Problem.at(agency_file, 1, 1, "", f"{found.kind}_in_name", value=privacy.redact(name))
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
