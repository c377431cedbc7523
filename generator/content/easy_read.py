"""Easy Read: the pack's own easy words for the parts it wants in its Easy Read edition.

Easy Read puts one idea on each row: a picture on the left, a few short
sentences on the right. A key message, a model or an ask carries its rows in
``easy_read``; the pack's ``easy_read`` section gives the edition its title
and its opening rows. Every sentence keeps to Easy Read's rule of at most
``MAX_WORDS`` words, checked here so ``check`` names the file and line.

A picture is an icon of the shipped set (its name, e.g. ``scale``: see
``briefpack icons``) or a PNG or JPEG in the pack folder (a path, e.g.
``pictures/meeting.png``), which then needs ``alt``: what the picture shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, Field, model_validator

from generator.content.fieldpath import FieldPath, model_fields
from generator.content.fields import Id, Text
from generator.content.sentences import sentences, words
from generator.content.strict import Strict

MAX_WORDS = 15  # Easy Read guides (UK Department of Health, Inclusion Europe): 15 words a sentence or fewer


def short_sentences(value: str) -> str:
    """Return ``value`` when each of its sentences has at most ``MAX_WORDS`` words."""
    for sentence in sentences(value):
        count = len(words(sentence))
        if count > MAX_WORDS:
            start = " ".join(sentence.split()[:6])
            raise ValueError(f"Easy Read sentences have at most {MAX_WORDS} words; '{start}…' has {count}: "
                             "split it in two")
    return value


EasyText = Annotated[
    Text,
    AfterValidator(short_sentences),
    Field(description=(f"One idea in short sentences (each of {MAX_WORDS} words or fewer, each printed on its own "
                       "line); *emphasis* and **strong** allowed.")),
]


def is_pack_file(picture: str) -> bool:
    """Return whether ``picture`` names a file in the pack folder (a path), not an icon of the shipped set."""
    return "/" in picture or "." in picture


class EasyRow(Strict):
    """One row of an Easy Read page: a picture on the left, short sentences on the right."""

    text: EasyText
    picture: Text | None = Field(None, max_length=200, description=(
        "An icon of the shipped set by name (e.g. 'scale', 'shield-check'; `briefpack icons` lists them), or a "
        "PNG or JPEG in the pack folder by path (e.g. 'pictures/meeting.png'). None: the row has no picture."))
    alt: Text | None = Field(None, max_length=200, description=(
        "What the picture shows, for people who cannot see it. Needed for a picture from the pack; an icon "
        "without it is read as decoration, since the words beside it say the same."))

    sources: list[Id] = Field(default_factory=list, description=(
        "Ids of entries in `sources` that support the row. Easy Read prints none (it says where the full "
        "briefing is); a template that prints the row elsewhere (the community guide) cites them."))

    @model_validator(mode="after")
    def _pack_picture_has_alt(self) -> EasyRow:
        if self.picture and is_pack_file(self.picture) and not self.alt:
            raise ValueError(f"the picture '{self.picture}' needs `alt`: say what it shows")
        return self


def easy_rows(pack: Any) -> Iterator[tuple[FieldPath, EasyRow]]:
    """Yield every Easy Read row of a pack with its path, in document order (items' rows and the opening's)."""
    for path, model, key, _ in model_fields(pack):
        if isinstance(model, EasyRow) and key == "text":  # a row's first field: once per row
            yield path, model


EasyRows = Annotated[list[EasyRow], Field(default_factory=list, description=(
    "This item in Easy Read, one row per idea; the Easy Read edition prints the item only when it has some."))]


class EasyReadEdition(Strict):
    """The Easy Read edition: its title, the rows that open it, and the editions it is made for."""

    title: Text = Field(max_length=120, description="The title in easy words, e.g. 'Drug laws and you'.")
    intro: list[EasyRow] = Field(default_factory=list, description=(
        "Rows that open the edition: what it is about and who made it."))
    variants: list[Id] = Field(default_factory=list, description=(
        "The variants that get an Easy Read edition (default: the first, or the pack's only edition)."))

    def made_for(self, declared: list[str]) -> list[str]:
        """Return the variants that get an Easy Read edition, of the ``declared`` ones in order."""
        return self.variants or declared[:1]
