"""Reading YAML: meaning never changes by YAML 1.1 guessing, unsafe YAML is refused with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loader import MAX_FILE_BYTES, LoadError, load_yaml


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
