"""Open an item's form, take a submitted form, change a list: the editor's work, apart from any web server.

A form is opened on the files as they are now; it carries each file's
fingerprint, and a submission is saved (through ``saves``) only onto the text
the form read. A submission that cannot be saved comes back as the same form
with the editor's values kept and each problem at its field, or, when a file
changed meanwhile, with what changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.fieldpath import FieldPath, dotted
from generator.content.schema import Pack as PackSchema
from generator.content.vocabulary import BUILT_IN_STATUSES, DEFAULT_EFFECTS, DEFAULT_PARTIES, comparison_fields
from generator.edit import forms, items, submitted
from generator.edit.saves import Change, Saved, SaveRefused, save_all, unified_diff
from generator.edit.yaml_edit import EditableFile, EditError
from generator.errors import display_path

SECTION_ORDER = tuple(f.alias or name for name, f in PackSchema.model_fields.items())
NEW_SOURCE = "new-source"  # the prefix of the inputs that add a source from any form that cites one


@dataclass
class Opened:
    """A form as a page shows it: the item, its inputs (with any problems), the files' fingerprints."""

    pack: str
    item: FieldPath
    new: bool
    form: forms.Group
    file: str  # the name of the file holding the item
    digests: dict[str, str]  # file name → fingerprint of the text the form read
    source_form: forms.Group | None = None  # "add a new source", where the item cites sources
    problems: list[str] = field(default_factory=list)  # those no input holds
    changed: str = ""  # when a file changed on disk meanwhile: what changed
    notice: str = ""  # what happened, when it is not a problem ("nothing changed")
    read: dict[str, str] = field(default_factory=dict)  # the texts read (for the diff of a later conflict)


