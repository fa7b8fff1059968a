"""The content tree on disk: what may sit under ``content/agencies/`` before anything is read.

Every entry is looked at with lstat (``os.scandir`` without following links): a symbolic link,
a pipe, a device or a socket is refused by its name and never opened, so a link to
``/dev/zero`` or to a file outside the repository is never read. Names must be printable and
must not collide on a computer that ignores case or Unicode normalization.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.loader import code_point, forbidden_name_character
from generator.problems import Problem

AGENCY_FILE = "agency.yml"
DATA_SUFFIXES = (".yml", ".yaml")


@dataclass
class Listing:
    """What a folder holds, by lstat: its folders, its regular files, and what is wrong."""

    folders: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unsafe: bool = False
    """A link, a special file or an unprintable name: nothing in the folder may be read."""


def list_folder(folder: Path) -> Listing:
    """One folder's entries, each checked by name and by lstat; never follows a link."""
    listing = Listing()
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        listing.problems.append(_unreadable(folder, error))
        listing.unsafe = True
        return listing
    for entry in entries:
        _sort_entry(folder, entry, listing)
    listing.problems += _collisions(folder, [entry.name for entry in entries])
    return listing


def _sort_entry(folder: Path, entry: os.DirEntry[str], listing: Listing) -> None:
    path = folder / entry.name
    char = forbidden_name_character(entry.name)
    if char is not None:  # reported at its folder: the name itself must not reach a terminal
        listing.problems.append(
            Problem.at(folder, 1, 1, "", "name_character", value=entry.name, char=code_point(char))
        )
        listing.unsafe = True
    elif entry.is_symlink():
        listing.problems.append(Problem.at(path, 1, 1, "", "symlink", value=entry.name))
        listing.unsafe = True
    elif entry.is_dir(follow_symlinks=False):
        listing.folders.append(path)
    elif entry.is_file(follow_symlinks=False):
        listing.files.append(path)
    else:
        listing.problems.append(Problem.at(path, 1, 1, "", "special_file", value=entry.name))
        listing.unsafe = True


def tree_problems(folder: Path) -> tuple[list[Problem], bool]:
    """Everything under an agency folder, the folder itself included; True when unsafe to read."""
    own = own_problem(folder)
    if own is not None:
        return [own], True
    problems: list[Problem] = []
    unsafe = False
    pending = [folder]
    while pending:
        listing = list_folder(pending.pop())
        problems += listing.problems
        unsafe = unsafe or listing.unsafe
        pending += listing.folders
    return problems, unsafe


def names_under(folder: Path, limit: int) -> list[str]:
    """Paths of everything under ``folder``, relative to it, at most ``limit`` of them: the
    names the site may publish (in the addresses of its files), found without following links."""
    names: list[str] = []
    pending = [folder]
    while pending and len(names) < limit:
        listing = list_folder(pending.pop())
        for path in listing.folders + listing.files:
            names.append(path.relative_to(folder).as_posix())
        pending += listing.folders
    return sorted(names[:limit])


def own_problem(folder: Path) -> Problem | None:
    """A folder named on the command line or in the config must itself be a real folder."""
    try:
        mode = folder.lstat().st_mode
    except OSError as error:
        return _unreadable(folder, error)
    if stat.S_ISLNK(mode):
        return Problem.at(folder, 1, 1, "", "symlink", value=folder.name)
    if not stat.S_ISDIR(mode):
        return Problem.at(folder, 1, 1, "", "special_file", value=folder.name)
    return None


def content_root(root: Path) -> tuple[list[Path], list[Problem]]:
    """The agency folders of a content root; any other entry there is an error naming it.

    A file at the root would otherwise be read as if the root were one agency's folder.
    """
    own = own_problem(root)
    if own is not None:
        return [], [own]
    listing = list_folder(root)
    problems = listing.problems
    for path in listing.files:
        problems.append(Problem.at(path, 1, 1, "", "not_agency_folder", value=path.name, root=root))
    return listing.folders, problems


def looks_like_content_root(folder: Path) -> bool:
    """For ``validate PATH``: a folder of agency folders rather than one agency's folder.

    It is one when a folder in it holds an agency file, or when it holds no data file itself.
    A root with a stray data file is still a root (and the file an error), so a file put at
    the root can never turn it into one agency.
    """
    listing = list_folder(folder)
    if any(os.path.lexists(sub / AGENCY_FILE) for sub in listing.folders):
        return True
    return not any(path.suffix.lower() in DATA_SUFFIXES for path in listing.files)


def _collisions(folder: Path, names: list[str]) -> list[Problem]:
    """Names a case-insensitive or normalizing file system (macOS, Windows) would merge."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for name in names:
        if forbidden_name_character(name) is not None:
            continue
        other = seen.setdefault(_folded(name), name)
        if other != name:
            problems.append(Problem.at(folder / name, 1, 1, "", "name_collision", value=name, other=other))
    return problems


def _folded(name: str) -> str:
    """Unicode's canonical caseless form: NFD, case folded, NFD again."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())


def _unreadable(path: Path, error: OSError) -> Problem:
    return Problem.at(path, 1, 1, "", "unreadable", value=path.name, detail=error.strerror or "")
