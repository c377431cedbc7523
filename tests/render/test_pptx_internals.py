"""The python-pptx internals the deck writer relies on live in one module, checked once per process."""

from __future__ import annotations

import re
from pathlib import Path

from generator.render import pptx_internals


def test_every_internal_is_where_the_writer_expects_it() -> None:
    pptx_internals.check.cache_clear()
    pptx_internals.check()


def test_the_deck_writer_reaches_no_private_python_pptx_attribute() -> None:
    source = (Path(pptx_internals.__file__).parent / "pptx_deck.py").read_text("utf-8")
    assert re.findall(r"\._(?:element|spTree|txBody|r|p|get_or_add_ln)\b", source) == []
