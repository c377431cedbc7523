"""Legal models: who each treats as an offender, where it applies (and since when), its effects and debate.

Parties, effects and statuses are the pack's own (see ``vocabulary``); the
loader checks that every model uses exactly the ones the pack declares.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from generator.content.easy_read import EasyRows
from generator.content.fields import Id, Key, RichText, Text
from generator.content.items import Fact, Quote, SourceIds
from generator.content.strict import Strict

MAX_EVENTS = 30  # what a timeline and a table cell can show legibly; more is a history, not a briefing

EventKind = Literal["enacted", "in-force", "amended", "repealed", "struck-down", "ruling", "other"]


class ActStatus(Strict):
    """How the law treats one act of a party: a doctor may prescribe but not administer."""

    act: Text = Field(max_length=40, description="The act, e.g. 'prescribe' or 'administer'.")
    status: Id = Field(description="Its status, as a party's (criminalised, not-criminalised …).")
    qualifier: Text | None = Field(None, max_length=100, description="A short qualifier, e.g. 'after two requests'.")
    sources: SourceIds = Field(min_length=1)


class Criminalisation(Strict):
    """How the law treats one party under a model, and, where it differs by act, each act."""

    status: Id = Field(description="A status: criminalised, not-criminalised, partly, licensed-only, or one the "
                                   "pack declares in vocabulary.statuses.")
    qualifier: Text = Field(max_length=140, description="Short qualifier, e.g. 'except near schools'.")
    sources: SourceIds = Field(default_factory=list)
    acts: list[ActStatus] = Field(default_factory=list, max_length=6, description=(
        "The party's acts the law treats differently, each with its status and sources "
        "(e.g. prescribe: not-criminalised; administer: criminalised)."))


class Practice(Strict):
    """How the law is enforced, apart from what it says: a prosecution policy, police practice."""

    text: RichText
    sources: SourceIds = Field(min_length=1)


class DetailFact(Strict):
    """A detail field's value with the sources that support it."""

    text: RichText
    sources: SourceIds = Field(min_length=1)


class LegalEvent(Strict):
    """A dated step in a place's law: enacted, in force, amended, repealed, struck down, a court ruling, or another.

    ``ruling`` is court-made law: a judgment that creates a defence or reads a
    statute down, as much a step in a place's law as a statute.
    """

    year: int = Field(ge=1800, le=2100)
    date: dt.date | None = Field(None, description="The exact date, if known (YYYY-MM-DD, in the same year).")
    kind: EventKind
    label: Text | None = Field(None, max_length=40, description=(
        "How to say it, e.g. 'decriminalised' or 'recriminalised'; default: the kind ('in force', 'repealed' …)."))
    note: RichText | None = None
    sources: SourceIds = Field(min_length=1)

    @model_validator(mode="after")
    def _date_in_year(self) -> LegalEvent:
        if self.date and self.date.year != self.year:
            raise ValueError(f"date {self.date.isoformat()} is not in year {self.year}")
        return self


class Jurisdiction(Strict):
    """A place that uses the model: the year its law took effect, or the dated events of its law.

    Laws change. When the status was last confirmed is ``as_of`` (or else the
    newest year among its sources); ``check`` asks about a status older than
    the pack allows (``pack.status_max_age``). A status that no longer holds
    says ``until`` when, and prints so.
    """

    name: Text = Field(max_length=80)
    year: int | None = Field(None, ge=1800, le=2100, description="Year the law took effect; omit where laws vary.")
    events: list[LegalEvent] = Field(default_factory=list, max_length=MAX_EVENTS, description=(
        "Dated steps, oldest first: 'Oregon: decriminalised 2020, recriminalised 2024' is two events. "
        f"At most {MAX_EVENTS}: a briefing names the steps that matter, not a statute's every amendment."))
    note: RichText | None = None
    as_of: int | None = Field(None, ge=1800, le=2100, description=(
        "The year someone last confirmed this place's status under the model from a source (default: the newest "
        "year among its sources). Older than pack.status_max_age, it prints as 'last confirmed <year>'."))
    until: int | None = Field(None, ge=1800, le=2100, description=(
        "The year this status stopped holding, when it no longer does; prints as 'until <year>'."))
    also: list[Id] = Field(default_factory=list, description=(
        "Other models this place mixes in (their ids): it prints 'also under …'; say how in its note."))
    sources: SourceIds = Field(min_length=1)


class Effect(Strict):
    """What the model does to one aspect the pack weighs (see vocabulary.effects)."""

    summary: Text = Field(max_length=60, description="A few words for the comparison table.")
    text: RichText
    sources: SourceIds = Field(min_length=1)


class LegalModel(Strict):
    """A legal model, described from the sources."""

    id: Id
    name: Text = Field(max_length=80)
    short_name: Text = Field(max_length=24, description="Name for table headers and agendas.")
    aliases: list[Text] = Field(default_factory=list)
    definition: RichText = Field(description="One-line definition.")
    sources: SourceIds = Field(min_length=1)
    criminalised: dict[Key, Criminalisation] = Field(description=(
        "How the law treats each party, by party id (default parties: sellers, buyers, third_parties)."))
    jurisdictions: list[Jurisdiction] = Field(min_length=1)
    effects: dict[Key, Effect] = Field(description=(
        "The model's effects, by effect id (default: safety, health, rights)."))
    details: dict[Key, RichText | DetailFact] = Field(default_factory=dict, description=(
        "Values of the fields the pack declares in vocabulary.fields, by field id: a text, or {text, sources} "
        "(a fact that prints carries its source; check asks for one)."))
    practice: Practice | None = Field(None, description=(
        "How the law is enforced where that differs from what it says (a prosecution policy), with sources."))
    arguments_for: list[Fact] = Field(default_factory=list, description="The case its supporters make, stated fairly.")
    concerns: list[Fact] = Field(default_factory=list, description="Evidence and criticism.")
    quotes: list[Quote] = Field(default_factory=list)
    notes: RichText | None = Field(None, description="Speaker notes beyond what fits on a slide.")
    easy_read: EasyRows


class Dimension(Strict):
    """A row of the models-compared table; its cells come from each model's data."""

    id: Id
    label: Text = Field(max_length=80)
    field: Text = Field(description=(
        "The model field that fills this row: criminalised.<party>, effects.<effect>, jurisdictions, "
        "definition, aliases or details.<field>."))
