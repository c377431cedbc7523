"""What a submitted form changes: each input read as the YAML holds it, written only where it differs.

An input left as the file has it is not touched (its text keeps its style);
one emptied removes its field; a new field goes where the schema puts it; a
new item is nested as its form nests it. A refusal's problems are put back
on the inputs they are about.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from generator.content.explain import fields_by_key, model_at
from generator.content.fieldpath import FieldPath, dotted
from generator.content.schema import Pack
from generator.edit import items
from generator.edit.forms import Group, Input
from generator.edit.yaml_edit import EditableFile


def shown(form: Group) -> dict[str, list[str]]:
    """Return what a browser sends for ``form`` as it is shown (line ends as LF): the baseline of a change."""
    sent: dict[str, list[str]] = {}
    for box in form.inputs():
        if box.kind == "checkbox":
            sent[box.name] = ["on"] if box.value else []
        elif box.kind in ("checkboxes",):
            sent[box.name] = list(box.value)
        elif box.kind == "lines":
            sent[box.name] = ["\n".join(box.value)]
        else:
            sent[box.name] = [str(box.value)]
    return sent


def sent(values: Mapping[str, Sequence[str]], name: str) -> list[str]:
    """Return what the browser sent for the input ``name``, line ends as LF (a text box sends CR LF)."""
    return [v.replace("\r\n", "\n").replace("\r", "\n") for v in values.get(name, ())]


def values(form: Group, values: Mapping[str, Sequence[str]]) -> dict[FieldPath, Any]:
    """Return each input's submitted value, as the YAML would hold it (None: left empty)."""
    out: dict[FieldPath, Any] = {}
    for box in form.inputs():
        got = sent(values, box.name)
        first = got[0] if got else ""
        if box.kind == "checkbox":  # unticked: false where the field must be given, else left to its default
            out[box.path] = True if got else (False if box.required else None)
        elif box.kind == "checkboxes":
            keep = [v for v in box.value if v in got]
            out[box.path] = keep + [v for v, _ in box.choices if v in got and v not in keep] or None
        elif box.kind == "lines":
            out[box.path] = [line.strip() for line in first.split("\n") if line.strip()] or None
        elif first == "":
            out[box.path] = None
        elif box.kind == "number" and re.fullmatch(r"-?\d+", first.strip()):
            out[box.path] = int(first)
        elif box.kind == "date":
            try:
                out[box.path] = dt.date.fromisoformat(first.strip())
            except ValueError:
                out[box.path] = first
        else:
            out[box.path] = first
    return out


def apply(file: EditableFile, item: FieldPath, form: Group, values: Mapping[FieldPath, Any]) -> list[FieldPath]:
    """Write the changed ``values`` of ``form`` into ``file`` at ``item``; return the fields changed.

    An input left as the file has it is not touched (its text keeps its style);
    one emptied removes its field; a new field goes where the schema puts it.
    """
    changed = []
    defaults = {box.path: box for box in form.inputs()}
    for path, new in values.items():
        old = _get(file.data, (*item, *path))
        if _same(old, new, defaults[path]):
            continue
        if new is None:
            if old is not _MISSING:
                file.remove((*item, *path))
                _prune(file, item, path[:-1])
        else:
            _ensure(file, item, path[:-1])
            put(file, (*item, *path), new)
        changed.append(path)
    return changed


def new_item(values: Mapping[FieldPath, Any]) -> dict[str, Any]:
    """Return a new item from a submitted form: the fields given, nested as the form nests them."""
    out: dict[Any, Any] = {}
    for path, value in values.items():
        if value is None:
            continue
        node: Any = out
        for step, following in itertools.pairwise(path):
            node = node.setdefault(step, [] if isinstance(following, int) else {}) if isinstance(node, dict) \
                else _at(node, step)
        last = path[-1]
        if isinstance(node, list):
            while len(node) <= int(last):
                node.append({})
            node[int(last)] = value
        else:
            node[last] = value
    return out


def problems_at(form: Group, item: FieldPath, problems: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Put each (field, message) on the input it is about; return those no input holds.

    A problem belongs to the input whose field is the longest one its field
    starts with (``sources[2]`` belongs to ``sources``).
    """
    boxes = sorted(form.inputs(), key=lambda b: -len(b.path))
    left = []
    for where, message in problems:
        box = next((b for b in boxes if _within(where, dotted((*item, *b.path)))), None)
        # A rule between fields ("date … is not in year …") belongs to each field it names.
        named = [b for b in boxes if dotted((*item, *b.path[:-1])) == where and len(b.path) >= 1
                 and re.search(rf"\b{re.escape(str(b.path[-1]))}\b", message)] if box is None else [box]
        if not named:
            left.append((where, message))
        for box in named:
            box.error = f"{box.error} {message}".strip() if box.error else message
    return left


class _Missing:
    pass


_MISSING = _Missing()


def _get(data: Any, path: FieldPath) -> Any:
    return items.value_at(data, path, _MISSING)


def _same(old: Any, new: Any, box: Input) -> bool:
    if old is _MISSING:
        return new is None or (box.kind == "checkbox" and new is False) or (box.kind == "menu" and new == box.value
                                                                              and new != "" and not box.required)
    if isinstance(old, list) and isinstance(new, list):
        return [str(v) for v in old] == [str(v) for v in new]
    if isinstance(old, (bool, int, dt.date)) or old is None:
        return bool(old == new)
    return isinstance(new, str) and str(old) == new


def _ensure(file: EditableFile, item: FieldPath, path: FieldPath) -> None:
    """Create the mappings on the way to ``path`` that the file does not have yet (a new translation)."""
    for end in range(1, len(path) + 1):
        if _get(file.data, (*item, *path[:end])) is _MISSING:
            put(file, (*item, *path[:end]), {})


def put(file: EditableFile, path: FieldPath, value: Any) -> None:
    """Set ``path``; a key the mapping lacks goes before the keys the schema puts after it."""
    model = model_at(path[:-1], Pack)
    order = list(fields_by_key(model)) if model is not None else []
    key = str(path[-1])
    file.set(path, value, before=order[order.index(key) + 1:] if key in order else ())


def _prune(file: EditableFile, item: FieldPath, path: FieldPath) -> None:
    """Remove mappings the form emptied (a translation whose every field was cleared)."""
    while path:
        node = _get(file.data, (*item, *path))
        if not isinstance(node, dict) or node:
            return
        file.remove((*item, *path))
        path = path[:-1]


def _within(field_name: str, prefix: str) -> bool:
    return field_name == prefix or field_name.startswith((prefix + ".", prefix + "["))


def _at(node: list[Any], index: Any) -> Any:
    while len(node) <= int(index):
        node.append({})
    return node[int(index)]
