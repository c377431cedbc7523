"""Forms from the schema, submitted as a browser submits them: only what the editor changed is written."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.edit import editing, items
from generator.edit.saves import Saved, undo_last
from tests.edit.test_yaml_edit import EDITS, at, comments, plain
from tests.helpers import DEFAULT_PACK
from tests.test_fuzz import AWKWARD


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs" / DEFAULT_PACK.name
    shutil.copytree(DEFAULT_PACK, folder, ignore=shutil.ignore_patterns("translations"))
    return folder


def as_sent(opened: editing.Opened) -> dict[str, list[str]]:
    """Return the form's fields as a browser sends them, each input as the page shows it."""
    sent: dict[str, list[str]] = {}
    groups = [opened.form] + ([opened.source_form] if opened.source_form else [])
    for box in (b for g in groups for b in g.inputs()):
        if box.kind == "checkbox":
            sent[box.name] = ["on"] if box.value else []
        elif box.kind == "checkboxes":
            sent[box.name] = list(box.value)
        elif box.kind == "lines":
            sent[box.name] = ["\r\n".join(box.value)]  # a text box sends CR LF line ends
        else:
            sent[box.name] = [str(box.value).replace("\n", "\r\n")]
    return sent


def submit(pack: Path, item: tuple, changes: dict[str, Any], new: bool = False) -> Saved | editing.Opened:
    opened = editing.open_form(pack, item, new)
    sent = {**as_sent(opened), **{k: v if isinstance(v, list) else [str(v)] for k, v in changes.items()}}
    return editing.submit(pack, pack.parent.parent, item, new, sent, opened.digests)


def texts(pack: Path) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(pack.glob("*.yaml"))}


# The event's year cannot change alone (its date is in it): its form adds a label instead, a key it lacked.
FORM_EDITS = [(n, (*p[:-1], "label"), "buying criminalised") if p[-1] == "year" else (n, p, v) for n, p, v in EDITS]


@pytest.mark.parametrize(("name", "path", "value"), FORM_EDITS, ids=[".".join(map(str, e[1])) for e in FORM_EDITS])
def test_a_form_saves_only_the_changed_fields_lines_and_keeps_every_comment(pack: Path, name: str, path: tuple,
                                                                            value: Any) -> None:
    item = items.item_of(path)
    before = (pack / name).read_text("utf-8")
    unchanged = submit(pack, item, {})
    assert isinstance(unchanged, editing.Opened) and unchanged.notice == "Nothing changed, so nothing was saved."
    assert (pack / name).read_text("utf-8") == before  # the form as shown writes nothing

    field = "f/" + "/".join(str(step) for step in path[len(item):])
    saved = submit(pack, item, {field: value})
    assert isinstance(saved, Saved), getattr(saved, "problems", saved)
    after = (pack / name).read_text("utf-8")
    assert comments(after) == comments(before)
    assert at(plain(after), path) == value
    diff = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line.startswith("@@")]
    assert len(diff) == 1  # one run of lines: the field's own
    assert saved.diff.count("\n-") + saved.diff.count("\n+") >= 2


def test_every_item_of_the_default_pack_opens_a_form_whose_unchanged_submission_writes_nothing(pack: Path) -> None:
    lists, singles, _ = editing.overview(pack)
    paths = [path for path, _ in singles] + [path for sub in lists for path, _ in sub.entries]
    assert len(paths) > 140
    before = texts(pack)
    for path in paths[::7] + [path for path, _ in singles]:
        result = submit(pack, path, {})
        assert isinstance(result, editing.Opened) and result.notice == "Nothing changed, so nothing was saved.", \
            (path, result)
    assert texts(pack) == before


def test_a_new_jurisdiction_with_a_new_source_is_one_save_and_one_undo(pack: Path) -> None:
    before = texts(pack)
    saved = submit(pack, ("models", 3, "jurisdictions"), {
        "f/name": "Atlantis", "f/year": "2021", "f/new-source/id": "atlantis-act",
        "f/new-source/title": "The Atlantis Act", "f/new-source/publisher": "Parliament of Atlantis",
        "f/new-source/url": "https://example.org/atlantis", "f/new-source/checked": "on"}, new=True)
    assert isinstance(saved, Saved), getattr(saved, "problems", saved)
    models, sources = plain(texts(pack)["models.yaml"]), plain(texts(pack)["sources.yaml"])
    assert models["models"][3]["jurisdictions"][-1] == {"name": "Atlantis", "year": 2021, "sources": ["atlantis-act"]}
    assert sources["sources"][-1]["id"] == "atlantis-act" and sources["sources"][-1]["checked"] is True
    assert sources["sources"][-1] == {**sources["sources"][-1], "title": "The Atlantis Act"}
    assert texts(pack)["sources.yaml"].splitlines()[-1].startswith("  - {id: atlantis-act")  # one line, like its kin
    undo_last(pack.parent.parent)
    assert texts(pack) == before


def test_a_broken_value_comes_back_at_its_field_and_no_file_changes(pack: Path) -> None:
    before = texts(pack)
    result = submit(pack, ("models", 0, "jurisdictions", 0), {"f/year": "twenty", "f/sources": []})
    assert isinstance(result, editing.Opened)
    errors = {box.name: box.error for box in result.form.inputs() if box.error}
    assert errors == {"f/year": "expected a whole number, got text 'twenty'", "f/sources": "required field is missing"}
    assert next(b for b in result.form.inputs() if b.name == "f/year").value == "twenty"  # what was typed is kept
    assert texts(pack) == before


