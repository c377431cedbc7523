"""A form for one item, generated from the content schema, and the changes a submitted form makes.

Each field of the item's schema class becomes an input of its kind: a line or
a text box for text (by its length limit), a number, a date, a checkbox, a
menu for a fixed set (an event's kind) or the pack's own words (a party's
status), checkboxes for a set of ids (sources, audiences), one line per entry
for a list of short texts. A field's label is its key in words and its help
the schema's description, the same words as the format reference. Nested
mappings (a quotation's translation, each party under ``criminalised``) are
fieldsets in the same form; a list of items (a model's jurisdictions) is a
list of links, each entry edited on its own form, except in a new item that
needs its first entry (a new model's first jurisdiction), which is inline.

Reading a submission compares each input with the value the file holds, so
only what the editor changed is written, in the file's own style.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.content.explain import fields_by_key, model_at, unwrap
from generator.content.fieldpath import FieldPath, dotted
from generator.content.schema import Pack
from generator.edit import items

LINE_LIMIT = 300  # characters: a text field allowing more than this is a text box, not a line
LINES = ("url", "link")  # addresses are one line whatever their length
# Labels clearer than the key in words, for keys whose name is shorthand.
LABELS = {"url": "Web address (URL)", "link": "Web address (URL) of the QR code",
          "as_of": "Status last confirmed (year)", "until": "Status ended (year)", "also": "Also under these models",
          "status_max_age": "Oldest status to trust (years)", "checked": "Checked: someone read it at this address",
          "featured": "Featured on the one-page summary", "descriptive_title": "The title is a description"}
GENERIC = ("Plain text.",)  # a type's own description says nothing a label does not
Choices = tuple[tuple[str, str], ...]  # (value, what it is called)


@dataclass
class Input:
    """One input of a form: where its value goes, how it is asked for, and what it holds now."""

    path: FieldPath  # relative to the item
    label: str
    help: str
    kind: str  # line, box, number, date, checkbox, menu, checkboxes, lines
    value: Any  # str, bool, or a tuple of str (checkboxes, lines)
    required: bool
    choices: Choices = ()
    error: str = ""
    scope: str = ""  # a second item in the same form (the new source) names its inputs apart
    needed: bool = False  # whether its item must have it (``required`` only once the item is there)

    @property
    def name(self) -> str:
        """The input's name in the form: its path, steps joined by '/'."""
        return "/".join(str(step) for step in ("f", *filter(None, [self.scope]), *self.path))


@dataclass
class Sublist:
    """A list inside the item (a model's jurisdictions): its entries, each edited on its own form."""

    path: FieldPath  # absolute
    label: str
    kind: str
    entries: tuple[tuple[FieldPath, str], ...]


@dataclass
class Group:
    """A fieldset: the item itself, or a mapping inside it, with its inputs and the lists inside it."""

    path: FieldPath  # relative to the item
    legend: str
    help: str
    parts: list[Input | Group] = field(default_factory=list)
    lists: list[Sublist] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # fields the form leaves to the YAML file

    def inputs(self) -> Iterator[Input]:
        for part in self.parts:
            if isinstance(part, Input):
                yield part
            else:
                yield from part.inputs()

    def sublists(self) -> Iterator[Sublist]:
        yield from self.lists
        for part in self.parts:
            if isinstance(part, Group):
                yield from part.sublists()


@dataclass(frozen=True)
class Context:
    """What the pack offers a form's menus: its statuses, parties, effects, fields, source ids, models, audiences."""

    sources: Choices
    statuses: Choices
    parties: tuple[str, ...]
    effects: tuple[str, ...]
    details: tuple[str, ...]
    models: Choices
    audiences: Choices
    dimensions: Choices = ()  # what a row of the models-compared table may show

    def choices(self, key: str) -> Choices | None:
        """Return the values a field of this key may take, or None when it is free text."""
        return {"sources": self.sources, "source": self.sources, "status": self.statuses, "also": self.models,
                "audiences": self.audiences, "field": self.dimensions or None}.get(key)

    def keys(self, key: str) -> tuple[str, ...] | None:
        """Return the keys a mapping of this key has: one per party, effect or detail field the pack declares."""
        return {"criminalised": self.parties, "effects": self.effects, "details": self.details}.get(key)


