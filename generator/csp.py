"""A Content-Security-Policy for every page: the site's own origin, nothing else.

Material writes a few small inline scripts into each page (one differs per page), so their
SHA-256 hashes are allowed by name rather than allowing inline script in general.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S
)
_HEAD = re.compile(r"<meta charset=\"utf-8\">", re.I)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)


def policy(html: str) -> str:
    """The policy for one page, allowing exactly its own inline scripts."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
            for body in _INLINE_SCRIPT.findall(html)
        }
    )
    return POLICY.format(hashes=" ".join(hashes)).replace("  ", " ")


def add_policy(html: str) -> str:
    """``html`` with a CSP ``<meta>`` right after its charset, before any script runs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    added, count = _HEAD.subn(lambda match: match.group(0) + meta, html, count=1)
    return added if count else html
