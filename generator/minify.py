"""What a phone downloads, without the bytes only an editor needs: indentation and comments.

Material's templates and ours indent their HTML for the reader of the source; a browser
collapses a newline and the spaces after it into one space anyway, so a page keeps the newline
and loses the spaces (about 7 % of a report page). The site's own stylesheet and scripts keep
their comments in ``theme_overrides/``; the built copies go without them, as Material ships its
own. Text whose spaces are shown as written (``pre``, ``code``, ``kbd``, ``textarea``) and
scripts and styles are copied byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

# Elements whose text keeps its spaces (Material: white-space: pre-wrap) or is not HTML.
_AS_WRITTEN = re.compile(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_INDENTATION = re.compile(r"\n[ \t]+")


def page(html: str) -> str:
    """A built page without the spaces that start its lines, where a browser ignores them."""
    out: list[str] = []
    position = 0
    for match in _AS_WRITTEN.finditer(html):
        out.append(_INDENTATION.sub("\n", html[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(_INDENTATION.sub("\n", html[position:]))
    return "".join(out)


def assets(source: Path, site_dir: Path) -> None:
    """The built copies in ``site_dir`` of the stylesheets and scripts under ``source`` (the
    theme's ``custom_dir``), minified in place."""
    for kind, minify in ((".css", rcssmin.cssmin), (".js", rjsmin.jsmin)):
        for own in source.glob(f"assets/**/*{kind}"):
            built = site_dir / own.relative_to(source)
            if built.is_file():
                built.write_text(minify(built.read_text(encoding="utf-8")), encoding="utf-8")
