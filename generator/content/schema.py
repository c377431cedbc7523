"""The content format: typed blocks a briefing pack is made of.

A pack is a folder of YAML files; each top-level key below (``pack``,
``key_messages``, ``models`` …) lives in exactly one of them. The field
descriptions here are the format reference: they feed the JSON Schema that
editors' YAML tools autocomplete from.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from generator.content.fields import Id, Language, RichText, Text, Url

SourceIds = Annotated[
    list[Id],
    Field(description="Ids of entries in `sources` that support this text."),
]


class Strict(BaseModel):
    """Base of every block: unknown keys are errors, objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Variant(Strict):
    """An edition of the pack for one audience: its own title line, templates and items."""

    id: Id = Field(description="Used in output file names, e.g. 'policymakers'.")
    audience: Id = Field(description="Items tagged with this audience (or untagged) are included.")
    subtitle: Text | None = Field(None, max_length=300, description="Title line replacing the pack's subtitle.")
    audience_line: Text | None = Field(None, max_length=200, description="Replaces pack.audience on the cover.")
    handout_template: Text | None = Field(None, description="Template of this edition's handout.")
    deck_template: Text | None = Field(None, description="Template of this edition's deck.")
    summary_template: Text | None = Field(None, description="Template of this edition's one-page summary.")
    templates: dict[Id, Text] = Field(
        default_factory=dict, description="Templates of other output formats, by format name (e.g. web).")


class PackMeta(Strict):
    """Who made the pack, for whom, and which edition it is."""

    id: Id = Field(description="Identifier of the pack; output files are named after it.")
    title: Text = Field(max_length=160)
    subtitle: Text = Field(max_length=300)
    organisation: Text = Field(max_length=120, description="Organisation publishing the pack (PDF author).")
    version: Text = Field(max_length=20, description="Edition, e.g. '1.0'. Quote it in YAML: \"1.0\".")
    date: dt.date = Field(description="Publication date, YYYY-MM-DD; also the PDF creation date.")
    language: Language
    audience: Text = Field(max_length=200, description="Who the pack is written for, in one line.")
    keywords: list[Text] = Field(default_factory=list, description="PDF and PPTX keywords.")
    theme: Id = Field("default", description="Theme in templates/themes/ (the --theme option overrides it).")
    logo: Text | None = Field(None, description="Logo image, a path inside the pack folder.")
    logo_alt: Text | None = Field(None, description="Alt text of the logo (default: 'Logo of <organisation>').")
    variants: list[Variant] = Field(
        default_factory=list,
        description="Audience variants; each gets its own handout and deck. None: one edition for everyone.",
    )


Audiences = Annotated[
    list[Id],
    Field(description="Variant audiences this item is for; empty means every audience."),
]


class Fact(Strict):
    """A statement of fact and the sources that support it."""

    text: RichText
    sources: SourceIds = Field(min_length=1)
    audiences: Audiences = Field(default_factory=list)


class KeyMessage(Strict):
    """One of the few things a reader should remember."""

    id: Id
    title: Text = Field(max_length=160, description="The message in a few words.")
    text: RichText = Field(description="One or two sentences explaining it.")
    sources: SourceIds = Field(default_factory=list)
    audiences: Audiences = Field(default_factory=list)


class Status(StrEnum):
    """Whether the law treats a party's part in sex work as a crime."""

    criminalised = "criminalised"
    not_criminalised = "not-criminalised"
    partly = "partly"
    licensed = "licensed-only"


class Criminalisation(Strict):
    """How one party (sellers, buyers or third parties) is treated by the law."""

    status: Status
    qualifier: Text = Field(max_length=140, description="Short qualifier, e.g. 'except near schools'.")
    sources: SourceIds = Field(default_factory=list)


class WhoIsCriminalised(Strict):
    """Who commits an offence under the model."""

    sellers: Criminalisation
    buyers: Criminalisation
    third_parties: Criminalisation


class Jurisdiction(Strict):
    """A place that uses the model, with the year its law took effect."""

    name: Text = Field(max_length=80)
    year: int | None = Field(
        None, ge=1800, le=2100, description="Year the law took effect; omit where laws vary."
    )
    note: RichText | None = None
    sources: SourceIds = Field(min_length=1)


class Effect(Strict):
    """What the model does to one aspect of sex workers' lives."""

    summary: Text = Field(max_length=60, description="A few words for the comparison table.")
    text: RichText
    sources: SourceIds = Field(min_length=1)


class Effects(Strict):
    """Effects on sex workers' safety, health and rights."""

    safety: Effect
    health: Effect
    rights: Effect


class Quote(Strict):
    """A verbatim quotation with its attribution exactly as the source gives it."""

    id: Id
    text: Text = Field(description="The words quoted, verbatim; no Markdown is applied.")
    attribution: Text = Field(max_length=500, description="Who said it and where, as the source describes them.")
    source: Id = Field(description="Id of the entry in `sources` the quotation comes from.")
    context: RichText | None = Field(None, description="A note that frames the quotation.")


