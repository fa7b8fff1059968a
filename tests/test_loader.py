"""Reading YAML: meaning never changes by YAML 1.1 guessing, unsafe YAML is refused with its line."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.loader import MAX_FILE_BYTES, LoadError, load_yaml
from generator.problems import FieldPath, field_name
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "valid" / "sample-office"


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "2569.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_scalars_stay_text_so_a_phone_number_keeps_its_leading_zero(tmp_path: Path) -> None:
    data = load_yaml(
        write(tmp_path, "phone: 021234567\nanswer: NO\nflag: yes\ntime: 12:30\ndate: 2567-10-01\n")
    ).data
    assert data == {
        "phone": "021234567",
        "answer": "NO",
        "flag": "yes",
        "time": "12:30",
        "date": "2567-10-01",
    }


def test_empty_values_are_none_but_quoted_empty_text_is_kept(tmp_path: Path) -> None:
    data = load_yaml(write(tmp_path, 'a:\nb: ~\nc: ""\n')).data
    assert data == {"a": None, "b": None, "c": ""}


def test_positions_point_at_keys_and_list_items(tmp_path: Path) -> None:
    loaded = load_yaml(write(tmp_path, "next_steps:\n  - one\n  - two\n"))
    assert loaded.locate(("next_steps",)) == (1, 1)
    assert loaded.locate(("next_steps", 1)) == (3, 5)
    assert loaded.locate(("next_steps", 1, "th")) == (3, 5)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: 1\nb: 2\na: 3\n", "duplicate_key", 3),
        ("a: &x 1\nb: *x\n", "yaml_alias", 2),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "yaml_alias", 3),
        ("a: !python/object foo\n", "yaml_tag", 1),
        ("a:\n  - b\n c: d\n", "yaml_syntax", 3),
        ("? [a, b]\n: c\n", "yaml_complex_key", 1),
        ("a: " + "[" * 40 + "]" * 40 + "\n", "too_deep", 1),
    ],
)
def test_unsafe_or_broken_yaml_is_refused_with_its_line(
    tmp_path: Path, text: str, code: str, line: int
) -> None:
    with pytest.raises(LoadError) as raised:
        load_yaml(write(tmp_path, text))
    assert raised.value.problem.code == code
    assert raised.value.problem.line == line


def test_a_file_not_in_utf8_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    thai_in_tis620 = "ชื่อ".encode("tis-620")
    with pytest.raises(LoadError) as raised:
        load_yaml(write(tmp_path, b"a: 1\nname: " + thai_in_tis620 + b"\n"))
    assert (raised.value.problem.code, raised.value.problem.line) == ("not_utf8", 2)
    assert "UTF-8" in raised.value.problem.en


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as raised:
        load_yaml(write(tmp_path, "a: " + "x" * MAX_FILE_BYTES + "\n"))
    assert raised.value.problem.code == "file_too_large"


@pytest.mark.parametrize(
    ("text", "line", "column", "char"),
    [
        ('name: "สำนักงาน\\0"\n', 1, 7, "U+0000"),
        ('a: ok\nname: "\\x1b[31mแดง"\n', 2, 7, "U+001B"),
        ('name: "บรรทัด\\rทับ"\n', 1, 7, "U+000D"),
        ("name: 'ลบ\x7f'\n", 1, 10, "U+007F"),  # raw: at the character itself
        ('name: "\\N"\n', 1, 7, "U+0085"),
        ('name: "\\x9b31m"\n', 1, 7, "U+009B"),
        ("fee: ค่าธรรมเนียม \u202e005 บาท\n", 1, 6, "U+202E"),
        ('fee: "\\u2066005\\u2069"\n', 1, 6, "U+2066"),
        ('list:\n  - ok\n  - "x\\u202ay"\n', 3, 5, "U+202A"),
        ('"na\\0me": x\n', 1, 1, "U+0000"),
        ("top:\n  ke\u202dy: x\n", 2, 3, "U+202D"),
        ("text: |\n  one\n  \u2067two\n", 1, 7, "U+2067"),
    ],
)
def test_control_and_direction_characters_are_refused_where_their_text_starts(
    tmp_path: Path, text: str, line: int, column: int, char: str
) -> None:
    """A NUL breaks the Atom feed, an ANSI escape rewrites a reviewer's terminal, a bidi override
    shows `500` as `005`: each is refused, in keys and values, at the line of its text."""
    with pytest.raises(LoadError) as raised:
        load_yaml(write(tmp_path, text))
    problem = raised.value.problem
    assert (problem.line, problem.column) == (line, column)
    assert char in problem.th and char in problem.en
    assert "ลบ" in problem.th and "delete it" in problem.en
    assert not any(ch in problem.format() for ch in "\0\x1b\r\x7f\x85\x9b\u202a\u202d\u202e\u2066\u2067")


def test_tabs_newlines_and_thai_marks_stay_allowed(tmp_path: Path) -> None:
    data = load_yaml(
        write(tmp_path, 'a: "ก\\tข\\nค"\nb: "น\u0e4d\u0e32\u200b"\nc: |\r\n  one\r\n  two\r\n')
    ).data
    assert data == {"a": "ก\tข\nค", "b": "น\u0e4d\u0e32\u200b", "c": "one\ntwo\n"}


def test_a_symlinked_file_is_refused_without_being_read(tmp_path: Path) -> None:
    """A link to another file must not print that file's values in a message."""
    secret = tmp_path / "secret.yml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    link = tmp_path / "agency.yml"
    link.symlink_to(secret)
    with pytest.raises(LoadError) as raised:
        load_yaml(link)
    assert raised.value.problem.code == "symlink"
    assert "hunter2" not in raised.value.problem.format()


