"""What may run in a citizen's browser: one Content-Security-Policy for every page, the headers a
host can add to it, and a check of every built page.

No page holds an inline script. Material's two inline scripts are replaced by files of the site
(``theme_overrides/partials/javascripts/``), so the policy allows the site's own script files
and nothing written into a page: it is the same on every page and known before any agency text
is rendered. A built page that holds any other script, or an element that loads or runs
something by itself (``base``, frames, ``object``, ``embed``, a ``meta`` refresh) or a form, stops the
build: agency text is escaped or sanitized long before this, and if a bug ever let some
through, the site is not published with it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)
HEADERS = {
    # A <meta> policy cannot forbid framing; only a header can.
    "Content-Security-Policy": POLICY + "; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
THEME_SCRIPTS = ("assets/javascripts/scope.js", "assets/javascripts/search-config.js")
"""Script files main.html loads besides Material's bundle and the config's extra_javascript."""

_META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
_SERVE_META = _META.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
_HEAD = re.compile(r"<meta charset=\"utf-8\">", re.I)
# A tag runs to the first ">" outside a quoted attribute value, as browsers read it.
_ACTIVE = re.compile(
    r"<(script|base|i?frame|frameset|object|embed|applet|meta|portal|form)(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.I,
)
_SCRIPT_FILE = re.compile(
    r'<script src="((?:\.\./)*(?:\./|/)?(?:[A-Za-z0-9_-]+[./])*[A-Za-z0-9_-]+\.js)"(?: defer| async)*>'
)
_CONFIG = '<script id="__config" type="application/json">'
_SEARCH_FORM = '<form class="md-search__form" name="search">'  # Material's; it is never sent
_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js")


def add_policy(html: str, serving: bool = False) -> str:
    """``html`` with the policy's ``<meta>`` right after its charset, before any script.

    ``serving``: a page of `mkdocs serve`, whose server writes its live-reload script into the
    page after the build checked it; only there is an inline script allowed."""
    meta = _SERVE_META if serving else _META
    added, count = _HEAD.subn(lambda match: match.group(0) + meta, html, count=1)
    return added if count else html


def allowed_scripts(extra_javascript: Iterable[str]) -> frozenset[str]:
    """The site's own script files, as paths from the site's root: the theme's and the config's."""
    return frozenset((*THEME_SCRIPTS, *(str(path) for path in extra_javascript)))


def unexpected_tags(html: str, page_url: str, scripts: frozenset[str], root: str = "/") -> list[str]:
    """Tags of a built page (at ``page_url``, from the site's root) that could load or run code,
    or send what a visitor types, and are not the theme's own. ``root`` is the site's path on
    its host, which pages such as 404.html use for their links."""
    found = []
    for match in _ACTIVE.finditer(html):
        tag, name = match.group(0), match.group(1).lower()
        if name == "meta" and "http-equiv" not in tag.lower():
            continue
        if tag in (_META, _CONFIG, _SEARCH_FORM) or (
            name == "script" and _own_script(tag, page_url, scripts, root)
        ):
            continue
        found.append(tag)
    return found


def _own_script(tag: str, page_url: str, scripts: frozenset[str], root: str) -> bool:
    match = _SCRIPT_FILE.fullmatch(tag)
    if not match:
        return False
    source = match.group(1)
    if source.startswith("/"):
        if not source.startswith(root):
            return False
        source, page_url = source.removeprefix(root), ""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), source))
    return path in scripts or bool(_BUNDLE.fullmatch(path))


def headers_file() -> str:
    """``_headers``, read by Netlify and Cloudflare Pages: these headers on every address."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in HEADERS.items())


def htaccess_file() -> str:
    """``.htaccess``, read by Apache (with mod_headers): the same headers."""
    lines = [f'  Header always set {name} "{value}"\n' for name, value in HEADERS.items()]
    return "<IfModule mod_headers.c>\n" + "".join(lines) + "</IfModule>\n"
