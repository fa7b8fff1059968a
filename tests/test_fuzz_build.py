"""Whatever `validate` accepts, the build builds: no file a clerk submits ends a build in a traceback.

Cases: the YAML corpus of tests/fixtures/fuzz/ as a report, every file of tests/fixtures/fuzz-files/
(truncated photos, PDFs named .jpg, huge pages, password-protected and scripted PDFs, a page
that takes hours to draw...) as a flowchart's scan and as a photo, and damaged copies of good
files made by hypothesis.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build_site
from generator.render import pdfs, publish_files, render_site
from generator.submissions import Site
from generator.validate import validate_paths
from tests.conftest import CONFIG, FIXTURES

SAMPLE = FIXTURES / "valid" / "sample-office"
YAML_CASES = sorted((FIXTURES / "fuzz").glob("*.yml"))
FILE_CASES = sorted((FIXTURES / "fuzz-files").iterdir())
USES = ("scan", "photo")


@pytest.fixture(autouse=True)
def quick_previews(monkeypatch: pytest.MonkeyPatch) -> None:
    """A preview that does not draw in 5 s becomes the PDF icon, as the build's 20 s limit does."""
    monkeypatch.setattr(pdfs, "PREVIEW_SECONDS", 5.0)


def office(
    content: Path, number: int, *, report: bytes | None = None, file: tuple[str, bytes, str] | None = None
) -> Path:
    """The sample agency as ``case-<number>``, with its own names, ``report`` as its 2569.yml or
    ``file`` (name, bytes, use) as a flowchart's scan or the first improvement photo."""
    folder = content / f"case-{number}"
    shutil.copytree(SAMPLE, folder)
    agency = folder / "agency.yml"
    text = agency.read_text(encoding="utf-8")
    text = text.replace("สำนักงานตัวอย่างอำเภอเมือง", f"สำนักงานทดสอบที่ {number}")
    agency.write_text(text.replace("Sample District Office", f"Test Office {number}"), encoding="utf-8")
    if report is not None:
        (folder / "2569.yml").write_bytes(report)
    if file is not None:
        name, data, use = file
        (folder / "attachments").mkdir()
        (folder / "attachments" / name).write_bytes(data)
        path = folder / "2569.yml"
        text = path.read_text(encoding="utf-8")
        if use == "photo":
            text = text.replace("file: photos/before.png", f"file: attachments/{name}")
        else:
            scan = f"    - kind: public_service\n      scan:\n        file: attachments/{name}\n"
            text = text.replace("    - kind: public_service\n", scan, 1)
        path.write_text(text, encoding="utf-8")
    return folder


def accepted(folder: Path) -> Site | None:
    """The folder's site when `validate` finds no error in it."""
    site, problems = validate_paths([folder])
    return None if any(p.is_error for p in problems) else site


def publishes_and_renders(site: Site, cache: Path) -> None:
    """What the build does with an accepted agency: its files published, both languages rendered."""
    publication = publish_files(site, cache, workers=1)
    for lang in ("th", "en"):
        assert render_site(site, lang, cache, "https://example.go.th/", {}, publication).pages


@pytest.mark.parametrize("use", USES)
@pytest.mark.parametrize("case", FILE_CASES, ids=lambda p: p.name)
def test_a_submitted_file_validate_accepts_is_published_without_a_traceback(
    case: Path, use: str, tmp_path: Path
) -> None:
    site = accepted(office(tmp_path / "content", 1, file=(case.name, case.read_bytes(), use)))
    if site is not None:
        publishes_and_renders(site, tmp_path / "cache")


@pytest.mark.parametrize("case", YAML_CASES, ids=lambda p: p.name)
def test_a_report_validate_accepts_is_rendered_without_a_traceback(case: Path, tmp_path: Path) -> None:
    site = accepted(office(tmp_path / "content", 1, report=case.read_bytes()))
    if site is not None:
        publishes_and_renders(site, tmp_path / "cache")


GOOD_FILES = {
    "photo.jpg": (FIXTURES / "fuzz-files" / "turned.jpg").read_bytes(),
    "photo.png": (SAMPLE / "photos" / "before.png").read_bytes(),
    "scan.pdf": (FIXTURES / "fuzz-files" / "tall-narrow-page.pdf").read_bytes(),
}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(sorted(GOOD_FILES)),
    cut=st.integers(min_value=1, max_value=4000),
    flips=st.lists(st.tuples(st.integers(min_value=0, max_value=4000), st.integers(0, 255)), max_size=4),
    use=st.sampled_from(USES),
)
def test_a_damaged_copy_of_a_good_file_is_refused_or_published(
    name: str, cut: int, flips: list[tuple[int, int]], use: str
) -> None:
    data = bytearray(GOOD_FILES[name])
    for at, value in flips:
        data[at % len(data)] = value
    data = data[: max(4, len(data) - cut)] if cut % 3 == 0 else data
    with tempfile.TemporaryDirectory() as folder:
        site = accepted(office(Path(folder) / "content", 1, file=(name, bytes(data), use)))
        if site is not None:
            publishes_and_renders(site, Path(folder) / "cache")


def test_every_accepted_case_together_builds_a_real_site(tmp_path: Path) -> None:
    """One real MkDocs build (both languages) of every case `validate` accepts, side by side."""
    project = tmp_path / "project"
    content = project / "content" / "agencies"
    content.mkdir(parents=True)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy2(CONFIG.parent / name, project / name)
    for name in ("docs", "theme_overrides", "generator"):
        (project / name).symlink_to(CONFIG.parent / name, target_is_directory=True)
    cases: list[Path] = []
    trial = tmp_path / "trial"
    for number, case in enumerate(FILE_CASES):
        for use in USES:
            made = office(
                trial / f"{number}-{use}",
                2 * number + USES.index(use),
                file=(case.name, case.read_bytes(), use),
            )
            if accepted(made) is not None:
                cases.append(made)
    for number, case in enumerate(YAML_CASES, start=1000):
        made = office(trial / f"yaml-{number}", number, report=case.read_bytes())
        if accepted(made) is not None:
            cases.append(made)
    for made in cases:
        shutil.move(made, content / made.name)
    assert len(cases) >= 20  # the good files of the corpus, at least
    assert build_site(project / "mkdocs.yml", project / "site", content) == 0
    for made in cases:
        assert (project / "site" / "agencies" / made.name / "2569" / "index.html").is_file()
        assert (project / "site" / "en" / "agencies" / made.name / "2569" / "index.html").is_file()
