"""Read one YAML submission file into plain data and a map of where each value was written.

Every scalar is kept as text: the model decides what a value means, so YAML 1.1 guessing
(``NO`` as false, ``021234567`` as octal, ``12:30`` as seconds) can never change it.
Anchors, aliases, custom tags and duplicate keys are refused here, with their line, and so are
control characters and text-direction overrides in any key or value: every scalar passes here.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.problems import FieldPath, Problem

try:  # libyaml is much faster; the pure-Python composer gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 12
_NULLS = {"", "~", "null", "Null", "NULL"}
# The tags YAML itself gives plain values, keys and lists; any other (!!binary, !!python/...) is refused.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
_QUOTED = ("'", '"', "|", ">")

# C0 controls but tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates:
# none belongs in a published text, and each can corrupt a page, a feed or a terminal, or make
# a text read differently from what it holds. Raw ones are mostly refused by the YAML reader
# already; a double-quoted escape ("\0", "\x1b", "\u202e") is not. Lone surrogates only a
# file name that is not UTF-8 can hold: such a name cannot even be printed.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_FORBIDDEN = re.compile(f"[{_CONTROL}{_BIDI}]")
_BIDI_ONLY = re.compile(f"[{_BIDI}]")
_NAME_FORBIDDEN = re.compile(f"[\t\n{_CONTROL}{_BIDI}]")  # a name is one line

Location = tuple[int, int]


@dataclass
class LoadedFile:
    """A file's data and the (line, column) of every key and list item in it."""

    path: Path
    data: Any
    positions: dict[FieldPath, Location] = field(default_factory=dict)

    def locate(self, loc: FieldPath) -> Location:
        """The position of the deepest part of ``loc`` that the file holds."""
        for end in range(len(loc), -1, -1):
            found = self.positions.get(tuple(loc[:end]))
            if found:
                return found
        return (1, 1)


class LoadError(Exception):
    """A file that cannot be read as a submission at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


def forbidden_character(text: str) -> str | None:
    """The first control or text-direction character in ``text``, if it holds one."""
    found = _FORBIDDEN.search(text)
    return found.group() if found else None


def forbidden_name_character(name: str) -> str | None:
    """The first character a file or folder name may not hold: as in a text, and no tab or newline."""
    found = _NAME_FORBIDDEN.search(name)
    return found.group() if found else None


def character_problem(path: Path, line: int, column: int, loc: FieldPath, char: str) -> Problem:
    """``char`` (from ``forbidden_character``) named by its code point, to be deleted."""
    code = "bidi_character" if _BIDI_ONLY.fullmatch(char) else "control_character"
    return Problem.at(path, line, column, loc, code, char=code_point(char))


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def read_regular_file(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``path``, which must be a regular file, not a link.

    Looked at with lstat before it is opened, and opened without following a link, so a link
    to ``/dev/zero`` or to a file outside the repository is never read.
    """
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        raise LoadError(Problem.at(path, 1, 1, "", "symlink", value=path.name))
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(Problem.at(path, 1, 1, "", "special_file", value=path.name))
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read(limit + 1)


def load_yaml(path: Path) -> LoadedFile:
    """Read ``path``; raise LoadError with a bilingual problem if it is not safe YAML."""
    raw = read_regular_file(path, MAX_FILE_BYTES)
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError(Problem.at(path, 1, 1, "", "file_too_large", limit=MAX_FILE_BYTES))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise LoadError(Problem.at(path, line, 1, "", "not_utf8")) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = f"{error.context or ''} {error.problem or ''}".strip()
        raise LoadError(Problem.at(path, line, col, "", "yaml_syntax", detail=detail)) from None
    except yaml.reader.ReaderError as error:  # a raw control character, where the reader meets it
        raise LoadError(_reader_problem(path, text, error)) from None
    except (yaml.YAMLError, RecursionError):
        raise LoadError(Problem.at(path, 1, 1, "", "yaml_syntax", detail="")) from None
    loaded = LoadedFile(path=path, data=None, positions={(): (1, 1)})
    if node is not None:
        loaded.data = _Builder(loaded).build(node, (), 0)
    return loaded


class _Builder:
    """Turns composed YAML nodes into dicts, lists and strings, recording positions."""

    def __init__(self, loaded: LoadedFile) -> None:
        self.loaded = loaded
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, path: FieldPath, code: str, **context: Any) -> LoadError:
        line, col = _where(node)
        return LoadError(Problem.at(self.loaded.path, line, col, path, code, **context))

    def build(self, node: yaml.Node, path: FieldPath, depth: int) -> Any:
        if id(node) in self.seen:  # an alias: the composer hands back the anchored node again
            line, col = self.loaded.positions.get(path, _where(node))
            raise LoadError(Problem.at(self.loaded.path, line, col, path, "yaml_alias"))
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self.fail(node, path, "too_deep", limit=MAX_DEPTH)
        if node.tag and node.tag not in _PLAIN_TAGS:
            raise self.fail(node, path, "yaml_tag", tag=node.tag)
        if isinstance(node, yaml.ScalarNode):
            self.check_characters(node, path)
            if node.style not in _QUOTED and node.value in _NULLS:
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.loaded.positions[(*path, index)] = _where(item)
                items.append(self.build(item, (*path, index), depth + 1))
            return items
        assert isinstance(node, yaml.MappingNode)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, path, "yaml_complex_key")
            self.check_characters(key_node, path)
            key = key_node.value
            if key == "<<":
                raise self.fail(key_node, path, "yaml_alias")
            if key in mapping:
                first = self.loaded.positions[(*path, key)][0]
                raise self.fail(key_node, (*path, key), "duplicate_key", key=key, first=first)
            self.loaded.positions[(*path, key)] = _where(key_node)
            mapping[key] = self.build(value_node, (*path, key), depth + 1)
        return mapping

    def check_characters(self, node: yaml.ScalarNode, path: FieldPath) -> None:
        """A key's or value's text holds no control or text-direction character."""
        char = forbidden_character(node.value)
        if char is not None:
            raise LoadError(character_problem(self.loaded.path, *_where(node), path, char))


def _reader_problem(path: Path, text: str, error: yaml.reader.ReaderError) -> Problem:
    """The character the YAML reader refused, named by code point at its line and column."""
    char = chr(error.character) if isinstance(error.character, int) else str(error.character)[:1]
    before = text[: error.position]
    if _Loader.__name__.startswith("C"):  # libyaml counts UTF-8 bytes, not characters
        before = text.encode("utf-8")[: error.position].decode("utf-8", "ignore")
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    if char and forbidden_character(char):
        return character_problem(path, line, column, (), char)
    return Problem.at(path, line, column, "", "yaml_syntax", detail=code_point(char) if char else "")


def _where(node: yaml.Node) -> Location:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
