"""A few values worded to read well on a small screen: a free service, a long web address.

A fee is free text (the form asks for "ไม่มีค่าธรรมเนียม" when there is none), so a free service
would read "ค่าธรรมเนียม ไม่มีค่าธรรมเนียม" / "Fee No fee" under its label; it is said once instead.
A web address has no spaces, so a browser breaks it between any two letters when it must; a
``<wbr>`` after each ``/``, ``.`` and the like lets it wrap where a reader expects.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from generator.fields import BiText

_NO_FEE_TH = ("ไม่มีค่าธรรมเนียม", "ไม่เสียค่าธรรมเนียม", "ไม่มี", "ฟรี", "ไม่เสียค่าใช้จ่าย", "ไม่มีค่าใช้จ่าย")
_NO_FEE_EN = ("no fee", "none", "free", "free of charge", "no charge", "nil")
_TRIM = " .。-–—:;()"
_URL_BREAK = re.compile(r"([/.?&=#@]+)")
_FILE_NAME_BREAK = re.compile(r"([-_./]+)")


def is_free(fee: BiText) -> bool:
    """Whether the fee written is only a way of saying there is none."""
    return fee.th.strip(_TRIM) in _NO_FEE_TH or (fee.en or "").strip(_TRIM).casefold() in _NO_FEE_EN


def names_no_fee(fee: BiText) -> bool:
    """Whether the fee's own text already says there is none, perhaps with more after it
    ("ไม่มีค่าธรรมเนียม (ชำระเฉพาะภาษี...)"): a label before it would say it twice."""
    return is_free(fee) or fee.th.startswith(_NO_FEE_TH[:2]) or (fee.en or "").casefold().startswith("no fee")


def breakable_url(url: str) -> Markup:
    """``url`` escaped, with a line-break opportunity after each run of ``/ . ? & = # @``
    (but not inside its ``https://``)."""
    scheme, sep, rest = url.partition("://")
    if not sep or not scheme.isalpha():
        scheme, sep, rest = "", "", url
    return escape(scheme + sep) + _breakable(rest, _URL_BREAK)


def breakable_file_name(name: str) -> Markup:
    """A file name escaped, with a line-break opportunity after each ``- _ . /``, so it wraps
    between its parts ("participation_|activities.|csv"), never inside a word."""
    return _breakable(name, _FILE_NAME_BREAK)


def _breakable(text: str, separators: re.Pattern[str]) -> Markup:
    return Markup("").join(
        Markup(f"{escape(part)}<wbr>") if separators.fullmatch(part) else escape(part)
        for part in separators.split(text)
        if part
    )