def test_a_change_on_disk_after_the_form_opened_is_refused_and_shown(pack: Path) -> None:
    opened = editing.open_form(pack, ("key_messages", 0))
    file = pack / "key-messages.yaml"
    on_disk = file.read_text("utf-8").replace("Sex workers' rights are human rights", "Rights, changed in an editor")
    file.write_text(on_disk, "utf-8")
    sent = {**as_sent(opened), "f/text": ["My own new text."]}
    result = editing.submit(pack, pack.parent.parent, ("key_messages", 0), False, sent, opened.digests,
                            read=opened.read)
    assert isinstance(result, editing.Opened)
    assert "+    title: Rights, changed in an editor" in result.changed
    assert "-    title: Sex workers' rights are human rights" in result.changed
    assert next(b for b in result.form.inputs() if b.name == "f/text").value == "My own new text."
    assert file.read_text("utf-8") == on_disk  # the other change is not lost
    again = editing.submit(pack, pack.parent.parent, ("key_messages", 0), False, sent, result.digests)
    assert isinstance(again, Saved)  # saving again applies the editor's values to the file as it is now
    assert plain(file.read_text("utf-8"))["key_messages"][0]["text"] == "My own new text."


@pytest.mark.parametrize("text", [t for t in AWKWARD if t.strip()], ids=range(len([t for t in AWKWARD if t.strip()])))
def test_hostile_text_sent_through_a_form_comes_back_as_the_same_text(pack: Path, text: str) -> None:
    result = submit(pack, ("glossary", 0), {"f/definition": text.replace("\r\n", "\n").replace("\n", "\r\n")})
    if isinstance(result, Saved):
        assert plain((pack / "glossary.yaml").read_text("utf-8"))["glossary"][0]["definition"] == \
            text.replace("\r\n", "\n")
    else:  # refused by the same rules as check (a NUL): nothing written
        assert result.form.inputs() and any(b.error for b in result.form.inputs())
        assert next(b for b in result.form.inputs() if b.name == "f/definition").value == text.replace("\r\n", "\n")


def test_lists_in_an_item_are_linked_and_a_new_item_gets_its_first_entry_inline(pack: Path) -> None:
    opened = editing.open_form(pack, ("models", 2))
    sublists = {s.label: s for s in opened.form.sublists()}
    assert [name for _, name in sublists["Jurisdictions"].entries][:2] == ["jurisdiction “Sweden”",
                                                                           "jurisdiction “Norway”"]
    new = editing.open_form(pack, ("models",), new=True)
    names = {box.name for box in new.form.inputs()}
    assert {"f/jurisdictions/0/name", "f/criminalised/buyers/status", "f/effects/rights/text"} <= names
    status = next(b for b in new.form.inputs() if b.name == "f/criminalised/buyers/status")
    assert [value for value, _ in status.choices] == ["criminalised", "not-criminalised", "partly", "licensed-only"]
    assert all(b.label and b.kind for b in new.form.inputs())


def test_removing_a_cited_source_is_refused_and_moving_an_entry_is_undone(pack: Path) -> None:
    from generator.edit.saves import SaveRefused
    from generator.edit.yaml_edit import digest

    project, file = pack.parent.parent, pack / "sources.yaml"
    with pytest.raises(SaveRefused) as refused:
        editing.change_list(pack, project, ("sources", 0), "remove", digest(file.read_text("utf-8")))
    assert any("unknown source" in p.message for p in refused.value.problems)
    recommendations = pack / "recommendations.yaml"
    before = recommendations.read_text("utf-8")
    editing.change_list(pack, project, ("recommendations", 1), "up", digest(before))
    ids = [r["id"] for r in plain(recommendations.read_text("utf-8"))["recommendations"]]
    assert ids[:2] == [r["id"] for r in plain(before)["recommendations"]][1::-1]
    undo_last(project)
    assert recommendations.read_text("utf-8") == before


def test_item_paths_read_as_check_writes_them() -> None:
    assert items.parse("models[3].jurisdictions[1]") == ("models", 2, "jurisdictions", 0)
    assert items.write(("models", 2, "jurisdictions", 0)) == "models[3].jurisdictions[1]"
    assert items.item_of(("models", 1, "aliases", 0)) == ("models", 1)
    assert items.item_of(("pack", "subtitle")) == ("pack",)
    for bad in ("", "[1]", "models[0]", "models..x", "models[1]x"):
        with pytest.raises(ValueError):
            items.parse(bad)


def test_hostile_text_sent_through_a_form_prints_as_the_same_text(tmp_path: Path) -> None:
    """In print too: the web edition drawn from the saved pack shows the words, as words."""
    from generator.editions.discover import template_search
    from generator.preview.edit_links import edition_page
    from tests.helpers import MINI, copy_pack, html_text, squash

    pack = copy_pack(MINI, tmp_path)
    # (Emoji and Arabic, which no shipped font shows, are refused at the field as check refuses them.)
    texts = ["<b>bold</b> & <i>", "{{ 7*7 }} {% for x in y %}{% endfor %}", "— “quotes” ‘single’ …", "%s %(x)s {0}",
             "Māori ō Ō, señora, Straße", "\\ backslash"]
    saved = submit(pack, ("glossary", 0), {"f/definition": "Start. " + " | ".join(texts)})
    assert isinstance(saved, Saved), getattr(saved, "problems", saved)
    page = edition_page(tmp_path / "briefs", template_search(tmp_path / "briefs", None), None, ("mini",),
                        "mini/mini-public.html")
    assert page is not None and "<b>bold" not in page  # shown as words, never as markup
    shown = tmp_path / "page.html"
    shown.write_text(page, "utf-8")
    for text in texts:
        assert squash(text) in html_text(shown), text  # '{{ 7*7 }}' as written: never run as a template
