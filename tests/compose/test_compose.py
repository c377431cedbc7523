"""Composing is a pure function of pack and templates; the fixture pack's documents match their snapshots.

After an intended change, regenerate with BRIEFPACK_UPDATE_SNAPSHOTS=1 and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.compose import environment
from generator.compose.compose import Composed, compose_deck, compose_handout
from generator.compose.outline import outline
from generator.content.loader import load_pack
from generator.document import Heading, text_of
from generator.editions.variants import editions
from tests.helpers import MINI, TEMPLATES

SNAPSHOTS = Path(__file__).parent.parent / "snapshots"
Compose = Callable[..., Composed]


@pytest.mark.parametrize("kind,compose", [("handout", compose_handout), ("deck", compose_deck)])
def test_snapshot(kind: str, compose: Compose) -> None:
    first = compose(load_pack(MINI).content, TEMPLATES)
    environment._cached_environment.cache_clear()  # a fresh environment must give the same document
    second = compose(load_pack(MINI).content, TEMPLATES)
    assert first == second, "composing is a pure function of its inputs"
    text = outline(first.document)
    path = SNAPSHOTS / f"mini-{kind}.txt"
    if os.environ.get("BRIEFPACK_UPDATE_SNAPSHOTS") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_sections_follow_the_template_and_models_the_content() -> None:
    handout = compose_handout(load_pack(MINI).content, TEMPLATES).document
    level1 = [text_of(b.text) for b in handout.blocks if isinstance(b, Heading) and b.level == 1]
    assert level1 == ["What the words mean", "The legal models", "The models compared", "What the evidence says",
                      "What we ask", "Further reading", "Glossary", "Sources"]
    level2 = [text_of(b.text) for b in handout.blocks if isinstance(b, Heading) and b.level == 2]
    assert level2[:3] == ["Full ban", "Licensing", "No special rules"]


def test_variants_reorder_and_drop_sections() -> None:
    public, experts = editions(load_pack(MINI).content)

    def sections(edition) -> list[str]:  # type: ignore[no-untyped-def]
        doc = compose_handout(edition.pack, TEMPLATES, edition.template("handout", "handout.md.j2")).document
        return [text_of(b.text) for b in doc.blocks if isinstance(b, Heading) and b.level == 1]

    assert sections(experts)[:3] == ["What we ask", "What the evidence says", "The models compared"]
    assert sections(public)[:2] == ["What the words mean", "The legal models"]
    short = compose_deck(experts.pack, TEMPLATES, experts.template("deck", "deck.md.j2")).document
    assert len(short.slides) < len(compose_deck(public.pack, TEMPLATES).document.slides)


def test_a_pack_words_the_sentences_about_its_content_its_own_way(tmp_path: Path) -> None:
    from tests.helpers import copy_pack, edit

    pack = copy_pack(MINI, tmp_path)
    edit(pack / "pack.yaml", "vocabulary:\n", "vocabulary:\n  wording:\n    case_for_note: Set out each argument as "
         "its supporters make it.\n    quote_slide_title: in its own words\n")
    deck = compose_deck(load_pack(pack).content, TEMPLATES).document
    notes = [text_of(n) for slide in deck.slides for n in slide.notes]
    titles = [text_of(slide.title) for slide in deck.slides]
    assert "Set out each argument as its supporters make it." in notes
    assert not any("Present these arguments fairly" in n for n in notes)
    assert any(t.endswith(": in its own words") for t in titles) and not any("in a sentence" in t for t in titles)


def test_the_summary_heads_its_resources_with_the_packs_title_for_them(tmp_path: Path) -> None:
    from tests.helpers import copy_pack, edit

    pack = copy_pack(MINI, tmp_path)
    edit(pack / "pack.yaml", "vocabulary:\n", "vocabulary:\n  titles: {resources: Where to read on}\n")
    summary = compose_handout(load_pack(pack).content, TEMPLATES, "summary.md.j2").document
    headings = [text_of(b.text) for b in summary.blocks if isinstance(b, Heading)]
    assert "Where to read on" in headings and "Read more" not in headings
