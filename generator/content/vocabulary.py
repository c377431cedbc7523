"""A pack's own words: who the law concerns, what effects it weighs, how statuses are named.

briefpack is a tool for briefings on legal models of anything: drug policy,
firearms, one country's law. The topic belongs to the pack: the parties
the law may treat as offenders, the dimensions of effect, the legal statuses
and the closing line are declared here, with neutral defaults. A pack that
declares nothing gets "Selling", "Buying", "Third parties" and "Safety",
"Health", "Rights", in its language (their words live in the message
catalogues, so they are translated).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field, model_validator

from generator.content.fields import Id, Key, Text
from generator.content.strict import Strict

# The parties, effects and statuses a pack gets when it declares none: ids only; their words are
# labels ("party_sellers", "effect_safety", "status_partly" …) in messages/labels.yaml.
DEFAULT_PARTIES = ("sellers", "buyers", "third_parties")
DEFAULT_EFFECTS = ("safety", "health", "rights")
BUILT_IN_STATUSES = {  # id: (symbol, colour role)
    "criminalised": ("cross", "criminalised"),
    "not-criminalised": ("tick", "not-criminalised"),
    "partly": ("half", "partly"),
    "licensed-only": ("diamond", "licensed-only"),
}

Symbol = Literal["cross", "tick", "half", "diamond", "circle", "dash"]
ColourRole = Literal["criminalised", "not-criminalised", "partly", "licensed-only"]
SectionKey = Literal[
    "key_messages", "definitions", "models", "comparison", "evidence", "lived_experience", "recommendations",
    "resources", "glossary", "sources", "where", "effects", "case_for", "concerns",
]


class Party(Strict):
    """Someone the law may treat as an offender (a seller, a buyer, a supplier …)."""

    id: Key = Field(description="Used as the key under each model's `criminalised`, e.g. 'sellers'.")
    label: Text | None = Field(None, max_length=60,
                               description="Full name, e.g. 'People who sell sex'; built-in ids have a default.")
    short_label: Text | None = Field(None, max_length=24, description="For tables and slides; default: label.")

    @model_validator(mode="after")
    def _labelled_if_new(self) -> Party:
        if self.id not in DEFAULT_PARTIES and not self.label:
            raise ValueError(f"party '{self.id}' needs a label (only {', '.join(DEFAULT_PARTIES)} have a default)")
        return self


class EffectDimension(Strict):
    """One aspect a model's effects are described on (safety, health …)."""

    id: Key = Field(description="Used as the key under each model's `effects`, e.g. 'safety'.")
    label: Text | None = Field(None, max_length=40, description="Its name; built-in ids have a default.")

    @model_validator(mode="after")
    def _labelled_if_new(self) -> EffectDimension:
        if self.id not in DEFAULT_EFFECTS and not self.label:
            raise ValueError(f"effect '{self.id}' needs a label (only {', '.join(DEFAULT_EFFECTS)} have a default)")
        return self


class StatusWord(Strict):
    """A legal status a party can have: a built-in one reworded, or a new one."""

    id: Id = Field(description="Used as `status:` in `criminalised`, e.g. 'administrative-offence'.")
    word: Text | None = Field(None, max_length=40, description="How it is said, e.g. 'Administrative offence'.")
    symbol: Symbol | None = Field(None, description="The symbol beside the word, so colour is never alone.")
    colour: ColourRole | None = Field(None, description="Which theme colour it is printed in.")

    @model_validator(mode="after")
    def _complete_if_new(self) -> StatusWord:
        if self.id not in BUILT_IN_STATUSES and not (self.word and self.symbol and self.colour):
            raise ValueError(f"a new status needs a word, a symbol and a colour (built-in statuses: "
                             f"{', '.join(BUILT_IN_STATUSES)})")
        return self


class DetailField(Strict):
    """A field every model may fill in `details`, available as a comparison row (`details.<id>`)."""

    id: Key
    label: Text = Field(max_length=60)


class SectionTitles(Strict):
    """Titles replacing the built-in ones for this pack (e.g. lived_experience: 'In their own words')."""

    key_messages: Text | None = None
    definitions: Text | None = None
    models: Text | None = None
    comparison: Text | None = None
    evidence: Text | None = None
    lived_experience: Text | None = None
    recommendations: Text | None = None
    resources: Text | None = None
    glossary: Text | None = None
    sources: Text | None = None
    where: Text | None = Field(None, description="Over each model's list of places.")
    effects: Text | None = Field(None, description="Over each model's effects, e.g. 'Effects on people who use drugs'.")
    case_for: Text | None = Field(None, description="Over the case a model's supporters make.")
    concerns: Text | None = Field(None, description="Over the concerns and criticism of a model.")


