"""Published copies of submitted photos: resized to the sizes pages use, every metadata gone.

Originals never reach the site. Each photo becomes WebP (the modern format) and JPEG (the
fallback) at a few widths, re-encoded from pixels only, so EXIF, GPS and XMP cannot survive.
Copies are cached by the original's content, so a rebuild converts only what changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageOps

PHOTO_WIDTHS = (480, 960, 1600)
THUMBNAIL_WIDTHS = (240, 480)
LOGO_WIDTHS = (128, 256)
FORMATS = (("webp", "WEBP", "image/webp"), ("jpg", "JPEG", "image/jpeg"))
QUALITY = 78
MAX_SIDE = 16383  # WebP's largest width or height
_PIL_FORMATS = {mime: pil_format for _, pil_format, mime in FORMATS}
_ORIENTATION = 0x0112  # EXIF: how the camera was held
_TURNED = (5, 6, 7, 8)  # orientations that swap width and height


@dataclass(frozen=True)
class Variant:
    """One published file of a photo."""

    path: str
    width: int
    height: int
    mime: str
    cached: Path


@dataclass(frozen=True)
class ImageSet:
    """Every published copy of one photo, for a ``<picture>`` element."""

    variants: tuple[Variant, ...]

    def of(self, mime: str) -> list[Variant]:
        return [v for v in self.variants if v.mime == mime]

    def srcset(self, mime: str) -> str:
        return ", ".join(f"{v.path} {v.width}w" for v in self.of(mime))

    @property
    def fallback(self) -> Variant:
        """The largest JPEG: the ``src`` every browser shows, and the enlarged view."""
        return self.of("image/jpeg")[-1]


def image_set(
    source: Path, site_stem: str, cache_dir: Path, widths: tuple[int, ...] = PHOTO_WIDTHS
) -> ImageSet:
    """Plan and write (once) the copies of ``source``; ``site_stem`` is its site path without suffix."""
    stat = source.stat()
    return _image_set(source.resolve(), stat.st_mtime_ns, stat.st_size, site_stem, cache_dir, widths)


@cache
def _image_set(
    source: Path, _mtime: int, _size: int, site_stem: str, cache_dir: Path, widths: tuple[int, ...]
) -> ImageSet:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    with Image.open(source) as opened:  # reads the header only: a cached photo is never decoded
        width, height = opened.size
        if opened.getexif().get(_ORIENTATION, 1) in _TURNED:
            width, height = height, width
        variants = []
        for extension, _, mime in FORMATS:
            for target in sorted({min(w, width) for w in widths}):
                size = _fitted(target, width, height)
                cached = cache_dir / f"{digest}-{target}.{extension}"
                variants.append(Variant(f"{site_stem}-{target}.{extension}", *size, mime, cached))
        missing = [v for v in variants if not _cached_copy(v)]
        if missing:
            picture = ImageOps.exif_transpose(opened)
            for variant in missing:
                _write(picture, (variant.width, variant.height), _PIL_FORMATS[variant.mime], variant.cached)
    return ImageSet(tuple(variants))


def _cached_copy(variant: Variant) -> bool:
    """Whether the cache holds this copy: an image of the variant's format and size. Anything
    else there (a file a pull request committed under the cache, a half-written one) is made anew.
    Read from the first bytes only: a build checks every copy of every photo."""
    try:
        with variant.cached.open("rb") as handle:
            head = handle.read(32)
    except OSError:
        return False
    if variant.mime == "image/webp":
        fits = _webp_size(head) == (variant.width, variant.height)
    else:
        fits = head.startswith(b"\xff\xd8\xff") and _jpeg_size(variant.cached) == (
            variant.width,
            variant.height,
        )
    return fits and not committed(variant.cached)


def _webp_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from a WebP file's first chunk header (lossy, lossless or extended)."""
    if head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        return None
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        return int.from_bytes(head[26:28], "little") & 0x3FFF, int.from_bytes(head[28:30], "little") & 0x3FFF
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
    return None


def _jpeg_size(path: Path) -> tuple[int, int] | None:
    try:
        with Image.open(path, formats=["JPEG"]) as copy:
            return copy.size
    except Exception:  # not a JPEG after all: convert again
        return None


def committed(path: Path) -> bool:
    """Whether a build-cache file is in git: the cache is never committed, so a pull request put
    it there (``git add -f``) and it is made anew rather than trusted, whatever it holds."""
    tracked = _tracked(path.parent)
    return bool(tracked) and path.resolve() in tracked


@cache
def _tracked(folder: Path) -> frozenset[Path]:
    """The files git tracks in ``folder``, asked once per build; none outside a repository."""
    try:
        done = subprocess.run(["git", "-C", str(folder), "ls-files", "-z"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return frozenset()
    folder = folder.resolve()
    return frozenset((folder / name).resolve() for name in os.fsdecode(done.stdout).split("\0") if name)


def _fitted(target: int, width: int, height: int) -> tuple[int, int]:
    """``target`` wide at the photo's proportions, but never taller than WebP can hold: a strip
    of a photo 100 px wide and 20,000 px tall is narrowed instead."""
    tall = max(1, round(height * target / width))
    if tall <= MAX_SIDE:
        return target, tall
    return max(1, round(target * MAX_SIDE / tall)), MAX_SIDE


def _write(picture: Image.Image, size: tuple[int, int], pil_format: str, target: Path) -> None:
    """Only pixels are written: a new image carries no EXIF, GPS, XMP, ICC or comments."""
    resized = picture.convert("RGBA").resize(size, Image.Resampling.LANCZOS)
    if pil_format == "JPEG":
        flat = Image.new("RGB", size, "white")
        flat.paste(resized, mask=resized.getchannel("A"))
        resized = flat
    clean = Image.new(resized.mode, size)
    clean.paste(resized)
    options = {"quality": QUALITY, "optimize": pil_format == "JPEG", "method": 4}
    write_cached(target, lambda path: clean.save(path, pil_format, **options))


def write_cached(target: Path, write: Callable[[Path], object]) -> None:
    """Put a file into the build cache whole: ``write`` fills a name of this process's own,
    renamed into place, so builds running side by side never see or clash on a half file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    write(partial)
    partial.replace(target)
