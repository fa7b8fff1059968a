"""Lists in the order a reader of the page's language expects to find a name in them.

Thai pages follow the Thai dictionary: ``เทศบาล`` files under ท, ``แขวง`` under ข, ``โรงเรียน``
under ร, not after every word that starts with a consonant as code points would put them.
English pages are alphabetical by the English name, letter case aside; a name not yet translated
sorts by its Thai after the English ones. Numbers inside names sort by value (``2`` before ``10``).

The order comes from ICU's collation, the ICU that icu4py ships and that already cuts Thai into
words for search. icu4py's Python API has no collator, so its ``ucol_*`` C functions are called
through ctypes: one ICU, no second copy of it to install or to keep in step.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import icu4py
from icu4py._version import icu_version_info

from generator.fields import BiText

T = TypeVar("T")
COLLATION_LOCALES = {"th": b"th@colNumeric=yes", "en": b"en@colNumeric=yes"}
_LIBRARY_FOLDERS = ("../icu4py.libs", ".dylibs", "../icu4py.dylibs")  # Linux, macOS wheels


def in_reading_order(items: Iterable[T], lang: str, name: Callable[[T], BiText | str]) -> list[T]:
    """``items`` sorted by ``name`` as a reader of ``lang`` expects; equal names keep their order."""
    return sorted(items, key=lambda item: reading_key(_shown(name(item), lang), lang))


def _shown(name: BiText | str, lang: str) -> str:
    """The name as the page shows it: the English one, or the Thai while it is untranslated."""
    return name.get(lang) if isinstance(name, BiText) else name


@functools.lru_cache(maxsize=65536)
def reading_key(text: str, lang: str) -> bytes:
    """ICU's sort key of ``text`` for ``lang``: comparing keys as bytes compares the texts."""
    collator, get_key = _collator(lang)
    source = text.encode("utf-16-le")
    units = len(source) // 2
    size = get_key(collator, source, units, None, 0)
    result = ctypes.create_string_buffer(size)
    get_key(collator, source, units, result, size)
    return result.raw[: size - 1]  # the key ends with a zero byte


@functools.cache
def _collator(lang: str) -> tuple[int, Any]:
    """An ICU collator for ``lang`` (kept for the process: collators are safe to share)."""
    library = ctypes.CDLL(str(_icu_library()))
    version = icu_version_info[0]
    open_collator = getattr(library, f"ucol_open_{version}")
    open_collator.restype = ctypes.c_void_p
    open_collator.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    get_key = getattr(library, f"ucol_getSortKey_{version}")
    get_key.restype = ctypes.c_int32
    get_key.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32]
    status = ctypes.c_int(0)
    collator = open_collator(COLLATION_LOCALES.get(lang, COLLATION_LOCALES["en"]), ctypes.byref(status))
    if status.value > 0 or not collator:  # ICU's errors are positive, its warnings negative
        raise RuntimeError(f"ICU could not open a collator for {lang!r} (error {status.value})")
    return collator, get_key


def _icu_library() -> Path:
    """The ICU i18n library inside the installed icu4py wheel."""
    package = Path(icu4py.__file__).parent
    for folder in _LIBRARY_FOLDERS:
        found = sorted((package / folder).resolve().glob("libicui18n*"))
        if found:
            return found[0]
    raise RuntimeError(f"icu4py's ICU library (libicui18n) was not found next to {package}")
