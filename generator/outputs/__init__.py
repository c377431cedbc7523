"""Stage 6, outputs: each output a unit that owns all of it, and the registry of them.

An output (handout, summary, deck, web edition …) composes its document, lays
it out and renders its files, and says what ``check`` predicts for it, what it
costs, what the preview shows and which libraries change its bytes. The
pipeline, ``check`` and ``serve`` only iterate over ``OUTPUTS``.

A new output: one module here, its template, and one line below.
"""

from generator.outputs.base import Artifact, Output, OutputResult, Preview, Where, output_label
from generator.outputs.booklet import BOOKLET
from generator.outputs.cards import CARDS
from generator.outputs.deck import DECK
from generator.outputs.easy_read import EASY_READ
from generator.outputs.handout import HANDOUT
from generator.outputs.leaflet import LEAFLET
from generator.outputs.summary import SUMMARY
from generator.outputs.web import WEB

OUTPUTS: dict[str, Output] = {output.name: output for output in (HANDOUT, SUMMARY, DECK, WEB, BOOKLET, LEAFLET,
                                                                   CARDS, EASY_READ)}

__all__ = ["OUTPUTS", "Artifact", "Output", "OutputResult", "Preview", "Where", "base", "booklet", "cards", "deck",
           "easy_read", "handout", "leaflet", "output_label", "summary", "web"]
