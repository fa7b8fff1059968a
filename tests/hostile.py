"""Hostile submissions for the tests: XSS payloads in every text an agency writes.

Not a test module: ``test_hostile.py`` renders one payload at a time into every field, and the
``hostile_site`` fixture builds a whole site whose every field holds one of them.
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from collections.abc import Callable
from itertools import cycle
from pathlib import Path
from typing import Any

import yaml

from generator.fields import BiText
from generator.model import walk
from generator.validate import validate_paths
from tests.conftest import FIXTURES, ROOT

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
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!-- ",
    "]]></title></a><base href=https://evil.example/>",
]
NAME = 'สำนักงานทดสอบ </title><script>alert(document.domain)</script><meta http-equiv="refresh" content="0;url=https://evil.example/">'
"""The agency's name: what ends up in <title>, the header, search results and every download."""


def hostile_content(payload: str, folder: Path) -> Path:
    """The sample agency with ``payload`` as the Thai and English of every text it has."""
    return hostile_agency(folder, [payload])


def hostile_agency(folder: Path, payloads: list[str], name: str | None = None) -> Path:
    """The sample agency with the payloads, in turn, as the Thai and English of its texts;
    ``name``, when given, as its name in both languages."""
    turn = cycle(payloads)

    def text(_: int) -> tuple[str, str]:
        payload = next(turn)
        return f"ข้อความ {payload}", f"text {payload}"

    names = (name, f"Test office {name}") if name else None
    with tempfile.TemporaryDirectory() as scratch:
        source = with_upcoming_activity(FIXTURES / "valid" / "sample-office", Path(scratch) / "sample-office")
        return rewrite_texts(source, folder / "sample-office", text, names)


UPCOMING = {
    "activity": {"th": "เวทีที่ยังไม่จัด", "en": "A forum still to come"},
    "levels": ["inform", "consult"],
    "date": f"{datetime.date.today().year + 544}-01-15",  # next year (B.E.): always still to come
    "how_to_join": {"th": "ลงทะเบียน", "en": "Register"},
    "contact": {
        "name": {"th": "กลุ่มงาน", "en": "Section"},
        "phone": "0 3233 7870",
        "email": "plan@example.go.th",
    },
}
"""An activity a citizen can still join, so that its how_to_join and contact are shown."""


def with_upcoming_activity(source: Path, target: Path) -> Path:
    """A copy of the agency ``source`` whose report lists an activity still to come, with
    how to join and whom to ask: every text the participation page shows gets a payload."""
    shutil.copytree(source, target)
    for path in target.glob("25*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.setdefault("participation_levels", []).append(UPCOMING)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def rewrite_texts(
    source: Path, target: Path, text: Callable[[int], tuple[str, str]], name: tuple[str, str] | None = None
) -> Path:
    """A copy of the agency ``source`` at ``target`` whose n-th text (from 1) reads ``text(n)``
    in Thai and English, and whose name reads ``name`` when given."""
    shutil.copytree(source, target)
    site, _ = validate_paths([target])
    agency = site.agencies[0]
    count = 0
    for file, model in [("agency.yml", agency.agency), *((f"{y}.yml", r) for y, r in agency.reports.items())]:
        path = target / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for loc, value in walk(model):
            if isinstance(value, BiText):
                count += 1
                th, en = text(count)
                _put(data, loc, {"th": th, "en": en})
        if name and file == "agency.yml":
            data["name"] = {"th": name[0], "en": name[1]}
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def project_folder(folder: Path) -> Path:
    """``folder`` as a copy of this project that builds its own ``content/agencies``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy2(ROOT / name, folder / name)
    for name in ("docs", "theme_overrides", "generator"):
        (folder / name).symlink_to(ROOT / name, target_is_directory=True)
    (folder / "content" / "agencies").mkdir(parents=True)
    return folder


def _put(data: Any, loc: tuple[str | int, ...], value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value