class Pack:
    """One pack folder, read for editing: which file holds each section, and the choices its forms offer."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: dict[str, EditableFile] = {}
        self.owners: dict[str, str] = {}  # section → file name
        for path in sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()):
            try:
                parsed = EditableFile.parse(path.read_text(encoding="utf-8"))
            except Exception:  # a file that does not parse is shown as the build's error
                continue
            self.files[path.name] = parsed
            if isinstance(parsed.data, Mapping):
                for key in parsed.data:
                    self.owners.setdefault(str(key), path.name)
        self.context = _context(self)

    def data(self, section: str) -> Any:
        owner = self.owners.get(section)
        return self.files[owner].data.get(section) if owner else None

    def digest(self, section: str) -> str:
        """Return the fingerprint of the file holding ``section`` as read ('' when no file has it)."""
        owner = self.owners.get(section)
        return self.files[owner].read_digest if owner else ""

    def file_of(self, item: FieldPath) -> str:
        owner = self.owners.get(str(item[0]))
        if owner is None:
            raise EditError(f"no file of {display_path(self.folder)} has a '{item[0]}' section; add it to one")
        return owner


def open_form(folder: Path, item: FieldPath, new: bool = False) -> Opened:
    """Return the form of ``item`` (``new``: a new entry of the list at ``item``) on the files as they are now."""
    return _open(Pack(folder), item, new)


def _open(pack: Pack, item: FieldPath, new: bool) -> Opened:
    name = pack.file_of(item)
    file = pack.files[name]
    target = (*item, _length(file, item)) if new else item
    data = {} if new else file.get(item)
    opened = Opened(pack.folder.name, item, new, forms.form_for(target, data, pack.context, new), name,
                    {name: file.read_digest}, read={file.read_digest: file.text})
    if item[0] == "models" and len(item) > 2 and isinstance(item[1], int):  # not 'also under' its own model
        own = (pack.data("models") or [])[item[1]].get("id")
        for box in opened.form.inputs():
            if box.path[-1] == "also":
                box.choices = tuple(c for c in box.choices if c[0] != own)
    if _cites(opened.form) and "sources" in pack.owners:
        sources = pack.files[pack.owners["sources"]]
        opened.source_form = _source_form(pack, sources)
        opened.digests[pack.owners["sources"]] = sources.read_digest
        opened.read[sources.read_digest] = sources.text
    return opened


def submit(folder: Path, project: Path, item: FieldPath, new: bool, values: Mapping[str, Sequence[str]],
           digests: Mapping[str, str], read: Mapping[str, str] | None = None) -> Saved | Opened:
    """Save a submitted form, or return it to be shown again with its problems or with what changed on disk."""
    pack = Pack(folder)
    opened = _open(pack, item, new)
    changed = [name for name, fingerprint in opened.digests.items() if digests.get(name) != fingerprint]
    if changed:
        untouched: set[str] = set()
        for name in changed:
            before = (read or {}).get(digests.get(name, ""))
            now = pack.files[name]
            opened.changed += _diff(before, now.text, name) if before is not None else f"{name} changed.\n"
            if before is not None and name == opened.file:
                untouched |= _untouched(opened, pack.context, before, values)
        _keep(opened, values, untouched)
        return opened
    name = opened.file
    file = pack.files[name]
    target = (*item, _length(file, item)) if new else item
    chosen = submitted.values(opened.form, values)
    changes: dict[str, EditableFile] = {name: file}
    source = _new_source(opened, values)
    if source is not None:
        sources_name = pack.owners["sources"]
        pack.files[sources_name].append(("sources",), source)
        changes[sources_name] = pack.files[sources_name]
        _cite(opened.form, chosen, str(source.get("id", "")))
    if new:
        entry = submitted.new_item(chosen)
        if _length(file, item) == 0 and not isinstance(file.get(item[:-1]).get(item[-1]), list):
            submitted.put(file, item, [entry])
        else:
            file.append(item, entry)
    elif not submitted.apply(file, item, opened.form, chosen) and source is None:
        _keep(opened, values)
        opened.notice = "Nothing changed, so nothing was saved."
        return opened
    try:
        return save_all(folder, [Change(Path(n), f.dump(), opened.digests[n]) for n, f in changes.items()],
                        project)
    except SaveRefused as refused:
        _keep(opened, values)
        if refused.changed:
            opened.changed = refused.changed
        found = [(p.field, p.message) for p in refused.problems]
        left = submitted.problems_at(opened.form, target, found)
        if opened.source_form is not None and source is not None:
            left = submitted.problems_at(opened.source_form, ("sources", _length(pack.files[pack.owners["sources"]],
                                                                             ("sources",)) - 1), left)
        opened.problems += [_where(where, target) + message for where, message in left]
        if not found and not refused.changed:
            opened.problems.append(str(refused))
        return opened


def overview(folder: Path) -> tuple[list[forms.Sublist], list[tuple[FieldPath, str]], Pack]:
    """Return the pack's lists of items (key messages, models …) and its single sections, in the format's order."""
    pack = Pack(folder)
    lists: list[forms.Sublist] = []
    singles: list[tuple[FieldPath, str]] = []
    for key in SECTION_ORDER:
        if key not in pack.owners:
            continue
        value = pack.data(key)
        if key in items.SECTIONS and not isinstance(value, list):
            singles.append(((key,), items.SECTIONS[key]))
        elif isinstance(value, list):
            found = tuple((path, items.label(path, entry)) for path, entry in items.entries({key: value}, (key,)))
            lists.append(forms.Sublist((key,), key.replace("_", " ").capitalize(), items.KINDS.get(key, key), found))
    return lists, singles, pack


def describe(folder: Path, item: FieldPath, new: bool = False) -> tuple[FieldPath, str]:
    """Return the item's path and how a page names it ('jurisdiction “Atlantis”').

    ``new``: the item is the last entry of the list at ``item`` (the one a save just added).
    """
    pack = Pack(folder)
    try:
        file = pack.files[pack.file_of(item)]
        target = (*item, _length(file, item) - 1) if new else item
        value = file.get(target)
    except (EditError, KeyError):
        return item, items.write(item)
    if isinstance(value, list):
        return target, f"the {str(item[-1]).replace('_', ' ')}"
    return target, items.label(target, value)


def change_list(folder: Path, project: Path, item: FieldPath, action: str, read_digest: str) -> Saved:
    """Remove ``item`` or move it up or down its list, if its file still has the text the page showed."""
    pack = Pack(folder)
    name = pack.file_of(item)
    file = pack.files[name]
    if not isinstance(item[-1], int):
        raise EditError(f"{dotted(item)} is not an entry of a list")
    index = item[-1]
    if action == "remove":
        file.remove(item)
    elif action in ("up", "down"):
        file.move(item[:-1], index, index - 1 if action == "up" else index + 1)
    else:
        raise EditError(f"no change '{action}'")
    return save_all(folder, [Change(Path(name), file.dump(), read_digest)], project)


def _context(pack: Pack) -> forms.Context:
    """Return the choices the pack's forms offer, read from its YAML (so a pack with an error still edits)."""
    vocabulary = pack.data("vocabulary") or {}
    meta = pack.data("pack") or {}
    sources = pack.data("sources") or []
    models = pack.data("models") or []

    def ids(key: str) -> list[str]:
        return [str(v["id"]) for v in vocabulary.get(key) or [] if isinstance(v, Mapping) and "id" in v]

    words = {str(v["id"]): str(v.get("word") or v["id"]) for v in vocabulary.get("statuses") or []
             if isinstance(v, Mapping) and "id" in v}
    statuses = list(dict.fromkeys([*BUILT_IN_STATUSES, *words]))
    parties, effects = ids("parties") or list(DEFAULT_PARTIES), ids("effects") or list(DEFAULT_EFFECTS)
    return forms.Context(
        sources=tuple((str(s["id"]), f"{s['id']}: {items.name_of(s.get('title', ''), 70)}") for s in sources
                      if isinstance(s, Mapping) and "id" in s),
        statuses=tuple((s, words.get(s, s.replace("-", " "))) for s in statuses),
        parties=tuple(parties), effects=tuple(effects),
        details=tuple(ids("fields")),
        models=tuple((str(m["id"]), str(m.get("name", m["id"]))) for m in models
                     if isinstance(m, Mapping) and "id" in m),
        audiences=tuple((a, a) for a in dict.fromkeys(str(v["audience"]) for v in meta.get("variants") or []
                                                      if isinstance(v, Mapping) and "audience" in v)),
        dimensions=tuple((f, f) for f in comparison_fields(parties, effects, ids("fields"))))


