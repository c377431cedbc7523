"""The content format: a pack and the sections it is made of.

A pack is a folder of YAML files; each top-level key below (``pack``,
``key_messages``, ``models`` …) lives in exactly one of them. The field
descriptions are the format reference: they feed the JSON Schema that
editors' YAML tools autocomplete from. Legal models are in ``models``, the
pack's own words for its topic in ``vocabulary``, everything else in ``items``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from generator.content.easy_read import EasyReadEdition
from generator.content.fields import Id, Language, RichText, Text, Url
from generator.content.items import (
    Card,
    EvidenceItem,
    ExperiencePoint,
    GlossaryEntry,
    KeyMessage,
    Quote,
    Recommendation,
    Resource,
    Source,
    SpeakerNotes,
)
from generator.content.models import Dimension, LegalModel
from generator.content.strict import Strict
from generator.content.vocabulary import Vocabulary


class Readability(Strict):
    """How plain an edition's own words must be; `check` and `build` warn at each text above a limit."""

    max_grade: float | None = Field(None, ge=1, le=20, description=(
        "The highest reading grade a text may have (Flesch–Kincaid grade, syllables counted by the edition's "
        "hyphenation dictionary), e.g. 8 for a general public; quotations are exempt."))
    max_sentence_words: int | None = Field(None, ge=5, le=80, description=(
        "The most words a sentence may have, e.g. 20 (Easy Read guides ask 15)."))


class Variant(Strict):
    """An edition of the pack for one audience: its own title line, templates and items."""

    id: Id = Field(description="Used in output file names, e.g. 'policymakers'.")
    audience: Id = Field(description="Items tagged with this audience (or untagged) are included.")
    subtitle: Text | None = Field(None, max_length=300, description="Title line replacing the pack's subtitle.")
    audience_line: Text | None = Field(None, max_length=200, description="Replaces pack.audience on the cover.")
    position: RichText | None = Field(None, description=(
        "Replaces pack.position in this edition: the pack's position in the words its readers need (a community "
        "guide's plainer ones); it must say what the pack's says."))
    handout_template: Text | None = Field(None, description="Template of this edition's handout.")
    deck_template: Text | None = Field(None, description="Template of this edition's deck.")
    summary_template: Text | None = Field(None, description="Template of this edition's one-page summary.")
    templates: dict[Id, Text] = Field(
        default_factory=dict, description="Templates of other output formats, by format name (e.g. web).")
    readability: Readability | None = Field(None, description="Limits on how plain this edition's words are.")


class Translation(Strict):
    """How one language's editions of the pack are made."""

    variants: list[Id] = Field(default_factory=list, description=(
        "The variants translated into this language (default: every variant)."))
    by: Text | None = Field(None, max_length=160, description=(
        "Who translated the pack, printed beside every translated quotation (\"Translated by …\")."))


class PackMeta(Strict):
    """Who made the pack, for whom, and which edition it is."""

    id: Id = Field(description="Identifier of the pack; output files are named after it.")
    title: Text = Field(max_length=160)
    subtitle: Text = Field(max_length=300)
    organisation: Text = Field(max_length=120, description="Organisation publishing the pack (PDF author).")
    version: Text = Field(max_length=20, description="Edition, e.g. '1.0'. Quote it in YAML: \"1.0\".")
    date: dt.date = Field(description="Publication date, YYYY-MM-DD; also the PDF creation date.")
    current_to: dt.date | None = Field(None, description=(
        "The date the pack's facts are current to (its laws and evidence as known then), printed on the "
        "handout's cover and the summary; default: the publication date."))
    status_max_age: int = Field(5, ge=1, le=50, description=(
        "How many years a place's legal status may go unconfirmed (see as_of on jurisdictions) before "
        "`check` asks someone to confirm it."))
    language: Language
    languages: list[Language] = Field(default_factory=list, description=(
        "Every language the pack is published in, its own `language` first (e.g. [en-AU, es, fr]); each "
        "other one is translated in translations/<language>.po (`briefpack translate`). Default: only "
        "`language`."))
    translations: dict[Language, Translation] = Field(default_factory=dict, description=(
        "Per translated language: which variants, and who translated."))
    audience: Text = Field(max_length=200, description="Who the pack is written for, in one line.")
    position: RichText | None = Field(None, description=(
        "The pack's own position in a sentence or two, printed near the top so readers know where it "
        "stands, e.g. 'This briefing argues for …; the case for the other models is set out in their "
        "supporters' terms.'"))
    url: Url | None = Field(None, description=(
        "Where the pack is published (its handout or web edition); the deck's sources slide links there "
        "with a QR code."))
    contact: Text | None = Field(None, max_length=200, description=(
        "How readers reach the publisher: an email address, a phone line, a web address. Printed on the "
        "leaflet's back, the booklet's back cover and each pocket card; none is printed when left out."))
    keywords: list[Text] = Field(default_factory=list, description="PDF and PPTX keywords.")
    theme: Id = Field("default", description="Theme in templates/themes/ (the --theme option overrides it).")
    logo: Text | None = Field(None, description="Logo image, a path inside the pack folder.")
    logo_alt: Text | None = Field(None, description="Alt text of the logo (default: 'Logo of <organisation>').")
    variants: list[Variant] = Field(
        default_factory=list,
        description="Audience variants; each gets its own handout and deck. None: one edition for everyone.",
    )
    readability: Readability | None = Field(None, description=(
        "Limits on how plain every edition's words are (a variant's own `readability` replaces them)."))


class Pack(Strict):
    """A whole briefing pack: the union of the top-level keys of its YAML files.

    The ``pack:`` section is ``meta`` here (``pack.meta.title`` in templates).
    """

    meta: PackMeta = Field(alias="pack", description="Who made the pack, for whom, and which edition it is.")
    vocabulary: Vocabulary = Field(default_factory=Vocabulary, description=(
        "The pack's own words for its topic: parties, effects, statuses, section titles, closing line."))
    key_messages: list[KeyMessage] = Field(min_length=1)
    definitions: list[Quote] = Field(default_factory=list, description="Quotations on what the terms mean.")
    models: list[LegalModel] = Field(min_length=1)
    comparison: list[Dimension] = Field(min_length=1)
    evidence: list[EvidenceItem] = Field(default_factory=list)
    lived_experience: list[ExperiencePoint] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    cards: list[Card] = Field(default_factory=list, description=(
        "Pocket cards (85 × 55 mm) printed ten to an A4 sheet: a title, a few points, a QR code on the back."))
    sources: list[Source] = Field(min_length=1)
    speaker_notes: SpeakerNotes = Field(default_factory=SpeakerNotes)
    easy_read: EasyReadEdition | None = Field(None, description=(
        "The Easy Read edition: its title and opening rows; key messages, models and asks give their own rows."))
