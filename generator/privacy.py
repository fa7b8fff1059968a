"""Personal data that must never be published: Thai national ID numbers and private mobiles.

Found numbers are shown masked in messages, so the validator's own output leaks nothing.
"""

from __future__ import annotations

import re

from generator.fields import THAI_DIGITS

_DIGIT = "[0-9๐-๙]"
NATIONAL_ID = re.compile(rf"(?<![0-9๐-๙]){_DIGIT}(?:[\s\-.]?{_DIGIT}){{12}}(?![0-9๐-๙])")
MOBILE = re.compile(rf"(?<![0-9๐-๙])(?:[0๐]|\+66[\s\-]?)[689๖๘๙](?:[\s\-.]?{_DIGIT}){{8}}(?![0-9๐-๙])")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text.translate(THAI_DIGITS))


def valid_national_id(digits: str) -> bool:
    """The 13th digit of a Thai national ID is a checksum of the first twelve."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def mask(digits: str) -> str:
    """All but the first and the last two digits hidden."""
    return digits[0] + "x" * (len(digits) - 3) + digits[-2:]


def national_ids(text: str) -> list[str]:
    """Masked national ID numbers found in ``text``."""
    found = (_digits(m.group(0)) for m in NATIONAL_ID.finditer(text))
    return [mask(d) for d in found if valid_national_id(d)]


def mobiles(text: str) -> list[str]:
    """Masked Thai mobile numbers (06x, 08x, 09x) found in ``text``."""
    return [mask(_digits(m.group(0))) for m in MOBILE.finditer(text)]
