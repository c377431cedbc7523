"""Content lints: valid but worth an editor's attention, each a located warning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.content.lint import lint_glyphs, lint_pack
from generator.content.loader import load_pack
from tests.helpers import run

Change = Callable[[str, str, str], None]


def warnings(folder: Path) -> list[str]:
    return [str(p) for p in lint_pack(load_pack(folder))]


def test_unchecked_citations_are_warned_once_per_source(mini: Path, change: Change) -> None:
    change("content.yaml", "text: Publish the rules in every town hall.\n    sources: [survey-2025]",
           "text: Publish the rules in every town hall.\n    sources: [survey-2025, atlas-2024]")
    found = warnings(mini)
    assert found == ["briefs/mini/content.yaml:95:15: warning: evidence[2].sources[1]: "
                     "cites 'survey-2025', which is not checked against the original"]
    assert all(p.severity == "warning" for p in lint_pack(load_pack(mini)))


def test_a_source_never_cited(mini: Path) -> None:
    with (mini / "sources.yaml").open("a") as handle:
        handle.write("  - {id: lonely, title: Nobody cites me, publisher: Nobody, checked: true}\n")
    assert "briefs/mini/sources.yaml:8:10: warning: sources[7].id: source 'lonely' is never cited" in warnings(mini)


def test_non_https_resources_empty_sections_and_logo_without_alt_text(mini: Path, change: Change) -> None:
    from PIL import Image

    change("content.yaml", "url: https://examplia.test/hill/fees", "url: http://example.org/hill/fees")
    change("content.yaml", "glossary:\n", "glossary: []\nold_glossary:\n")
    text = (mini / "content.yaml").read_text()
    (mini / "content.yaml").write_text(text[: text.index("old_glossary:")])
    Image.new("RGB", (20, 10)).save(mini / "logo.png")
    change("pack.yaml", "  theme: default\n", "  theme: default\n  logo: logo.png\n")
    found = warnings(mini)
    assert ("briefs/mini/content.yaml:137:10: warning: resources[2].url: 'http://example.org/hill/fees' is not https;"
            " readers scanning the QR code deserve the https address if the site has one") in found
    assert ("briefs/mini/content.yaml:141:11: warning: glossary: section 'glossary' is empty; its part "
            "of the handout and deck is left out") in found
    assert ("briefs/mini/pack.yaml:14:9: warning: pack.logo: no logo_alt: screen readers will hear "
            "'Logo of Examplia Civic Lab (fictional)'") in found


def test_a_character_no_font_can_draw_stops_the_build(mini: Path, change: Change) -> None:
    # It would print as a blank and copy as U+0000, losing the words after it: never silently.
    change("content.yaml", "title: Licences cost money", 'title: "Licences \U0001F91D cost money"')
    line = ("briefs/mini/content.yaml:7:12: key_messages[2].title: no font briefpack ships can show '\U0001F91D' "
            "(U+1F91D); remove or replace it")
    assert [str(p) for p in lint_glyphs(load_pack(mini))] == [line]
    code, out, err = run("build", "-q")
    assert code == 1 and err.splitlines()[0] == line and "FAILED: mini" in out


def test_latin_greek_and_cyrillic_are_covered(mini: Path, change: Change) -> None:
    change("content.yaml", "title: Licences cost money", "title: Māori ō, ¿señora? Straße, Ελληνικά, Русский")
    assert lint_glyphs(load_pack(mini)) == []


def test_a_pack_that_does_not_name_its_parties_hears_it_once(mini: Path, change: Change) -> None:
    change("pack.yaml", "    - {id: sellers, label: Selling}\n", "    - {id: sellers}\n")
    found = [w for w in warnings(mini) if "built-in parties" in w]
    assert found == ["briefs/mini/pack.yaml:27:3: warning: vocabulary: the pack does not name its parties, so every "
                     "model is described with briefpack's built-in parties ('Selling', 'Buying', 'Third parties'): "
                     "give each party of `vocabulary: parties:` (and `effects:`) a label in your topic's words, even "
                     "the same ones"]


def test_parties_named_in_the_packs_words_are_its_choice(mini: Path) -> None:
    assert not [w for w in warnings(mini) if "built-in parties" in w]
