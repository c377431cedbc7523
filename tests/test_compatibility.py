"""Packs written before the pack could declare its own words keep building unchanged, in neutral words.

tests/fixtures/small-pack is exactly what `briefpack new` wrote before packs had
a vocabulary, dated events or lived-experience kinds: no field of it may break.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline.check import check_packs
from tests.helpers import SMALL, TEMPLATES, pdf_text, pptx_text


def test_an_old_pack_checks_with_no_errors() -> None:
    report = check_packs([SMALL], TEMPLATES)
    assert report.errors == [] and report.packs == ["small-pack"]


def test_an_old_pack_prints_the_neutral_defaults(tmp_path: Path) -> None:
    from generator.pipeline import build_pack

    result = build_pack(SMALL, TEMPLATES, tmp_path, jobs=1)
    files = {f.path.name: f.path for f in result.files}
    handout = pdf_text(files["small-pack-handout-a4.pdf"])
    deck = pptx_text(files["small-pack-deck.pptx"])
    for words in ("Selling", "Buying", "Third parties", "Safety", "Health", "Rights", "Effects"):
        assert words in handout, words
    assert "One legal model" in deck and "Thank you" in deck  # counted, and the neutral closing
    assert "Somewhere (2020)" in handout                      # a single `year` still prints


COMPAT = Path(__file__).resolve().parent / "fixtures" / "compat"
CORPUS = sorted(p for p in COMPAT.iterdir() if p.is_dir())


def test_the_corpus_holds_every_earlier_format() -> None:
    assert {p.name for p in CORPUS} >= {"first-format", "variants", "scaffold-first", "before-vocabulary",
                                        "scaffold-vocabulary", "vocabulary-and-events", "odd-yaml"}


@pytest.mark.parametrize("pack", CORPUS, ids=lambda p: p.name)
def test_every_pack_that_loaded_still_loads_and_checks(pack: Path) -> None:
    report = check_packs([pack], TEMPLATES)
    assert report.errors == [], [str(p) for p in report.errors]
    assert not any("syntax error" in p.message for p in report.problems)


@pytest.mark.slow
@pytest.mark.parametrize("pack", CORPUS, ids=lambda p: p.name)
def test_every_pack_that_loaded_still_builds(pack: Path, tmp_path: Path) -> None:
    from generator.pipeline import build_pack

    result = build_pack(pack, TEMPLATES, tmp_path, jobs=1)
    assert not result.failed, result.failure
    assert {f.path.suffix for f in result.files} == {".pdf", ".pptx", ".html"}


def test_odd_but_valid_yaml_reads_as_yaml_1_2_means_it() -> None:
    from generator.content.loader import load_pack

    raw = (COMPAT / "odd-yaml" / "sources.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the fixture really is odd (see .gitattributes)
    content = load_pack(COMPAT / "odd-yaml").content
    first = content.models[0].criminalised
    assert (first["sellers"].qualifier, first["buyers"].qualifier, first["third_parties"].qualifier) == (
        "yes", "on", "no")  # text, not booleans
    titles = {s.id: s.title for s in content.sources}
    assert titles["portugal-2010"].endswith("decriminalization of illicit drugs?")
    assert titles["multi-line"] == "A flow mapping"


def test_libyaml_refuses_the_question_mark_and_the_reference_parser_reads_it() -> None:
    """The reason for the fallback: this line is valid YAML 1.2 that libyaml alone rejects."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    line = "- {id: x, title: What can we learn from the Portuguese decriminalization of illicit drugs?, year: 2010}\n"
    with pytest.raises(MarkedYAMLError):
        YAML(typ="safe").load(line)
    assert YAML(typ="safe", pure=True).load(line)[0]["year"] == 2010
