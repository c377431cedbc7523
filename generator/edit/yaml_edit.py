"""Change fields of one pack file, keeping every comment, key order, quote and line break of the rest.

The file is read with ruamel.yaml's round-trip loader, changed in place and
written back: every real pack reads and writes back byte for byte (a test
holds that), so a change to one field changes only that field's lines. A new
text keeps the style of the one it replaces: a folded block (``>-``) stays a
folded block, folded again at the file's width; a quoted string stays quoted.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from generator.content.fieldpath import FieldPath, dotted

WIDTH = 100  # columns a folded text is folded at, as the packs are written


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the editor did not touch
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def digest(text: str) -> str:
    """Return the fingerprint of a file's text: a form carries it, and a save checks the file still has it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EditError(ValueError):
    """A change that cannot be made to this file (no such field, not a list …), in an editor's words."""


@dataclass
class EditableFile:
    """One pack file, read for editing: its text as read, and its data as a round-trip tree."""

    text: str
    data: Any
    _after_empty: list[tuple[FieldPath, str]] = field(default_factory=list)  # comment lines after an emptied list

    @classmethod
    def parse(cls, text: str) -> EditableFile:
        return cls(text, _yaml().load(text))

    @property
    def read_digest(self) -> str:
        return digest(self.text)

    def get(self, path: FieldPath) -> Any:
        """Return the value at ``path``."""
        node = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                raise EditError(f"no field {_dotted(path)} in this file") from None
        return node

    def set(self, path: FieldPath, value: Any, before: Sequence[str] = ()) -> None:
        """Set the field at ``path`` to ``value``, in the style of the value it replaces.

        A key the mapping does not have yet goes before the first of ``before``
        it has (where the schema puts it), else last.
        """
        parent, key = self._parent(path)
        if isinstance(parent, CommentedMap) and key not in parent:
            later = [index for index, existing in enumerate(parent) if existing in before]
            parent.insert(later[0] if later else len(parent), key, styled(value, None, _indent(path)))
            return
        old = parent.get(key) if isinstance(parent, CommentedMap) else parent[key]
        parent[key] = styled(value, old, _indent(path))

    def remove(self, path: FieldPath) -> None:
        """Remove the field or list item at ``path``.

        The comment lines after a list's last item (often the next section's
        heading comment) belong to that item in the YAML tree; removing the
        item hands them to the item before it, or to the list's key.
        """
        parent, key = self._parent(path)
        last = isinstance(parent, CommentedSeq) and key == len(parent) - 1
        trailing = _take_trailing(parent[key]) if last else ""
        del parent[key]
        if isinstance(parent, CommentedSeq) and not parent and parent.ca.end:
            trailing = "".join(t.value for t in parent.ca.end) + trailing
            parent.ca.end = []
        if trailing and parent:
            _give_trailing(parent[-1], trailing)
        elif trailing and len(path) > 1:
            self._after_empty.append((path[:-1], trailing))  # the emitter drops comments after '[]'

    def append(self, path: FieldPath, item: Any) -> None:
        """Add ``item`` at the end of the list at ``path``."""
        items = self.get(path)
        if not isinstance(items, CommentedSeq):
            raise EditError(f"{_dotted(path)} is not a list")
        node = _tree(item)
        if items and isinstance(node, CommentedMap) and isinstance(items[-1], CommentedMap) \
                and items[-1].fa.flow_style():
            node.fa.set_flow_style()  # a list of one-line entries gets one more line like them
            for key, value in node.items():
                if isinstance(value, str) and any(mark in value for mark in ",[]{}:#\"'"):
                    node[key] = DoubleQuotedScalarString(value)  # read back whole inside { }
        items.append(node)

    def move(self, path: FieldPath, source: int, target: int) -> None:
        """Move the item at ``source`` of the list at ``path`` to ``target``."""
        items = self.get(path)
        if not isinstance(items, CommentedSeq) or not (0 <= source < len(items) and 0 <= target < len(items)):
            raise EditError(f"{_dotted(path)} has no item {source + 1} or {target + 1}")
        items.insert(target, items.pop(source))

    def dump(self) -> str:
        """Return the file's text as it is now."""
        out = io.StringIO()
        _yaml().dump(self.data, out)
        text = out.getvalue()
        for path, comment in self._after_empty:
            written = EditableFile.parse(text)
            holder = written.get(path[:-1])
            if not isinstance(holder, CommentedMap) or path[-1] not in holder:
                continue
            lines = text.splitlines(keepends=True)
            line = holder.lc.key(path[-1])[0]
            text = "".join(lines[: line + 1]) + comment + "".join(lines[line + 1:])
        return text

    def _parent(self, path: FieldPath) -> tuple[Any, Any]:
        if not path:
            raise EditError("no field named")
        parent = self.get(path[:-1])
        key = path[-1]
        if isinstance(parent, CommentedSeq) and not (isinstance(key, int) and 0 <= key < len(parent)):
            raise EditError(f"no item {key} in {_dotted(path[:-1])}")
        if not isinstance(parent, (CommentedMap, CommentedSeq)):
            raise EditError(f"{_dotted(path[:-1])} holds no fields")
        return parent, key


