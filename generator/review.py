"""``python -m generator review --base REV``: what a pull request changes, in words, for a reviewer.

Reads the submissions at REV (with git) and in the working tree, validates both, and writes
Markdown: agencies and years changed, what changed in each section, problems, completeness.
The Markdown is shown on the git host, so every value a submission wrote goes through
``inert`` first: a name cannot hide a line, fake a section or add a link.
"""

from __future__ import annotations

import hashlib
import string
import subprocess
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

from generator.completeness import completeness
from generator.fields import BiText, FileReference
from generator.model import SECTION_KEYS, Agency, ListeningChannel, Report, walk
from generator.problems import FieldPath, Problem, field_name
from generator.render.ui import section_heading
from generator.submissions import AgencySubmission, Site
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
        return report(base, old, new, problems, content)


def report(base: str, old: Site, new: Site, problems: list[Problem], content: Path | None = None) -> str:
    """The review: each agency's changes, then every problem the validator found.

    ``old``'s folders must still exist: files are compared by their bytes.
    """
    lines = [f"# การตรวจรายงาน / Review against {inert(base)}", ""]
    before = {a.slug: a for a in old.agencies}
    changes: list[str] = []
    for agency in new.agencies:
        changes += agency_review(before.pop(agency.slug, None), agency)
    for gone in before.values():
        changes += removed_agency(gone, content)
    lines += changes or ["ไม่มีรายงานที่เปลี่ยน / no report changed", ""]
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    lines += [f"## ผลการตรวจ / Validation: {len(errors)} error(s), {len(warnings)} warning(s)", ""]
    lines += [f"- {inert(p.format())}" for p in problems] or ["- ผ่าน / valid"]
    return "\n".join(lines) + "\n"


def agency_review(was: AgencySubmission | None, agency: AgencySubmission) -> list[str]:
    """One agency's changes: its agency file, each report, and the files they publish."""
    name = f"{inert(agency.agency.name.th)} ({inert(agency.slug)})"
    lines: list[str] = []
    if was is None or was.agency != agency.agency:
        status = "ใหม่ / new" if was is None else "แก้ไข / changed"
        lines += [f"## {name}: ข้อมูลหน่วยงาน / agency file: {status}", ""]
        lines += _bullets(agency_changes(was.agency if was else None, agency.agency))
    for year in agency.years:
        previous = was.reports.get(year) if was else None
        current = agency.reports[year]
        if previous is not None and previous == current:
            continue
        status = "ใหม่ / new" if previous is None else "แก้ไข / changed"
        lines += [f"## {name}, พ.ศ. {year}: {status}", ""]
        lines += _bullets(report_changes(previous, current) or ["แก้ไข / changed"])[:-1]
        done = completeness(current)
        lines += [
            "",
            f"ความครบถ้วน / completeness: {done.sections}/12 หัวข้อ / sections, "
            f"{done.fields}/{done.fields_possible} ช่อง / fields ({done.percent}%)",
            "",
        ]
    for year in sorted(set(was.reports) - set(agency.reports), reverse=True) if was else []:
        lines += [f"## {name}, พ.ศ. {year}: {_gone(agency.folder / f'{year}.yml')}", ""]
    files = file_changes(was, agency)
    if files:
        lines += [f"## {name}: ไฟล์ภาพและเอกสาร / photos and documents", "", *_bullets(files)]
    return lines


def removed_agency(was: AgencySubmission, content: Path | None) -> list[str]:
    """An agency the base had and the change does not publish, with the reports it loses."""
    folder = content / was.slug if content else None
    status = _gone(folder) if folder else "ถูกลบ / removed"
    lines = [f"## {inert(was.agency.name.th)} ({inert(was.slug)}): {status}", ""]
    years = [f"พ.ศ. {year}: ไม่เผยแพร่อีก / no longer published" for year in was.years]
    return lines + _bullets(
        years + [f"{inert(name)}: ไม่เผยแพร่อีก / no longer published" for name in _files(was)]
    )


def _gone(path: Path) -> str:
    """Why something the base published is missing: deleted, or still there but refused."""
    if path.exists():
        return "ไม่ผ่านการตรวจ จึงไม่เผยแพร่ / not valid, so not published"
    return "ถูกลบ / removed"


def _bullets(items: list[str]) -> list[str]:
    return [f"- {item}" for item in items] + [""] if items else []


def agency_changes(old: Agency | None, new: Agency) -> list[str]:
    """Every field of the agency file that changed, by its path, old value → new value; a
    phone added or removed shows as its fields from or to "–".

    Web addresses, emails and phone numbers are shown whole: a swapped link must be seen.
    A new agency lists every value it gives.
    """
    was = _leaves(old.model_dump(mode="json")) if old else {}
    return _leaf_changes(was, _leaves(new.model_dump(mode="json")), listing=old is None)


def _leaf_changes(was: dict[str, object], now: dict[str, object], listing: bool) -> list[str]:
    paths = [*now, *(path for path in was if path not in now)]
    if listing:
        return [f"{inert(path)}: {_shown(now[path])}" for path in paths]
    return [
        f"{inert(path)}: {_shown(was.get(path))} → {_shown(now.get(path))}"
        for path in paths
        if was.get(path) != now.get(path)
    ]


def _leaves(value: object, loc: FieldPath = ()) -> dict[str, object]:
    """Each value a file gives by its field path, e.g. ``contacts.website`` or ``name.en``."""
    if isinstance(value, dict):
        items: list[tuple[str | int, object]] = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    else:
        return {} if value is None else {field_name(loc): value}
    found: dict[str, object] = {}
    for key, item in items:
        found.update(_leaves(item, (*loc, key)))
    return found


def _shown(value: object) -> str:
    """A value as the file wrote it (``true``, not ``True``); ``–`` for a value not given."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "true" if value else "false"
    return inert(value)


def file_changes(was: AgencySubmission | None, now: AgencySubmission) -> list[str]:
    """Photos and documents the agency publishes: added, no longer published, or new bytes
    under the same name (a photo replaced by another would otherwise pass unseen)."""
    before = _files(was) if was else []
    after = _files(now)
    lines = []
    for name in after:
        if name not in before:
            lines.append(f"{inert(name)}: ใหม่ / added")
        elif was and _digest(was.folder / name) != _digest(now.folder / name):
            lines.append(f"{inert(name)}: เนื้อไฟล์เปลี่ยน / content changed")
    lines += [f"{inert(name)}: ไม่เผยแพร่อีก / no longer published" for name in before if name not in after]
    return lines


def _files(agency: AgencySubmission) -> list[str]:
    """Every file the agency's pages show, by its path in the agency's folder, in order."""
    found: dict[str, None] = {}
    for model in (agency.agency, *(agency.reports[year] for year in sorted(agency.reports))):
        found.update(dict.fromkeys(v.file for _, v in walk(model) if isinstance(v, FileReference)))
    return list(found)


def _digest(path: Path) -> str | None:
    """The file's SHA-256, or None when it cannot be read (validation says why)."""
    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return None


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
