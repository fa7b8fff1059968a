"""``python -m generator review --base REV``: what a pull request changes, in words, for a reviewer.

Reads the submissions at REV (with git) and in the working tree, validates both, and writes
Markdown: agencies and years changed, what changed in each section, problems, completeness.
The Markdown is shown on the git host, so every value a submission wrote goes through
``inert`` first: a name cannot hide a line, fake a section or add a link.
"""

from __future__ import annotations

import string
import subprocess
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

from generator.completeness import completeness
from generator.fields import BiText
from generator.model import SECTION_KEYS, ListeningChannel, Report
from generator.problems import Problem
from generator.render.ui import section_heading
from generator.submissions import Site
from generator.validate import validate_content

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCTUATION = frozenset(string.punctuation)  # CommonMark lets a backslash escape each of these
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def inert(value: object) -> str:
    """``value`` as Markdown that shows exactly as text and starts nothing.

    Line breaks and runs of spaces become one space, so a value cannot begin a heading,
    list or table row; ``& < >`` become entities, so no HTML or comment can open; every
    other ASCII punctuation mark is backslash-escaped, so no emphasis, link, image, code
    span or autolink can start or end inside it; invisible controls show as ``U+XXXX``.
    """
    shown = []
    for char in " ".join(str(value).split()):
        if char in _HTML:
            shown.append(_HTML[char])
        elif char in _PUNCTUATION:
            shown.append("\\" + char)
        elif char in _BIDI or not char.isprintable():
            shown.append(f"U+{ord(char):04X}")
        else:
            shown.append(char)
    return "".join(shown)


class UnknownRevision(Exception):
    """git does not know the revision a review was asked to compare with."""


def content_at(revision: str, content: Path, into: Path) -> Path:
    """The content folder as it was at ``revision``, extracted under ``into``."""
    known = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if known.returncode != 0:
        raise UnknownRevision(revision)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "--", content.as_posix()],
        capture_output=True,
        check=False,
    )
    if archive.returncode == 0:  # otherwise the folder did not exist yet at that revision
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(into, filter="data")
    return into / content


def review(base: str, content: Path) -> str:
    with tempfile.TemporaryDirectory() as folder:
        old_content = content_at(base, content, Path(folder))
        old, _ = validate_content(old_content) if old_content.exists() else (Site(), [])
        new, problems = validate_content(content)
        return report(base, old, new, problems)


def report(base: str, old: Site, new: Site, problems: list[Problem]) -> str:
    lines = [f"# การตรวจรายงาน / Review against {inert(base)}", ""]
    before = {a.slug: a for a in old.agencies}
    changed = 0
    for agency in new.agencies:
        was = before.pop(agency.slug, None)
        for year in agency.years:
            previous = was.reports.get(year) if was else None
            current = agency.reports[year]
            if previous is not None and previous == current and was and was.agency == agency.agency:
                continue
            changed += 1
            status = "ใหม่ / new" if previous is None else "แก้ไข / changed"
            name = f"{inert(agency.agency.name.th)} ({inert(agency.slug)})"
            lines += [f"## {name}, พ.ศ. {year}: {status}", ""]
            lines += [f"- {line}" for line in report_changes(previous, current)] or [
                "- (ข้อมูลหน่วยงาน / agency file)"
            ]
            done = completeness(current)
            lines += [
                "",
                f"ความครบถ้วน / completeness: {done.sections}/12 หัวข้อ / sections, "
                f"{done.fields}/{done.fields_possible} ช่อง / fields ({done.percent}%)",
                "",
            ]
    for slug in before:
        lines += [f"## {inert(slug)}: ถูกลบ / removed", ""]
        changed += 1
    if not changed:
        lines += ["ไม่มีรายงานที่เปลี่ยน / no report changed", ""]
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    lines += [f"## ผลการตรวจ / Validation: {len(errors)} error(s), {len(warnings)} warning(s)", ""]
    lines += [f"- {inert(p.format())}" for p in problems] or ["- ผ่าน / valid"]
    return "\n".join(lines) + "\n"


def report_changes(old: Report | None, new: Report) -> list[str]:
    """Each section's change in words; a new report lists what it holds."""
    changes: list[str] = []
    for key in SECTION_KEYS:
        heading = f"{section_heading(key, 'th')} / {section_heading(key, 'en')}"
        before = getattr(old, key) if old else None
        after = getattr(new, key)
        if before == after:
            continue
        if old is not None and key == "listening_channels":
            changes += _channel_changes(before or [], after)
        elif old is not None and key == "service_standards":
            changes += _flowchart_changes(before.flowcharts if before else [], after.flowcharts)
        if isinstance(after, list):
            changes.append(f"{heading}: {len(before or [])} → {len(after)} รายการ / items")
        elif not changes or not changes[-1].startswith(heading):
            changes.append(f"{heading}: แก้ไข / changed")
    return changes


def _channel_changes(before: list[ListeningChannel], after: list[ListeningChannel]) -> list[str]:
    old = {c.label("th"): c.statistics for c in before}
    lines = []
    for channel in after:
        name = channel.label("th")
        for year, count in sorted(channel.statistics.items()):
            previous = old.get(name, {}).get(year)
            if previous != count:
                was = f"{previous:,}" if previous is not None else "–"
                lines.append(f"{inert(name)}, พ.ศ. {year}: {was} → {count:,} คน / users")
    return lines


def _flowchart_changes(before: list[Any], after: list[Any]) -> list[str]:
    old = {chart.name.th: chart for chart in before}
    lines = []
    for chart in after:
        previous = old.pop(chart.name.th, None)
        title = _flowchart(chart.name.th)
        if previous is None:
            lines.append(f"{title}: ใหม่ / added, {len(chart.steps)} ขั้นตอน / steps")
            continue
        was = [s.action.th for s in previous.steps]
        now = [s.action.th for s in chart.steps]
        for number, action in enumerate(now, start=1):
            if action not in was:
                lines.append(f"{title}: ขั้นตอนที่ {number} เพิ่ม / step {number} added")
        for action in was:
            if action not in now:
                lines.append(f"{title}: ขั้นตอน '{inert(action)}' ถูกลบ / step removed")
        if previous.fee != chart.fee:
            lines.append(f"{title}: ค่าธรรมเนียม / fee {_both(previous.fee)} → {_both(chart.fee)}")
    lines += [f"{_flowchart(name)}: ถูกลบ / removed" for name in old]
    return lines


def _flowchart(name: str) -> str:
    return f"แผนผัง / flowchart '{inert(name)}'"


def _both(text: BiText) -> str:
    """Both languages: a fee raised only in English is a change the reviewer must see."""
    return inert(text.th) + (f" / {inert(text.en)}" if text.en else "")