def _length(file: EditableFile, path: FieldPath) -> int:
    try:
        found = file.get(path)
    except EditError:
        return 0
    return len(found) if isinstance(found, list) else 0


def _cites(form: forms.Group) -> bool:
    return any(box.path[-1] in ("sources", "source") for box in form.inputs())


def _source_form(pack: Pack, sources: EditableFile) -> forms.Group:
    """Return the inputs of a new source, offered on every form that cites sources ("add a new source")."""
    group = forms.form_for(("sources", _length(sources, ("sources",))), {}, pack.context, new=True)
    group.legend = "The new source"
    group.help = ("Fill this in when the text's source is not in the lists above: the new source is added to the "
                  "pack and cited by this item's own sources (and by any source list here that must have one and "
                  "has none).")
    group.parts = [_optional(box) for box in group.inputs() if box.path[-1] in
                   ("id", "title", "author", "publisher", "year", "url", "checked", "accessed")]
    for box in group.inputs():
        box.scope = NEW_SOURCE
        box.label = f"New source: {box.label[:1].lower()}{box.label[1:]}"  # apart from the item's own title or year
    return group


def _optional(box: forms.Input) -> forms.Input:
    box.required = False  # required only once any of it is filled in
    return box


def _new_source(opened: Opened, values: Mapping[str, Sequence[str]]) -> dict[str, Any] | None:
    """Return the new source a submission adds, or None when its inputs were left empty."""
    if opened.source_form is None:
        return None
    chosen = submitted.values(opened.source_form, values)
    given = {path: value for path, value in chosen.items() if value not in (None, False)}
    if not given:
        return None
    return submitted.new_item({**given, ("checked",): bool(chosen.get(("checked",)))})


def _cite(form: forms.Group, chosen: dict[FieldPath, Any], source_id: str) -> None:
    """Cite the new source in the item's own sources, and in every picker that must cite one and has none.

    (A new place's first dated event needs a source as the place does: the new law is both's.)
    """
    filled = {path[:-1] for path, value in chosen.items() if value not in (None, False)}
    for box in form.inputs():
        if box.path[-1] not in ("sources", "source"):
            continue
        value = chosen.get(box.path)
        own = len(box.path) == 1
        if box.path[-1] == "sources" and (own or (box.needed and not value and box.path[:-1] in filled)):
            chosen[box.path] = [*(value or []), source_id] if source_id not in (value or []) else value
        elif box.path[-1] == "source" and not value and (own or box.required):
            chosen[box.path] = source_id


def _where(field_name: str, target: FieldPath) -> str:
    """Return how a problem no input holds says where it is: nothing for the item itself, else what it is in."""
    try:
        path = items.parse(field_name)
    except ValueError:
        return f"{field_name}: " if field_name else ""
    if path == target:
        return ""
    return f"In {items.kind_of(items.item_of(path))} {dotted(path)}: "


def _untouched(opened: Opened, context: forms.Context, before: str, values: Mapping[str, Sequence[str]]) -> set[str]:
    """Return the inputs the editor left as the form first showed them (they show the file as it is now)."""
    try:
        data = {} if opened.new else EditableFile.parse(before).get(opened.item)
    except (EditError, ValueError):
        return set()
    target = (*opened.item, 0) if opened.new else opened.item
    shown = submitted.shown(forms.form_for(target, data, context, opened.new))
    return {name for name, sent in shown.items() if submitted.sent(values, name) == sent}


def _keep(opened: Opened, values: Mapping[str, Sequence[str]],
          untouched: frozenset[str] | set[str] = frozenset()) -> None:
    """Show the editor's submitted values in the form again, so nothing typed is lost.

    An input in ``untouched`` (left as first shown) shows the file as it is now instead.
    """
    groups = [opened.form] + ([opened.source_form] if opened.source_form else [])
    for group in groups:
        for box in group.inputs():
            if box.name in untouched:
                continue
            got = submitted.sent(values, box.name)
            if box.kind == "checkbox":
                box.value = bool(got)
            elif box.kind == "checkboxes":
                box.value = tuple(got)
            else:
                box.value = got[0] if got else ""


def _diff(before: str, after: str, name: str) -> str:
    return unified_diff(before, after, f"{name} (when the form was opened)", f"{name} (now)")
