"""Validate stage: agency folders -> a Site of typed reports, or the problems that stop it.

Reads every file with ``generator.loader``, checks it against ``generator.model``, then checks
what only the whole folder or the whole province can show (files referred to, duplicates).
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from generator import checks
from generator.fields import parse_be_year
from generator.loader import LoadedFile, LoadError, load_yaml
from generator.model import Agency, Report, walk
from generator.parallel import map_on_cores
from generator.problems import FieldPath, Problem
from generator.submissions import AgencySubmission, Site
from generator.tree import AGENCY_FILE, DATA_SUFFIXES, content_root, looks_like_content_root, tree_problems

PARALLEL_FROM = 100
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REPORT_NAME = re.compile(r"[0-9]{4}")
M = TypeVar("M", bound=BaseModel)


def validate_content(root: Path, agency: str = "", workers: int | None = None) -> tuple[Site, list[Problem]]:
    """The content root of the site (or only its folder ``agency``): what the build publishes.

    The root is named, not guessed: only agency folders may be in it, and any other entry is
    an error naming it.
    """
    folders, problems = content_root(root)
    if agency:
        folders = [folder for folder in folders if folder.name == agency]
    return _validate_folders(folders, problems, workers)


def validate_paths(paths: Iterable[Path], workers: int | None = None) -> tuple[Site, list[Problem]]:
    """Every agency under ``paths`` (content roots, agency folders or files in them).

    Agencies are independent, so a province's worth is checked on every core (``workers``;
    by default all of them from ``PARALLEL_FROM`` agencies on, where it pays for the start).
    """
    folders, problems = _agency_folders(paths)
    return _validate_folders(folders, problems, workers)


def _validate_folders(
    folders: list[Path], problems: list[Problem], workers: int | None
) -> tuple[Site, list[Problem]]:
    results = map_on_cores(validate_agency, folders, PARALLEL_FROM, workers)
    agencies: list[AgencySubmission] = []
    for agency, found in results:
        problems += found
        if agency:
            agencies.append(agency)
    problems += _duplicates(agencies)
    agencies.sort(key=lambda a: a.slug)
    return Site(tuple(agencies)), sorted(set(problems))


def _agency_folders(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The agency folders ``validate PATH ...`` names: a file stands for its folder, and a
    folder of agency folders is checked as a content root."""
    folders: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.is_dir():
            path = path.parent
        if not path.is_dir():
            continue
        if path.is_symlink() or not looks_like_content_root(path):
            folders.append(path)  # a link is refused as an agency folder, never listed
            continue
        found, trouble = content_root(path)
        folders += found
        problems += trouble
    return list(dict.fromkeys(folders)), problems


def validate_agency(folder: Path) -> tuple[AgencySubmission | None, list[Problem]]:
    """One agency folder: its agency file and every yearly report in it.

    Every entry under it is looked at first (``tree``); a link or a special file stops the
    agency before any of its files is read.
    """
    problems, unsafe = tree_problems(folder)
    if unsafe:
        return None, problems
    slug = folder.name
    if not SLUG.fullmatch(slug):
        problems.append(Problem.at(folder, 1, 1, "", "slug_format", value=slug))
    agency_path = folder / AGENCY_FILE
    agency = None
    if agency_path.exists():
        agency, _, found = _read(agency_path, Agency)
        problems += found
    else:
        problems.append(Problem.at(agency_path, 1, 1, "", "missing_agency_file"))
    reports: dict[int, Report] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name == AGENCY_FILE:
            continue
        if path.suffix.lower() not in DATA_SUFFIXES:
            continue
        name_problem = _report_name(path)
        if name_problem:
            problems.append(name_problem)
            continue
        report, loaded, found = _read(path, Report)
        problems += found
        if report is not None and loaded is not None:
            problems += checks.report_checks(loaded, report)
            reports[int(path.stem)] = report
    if agency is None or any(p.is_error for p in problems):
        return None, problems
    if not reports:
        problems.append(Problem.at(folder, 1, 1, "", "no_reports", severity="warning"))
    return AgencySubmission(slug, folder, agency, reports), problems


def _report_name(path: Path) -> Problem | None:
    """A report is named by four ASCII digits: ``๒๕๖๙.yml`` or ``２５６９.yml`` would otherwise
    be read as 2569 and silently replace the real ``2569.yml``."""
    if path.suffix == ".yml" and REPORT_NAME.fullmatch(path.stem):
        return None
    other_digits = path.stem.isdecimal() and not path.stem.isascii()
    code = "report_name_digits" if other_digits else "report_name"
    return Problem.at(path, 1, 1, "", code, value=path.name)


