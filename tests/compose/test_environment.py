"""Templates: content is data and never evaluated; mistakes are one line naming template file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.compose.compose import compose_deck, compose_handout
from generator.content.loader import load_pack
from generator.document import Heading, Quote, text_of
from generator.errors import TemplateError
from generator.templates import Templates
from tests.helpers import MINI, TEMPLATES, own_templates

Change = Callable[[str, str, str], None]


def headings(pack_dir: Path = MINI, templates: Templates = TEMPLATES, level: int = 1,
             name: str = "handout.md.j2") -> list[str]:
    handout = compose_handout(load_pack(pack_dir).content, templates, name).document
    return [text_of(b.text) for b in handout.blocks if isinstance(b, Heading) and b.level == level]


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Templates:
    """Return a project whose own templates/ holds a copy of the built-in handout template."""
    monkeypatch.chdir(tmp_path)
    return own_templates(Path("templates"), "handout.md.j2")


def test_content_is_never_evaluated(mini: Path, change: Change) -> None:
    change("content.yaml", "title: Licences cost money",
           'title: "{{ 7*7 }} {% for x in y %}loop{% endfor %} {# c #} <b>&amp;"')
    change("content.yaml", "text: A hover-scooter is any board", "text: A {{ pack.meta.title }} is any board")
    pack = load_pack(mini).content
    handout = compose_handout(pack, TEMPLATES).document
    assert "{{ 7*7 }} {% for x in y %}loop{% endfor %} {# c #} <b>&amp;" in repr(handout)
    assert "49" not in repr(handout)
    quote = next(b for b in handout.blocks if isinstance(b, Quote))
    assert text_of(quote.paragraphs[0]).startswith("A {{ pack.meta.title }} is any board")
    assert "{{ 7*7 }}" in repr(compose_deck(pack, TEMPLATES).document)


def test_markdown_in_plain_fields_prints_literally(mini: Path, change: Change) -> None:
    change("content.yaml", "    name: Licensing\n", '    name: "*Licensing* [x](https://a.org) ::: slide"\n')
    assert "*Licensing* [x](https://a.org) ::: slide" in headings(mini, level=2)


def test_editing_a_template_reorders_the_handout(templates: Templates) -> None:
    path = Path("templates/handout.md.j2")
    text = path.read_text()
    start = text.index("{% block glossary %}")
    end = text.index("{% endblock %}", start) + len("{% endblock %}")
    rest = text[:start] + text[end:]
    path.write_text(rest.replace("{% block definitions %}", text[start:end] + "\n{% block definitions %}", 1))
    assert headings(templates=templates)[:2] == ["Glossary", "What the words mean"]


def test_a_child_template_reorders_and_drops_blocks(templates: Templates) -> None:
    Path("templates/short.md.j2").write_text(
        '{% extends "handout.md.j2" %}{% block body %}{{ self.recommendations() }}{{ self.sources() }}{% endblock %}')
    assert headings(templates=templates, name="short.md.j2") == ["What we ask", "Sources"]


@pytest.mark.parametrize("old,new,message", [
    ("{{ pack.meta.subtitle }}", "{{ pack.meta.subtitle", "expected token"),
    ("{{ pack.meta.subtitle }}", "{{ pack.meta.subtitel }}", "subtitel"),
    ("{{ pack.meta.subtitle }}", "{{ pack.__class__.__mro__ }}", "not allowed in a template"),
    ("{{ pack.meta.subtitle }}", "::: nosuchdiv\n:::", "unknown div kind 'nosuchdiv'"),
])
def test_template_mistakes_name_file_and_line(templates: Templates, old: str, new: str, message: str) -> None:
    path = Path("templates/handout.md.j2")
    text = path.read_text()
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(TemplateError) as info:
        compose_handout(load_pack(MINI).content, templates)
    assert str(info.value).startswith("templates/handout.md.j2:")
    assert message in str(info.value)
    if message not in ("expected token", "unknown div kind 'nosuchdiv'"):
        # jinja reports a syntax error where it notices it; storyboard errors give the output's line
        line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if new.split("\n")[0] in text)
        assert str(info.value).startswith(f"templates/handout.md.j2:{line}")
