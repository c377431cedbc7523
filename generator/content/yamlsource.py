"""Read one YAML file safely into plain Python data plus a map of source positions.

We compose the YAML node graph ourselves instead of letting a loader construct
objects, so that: no tag can ever construct a Python object; every value and key
keeps its line and column for error messages; duplicate keys, alias bombs and
absurd nesting are refused with a clear message instead of a hang.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.content.fieldpath import FieldPath
from generator.content.yamlerrors import Mark, ParserError, explain_tag, explain_yaml_error
from generator.errors import Problem, display_path

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass
class SourceFile:
    """Data read from one YAML file and where each piece of it came from."""

    path: Path
    data: Any
    # (line, column), both 1-based, of each value and of each mapping key.
    values: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    # The text as written of each scalar YAML read as a number or true/false ("1.10" became 1.1): a fix
    # that quotes it must quote what the editor wrote, not what the parser made of it.
    written: dict[FieldPath, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return display_path(self.path)

    def position(self, path: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """Return the best known (line, column) for ``path``, walking up to a parent."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if not key and probe in self.keys:
                return self.keys[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))


class YamlProblem(Exception):  # noqa: N818  (it carries a Problem; not raised past the loader)
    """A YAML file could not be read at all; carries the located problem."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


_READ: dict[tuple[str, int, int], SourceFile] = {}


def read_yaml(path: Path) -> SourceFile:
    """Return the data of the YAML file at ``path`` or raise ``YamlProblem``.

    A file unchanged since it was last read (same size and modification time)
    is not parsed again: ``watch`` re-reads only the file an editor saved.
    Each call returns its own copy of the data, so callers may change it.
    """
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    if key and key in _READ and _READ[key].name == display_path(path):
        cached = _READ[key]
    else:
        cached = _read_yaml(path)
        if key:
            _READ[key] = cached
    return replace(cached, data=copy.deepcopy(cached.data))


@lru_cache(maxsize=2)
def _parser(pure: bool = False) -> YAML:
    """Return the YAML reader: the safe composer (YAML 1.2 resolution), in C (libyaml) unless ``pure``."""
    return YAML(typ="safe", pure=pure)


def _compose(text: str) -> Node:
    """Return the node graph of ``text``: libyaml's for speed, the YAML 1.2 reference parser's when libyaml refuses.

    libyaml implements YAML 1.1 and refuses some valid YAML 1.2 (a '?' inside a
    plain scalar in a flow mapping, for one), which the pure-Python parser reads.
    A file both refuse has a real mistake; libyaml's error is the one raised,
    since the advice in ``yamlerrors`` is written against its messages.
    """
    try:
        node: Node = _parser().compose(text)
    except (MarkedYAMLError, YAMLError) as fast_error:
        try:
            node = _parser(pure=True).compose(text)
        except (MarkedYAMLError, YAMLError):
            raise fast_error from None
    return node


def _read_yaml(path: Path) -> SourceFile:
    name = display_path(path)

    def fail(message: str, line: int = 0, column: int = 0) -> YamlProblem:
        return YamlProblem(Problem(name, line, column, "", message))

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("file not found") from None
    except IsADirectoryError:
        raise fail("is a folder, expected a YAML file") from None
    except OSError as exc:
        raise fail(f"cannot read file ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise fail(f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", line, 1) from None
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise fail("file is empty; expected a mapping of sections")
    try:
        node = _compose(text)
    except MarkedYAMLError as exc:
        explained = explain_yaml_error(text, ParserError(
            str(exc.problem or ""), str(exc.context or ""), _mark(exc.problem_mark), _mark(exc.context_mark)))
        raise fail(f"YAML syntax error: {explained.message}", explained.line, explained.column) from None
    except YAMLError:
        raise fail("YAML syntax error: the file cannot be read as YAML; check its indentation and quotes") from None
    source = SourceFile(path=path, data=None)
    builder = _Builder(source, fail)
    source.data = builder.build(node, (), 0)
    if not isinstance(source.data, dict):
        raise fail("expected a mapping of sections at the top level (key: value)", 1, 1)
    return source


def _mark(mark: Any) -> Mark | None:
    """Return a parser mark as a 1-based Mark."""
    return Mark(mark.line + 1, mark.column + 1) if mark is not None else None


class _Builder:
    """Turn a composed node graph into plain data, recording positions."""

    def __init__(self, source: SourceFile, fail: Any):
        self.source = source
        self.fail = fail
        self.count = 0

    def build(self, node: Node, path: FieldPath, depth: int) -> Any:
        self.count += 1
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if self.count > MAX_NODES:
            raise self.fail(
                f"too many values (over {MAX_NODES:,}); is an alias repeated many times?", line, col
            )
        if depth > MAX_DEPTH:
            raise self.fail(f"nested deeper than {MAX_DEPTH} levels", line, col)
        tag = str(node.tag) if node.tag is not None else ""
        value = getattr(node.tag, "value", None)  # ruamel's Tag object (newer) or a plain str (older)
        if isinstance(value, str):
            tag = value
        if tag not in _STANDARD_TAGS:
            if tag.startswith("!") and not tag.startswith("!!") and isinstance(node, ScalarNode):
                # "title: !Urgent …" is text that starts with '!', which YAML reads as a tag
                key = str(path[-1]) if path and isinstance(path[-1], str) else ""
                raise self.fail(f"YAML syntax error: {explain_tag(f'{tag} {node.value}'.strip(), key)}", line, col)
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(f"tag '{shown}' is not allowed; content is plain data", line, col)
        self.source.values[path] = (line, col)
        if isinstance(node, MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.build_key(key_node)
                key_pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in result:
                    raise self.fail(f"duplicate key '{key}': a key appears once in each item; to start "
                                    "another item, begin its first line with '- '", *key_pos)
                self.source.keys[path + (key,)] = key_pos
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        value = _scalar(tag, node.value)
        if not isinstance(value, str) and value is not None:
            self.source.written[path] = node.value
        return value

    def build_key(self, node: Node) -> str:
        if not isinstance(node, ScalarNode):
            raise self.fail(
                "a key must be plain text", node.start_mark.line + 1, node.start_mark.column + 1
            )
        return str(node.value)


def _scalar(tag: str, value: str) -> Any:
    """Return the Python value of a plain scalar with a standard tag."""
    if tag.endswith(":int"):
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag.endswith(":float"):
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    if tag.endswith(":bool"):
        return value.lower() in ("true", "yes", "on")
    if tag.endswith(":null"):
        return None
    return value  # str and timestamp stay text; the schema parses dates.
