"""Audience variants: one edition of a pack per declared audience.

An edition keeps the items tagged for its audience (and every untagged item),
takes the variant's title line, and names the templates that arrange it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from generator.content.schema import Pack, Variant
from generator.document import Logo

if TYPE_CHECKING:
    from generator.translate.apply import TranslationNote


@dataclass(frozen=True)
class Edition:
    """A pack as one audience sees it, in the pack's language or, translated, in another."""

    variant: str | None
    pack: Pack
    templates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    logo: Logo | None = None
    language: str | None = None  # a translated edition's language (None: the pack's own)
    translation: TranslationNote | None = None  # what a translated edition says about itself
    # The same variant in each language it is published in: (language tag, its editions' key), this one included.
    languages: tuple[tuple[str, str], ...] = ()
    # The pack's own pictures its Easy Read rows name, by path, read and cleaned (icons come from the templates).
    pictures: Mapping[str, Logo] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def key(self) -> str:
        """Return the edition's name in job keys and preview addresses: 'public', 'public@es', '-'."""
        return (self.variant or "-") + (f"@{self.language}" if self.language else "")

    def template(self, format_name: str, default: str) -> str:
        """Return the template arranging ``format_name`` here: the variant's own, else ``default``."""
        return self.templates.get(format_name, default)

    def filename(self, pack_id: str, artifact: str) -> str:
        """Return the output file's path in the pack's output folder.

        'sex-work-law-policymakers-deck.pptx', 'sex-work-law-public.html'; a
        translated edition's go in a folder of their language and say it in
        their names too, as files travel alone: 'es/sex-work-law-public-es.html'.
        """
        joint = "" if artifact.startswith(".") else "-"  # the web edition is '<pack>-<variant>.html'
        stem = "-".join(part for part in (pack_id, self.variant, self.language) if part)
        return f"{self.language}/{stem}{joint}{artifact}" if self.language else f"{stem}{joint}{artifact}"


def _keep(value: Any, audience: str) -> Any:
    """Return ``value`` without the items tagged only for other audiences."""
    if isinstance(value, list):
        return [_keep(item, audience) for item in value
                if audience in (getattr(item, "audiences", None) or (audience,))]
    if isinstance(value, BaseModel):
        changes = {name: _keep(getattr(value, name), audience) for name in type(value).model_fields}
        changed = {k: v for k, v in changes.items() if v is not getattr(value, k)}
        return value.model_copy(update=changed) if changed else value
    return value


def for_variant(pack: Pack, variant: Variant) -> Pack:
    """Return the pack as ``variant``'s audience sees it."""
    filtered: Pack = _keep(pack, variant.audience)
    updates = {"subtitle": variant.subtitle, "audience": variant.audience_line, "position": variant.position}
    updates = {key: value for key, value in updates.items() if value}
    if updates:
        filtered = filtered.model_copy(update={"meta": filtered.meta.model_copy(update=updates)})
    return filtered


def variant_templates(variant: Variant) -> dict[str, str]:
    """Return the templates ``variant`` names, by format."""
    named = {"handout": variant.handout_template, "deck": variant.deck_template, "summary": variant.summary_template}
    return {**{fmt: name for fmt, name in named.items() if name}, **variant.templates}


def editions(pack: Pack, logo: Logo | None = None) -> list[Edition]:
    """Return every edition the pack declares (one for everyone if it declares none)."""
    if not pack.meta.variants:
        return [Edition(None, pack, logo=logo)]
    return [Edition(v.id, for_variant(pack, v), MappingProxyType(variant_templates(v)), logo)
            for v in pack.meta.variants]