def form_for(item: FieldPath, data: Any, context: Context, new: bool = False) -> Group:
    """Return the form of the item at ``item`` holding ``data`` (the YAML as read; ``{}`` for a new item)."""
    model = model_at(item, Pack)
    if model is None:
        raise ValueError(f"{dotted(item)} is not an item a form can edit")
    legend = f"New {items.kind_of(item)}" if new else items.label(item, data)
    group = Group((), legend[0].upper() + legend[1:], _help((model.__doc__ or "").strip().split("\n\n")[0]))
    _fill(group, model, data if isinstance(data, Mapping) else {}, item, context, new, present=True)
    return group


def _fill(group: Group, model: type[BaseModel], data: Mapping[str, Any], item: FieldPath, context: Context,
          new: bool, present: bool) -> None:
    """Add an input, fieldset or list to ``group`` for each field of ``model``."""
    for key, info in fields_by_key(model).items():
        path = (*group.path, key)
        value = data.get(key)
        types = _types(info.annotation)
        required = present and info.is_required()
        help_text = _help(info.description or "")
        label = LABELS.get(key, _words(key))
        choices = context.choices(key)
        if choices == ():
            continue  # nothing to choose from (audiences in a pack without variants)
        bases = [t for t in types if _is_model(t)]
        listed = [typing.get_args(t)[0] for t in types if typing.get_origin(t) is list]
        mapped = [typing.get_args(t) for t in types if typing.get_origin(t) is dict]
        if choices is not None:
            if listed:
                group.parts.append(Input(path, label, help_text, "checkboxes", tuple(value or ()), required, choices,
                                         needed=info.is_required()))
            else:
                menu = choices if required else (("", "(none)"), *choices)
                group.parts.append(Input(path, label, help_text, "menu", _text(value), required, menu))
        elif bases:
            inner = Group(path, label, _help(info.description or ""))
            _fill(inner, bases[0], value if isinstance(value, Mapping) else {}, item, context, new,
                  present=present and (value is not None or info.is_required()))
            group.parts.append(inner)
        elif mapped:
            _mapping(group, path, key, label, info, mapped[0], value, item, context, new, present)
        elif listed and _is_model(listed[0]):
            _list(group, path, key, label, info, listed[0], value, item, context, new, present)
        elif listed:
            group.parts.append(Input(path, label, (help_text + " One per line.").strip(), "lines",
                                     tuple(str(v) for v in value or ()), required))
        else:
            group.parts.append(_scalar(path, label, help_text, types, info, value, required))


def _scalar(path: FieldPath, label: str, help_text: str, types: list[Any], info: FieldInfo, value: Any,
            required: bool) -> Input:
    literals = [t for t in types if typing.get_origin(t) is typing.Literal]
    if literals:
        options = tuple((str(v), str(v).replace("-", " ")) for v in typing.get_args(literals[0]))
        has_default = not info.is_required() and info.default is not None
        menu = options if required or has_default else (("", "(none)"), *options)
        shown = _text(value) or (str(info.default) if has_default else "")
        return Input(path, label, help_text, "menu", shown, required, menu)
    if bool in types:
        default = info.default if isinstance(info.default, bool) else False
        return Input(path, label, help_text, "checkbox", bool(value if value is not None else default), required)
    if int in types:
        return Input(path, label, help_text, "number", _text(value), required)
    if dt.date in types:
        return Input(path, label, help_text, "date", _text(value), required)
    limit = _max_length(info)
    kind = "line" if (limit is not None and limit <= LINE_LIMIT) or path[-1] in LINES else "box"
    return Input(path, label, help_text, kind, _text(value), required)