def test_a_pipe_is_refused_without_waiting_for_it(tmp_path: Path) -> None:
    pipe = tmp_path / "2569.yml"
    os.mkfifo(pipe)

    def waited(*_: object) -> None:
        raise TimeoutError("load_yaml waited for a writer")

    previous = signal.signal(signal.SIGALRM, waited)
    signal.alarm(10)  # reading a pipe blocks: fail, rather than hang the test run
    try:
        with pytest.raises(LoadError) as raised:
            load_yaml(pipe)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert raised.value.problem.code == "special_file"


def _scalars(data: Any, loc: FieldPath = ()) -> Iterator[tuple[FieldPath, bool]]:
    """Every key (True) and every leaf value (False) of plain data, by where it sits."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*loc, str(key)), True
            yield from _scalars(value, (*loc, str(key)))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _scalars(item, (*loc, index))
    elif data is not None:
        yield loc, False


def _marked(data: Any, loc: FieldPath, is_key: bool, mark: str) -> Any:
    """A copy of ``data`` with ``mark`` appended to the key or value at ``loc``."""
    if not loc:
        return f"{data}{mark}"
    head, rest = loc[0], loc[1:]
    if isinstance(data, list):
        return [_marked(item, rest, is_key, mark) if i == head else item for i, item in enumerate(data)]
    copy = {}
    for key, value in data.items():
        if str(key) != head:
            copy[key] = value
        elif is_key and not rest:
            copy[f"{key}{mark}"] = value
        else:
            copy[key] = _marked(value, rest, is_key, mark)
    return copy


@pytest.mark.parametrize("name", ["agency.yml", "2569.yml"])
def test_every_key_and_value_of_a_real_submission_is_checked_for_control_characters(
    tmp_path: Path, name: str
) -> None:
    """Not only text fields: a count, a date, a file name or a key holding an escape is refused too."""
    data = yaml.safe_load((SAMPLE / name).read_text(encoding="utf-8"))
    clean = load_yaml(write(tmp_path, yaml.safe_dump(data, allow_unicode=True, width=10**6)))
    scalars = list(_scalars(data))
    assert len(scalars) > 20
    for loc, is_key in scalars:
        marked = _marked(data, loc, is_key, "\x1b[2J")
        with pytest.raises(LoadError) as raised:
            load_yaml(write(tmp_path, yaml.safe_dump(marked, allow_unicode=True, width=10**6)))
        problem = raised.value.problem
        where = f"{name} {loc} {'key' if is_key else 'value'}"
        assert problem.code == "control_character", where
        assert problem.field == field_name(loc[:-1] if is_key else loc), where
        assert problem.line == clean.positions[loc][0], where


@pytest.mark.parametrize(
    "tagged", ["!!python/object:os.system central", "!!binary aGVsbG8=", "!!set {a: null}"]
)
def test_a_yaml_tag_beyond_plain_values_is_refused_at_its_line(tmp_path: Path, tagged: str) -> None:
    """The README's promise: tags are refused, even those under YAML's own prefix."""
    path = tmp_path / "agency.yml"
    path.write_text(f"name: x\nkind: {tagged}\n", encoding="utf-8")
    with pytest.raises(LoadError) as error:
        load_yaml(path)
    assert error.value.problem.code == "yaml_tag" and error.value.problem.line == 2