class LegalModel(Strict):
    """A legal model of sex work, described from the sources."""

    id: Id
    name: Text = Field(max_length=80)
    short_name: Text = Field(max_length=24, description="Name for table headers and agendas.")
    aliases: list[Text] = Field(default_factory=list)
    definition: RichText = Field(description="One-line definition.")
    sources: SourceIds = Field(min_length=1)
    criminalised: WhoIsCriminalised
    jurisdictions: list[Jurisdiction] = Field(min_length=1)
    effects: Effects
    arguments_for: list[Fact] = Field(
        default_factory=list, description="The case its supporters make, stated fairly."
    )
    concerns: list[Fact] = Field(default_factory=list, description="Evidence and criticism.")
    quotes: list[Quote] = Field(default_factory=list)
    notes: RichText | None = Field(None, description="Speaker notes beyond what fits on a slide.")


ComparisonField = Literal[
    "criminalised.sellers",
    "criminalised.buyers",
    "criminalised.third_parties",
    "effects.safety",
    "effects.health",
    "effects.rights",
    "jurisdictions",
]


class Dimension(Strict):
    """A row of the models-compared table; its cells come from each model's data."""

    id: Id
    label: Text = Field(max_length=80)
    field: ComparisonField = Field(description="The model field that fills this row.")


class Consent(StrEnum):
    """On what terms a lived-experience point may be published."""

    published = "published"
    given_for_this_pack = "given-for-this-pack"
    anonymise = "anonymise"


class ExperiencePoint(Strict):
    """A point from lived experience, attributed as the source describes its author."""

    id: Id
    text: RichText
    attribution: Text = Field(max_length=300, description="As the source describes the person; never invented.")
    consent: Consent
    source: Id
    audiences: Audiences = Field(default_factory=list)


class EvidenceItem(Strict):
    """A finding or position from research or a human-rights body."""

    id: Id
    title: Text = Field(max_length=160)
    text: RichText
    sources: SourceIds = Field(min_length=1)
    notes: RichText | None = None
    audiences: Audiences = Field(default_factory=list)


class Recommendation(Strict):
    """An ask of decision-makers."""

    id: Id
    title: Text = Field(max_length=160)
    text: RichText
    sources: SourceIds = Field(default_factory=list)
    audiences: Audiences = Field(default_factory=list)


class Resource(Strict):
    """Further reading, printed with its URL and a QR code."""

    id: Id
    title: Text = Field(max_length=300)
    publisher: Text = Field(max_length=200)
    url: Url
    description: Text = Field(max_length=200, description="One line on why to read it.")
    featured: bool = Field(False, description="Shown on the one-page summary.")
    source: Id | None = None
    audiences: Audiences = Field(default_factory=list)


class GlossaryEntry(Strict):
    """A term and its neutral definition."""

    term: Text = Field(max_length=80)
    definition: RichText
    sources: SourceIds = Field(default_factory=list)
    audiences: Audiences = Field(default_factory=list)


class Source(Strict):
    """A citation; quotes, facts and resources refer to it by id."""

    id: Id
    title: Text = Field(max_length=400)
    author: Text | None = Field(None, max_length=200)
    publisher: Text | None = Field(None, max_length=200)
    year: int | None = Field(None, ge=1800, le=2100)
    url: Url | None = None
    checked: bool = Field(description="True once someone has read the cited text itself.")
    note: Text | None = None

    @model_validator(mode="after")
    def _author_or_publisher(self) -> Source:
        if not (self.author or self.publisher):
            raise ValueError("give an author or a publisher")
        return self


class SpeakerNotes(Strict):
    """Speaker notes for sections that have no content item of their own."""

    opening: RichText | None = None
    key_messages: RichText | None = None
    definitions: RichText | None = None
    comparison: RichText | None = None
    evidence: RichText | None = None
    lived_experience: RichText | None = None
    recommendations: RichText | None = None
    resources: RichText | None = None
    closing: RichText | None = None


class Pack(Strict):
    """A whole briefing pack: the union of the top-level keys of its YAML files.

    The ``pack:`` section is ``meta`` here (``pack.meta.title`` in templates).
    """

    meta: PackMeta = Field(alias="pack", description="Who made the pack, for whom, and which edition it is.")
    key_messages: list[KeyMessage] = Field(min_length=1)
    definitions: list[Quote] = Field(
        default_factory=list, description="Quotations on what the terms mean."
    )
    models: list[LegalModel] = Field(min_length=1)
    comparison: list[Dimension] = Field(min_length=1)
    evidence: list[EvidenceItem] = Field(default_factory=list)
    lived_experience: list[ExperiencePoint] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    speaker_notes: SpeakerNotes = Field(default_factory=SpeakerNotes)
