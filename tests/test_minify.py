"""Built pages and assets without indentation and comments: fewer bytes for a phone, same page."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator import minify
from tests.conftest import ROOT


def test_indentation_goes_where_a_browser_ignores_it() -> None:
    """A report page was 7 % indentation that a phone downloaded for nothing."""
    html = "<div>\n    <p>ข้อความ\n      ต่อ</p>\n\t<ul>\n  <li>a</li></ul></div>"
    assert minify.page(html) == "<div>\n<p>ข้อความ\nต่อ</p>\n<ul>\n<li>a</li></ul></div>"


def test_text_shown_as_written_keeps_its_spaces() -> None:
    """A code sample in the field reference would lose its indentation."""
    kept = '<pre><code class="language-yaml">phones:\n  - number: "0 3233 7866"\n</code></pre>'
    inline = "<p>write <code>a\n   b</code></p>"
    box = "<textarea>\n  line</textarea>"
    assert minify.page(f"<div>\n  {kept}\n  {inline}{box}</div>") == f"<div>\n{kept}\n{inline}{box}</div>"


def test_the_built_site_serves_its_own_assets_minified(built_site: Path) -> None:
    """The site's stylesheet and scripts reach a phone without their comments."""
    source = ROOT / "theme_overrides"
    for own in [*source.glob("assets/**/*.css"), *source.glob("assets/**/*.js")]:
        built = (built_site / own.relative_to(source)).read_text(encoding="utf-8")
        written = own.read_text(encoding="utf-8")
        assert "/*" in written and "/*" not in built.replace('"/*"', ""), own.name
        assert len(built) < len(written)


def test_a_built_page_holds_no_indented_line_outside_text_shown_as_written(built_site: Path) -> None:
    """The build hands every page to the minifier, Material's chrome included."""
    html = (built_site / "agencies" / "ratchaburi-land-office" / "index.html").read_text(encoding="utf-8")
    outside = minify._AS_WRITTEN.sub("", html)
    assert [line for line in outside.split("\n") if line[:1] in (" ", "\t")] == []
    assert BeautifulSoup(html, "html.parser").select_one(".c3-report h1")
