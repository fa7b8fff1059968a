"""A whole site built from a hostile agency: every output a citizen's browser or a spreadsheet
reads holds the agency's words as text, never as code, and every script is the theme's own."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from generator import csp
from generator.mkdocs_plugin import checked_page
from tests.conftest import CONFIG, parse, search_pages
from tests.hostile import NAME

AGENCY = "agencies/sample-office/"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_of(site: Path, path: Path) -> str:
    """``agencies/x/index.html`` -> ``agencies/x/`` (pages link their scripts relative to this)."""
    folder = posixpath.dirname(path.relative_to(site).as_posix())
    return f"{folder}/" if folder else ""


def test_the_hostile_agency_is_built_and_every_script_is_the_themes_own(hostile_site: Path) -> None:
    """An agency name with </title><script> gets no script of its own into any page."""
    allowed = csp.allowed_scripts(
        ["assets/javascripts/filter.js", "assets/javascripts/sort.js", "assets/javascripts/language.js"]
    )
    assert (hostile_site / AGENCY / "index.html").is_file()
    for path in html_files(hostile_site):
        html = parse(path)
        root = "en/" if path.relative_to(hostile_site).parts[0] == "en" else ""
        for script in html.find_all("script"):
            if script.get("type") == "application/json":
                assert script.get("id") == "__config", path
                continue
            assert script.get("src") and not script.string, (path, script)
            here = url_of(hostile_site, path)
            target = posixpath.normpath(posixpath.join(here, str(script["src"])))
            if path.name == "404.html":
                target = str(script["src"]).lstrip("/")
            assert target.removeprefix(root) in allowed or "bundle." in target, (path, target)
        assert not html.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.I)}), path
        assert not html.find_all(["base", "iframe", "frame", "object", "embed"]), path
        for tag in html.find_all(True):
            assert not [a for a in tag.attrs if a.lower().startswith("on")], (path, tag.name, tag.attrs)


@pytest.mark.parametrize(("prefix", "name"), [("", NAME), ("en/", f"Test office {NAME}")])
def test_the_title_and_header_show_the_agencys_name_as_text(
    hostile_site: Path, prefix: str, name: str
) -> None:
    """The browser tab and the header read the name exactly as written, tags and all, as text."""
    for url in (AGENCY, f"{AGENCY}2569/"):
        html = parse(hostile_site / prefix / url / "index.html")
        assert html.title is not None and html.title.string.startswith(name), html.title
        topic = html.select_one(".md-header__topic:last-child .md-ellipsis")
        assert topic is not None and name in topic.get_text(), topic
    poster = parse(hostile_site / prefix / AGENCY / "services/1/index.html")
    assert poster.title is not None and "<script>" not in str(poster.title).replace("&lt;script&gt;", "")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_holds_the_agencys_words_exactly_as_written(hostile_site: Path, prefix: str) -> None:
    """Search's page files keep the words as data (the worker escapes what it shows, tested in
    tests/browser/test_hostile.py): the name is found whole, and the list of the index's files
    a worker reads holds nothing of the agency's."""
    ours = [p for p in search_pages(hostile_site, prefix) if p["u"].startswith("agencies/sample-office/")]
    assert ours
    assert any("<script>alert(document.domain)</script>" in p["t"] for p in ours), [p["t"] for p in ours]
    index = json.loads((hostile_site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and "<script>" not in json.dumps(index, ensure_ascii=False)


def test_downloads_hold_the_exact_text_and_stay_well_formed(hostile_site: Path) -> None:
    """JSON keeps the name exactly; CSV, the Atom feed and the sitemap still parse."""
    agency = json.loads((hostile_site / AGENCY / "agency.json").read_text(encoding="utf-8"))
    assert agency["name"]["th"] == NAME
    for table in sorted((hostile_site / "data").glob("*.csv")):
        rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
        assert rows and all(len(row) == len(rows[0]) for row in rows), table
    feed = ET.parse(hostile_site / "feed.xml").getroot()
    titles = [el.text or "" for el in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(NAME in title for title in titles), titles
    ET.parse(hostile_site / "sitemap.xml")
    for svg in hostile_site.rglob("*.svg"):
        drawing = ET.parse(svg).getroot()
        assert not [
            el for el in drawing.iter() if el.tag.rsplit("}", 1)[-1] in ("script", "foreignObject")
        ], svg


def test_the_host_gets_headers_a_meta_policy_cannot_set(hostile_site: Path) -> None:
    """Framing, MIME sniffing and referrers are set by headers in the files static hosts read."""
    headers = (hostile_site / "_headers").read_text(encoding="utf-8")
    htaccess = (hostile_site / ".htaccess").read_text(encoding="utf-8")
    for name, value in csp.HEADERS.items():
        assert f"  {name}: {value}\n" in headers
        assert f'Header always set {name} "{value}"' in htaccess
    assert "frame-ancestors 'none'" in headers and "X-Content-Type-Options: nosniff" in headers


def test_every_page_carries_the_same_policy_with_no_inline_script_allowed(hostile_site: Path) -> None:
    policies = set()
    for path in html_files(hostile_site):
        meta = parse(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, path
        policies.add(str(meta["content"]))
    assert policies == {csp.POLICY}
    directives = dict(d.strip().split(" ", 1) for d in csp.POLICY.split(";"))
    assert directives["script-src"] == "'self'" and "unsafe" not in csp.POLICY


@pytest.mark.parametrize(
    "tag",
    [
        "<script>alert(1)</script>",
        "<SCRIPT >alert(1)</SCRIPT>",
        '<script src="https://evil.example/x.js"></script>',
        '<script src="../../agencies/x/files/photo.jpg"></script>',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<base href="https://evil.example/">',
        '<iframe src="https://evil.example/"></iframe>',
        '<object data="x.pdf"></object>',
        '<meta name=">" http-equiv="refresh" content="0;url=https://evil.example/">',
        '<script src="/\\evil.example/../assets/javascripts/scope.js"></script>',
        '<script src="&#47;&#47;evil.example/../../../assets/javascripts/scope.js"></script>',
        '<script src="//evil.example/assets/javascripts/scope.js"></script>',
        '<form action="https://evil.example/"><input name="id"></form>',
    ],
)
def test_a_page_with_a_script_that_is_not_the_themes_stops_the_build(tag: str) -> None:
    """Whatever let it through, a page with a foreign script is never published."""
    config = load_config(str(CONFIG))
    page = '<html><head><meta charset="utf-8"></head><body><p>x</p>{}</body></html>'
    assert "Content-Security-Policy" in checked_page(page.format(""), "agencies/x/", "x.md", config)
    with pytest.raises(PluginError) as error:
        checked_page(page.format(tag), "agencies/x/", "agencies/x.md", config)
    assert "agencies/x.md" in str(error.value) and "ไม่ได้เผยแพร่" in str(error.value)
    assert "not published" in str(error.value)


def test_the_reviewers_summary_of_the_hostile_agency_is_inert_markdown(hostile_site: Path) -> None:
    """What a reviewer reads on the pull request: no HTML, link, image or heading of the agency's."""
    from markdown_it import MarkdownIt

    from generator.review import report
    from generator.submissions import Site
    from generator.validate import validate_paths

    new, problems = validate_paths([hostile_site.parent / "content" / "agencies"])
    tokens = (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .parse(report("main", Site(), new, problems))
    )
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_inline", "table_open"}, kinds
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith("การตรวจรายงาน") and headings[-1].startswith("ผลการตรวจ / Validation")
    assert len(headings) > 2 and all(h.startswith("สำนักงานทดสอบ") for h in headings[1:-1]), headings