def _mapping(group: Group, path: FieldPath, key: str, label: str, info: FieldInfo, args: tuple[Any, ...],
             value: Any, item: FieldPath, context: Context, new: bool, present: bool) -> None:
    """A mapping by the pack's own keys (each party under ``criminalised``): a fieldset per key."""
    keys = context.keys(key)
    inner_types = _types(args[1]) if len(args) == 2 else []
    inner_models = [t for t in inner_types if _is_model(t)]
    if keys is None or not inner_models:
        group.skipped.append(label)
        return
    value = value if isinstance(value, Mapping) else {}
    outer = Group(path, label, _help(info.description or ""))
    for name in dict.fromkeys([*keys, *value]):
        entry = value.get(name)
        inner = Group((*path, name), _words(str(name)), "")
        if str in inner_types and not isinstance(entry, Mapping):  # a detail written as plain text
            entry = {"text": entry} if entry is not None else {}
        _fill(inner, inner_models[0], entry if isinstance(entry, Mapping) else {}, item, context, new,
              present=present and (entry is not None or info.is_required()) and str not in inner_types)
        outer.parts.append(inner)
    group.parts.append(outer)


def _list(group: Group, path: FieldPath, key: str, label: str, info: FieldInfo, model: type[BaseModel],
          value: Any, item: FieldPath, context: Context, new: bool, present: bool) -> None:
    """A list of items: links to each entry's own form, or the first entry inline in a new item that needs one."""
    needs_one = any(getattr(m, "min_length", None) for m in _metadata(info))
    kind = items.KINDS.get(key, _words(key).lower())
    # A new item has its first entry inline: one it must have, or, in a form with no such list, one it may.
    optional = not needs_one and len(path) == 1 and not _required_lists(model_at(item, Pack))
    if new and present and (needs_one or optional):
        legend = f"{label}: the first {kind}" + (" (optional)" if optional else "")
        inner = Group((*path, 0), legend, _help((model.__doc__ or "").strip().split("\n\n")[0]))
        _fill(inner, model, {}, item, context, new, present=needs_one)
        group.parts.append(inner)
        return
    if new:
        return
    absolute = (*item, *path)
    found = tuple((p, items.label(p, v)) for p, v in items.entries({key: value or []}, (key,)))
    heading = f"{label}: {group.legend}" if group.path else label  # "Acts: Sellers", one per party
    group.lists.append(Sublist(absolute, heading, kind, tuple(((*absolute, p[-1]), name) for p, name in found)))


def _required_lists(model: type[BaseModel] | None) -> bool:
    """Return whether ``model`` has a list of items it must have one of (a model's places)."""
    if model is None:
        return False
    return any(info.is_required() and any(typing.get_origin(t) is list and _is_model(typing.get_args(t)[0])
                                          for t in _types(info.annotation))
               for info in model.model_fields.values())


def _help(text: str) -> str:
    """Return a field's description as help for someone who never sees the YAML."""
    if text.strip() in GENERIC:
        return ""
    sentences = re.split(r"(?<=[.!?])\s+", text.replace("`", ""))
    return " ".join(s for s in sentences if "YAML" not in s)


def _types(annotation: Any) -> list[Any]:
    """Return the types a field may hold, through Optional and Annotated (list[...] and dict[...] kept whole)."""
    return [t for t in unwrap(annotation) if t is not type(None)]


def _metadata(info: FieldInfo) -> list[Any]:
    """Return the constraints on a field (min/max length), its type's (Annotated) included."""
    found = list(info.metadata)
    stack = [info.annotation]
    while stack:
        annotation = stack.pop()
        if typing.get_origin(annotation) is typing.Annotated:
            for extra in typing.get_args(annotation)[1:]:
                found += list(extra.metadata) if isinstance(extra, FieldInfo) else [extra]
            stack.append(typing.get_args(annotation)[0])
        elif typing.get_origin(annotation) in (typing.Union, types.UnionType):
            stack += list(typing.get_args(annotation))
    return found


def _max_length(info: FieldInfo) -> int | None:
    return next((m.max_length for m in _metadata(info) if getattr(m, "max_length", None)), None)


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _words(key: str) -> str:
    words = key.replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:]
