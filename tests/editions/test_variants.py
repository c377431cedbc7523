"""Audience editions: items tagged for an audience, the variant's title line and templates."""

from __future__ import annotations

from generator.content.loader import load_pack
from generator.editions.variants import editions
from tests.helpers import MINI, SMALL


def test_each_variant_is_an_edition_with_its_own_items_and_title() -> None:
    public, experts = editions(load_pack(MINI).content)
    assert (public.variant, experts.variant) == ("public", "experts")
    assert "experts-only" in [m.id for m in experts.pack.key_messages]
    assert "experts-only" not in [m.id for m in public.pack.key_messages]
    assert experts.pack.meta.subtitle == "A test briefing for experts on hover-scooter rules"
    assert experts.pack.meta.audience == "Regulators of fictional Examplia"
    assert public.pack.meta.subtitle == load_pack(MINI).content.meta.subtitle


def test_templates_come_from_the_variant_else_the_format_default() -> None:
    public, experts = editions(load_pack(MINI).content)
    assert experts.template("handout", "handout.md.j2") == "handout-policymakers.md.j2"
    assert experts.template("summary", "summary.md.j2") == "summary.md.j2"
    assert public.template("deck", "deck.md.j2") == "deck.md.j2"


def test_a_pack_without_variants_has_one_edition_for_everyone() -> None:
    [edition] = editions(load_pack(SMALL).content)
    assert edition.variant is None
    assert edition.filename("small-pack", "deck.pptx") == "small-pack-deck.pptx"
    public = editions(load_pack(MINI).content)[0]
    assert public.filename("mini", "deck.pptx") == "mini-public-deck.pptx"
