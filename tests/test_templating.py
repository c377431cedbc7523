"""Templates decide order and fixed wording; content is data, never template code."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.compose.compose import compose_deck, compose_handout
from generator.content.loader import load_pack
from generator.document import Heading, Quote, text_of
from generator.errors import TemplateError
from tests.conftest import DEFAULT_PACK, TEMPLATES


def headings(pack_dir: Path = DEFAULT_PACK, templates: Path = TEMPLATES, level: int = 1) -> list[str]:
    handout = compose_handout(load_pack(pack_dir).content, templates).document
    return [text_of(b.text) for b in handout.blocks if isinstance(b, Heading) and b.level == level]


def test_handout_sections_in_template_order() -> None:
    assert headings() == [
        "What the words mean",
        "The legal models",
        "The models compared",
        "What the evidence says",
        "What we ask",
        "Further reading",
        "Glossary",
        "Sources",
    ]


def test_model_headings_follow_content_order() -> None:
    assert headings(level=2)[:5] == [
        "Full criminalisation",
        "Partial criminalisation",
        "The Nordic model",
        "Legalisation",
        "Decriminalisation",
    ]


def test_content_is_never_evaluated(pack_copy: Path, edit: Callable[[str, str, str], None]) -> None:
    edit("key-messages.yaml", "title: Sex workers' rights are human rights",
         "title: \"{{ 7*7 }} {% for x in y %}loop{% endfor %} {# c #} <b>&amp;\"")
    edit("definitions.yaml", "and how prostitution could take place.", "and how {{ pack.meta.title }} could take place.")
    pack = load_pack(pack_copy).content
    handout = compose_handout(pack, TEMPLATES).document
    text = repr(handout)
    assert "{{ 7*7 }} {% for x in y %}loop{% endfor %} {# c #} <b>&amp;" in text
    assert "49" not in text.split("7*7")[0][-20:]
    quotes = [b for b in handout.blocks if isinstance(b, Quote)]
    assert "and how {{ pack.meta.title }} could take place." in text_of(quotes[0].paragraphs[0])
    deck = compose_deck(pack, TEMPLATES).document
    assert "{{ 7*7 }}" in repr(deck)


def test_markdown_in_plain_fields_prints_literally(pack_copy: Path, edit: Callable[[str, str, str], None]) -> None:
    edit("models.yaml", "    name: Legalisation\n", "    name: \"*Legal* [x](https://a.org) ::: slide\"\n")
    assert "*Legal* [x](https://a.org) ::: slide" in headings(pack_copy, level=2)


@pytest.fixture
def templates_copy(tmp_path: Path) -> Path:
    target = tmp_path / "templates"
    shutil.copytree(TEMPLATES, target)
    return target


def test_editing_a_template_reorders_the_handout(templates_copy: Path) -> None:
    path = templates_copy / "handout.md.j2"
    text = path.read_text()
    start = text.index("{% block glossary %}")
    end = text.index("{% endblock %}", start) + len("{% endblock %}")
    glossary = text[start:end]
    text = text[:start] + text[end:]
    text = text.replace("{% block definitions %}", glossary + "\n{% block definitions %}")
    path.write_text(text)
    assert headings(templates=templates_copy)[:2] == ["Glossary", "What the words mean"]


def test_a_child_template_reorders_and_drops_blocks(templates_copy: Path) -> None:
    (templates_copy / "short.md.j2").write_text(
        '{% extends "handout.md.j2" %}{% block body %}{{ self.recommendations() }}{{ self.sources() }}{% endblock %}'
    )
    handout = compose_handout(load_pack(DEFAULT_PACK).content, templates_copy, "short.md.j2").document
    assert [text_of(b.text) for b in handout.blocks if isinstance(b, Heading) and b.level == 1] == [
        "What we ask", "Sources"]


def test_template_syntax_error_names_file_and_line(templates_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(templates_copy.parent)
    path = templates_copy / "handout.md.j2"
    lines = path.read_text().splitlines()
    lines[9] = "{% for x in %}"
    path.write_text("\n".join(lines))
    with pytest.raises(TemplateError) as info:
        compose_handout(load_pack(DEFAULT_PACK).content, Path("templates"))
    assert str(info.value).startswith("templates/handout.md.j2:10: ")


def test_undefined_name_names_file_and_line(templates_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(templates_copy.parent)
    path = templates_copy / "handout.md.j2"
    path.write_text(path.read_text().replace("{{ pack.meta.subtitle }}", "{{ pack.meta.subtitel }}"))
    with pytest.raises(TemplateError) as info:
        compose_handout(load_pack(DEFAULT_PACK).content, Path("templates"))
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "subtitel" in text)
    assert str(info.value).startswith(f"templates/handout.md.j2:{line}: ")
    assert "subtitel" in str(info.value)


def test_sandbox_refuses_python_internals(templates_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(templates_copy.parent)
    path = templates_copy / "handout.md.j2"
    path.write_text("{{ pack.__class__.__mro__[1].__subclasses__() }}\n" + path.read_text())
    with pytest.raises(TemplateError) as info:
        compose_handout(load_pack(DEFAULT_PACK).content, Path("templates"))
    assert str(info.value).startswith("templates/handout.md.j2:1: ")
    assert "not allowed" in str(info.value) or "unsafe" in str(info.value)


def test_unknown_div_kind_is_a_template_error(templates_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(templates_copy.parent)
    path = templates_copy / "handout.md.j2"
    path.write_text(path.read_text().replace("::: glossary items", "::: glosary items"))
    with pytest.raises(TemplateError) as info:
        compose_handout(load_pack(DEFAULT_PACK).content, Path("templates"))
    assert "unknown div kind 'glosary'" in str(info.value)
    assert str(info.value).startswith("templates/handout.md.j2: output line ")