def _last_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Return (container, key, slot) where the comment after ``node``'s last line is kept, if it is a block."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        child = node[key]
        if not isinstance(child, (CommentedMap, CommentedSeq)) or child.fa.flow_style():
            return node, key, 2 if isinstance(node, CommentedMap) else 0
        node = child
    return None


def _take_trailing(node: Any) -> str:
    """Remove and return the lines of comment after ``node``'s last line (its own line's comment stays)."""
    slot = _last_slot(node)
    if slot is None:
        return ""
    container, key, index = slot
    tokens = container.ca.items.get(key)
    if not tokens or tokens[index] is None:
        return ""
    own, newline, after = str(tokens[index].value).partition("\n")
    tokens[index] = CommentToken(own + newline, CommentMark(0)) if own else None
    return after


def _give_trailing(node: Any, comment: str) -> None:
    """Put the lines of ``comment`` after ``node``'s last line (where the removed item's were)."""
    slot = _last_slot(node)
    if slot is None:
        return
    container, key, index = slot
    tokens = container.ca.items.setdefault(key, [None, None, None, None])
    old = str(tokens[index].value) if tokens[index] is not None else "\n"
    tokens[index] = CommentToken(old + comment, CommentMark(0))


def styled(value: Any, old: Any, indent: int) -> Any:
    """Return ``value`` in the scalar style of ``old``: folded, literal, single- or double-quoted, or plain."""
    if not isinstance(value, str):
        return _tree(value)
    if isinstance(old, FoldedScalarString) and _foldable(value):
        return folded(value, indent)
    if value != value.strip() or not value.isprintable():
        return DoubleQuotedScalarString(value)  # escaped: a tab, a line break or a NUL comes back exactly
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(value)
    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(value)
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(value)
    return value


def _foldable(text: str) -> bool:
    """Return whether a folded block gives ``text`` back exactly: one line of single spaces, all printable.

    Anything else (paragraph breaks, tabs, control or line-separator characters)
    is written as ruamel chooses, quoted and escaped where it must be: the text
    comes back exactly, in a style the file did not use before.
    """
    return bool(text) and text == " ".join(text.split()) and text.isprintable()


def folded(text: str, indent: int) -> Any:
    """Return ``text`` as a folded block (``>-``), folded at spaces to stay within ``WIDTH`` columns."""
    words = " ".join(text.split())
    block: Any = FoldedScalarString(words)
    positions, start, last_space = [], 0, -1
    for index, char in enumerate(words):
        if char == " ":
            if index - start + indent > WIDTH and last_space > start:
                positions.append(last_space)
                start = last_space + 1
            last_space = index
    if len(words) - start + indent > WIDTH and last_space > start:
        positions.append(last_space)
    block.fold_pos = positions  # ruamel's own attribute: where the block folds
    return block


def _tree(value: Any) -> Any:
    """Return plain Python data as round-trip nodes (a new list item written as the file writes items)."""
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _tree(item)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_tree(item) for item in value)
        if all(not isinstance(item, (dict, list)) for item in value):
            seq.fa.set_flow_style()  # a short list of ids, "[a, b]", as the packs write them
        return seq
    return value


def _indent(path: FieldPath) -> int:
    """Return the column a folded block's lines start at for the field at ``path``, as the packs indent.

    A key is two columns in from its parent key; a list item's keys start four
    in (``  - id:``); the block's lines are two in from their key.
    """
    column = 0
    for index, step in enumerate(path[1:], start=1):
        if isinstance(step, int):
            column += 4
        elif not isinstance(path[index - 1], int):
            column += 2
    return column + 2


def _dotted(path: FieldPath) -> str:
    return dotted(path) or "the file"
