"""Read one YAML submission file into plain data and a map of where each value was written.

Every scalar is kept as text: the model decides what a value means, so YAML 1.1 guessing
(``NO`` as false, ``021234567`` as octal, ``12:30`` as seconds) can never change it.
Anchors, aliases, custom tags and duplicate keys are refused here, with their line.
"""

from __future__ import annotations

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
_STANDARD_TAG = "tag:yaml.org,2002:"
_QUOTED = ("'", '"', "|", ">")

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


def load_yaml(path: Path) -> LoadedFile:
    """Read ``path``; raise LoadError with a bilingual problem if it is not safe YAML."""
    raw = path.read_bytes()
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
        if node.tag and not node.tag.startswith(_STANDARD_TAG):
            raise self.fail(node, path, "yaml_tag", tag=node.tag)
        if isinstance(node, yaml.ScalarNode):
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
            key = key_node.value
            if key == "<<":
                raise self.fail(key_node, path, "yaml_alias")
            if key in mapping:
                first = self.loaded.positions[(*path, key)][0]
                raise self.fail(key_node, (*path, key), "duplicate_key", key=key, first=first)
            self.loaded.positions[(*path, key)] = _where(key_node)
            mapping[key] = self.build(value_node, (*path, key), depth + 1)
        return mapping


def _where(node: yaml.Node) -> Location:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
