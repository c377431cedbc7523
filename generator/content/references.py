"""Checks that span a whole pack: references between blocks and duplicate ids.

They run on the raw merged data, not on the validated model, so that a broken
reference is reported in the same pass as a type error elsewhere in the pack.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.content.explain import did_you_mean
from generator.content.fieldpath import FieldPath, dotted

Finding = tuple[FieldPath, str]


def _walk(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, path + (index,))


def _ids(items: Any) -> list[str]:
    if not isinstance(items, list):
        return []
    return [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]


def check_references(data: dict[str, Any]) -> list[Finding]:
    """Return every ``source``/``sources`` value that names no entry in ``sources``."""
    known = _ids(data.get("sources"))
    known_set = set(known)
    findings: list[Finding] = []
    for path, value in _walk(data):
        if not path or (path[0] == "sources" and len(path) <= 3):
            continue
        key = path[-1]
        refs: list[tuple[FieldPath, Any]] = []
        if key == "source":
            refs = [(path, value)]
        elif key == "sources" and isinstance(value, list):
            refs = [(path + (i,), v) for i, v in enumerate(value)]
        for ref_path, ref in refs:
            if isinstance(ref, str) and ref not in known_set:
                findings.append((ref_path, f"unknown source '{ref}'{did_you_mean(ref, known)}"))
    return findings


def check_duplicate_ids(data: dict[str, Any]) -> list[Finding]:
    """Return every item whose ``id`` repeats an earlier one in the same list.

    Quotation ids are checked across the whole pack, since the handout numbers
    and links them wherever they appear.
    """
    findings: list[Finding] = []
    quote_ids: dict[str, FieldPath] = {}
    for path, value in _walk(data):
        if not isinstance(value, list):
            continue
        seen: dict[str, int] = {}
        for index, item in enumerate(value):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            item_id = item["id"]
            if item_id in seen:
                first = dotted(path + (seen[item_id],))
                findings.append((path + (index, "id"), f"duplicate id '{item_id}' (first used at {first})"))
            else:
                seen[item_id] = index
            if path and path[-1] in ("quotes", "definitions"):
                if item_id in quote_ids and quote_ids[item_id][:-1] != path:
                    first = dotted(quote_ids[item_id])
                    findings.append((path + (index, "id"), f"duplicate quote id '{item_id}' (first used at {first})"))
                quote_ids.setdefault(item_id, path + (index,))
    return findings



def check_audiences(data: dict[str, Any]) -> list[Finding]:
    """Return every audience tag that no variant of the pack declares."""
    meta = data.get("pack")
    variants = meta.get("variants") if isinstance(meta, dict) else None
    declared = [v["audience"] for v in variants or [] if isinstance(v, dict) and isinstance(v.get("audience"), str)]
    findings: list[Finding] = []
    for path, value in _walk(data):
        if path and path[-1] == "audiences" and isinstance(value, list):
            for index, tag in enumerate(value):
                if isinstance(tag, str) and tag not in declared:
                    hint = did_you_mean(tag, declared) or (
                        " (declare variants under pack.variants first)" if not declared else "")
                    findings.append((path + (index,), f"no variant has the audience '{tag}'{hint}"))
    return findings


def _declared(data: dict[str, Any], key: str, defaults: tuple[str, ...]) -> list[str]:
    vocabulary = data.get("vocabulary")
    items = vocabulary.get(key) if isinstance(vocabulary, dict) else None
    ids = _ids(items) if isinstance(items, list) else []
    return ids or list(defaults)


def check_vocabulary(data: dict[str, Any]) -> list[Finding]:
    """Return every place a model or comparison row uses a party, effect, status or field the pack lacks."""
    from generator.content.vocabulary import BUILT_IN_STATUSES, DEFAULT_EFFECTS, DEFAULT_PARTIES, comparison_fields

    parties = _declared(data, "parties", DEFAULT_PARTIES)
    effects = _declared(data, "effects", DEFAULT_EFFECTS)
    statuses = list(BUILT_IN_STATUSES) + [s for s in _declared(data, "statuses", ()) if s not in BUILT_IN_STATUSES]
    fields = _declared(data, "fields", ())
    findings: list[Finding] = []

    def keys(path: FieldPath, mapping: Any, declared: list[str], what: str, complete: bool = True) -> None:
        if not isinstance(mapping, dict):
            return
        for key in mapping:
            if key not in declared:
                hint = did_you_mean(str(key), declared) or f" (the pack's {what}s: {', '.join(declared) or 'none'})"
                findings.append((path + (key,), f"unknown {what} '{key}'{hint}"))
        missing = [d for d in declared if d not in mapping] if complete else []
        if missing:
            findings.append((path, f"no entry for {what} {', '.join(repr(m) for m in missing)}"))

    models = data.get("models")
    for index, model in enumerate(models if isinstance(models, list) else []):
        if not isinstance(model, dict):
            continue
        where: FieldPath = ("models", index)
        keys(where + ("criminalised",), model.get("criminalised"), parties, "party")
        keys(where + ("effects",), model.get("effects"), effects, "effect")
        keys(where + ("details",), model.get("details"), fields, "field", complete=False)
        for party, entry in (model.get("criminalised") or {}).items() if isinstance(model.get("criminalised"),
                                                                                  dict) else []:
            entry = entry if isinstance(entry, dict) else {}
            found_acts = entry.get("acts")
            acts: list[Any] = found_acts if isinstance(found_acts, list) else []
            for path, status in [(("status",), entry.get("status"))] + [
                    (("acts", n, "status"), act.get("status")) for n, act in enumerate(acts) if isinstance(act, dict)]:
                if isinstance(status, str) and status not in statuses:
                    findings.append((where + ("criminalised", party, *path),
                                     f"'{status}' is not a status{did_you_mean(status, statuses)} (expected one "
                                     f"of: {', '.join(statuses)}; declare others in vocabulary.statuses)"))
        model_ids = [str(m.get("id")) for m in (models or []) if isinstance(m, dict)]
        found_places = model.get("jurisdictions")
        places: list[Any] = found_places if isinstance(found_places, list) else []
        for place_index, place in enumerate(places):
            also = place.get("also") if isinstance(place, dict) else None
            for n, other in enumerate(also if isinstance(also, list) else []):
                if other not in model_ids or other == model.get("id"):
                    findings.append((where + ("jurisdictions", place_index, "also", n),
                                     f"'{other}' is not another model{did_you_mean(str(other), model_ids)} "
                                     f"(models: {', '.join(model_ids)})"))
    rows = data.get("comparison")
    allowed = comparison_fields(parties, effects, fields)
    for index, row in enumerate(rows if isinstance(rows, list) else []):
        field = row.get("field") if isinstance(row, dict) else None
        if isinstance(field, str) and field not in allowed:
            findings.append((("comparison", index, "field"), f"'{field}' is not a model field"
                             f"{did_you_mean(field, allowed)} (expected one of: {', '.join(allowed)})"))
    return findings
