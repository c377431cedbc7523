"""What in a pack is translated: one entry per prose field, keyed by where it is, not by its line.

Every ``Text`` or ``RichText`` field is prose and gets an entry, except what
must stay as written: ids and addresses (other field types), numbers and
dates, template names, the names of organisations and how to contact them, and the titles, authors
and publishers of sources and resources (a reader must find them as
published). Quoted words are entries too, but of another kind: their
translation is printed after them, labelled as one, and never in their place.

An entry's id names its file, its field path and the ids of the items on the
way ("models.yaml:models[nordic].quotes[osf-2012].text"), so moving a block
within its file or reordering a list keeps its translation; an item without
an id is counted from 1 instead ("jurisdictions[2]").
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import AfterValidator, BaseModel

from generator.content.easy_read import EasyReadEdition, EasyRow
from generator.content.fieldpath import FieldPath, hidden_from, inside
from generator.content.fields import no_control_characters
from generator.content.items import ExperiencePoint, Quote, QuotedTranslation, Resource, Source
from generator.content.loader import LoadedPack
from generator.content.models import Dimension
from generator.content.schema import PackMeta, Variant
from generator.content.vocabulary import AvoidedTerm
from generator.errors import display_path

# Fields kept as written, by the model they belong to (see the module's docstring).
KEPT: dict[type[BaseModel], frozenset[str]] = {
    PackMeta: frozenset({"organisation", "contact", "keywords", "version", "translations"}),
    Dimension: frozenset({"field"}),
    Variant: frozenset({"handout_template", "deck_template", "summary_template", "templates"}),
    Source: frozenset({"title", "author", "publisher", "pinpoint"}),
    Resource: frozenset({"title", "publisher"}),
    QuotedTranslation: frozenset({"text", "slide", "by"}),
    AvoidedTerm: frozenset({"term", "instead", "names"}),  # words checked in the source language, never printed
    # The Easy Read edition is made in the pack's own language: its words are written for it, not translated.
    EasyRow: frozenset({"text", "picture", "alt"}),
    EasyReadEdition: frozenset({"title", "intro", "variants"}),
}
# Words quoted: their translation follows them, never replaces them.
QUOTED: dict[type[BaseModel], tuple[str, ...]] = {Quote: ("text", "slide")}


@dataclass(frozen=True)
class Entry:
    """One translatable string of a pack: its id, its text and where an editor wrote it."""

    id: str
    text: str
    path: FieldPath  # where it sits in the pack, e.g. ("models", 2, "quotes", 0, "text")
    file: Path
    line: int
    comment: str = ""  # the YAML comment just above it, for the translator
    quoted: bool = False  # words quoted: translated alongside, never replaced

    @property
    def reference(self) -> str:
        """Return where it was written, as ``file:line``."""
        return f"{display_path(self.file)}:{self.line}"


def pack_entries(loaded: LoadedPack) -> list[Entry]:
    """Return every translatable string of the pack, in the order its files hold them."""
    out: list[Entry] = []
    lines_of: dict[Path, list[str]] = {}
    pack = loaded.content
    for name, field in type(pack).model_fields.items():
        section = field.alias or name
        source = loaded.sources.get(section)
        if source is None:
            continue
        if source.path not in lines_of:
            lines_of[source.path] = source.path.read_text(encoding="utf-8").splitlines()
        for path, label, text, quoted in _walk(getattr(pack, name), (section,), section):
            line = source.position(path)[0]
            key_line = source.position(path, key=True)[0]
            out.append(Entry(f"{source.path.name}:{label}", text, path, source.path, line,
                             _comment_above(lines_of[source.path], key_line), quoted))
    return out


def _walk(value: Any, path: FieldPath, label: str) -> Iterator[tuple[FieldPath, str, str, bool]]:
    """Yield (path, labelled path, text, quoted) for each prose string inside ``value``."""
    if isinstance(value, BaseModel):
        model = type(value)
        kept = KEPT.get(model, frozenset())
        quoted_fields = QUOTED.get(model, ())
        if isinstance(value, ExperiencePoint) and value.kind == "quote":
            quoted_fields = ("text", "slide")
        for name, field in model.model_fields.items():
            inner = getattr(value, name)
            if name in kept or inner is None:
                continue
            key = field.alias or name
            here = (*path, key)
            if _is_prose(field.annotation) or _is_prose_metadata(field.metadata):
                if isinstance(inner, str):
                    yield here, f"{label}.{key}", inner, name in quoted_fields
                elif isinstance(inner, list):
                    for index, item in enumerate(inner):
                        yield (*here, index), f"{label}.{key}[{index + 1}]", item, name in quoted_fields
                elif isinstance(inner, dict):  # prose by key ("details"), named by its key
                    for item_key, item in inner.items():
                        if isinstance(item, BaseModel):  # a value written with its sources: {text, sources}
                            yield from _walk(item, (*here, item_key), f"{label}.{key}.{item_key}")
                        else:
                            yield (*here, item_key), f"{label}.{key}.{item_key}", item, False
            elif isinstance(inner, dict):  # models by key ("criminalised", "effects")
                for item_key, item in inner.items():
                    yield from _walk(item, (*here, item_key), f"{label}.{key}.{item_key}")
            elif isinstance(inner, (BaseModel, list)):
                yield from _walk(inner, here, f"{label}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            item_id = getattr(item, "id", None)
            step = f"[{item_id}]" if isinstance(item_id, str) else f"[{index + 1}]"
            yield from _walk(item, (*path, index), label + step)


def _is_prose_metadata(metadata: list[Any]) -> bool:
    """Return whether a field's constraints are plain or rich text's (pydantic keeps a bare Text's here)."""
    return any(isinstance(meta, AfterValidator) and meta.func is no_control_characters for meta in metadata)


def _is_prose(annotation: Any) -> bool:
    """Return whether a field's type is plain or rich text (or an optional one, or a list of it)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_prose_metadata(list(annotation.__metadata__))
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list):
        return any(_is_prose(arg) for arg in typing.get_args(annotation) if arg is not type(None))
    if typing.get_origin(annotation) is dict:  # keyed prose: its values' type decides
        return _is_prose(typing.get_args(annotation)[1])
    return False


def _comment_above(lines: list[str], line: int) -> str:
    """Return the comment lines right above line ``line`` (1-based) of a YAML file, without their '#'."""
    comment: list[str] = []
    index = line - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        text = lines[index].strip().lstrip("#").strip()
        if text.startswith("yaml-language-server:"):
            break
        comment.insert(0, text)
        index -= 1
    return "\n".join(comment)


def entries_for(loaded: LoadedPack, variants: list[str] | None, entries: list[Entry] | None = None) -> list[Entry]:
    """Return the pack's translatable strings that the editions of ``variants`` may print (None: every variant).

    A translator is not asked for words no edition in their language prints:
    an item tagged only for audiences of other variants (a community guide's
    own key messages, when only the public edition is translated) is left out.
    ``entries``: the pack's, when the caller has them (one reading for every language).
    """
    entries = pack_entries(loaded) if entries is None else entries
    pack = loaded.content
    if not variants or not pack.meta.variants:
        return entries
    hidden = hidden_from(pack, {v.audience for v in pack.meta.variants if v.id in variants})
    return [e for e in entries if not inside(e.path, hidden)]