def _read(path: Path, model: type[M]) -> tuple[M | None, LoadedFile | None, list[Problem]]:
    """Load ``path`` and check it against ``model``; problems carry the file's lines."""
    try:
        loaded = load_yaml(path)
    except LoadError as error:
        return None, None, [error.problem]
    if loaded.data is None:
        return None, None, [Problem.at(path, 1, 1, "", "empty_file")]
    if not isinstance(loaded.data, dict):
        return None, None, [Problem.at(path, 1, 1, "", "model_type")]
    year_problem = _year_of(path, model)
    if year_problem:
        return None, None, [year_problem]
    try:
        instance = model.model_validate(loaded.data)
    except ValidationError as error:
        problems = [_problem(loaded, model, e) for e in error.errors()]
        # Personal data is reported in a file with other errors too: its strings as written.
        return None, None, problems + checks.private_data(loaded, [])
    values = list(walk(instance))
    problems = checks.file_references(loaded, values)
    problems += checks.private_data(loaded, values)
    problems += checks.translation_warnings(loaded, values)
    return instance, loaded, problems


def _year_of(path: Path, model: type[BaseModel]) -> Problem | None:
    if model is not Report:
        return None
    try:
        parse_be_year(path.stem)
    except PydanticCustomError as error:
        code = "year_is_ce" if error.type == "year_is_ce" else "report_name"
        return Problem.at(path, 1, 1, "", code, **{**(error.context or {}), "value": path.stem})
    return None


def _problem(loaded: LoadedFile, model: type[BaseModel], error: Any) -> Problem:
    """Turn one pydantic error into a problem at the line of the field it concerns."""
    code = error["type"]
    context: dict[str, Any] = dict(error.get("ctx") or {})
    # A check across fields names the field it is about with ``at``, relative to the model.
    loc: FieldPath = tuple(part for part in error["loc"] if part != "[key]") + tuple(context.pop("at", ()))
    key = str(loc[-1]) if loc else ""
    if code == "missing" and loc not in loaded.positions:  # absent, rather than written but left blank
        line, col = loaded.locate(loc[:-1])
    else:
        line, col = loaded.locate(loc)
    if code == "extra_forbidden":
        known = _known_keys(model, loc[:-1])
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        context["hint_th"] = f" หมายถึง `{close[0]}` หรือไม่" if close else " ให้ลบหรือแก้ชื่อช่อง"
        context["hint_en"] = f"; did you mean `{close[0]}`?" if close else "; remove it or fix its name"
    if code in ("model_attributes_type", "model_type"):
        code = "model_type"
    if code in ("int_parsing", "int_type"):
        code, context = "count_not_number", {"value": error.get("input")}
    if code == "enum":
        context["input"] = error.get("input")
    if code == "string_too_short" and key == "th":
        loc = loc[:-1]
    context.setdefault("detail", error.get("msg", ""))
    return Problem.at(loaded.path, line, col, loc, code, key=key, **context)


def _known_keys(model: type[BaseModel], loc: FieldPath) -> list[str]:
    """The keys allowed at ``loc`` inside ``model``, to suggest the closest one."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not _is_model(current):
            current = _inner(current)
            if isinstance(part, int):
                continue
        if _is_model(current) and isinstance(part, str) and part in current.model_fields:
            current = current.model_fields[part].annotation
        current = _inner(current)
    return list(current.model_fields) if _is_model(current) else []


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _inner(kind: Any) -> Any:
    """``list[X]``, ``dict[K, X]``, ``X | None`` and ``Annotated[X, ...]`` -> X."""
    while not _is_model(kind):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        if not args:
            return kind
        kind = args[-1] if typing.get_origin(kind) is dict else args[0]
    return kind


def _duplicates(agencies: list[AgencySubmission]) -> list[Problem]:
    """Two folders may not share a slug (ignoring case) nor an agency name."""
    problems: list[Problem] = []
    seen_slugs: dict[str, AgencySubmission] = {}
    seen_names: dict[str, AgencySubmission] = {}
    for agency in agencies:
        path = agency.folder / AGENCY_FILE
        other = seen_slugs.setdefault(agency.slug.lower(), agency)
        if other is not agency:
            problems.append(
                Problem.at(path, 1, 1, "", "duplicate_slug", value=agency.slug, other=other.folder)
            )
        for name in filter(None, (agency.agency.name.th, agency.agency.name.en)):
            other = seen_names.setdefault(_name_key(name), agency)
            if other is not agency:
                line = load_yaml(path).locate(("name",))
                problems.append(
                    Problem.at(
                        path, *line, "name", "duplicate_name", value=name, other=other.folder / AGENCY_FILE
                    )
                )
    return problems


def _name_key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()