# Built-in sentences that describe the content rather than the tool: a pack may word them its own way. A
# statutory topic has no "definitions often quoted in the debate", and its "arguments" may not be for fair
# presenting but for a court. Keys are those of messages/labels.yaml; {num} and {parties} are filled in.
WordingKey = Literal["count_definitions_one", "count_definitions_other", "models_note", "case_for_note",
                     "concerns_note", "quote_slide_title"]


class AvoidedTerm(Strict):
    """A word the pack chooses not to use outside quotations ("Words matter"), and the one it uses instead."""

    term: Text = Field(max_length=60, description="The word or phrase to avoid, e.g. 'addict'.")
    instead: Text | None = Field(None, max_length=60, description=(
        "The word the pack prefers, e.g. 'person who uses drugs'."))
    names: list[Text] = Field(default_factory=list, description=(
        "Names that contain the term and stay as they are: an organisation's, a law's."))


class Closing(Strict):
    """The last slide's words."""

    title: Text | None = Field(None, max_length=120, description="Default: 'Thank you'.")
    text: Text | None = Field(None, max_length=200, description="Default: 'Questions?'.")


class SpectrumEnds(Strict):
    """What the two ends of the models' line mean, in the pack's words: the axis of its spectrum diagram."""

    start: Text = Field(max_length=40, description=(
        "What the first model's end of the line means, e.g. 'Every party criminalised'."))
    end: Text = Field(max_length=40, description=(
        "What the last model's end means, e.g. 'No criminal law aimed at the trade'."))


class Vocabulary(Strict):
    """The pack's own words for its topic; everything has a neutral default."""

    topic: Text | None = Field(None, max_length=60, description=(
        "What the legal models are models of, as in 'Three legal models of drug policy': 'drug policy'."))
    parties: list[Party] = Field(default_factory=list, description=(
        "Who the law may treat as offenders, in order. Default: sellers, buyers, third_parties."))
    effects: list[EffectDimension] = Field(default_factory=list, description=(
        "The aspects each model's effects are described on, in order. Default: safety, health, rights."))
    statuses: list[StatusWord] = Field(default_factory=list, description=(
        "Statuses besides (or rewording) the built-in criminalised, not-criminalised, partly, licensed-only."))
    fields: list[DetailField] = Field(default_factory=list, description="Extra fields models fill in `details`.")
    titles: SectionTitles = Field(default_factory=SectionTitles)
    closing: Closing = Field(default_factory=Closing)
    spectrum: SpectrumEnds | None = Field(None, description=(
        "What the ends of the spectrum diagram (the models in the pack's order) mean, printed at each end of "
        "its line with an arrow. None: the line shows the order alone."))
    avoid: list[AvoidedTerm] = Field(default_factory=list, description=(
        "Words this pack does not use in its own text (quotations and source titles keep theirs); `check` "
        "warns at each use."))
    wording: dict[WordingKey, Text] = Field(default_factory=dict, description=(
        "Built-in sentences that describe the content, in the pack's own words, by key: count_definitions_one / "
        "_other (above the definitions; {num} is the number), models_note (slide notes; {parties}), case_for_note "
        "and concerns_note (presenter notes), quote_slide_title (after a model's name on its quotation slide)."))

    def party_ids(self) -> list[str]:
        """Return the ids of the parties models describe."""
        return [p.id for p in self.parties] or list(DEFAULT_PARTIES)

    def effect_ids(self) -> list[str]:
        """Return the ids of the effects models describe."""
        return [e.id for e in self.effects] or list(DEFAULT_EFFECTS)

    def status_ids(self) -> list[str]:
        """Return every status a model may give a party."""
        return list(dict.fromkeys([*BUILT_IN_STATUSES, *(s.id for s in self.statuses)]))


def comparison_fields(parties: Sequence[str], effects: Sequence[str], fields: Sequence[str]) -> list[str]:
    """Return every model field a comparison row may show, given the pack's parties, effects and detail fields."""
    return ([f"criminalised.{p}" for p in parties] + [f"effects.{e}" for e in effects]
            + ["jurisdictions", "definition", "aliases"] + [f"details.{f}" for f in fields])
