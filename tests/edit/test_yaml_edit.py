"""Editing one field keeps the file as it was: every comment, key order, quote and line break of the rest."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from generator.edit.yaml_edit import EditableFile
from tests.helpers import DEFAULT_PACK, FIXTURES
from tests.test_fuzz import AWKWARD

PACK_FILES = sorted(DEFAULT_PACK.glob("*.yaml")) + sorted(p for p in FIXTURES.glob("*/*.yaml")
                                                           if p.parent.name not in ("yaml-mistakes", "compat"))


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_pack_file_reads_and_writes_back_byte_for_byte(path: Path) -> None:
    text = path.read_text("utf-8")
    assert EditableFile.parse(text).dump() == text


def comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if line.lstrip().startswith("#") or " # " in line]


def plain(text: str) -> Any:
    return YAML(typ="safe").load(text)


def at(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


# One field of every editable kind in the default pack, and a new value for it.
EDITS = [
    ("key-messages.yaml", ("key_messages", 0, "title"), "Sex workers' rights are human rights everywhere"),
    ("key-messages.yaml", ("key_messages", 0, "text"), "In 2016 Amnesty International called on governments "
     "to decriminalise consensual sex work between adults. " * 2),
    ("models.yaml", ("models", 0, "definition"), "Selling, buying and organising sex work are all crimes."),
    ("models.yaml", ("models", 2, "jurisdictions", 0, "note"), "The first country to criminalise buying sex."),
    ("models.yaml", ("models", 2, "jurisdictions", 0, "events", 0, "year"), 1998),
    ("models.yaml", ("models", 0, "quotes", 0, "text"), "In most countries, sex work is a crime"),
    ("evidence.yaml", ("evidence", 0, "text"), "A shorter finding, in new words."),
    ("resources.yaml", ("resources", 0, "description"), "One line on why to read it."),
    ("sources.yaml", ("sources", 0, "title"), "A new title for the first source"),
    ("glossary.yaml", ("glossary", 0, "definition"), "A new definition of the term."),
    ("definitions.yaml", ("definitions", 0, "attribution"), "Someone, somewhere, 2004"),
    ("lived-experience.yaml", ("lived_experience", 2, "text"), "Says something shorter."),
    ("recommendations.yaml", ("recommendations", 0, "title"), "Decriminalise sex work"),
    ("pack.yaml", ("pack", "position"), "This briefing argues for decriminalisation."),
]


@pytest.mark.parametrize(("name", "path", "value"), EDITS, ids=[".".join(map(str, e[1])) for e in EDITS])
def test_an_edit_changes_only_its_fields_lines_and_every_comment_survives(name: str, path: tuple,
                                                                           value: Any) -> None:
    before = (DEFAULT_PACK / name).read_text("utf-8")
    editable = EditableFile.parse(before)
    old = at(plain(before), path)
    editable.set(path, value)
    after = editable.dump()
    assert comments(after) == comments(before)
    assert at(plain(after), path) == value
    expected = plain(before)
    at(expected, path[:-1])[path[-1]] = value
    assert plain(after) == expected  # nothing else changed
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    hunks = [line for line in diff if line.startswith("@@")]
    assert len(hunks) == 1, diff  # one run of lines changed: the field's own (nothing else moved or reflowed)
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    assert len(removed) <= max(1, len(str(old)) // 60 + 1), diff  # no more lines than the old value took


@pytest.mark.parametrize("text", AWKWARD, ids=range(len(AWKWARD)))
def test_hostile_text_comes_back_as_the_same_text(text: str) -> None:
    for path in (("key_messages", 0, "title"), ("key_messages", 0, "text")):
        editable = EditableFile.parse((DEFAULT_PACK / "key-messages.yaml").read_text("utf-8"))
        editable.set(path, text)
        assert at(plain(editable.dump()), path) == text


def test_lists_take_new_items_lose_them_and_reorder() -> None:
    editable = EditableFile.parse((DEFAULT_PACK / "recommendations.yaml").read_text("utf-8"))
    ids = lambda: [r["id"] for r in plain(editable.dump())["recommendations"]]  # noqa: E731
    first = ids()
    editable.append(("recommendations",), {"id": "new-ask", "title": "A new ask", "text": "Do it.",
                                            "sources": ["amnesty-press-2016"]})
    assert ids() == [*first, "new-ask"] and "sources: [amnesty-press-2016]" in editable.dump()
    editable.move(("recommendations",), len(first), 0)
    assert ids()[0] == "new-ask"
    editable.remove(("recommendations", 0))
    assert ids() == first


@pytest.mark.parametrize("last", ["    sources: [x]\n", "    text: B  # its own comment stays\n"],
                         ids=["flow value last", "plain value last"])
@pytest.mark.parametrize("others", [0, 1], ids=["only item", "after another"])
def test_removing_a_lists_last_item_keeps_the_comment_lines_after_it(last: str, others: int) -> None:
    before = ("recommendations:\n" + "  - id: z\n    title: Z\n" * others + "  - id: a\n    title: A\n" + last
              + "\n# Further reading, printed with a QR code\nresources:\n  - id: r\n")
    editable = EditableFile.parse(before)
    editable.remove(("recommendations", others))
    after = editable.dump()
    assert "\n\n# Further reading, printed with a QR code\nresources:\n" in after
    assert plain(after)["recommendations"] == ([{"id": "z", "title": "Z"}] if others else [])


def test_emptying_every_list_of_the_starter_pack_loses_no_section_comment(tmp_path: Path) -> None:
    from generator.scaffold import new_pack

    text = (new_pack(tmp_path / "briefs", "demo") / "content.yaml").read_text("utf-8")
    editable = EditableFile.parse(text)
    headings = [line for line in text.splitlines() if line.startswith("#")]  # each section's own comment
    for section in ("definitions", "evidence", "lived_experience", "recommendations", "resources", "glossary"):
        while editable.get((section,)):
            editable.remove((section, len(editable.get((section,))) - 1))
    after = editable.dump()
    assert [line for line in after.splitlines() if line.startswith("#")] == headings
