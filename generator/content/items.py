"""The blocks a briefing is made of besides its legal models: messages, quotations, evidence, voices, sources.

The field descriptions here are the format reference: they feed the JSON
Schema that editors' YAML tools autocomplete from.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from generator.content.easy_read import EasyRows
from generator.content.fields import Id, Language, RichText, Text, Url
from generator.content.strict import Strict

SourceIds = Annotated[
    list[Id],
    Field(description="Ids of entries in `sources` that support this text."),
]

Audiences = Annotated[
    list[Id],
    Field(description="Variant audiences this item is for; empty means every audience."),
]


SlideText = Annotated[Text | None, Field(None, max_length=160, description=(
    "A short version for slides (a few words); the full text goes to the speaker notes."))]


class Fact(Strict):
    """A statement of fact and the sources that support it."""

    text: RichText
    slide: SlideText = None
    sources: SourceIds = Field(min_length=1)
    audiences: Audiences = Field(default_factory=list)


class KeyMessage(Strict):
    """One of the few things a reader should remember."""

    id: Id
    title: Text = Field(max_length=160, description="The message in a few words.")
    text: RichText = Field(description="One or two sentences explaining it.")
    sources: SourceIds = Field(default_factory=list)
    audiences: Audiences = Field(default_factory=list)
    easy_read: EasyRows


class QuotedTranslation(Strict):
    """A translation of quoted words: printed after them, labelled a translation and by whom."""

    text: Text = Field(description="The translation of the whole quotation.")
    slide: Text | None = Field(None, description="The translation of its slide excerpt.")
    by: Text | None = Field(None, max_length=160, description="Who translated it.")


class Quote(Strict):
    """A verbatim quotation with its attribution exactly as the source gives it.

    A quotation that starts mid-sentence opens with a bracketed lead-in
    ("[Human rights abuses] occur …"); words left out are marked "…".
    """

    id: Id
    text: Text = Field(description="The words quoted, verbatim; no Markdown is applied.")
    attribution: Text = Field(max_length=500, description="Who said it and where, as the source describes them.")
    short_attribution: Text | None = Field(None, max_length=80, description=(
        "What a slide shows under the quotation (\"Ada Smith, The Journal, 2004\"); the full attribution "
        "goes to the speaker notes. Without it, the attribution up to its first comma."))
    source: Id = Field(description="Id of the entry in `sources` the quotation comes from.")
    language: Language | None = Field(None, description=(
        "The language of the words quoted, if not the pack's; they print in it, marked so."))
    translation: QuotedTranslation | None = Field(None, description=(
        "A translation of the words quoted, printed after them and labelled as one, never in their place; "
        "a translated edition takes its own from its catalogue."))
    context: RichText | None = Field(None, description="A note that frames the quotation.")
    slide: Text | None = Field(None, description=(
        "An excerpt for slides: the quotation's own words, with '…' where words are left out "
        "(`check` compares it with the full text)."))


def short_attribution(quote: Quote) -> str:
    """Return a quotation's attribution as a slide shows it: the pack's short form, or who said it.

    Without a short form the slide shows the attribution up to its first comma
    ("Ada Smith"). No year is guessed from the rest: the one an
    attribution names may be a law's or an access date, not when the words
    were said, and a slide must not date a quotation its source does not.
    """
    return quote.short_attribution or quote.attribution.split(",")[0].strip()


class ExperiencePoint(Strict):
    """A point from lived experience, attributed as the source describes the person; never invented.

    A ``quote`` is the person's own words, verbatim, printed in quotation
    marks; a ``paraphrase`` is our summary, in the third person.
    """

    id: Id
    kind: Literal["paraphrase", "quote"] = Field("paraphrase", description=(
        "quote: the person's own words, verbatim; paraphrase: a summary in the third person."))
    text: RichText
    slide: Text | None = Field(None, max_length=160, description=(
        "A short version for slides: for a quote, an excerpt of its own words with '…' for cuts (checked); "
        "for a paraphrase, a few words of yours."))
    attribution: Text = Field(max_length=300, description="As the source describes the person; never invented.")
    short_attribution: Text | None = Field(None, max_length=80, description=(
        "What a slide shows above the person's points, drawn from the attribution and adding nothing to it "
        "(\"A nurse in Berlin\"); the full attribution goes to the speaker notes."))
    consent: Literal["published", "given-for-this-pack", "anonymise"] = Field(description=(
        "On what terms the point may be published."))
    source: Id
    language: Language | None = Field(None, description=(
        "For a quote: the language of the person's words, if not the pack's."))
    translation: QuotedTranslation | None = Field(None, description=(
        "For a quote: a translation, printed after the person's words and labelled as one."))
    audiences: Audiences = Field(default_factory=list)


class EvidenceItem(Strict):
    """A finding or position from research or a public body."""

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
    easy_read: EasyRows


class Resource(Strict):
    """Further reading, printed with its URL and a QR code.

    ``source`` names the entry in `sources` for the same address: its
    `checked` says whether anyone opened the address the QR code leads to.
    """

    id: Id
    title: Text = Field(max_length=300)
    publisher: Text = Field(max_length=200)
    url: Url
    description: Text = Field(max_length=200, description="One line on why to read it.")
    featured: bool = Field(False, description="Shown on the one-page summary.")
    source: Id | None = Field(None, description="The entry in `sources` for this address (was it opened?).")
    audiences: Audiences = Field(default_factory=list)


class GlossaryEntry(Strict):
    """A term and its definition."""

    term: Text = Field(max_length=80)
    definition: RichText
    sources: SourceIds = Field(default_factory=list)
    audiences: Audiences = Field(default_factory=list)


class Source(Strict):
    """A citation; quotes, facts and resources refer to it by id."""

    id: Id
    title: Text = Field(max_length=400)
    descriptive_title: bool = Field(False, description=(
        "True when the title is a description, not the source's own headline; it prints in [square brackets]."))
    author: Text | None = Field(None, max_length=200)
    publisher: Text | None = Field(None, max_length=200)
    year: int | None = Field(None, ge=1800, le=2100)
    url: Url | None = None
    checked: bool = Field(description="True once someone has read the cited text itself, at this address.")
    pinpoint: Text | None = Field(None, max_length=80, description=(
        "Where in the source the cited words are: a section, article or page ('s. 241.2(1)', 'p. 12'); "
        "printed after the title."))
    accessed: dt.date | None = Field(None, description=(
        "When someone last opened the address (YYYY-MM-DD); printed as 'Accessed 3 March 2026'."))
    language: Language | None = Field(None, description=(
        "The source's language when it is not the pack's (BCP 47, e.g. 'fr'); printed as 'In French'."))
    note: Text | None = None

    @model_validator(mode="after")
    def _author_or_publisher(self) -> Source:
        if not (self.author or self.publisher):
            raise ValueError("give an author or a publisher")
        return self


class SpeakerNotes(Strict):
    """Speaker notes for slides that have no content item of their own."""

    opening: RichText | None = None
    key_messages: RichText | None = None
    definitions: RichText | None = None
    comparison: RichText | None = None
    evidence: RichText | None = None
    lived_experience: RichText | None = None
    recommendations: RichText | None = None
    resources: RichText | None = None
    closing: RichText | None = None


class Card(Strict):
    """A pocket card (85 × 55 mm, front and back): a title and a few short points, and a QR code on the back.

    Every word must fit the card at the type size of the theme: a card that
    does not fit is an error naming it. The points are the pack's own words,
    like its recommendations; a card that states facts names its sources.
    """

    id: Id
    title: Text = Field(max_length=60, description="The card's heading, a few words.")
    points: list[Text] = Field(min_length=1, max_length=5, description="One to five short points (a line or two each).")
    link: Url | None = Field(None, description="Where the QR code on the back leads (default: the pack's `url`).")
    link_title: Text | None = Field(None, max_length=80, description="What the QR code leads to, printed beside it.")
    back: Text | None = Field(None, max_length=160, description="A line on the back, under the QR code.")
    sources: SourceIds = Field(default_factory=list)
    audiences: Audiences = Field(default_factory=list)
