"""Reading YAML safely: positions kept, bombs and tags refused, encodings handled, files cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.yamlsource import MAX_DEPTH, MAX_FILE_BYTES, YamlProblem, read_yaml
from tests.helpers import problems


def read_error(tmp_path: Path, text: str | bytes, name: str = "x.yaml") -> str:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(YamlProblem) as info:
        read_yaml(path)
    return info.value.problem.message


def test_values_and_keys_keep_their_positions(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("models:\n  - id: a\n    name: First\n")
    source = read_yaml(path)
    assert source.data == {"models": [{"id": "a", "name": "First"}]}
    assert source.position(("models", 0, "name")) == (3, 11)
    assert source.position(("models", 0, "name"), key=True) == (3, 5)
    assert source.position(("models", 0, "missing")) == (2, 5), "a missing field points at its parent"


def test_scalars_are_plain_data_read_as_yaml_1_2(tmp_path: Path) -> None:
    """YAML 1.2: only true/false are booleans, so "yes" stays text (no "Norway problem")."""
    path = tmp_path / "x.yaml"
    path.write_text("a: 1_000\nb: true\nyes: yes\nc: ~\nd: 2026-01-01\ne: 1.5\nf: >-\n  folded\n  text\n")
    assert read_yaml(path).data == {"a": 1000, "b": True, "yes": "yes", "c": None, "d": "2026-01-01", "e": 1.5, "f": "folded text"}


def test_each_read_returns_its_own_copy(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: [1, 2]\n")
    first = read_yaml(path)
    first.data["a"].append(3)
    assert read_yaml(path).data == {"a": [1, 2]}


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    assert read_error(tmp_path, "\n".join(lines) + "\n") == \
        "too many values (over 200,000); is an alias repeated many times?"


def test_deep_nesting_and_huge_files_are_refused(tmp_path: Path) -> None:
    assert read_error(tmp_path, "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)) == \
        f"nested deeper than {MAX_DEPTH} levels"
    assert "the limit is" in read_error(tmp_path, "# " + "x" * (MAX_FILE_BYTES + 10), "huge.yaml")


def test_tags_duplicate_keys_and_non_mappings_are_refused(tmp_path: Path) -> None:
    assert read_error(tmp_path, "a: !!python/object/apply:os.system [ls]\n") == \
        "tag '!!python/object/apply:os.system' is not allowed; content is plain data"
    assert read_error(tmp_path, "a: 1\na: 2\n") == ("duplicate key 'a': a key appears once in each item; to start another "
                                                    "item, begin its first line with '- '")
    assert read_error(tmp_path, "- a\n- b\n") == "expected a mapping of sections at the top level (key: value)"
    assert read_error(tmp_path, "? [a, b]\n: c\n") == "a key must be plain text"


def test_encodings_empty_files_and_byte_order_marks(tmp_path: Path) -> None:
    assert read_error(tmp_path, b"glossary:\n  - term: caf\xe9\n") == \
        "not valid UTF-8 (byte 0xe9); save the file as UTF-8"
    assert read_error(tmp_path, "# nothing yet\n") == "file is empty; expected a mapping of sections"
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_yaml(path).data == {"a": 1}


def test_a_broken_file_is_reported_with_its_place(mini: Path) -> None:
    (mini / "pack.yaml").write_text("pack: [unclosed\n")
    [message] = problems(mini)
    assert message.startswith("briefs/mini/pack.yaml:1:7: ")
