"""Checks beyond the format: files referred to, personal data, translations, years.

Each takes a loaded file and every value of its validated model (``walk``, done once for all
checks) and returns problems at the right lines.
"""

from __future__ import annotations

import functools
import warnings
from pathlib import Path

from PIL import Image

from generator import privacy
from generator.fields import BiText, FileReference, Photo
from generator.loader import LoadedFile
from generator.model import ListeningChannel, PhoneNumber, Report
from generator.problems import FieldPath, Problem

Values = list[tuple[FieldPath, object]]

_MAGIC = {
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "webp": (b"RIFF",),
    "pdf": (b"%PDF",),
}
PHOTO_TYPES = ("jpeg", "png", "webp")
MAX_FILE_BYTES = 20_000_000
MAX_PIXELS = 40_000_000
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


def _file_type(path: Path) -> str | None:
    """The type a file's first bytes show, whatever its name says."""
    with path.open("rb") as handle:
        head = handle.read(16)
    for kind, signatures in _MAGIC.items():
        if any(head.startswith(s) for s in signatures):
            if kind == "webp" and head[8:12] != b"WEBP":
                continue
            return kind
    return None


def _file_content(loaded: LoadedFile, where: FieldPath, ref: FileReference, target: Path) -> list[Problem]:
    """The file's type by its content, its size, and an image's pixels (decompression bombs)."""
    line, col = loaded.locate(where)
    at = functools.partial(Problem.at, loaded.path, line, col, where, value=ref.file)
    allowed = PHOTO_TYPES if isinstance(ref, Photo) else ATTACHMENT_TYPES
    kind = _file_type(target)
    if kind not in allowed:
        return [at("file_type", allowed=", ".join(allowed))]
    size = target.stat().st_size
    if size > MAX_FILE_BYTES:
        return [at("file_too_big", detail=f"{size / 1e6:.1f} MB", limit=f"{MAX_FILE_BYTES / 1e6:.0f} MB")]
    if kind == "pdf":
        return []
    pixels = _pixels(target)
    if pixels is None:
        return [at("image_unreadable")]
    if pixels > MAX_PIXELS:
        return [at("image_too_large", detail=f"{pixels / 1e6:,.0f} MP", limit=f"{MAX_PIXELS / 1e6:.0f} MP")]
    return []


def _pixels(path: Path) -> int | None:
    """Width x height from the image's header, without decoding it; None if it cannot be read."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                return int(image.width * image.height)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return 2 * (Image.MAX_IMAGE_PIXELS or MAX_PIXELS)
        except (OSError, ValueError):
            return None


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
