"""The git host's workflows: valid, pinned, and never writing with a pull request's code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_workflows_validate_against_the_github_workflow_schema() -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
    done = subprocess.run([*command, *map(str, WORKFLOWS)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_version(path: Path) -> None:
    uses = re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+(\.\d+)*", u) for u in uses), uses


def test_the_pull_request_workflow_cannot_write() -> None:
    preview = yaml.safe_load((ROOT / ".github/workflows/preview.yml").read_text(encoding="utf-8"))
    assert preview["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in preview[True]  # PyYAML reads the key `on` as True
    for job in preview["jobs"].values():
        assert "permissions" not in job
        checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"]["persist-credentials"] is False


def test_the_preview_build_is_marked_and_publishing_runs_the_tests() -> None:
    preview = (ROOT / ".github/workflows/preview.yml").read_text(encoding="utf-8")
    assert 'C3_PREVIEW: "true"' in preview and "generator review" in preview
    publish = (ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    assert "make test" in publish and "deploy-pages" in publish


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_checkout_fetches_the_whole_history_so_dates_match_the_published_site(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    checkouts = [
        step
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if step.get("uses", "").startswith("actions/checkout")
    ]
    assert checkouts and all(step["with"]["fetch-depth"] == 0 for step in checkouts)
