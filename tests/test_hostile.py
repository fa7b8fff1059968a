"""Hostile text in every field an agency writes never reaches a citizen's browser as code."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.fields import BiText
from generator.model import walk
from generator.render import render_site
from generator.validate import validate_paths
from tests.conftest import FIXTURES

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)><circle r=1></svg>",
    '<a href="javascript:alert(1)">คลิก</a>',
    "[คลิก](javascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example"></iframe>',
    '<form action="https://evil.example"><input name=q></form>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    "**ตัวหนา**{: onclick=alert(1) }",
    '"><script>alert(1)</script>',
    "<details open ontoggle=alert(1)>",
]


def hostile_content(payload: str, folder: Path) -> Path:
    """The sample agency with ``payload`` as the Thai and English of every text it has."""
    target = folder / "sample-office"
    shutil.copytree(FIXTURES / "valid" / "sample-office", target)
    site, _ = validate_paths([target])
    agency = site.agencies[0]
    for name, model in [("agency.yml", agency.agency), ("2569.yml", agency.reports[2569])]:
        path = target / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for loc, value in walk(model):
            if isinstance(value, BiText):
                _put(data, loc, {"th": f"ข้อความ {payload}", "en": f"text {payload}"})
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def _put(data: Any, loc: tuple[str | int, ...], value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives_into_any_page(payload: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = hostile_content(payload, Path(folder))
        site, problems = validate_paths([content])
        assert site.agencies and not [p for p in problems if p.is_error]
        for lang in ("th", "en"):
            for page in render_site(site, lang, Path(folder) / "cache").pages:
                html = BeautifulSoup(page.body, "html.parser")
                for filter_box in html.select(".c3-filter"):  # the site's own search-as-you-type box
                    filter_box.decompose()
                assert not html.find_all(["script", "iframe", "form", "input", "math", "details", "style"])
                assert not [
                    s
                    for s in html.find_all("svg")
                    if not set(s.get("class") or []) & {"c3-chart__svg", "c3-qr"}
                ]
                for tag in html.find_all(True):
                    assert not [a for a in tag.attrs if a.startswith("on") or a == "style"], (page.path, tag)
                    for attr in ("href", "src", "action", "xlink:href"):
                        url = str(tag.get(attr, "")).strip().lower()
                        assert not url.startswith(("javascript:", "vbscript:", "data:")), (page.path, tag)
                if page.path.endswith("2569.md"):  # the texts are there, as text
                    assert ("ข้อความ" if lang == "th" else "text") in html.get_text()
