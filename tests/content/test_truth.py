"""Warnings that keep printed claims true: QR codes, cut quotations, voices put in someone's mouth."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.content.lint import lint_pack
from generator.content.loader import load_pack

Change = Callable[[str, str, str], None]


def warnings(folder: Path) -> list[str]:
    return [str(p) for p in lint_pack(load_pack(folder))]


def test_a_clean_fixture_has_no_truth_warnings(mini: Path) -> None:
    assert [w for w in warnings(mini) if "QR" in w or "quotation" in w or "paraphrase" in w] == []


def test_a_qr_code_on_an_address_nobody_opened(mini: Path, change: Change) -> None:
    change("sources.yaml", 'url: "https://examplia.test/atlas", checked: true', 'url: "https://examplia.test/atlas", '
                                                                             'checked: false')
    assert ("briefs/mini/content.yaml:133:13: warning: resources[1].source: printed with a QR code, never opened: "
            "source 'atlas-2024' is not checked; open https://examplia.test/atlas and set checked: true, or point "
            "the resource at an address someone has opened") in warnings(mini)


def test_a_resource_needs_a_source_at_the_same_address(mini: Path, change: Change) -> None:
    change("content.yaml", "    source: hill-fees\n", "")
    change("content.yaml", "url: https://examplia.test/atlas\n", "url: https://examplia.test/atlas/v2\n")
    found = warnings(mini)
    assert ("briefs/mini/content.yaml:137:10: warning: resources[2].url: printed with a QR code, but no source says "
            "anyone opened this address; add `source:` naming its entry") in found
    assert ("briefs/mini/content.yaml:130:10: warning: resources[1].url: the QR code opens "
            "https://examplia.test/atlas/v2, but source 'atlas-2024' was checked at https://examplia.test/atlas; "
            "use the checked address") in found


def test_a_quotation_cut_mid_sentence_needs_a_bracketed_lead_in(mini: Path, change: Change) -> None:
    change("content.yaml", "text: Nobody floats in Lowtown any more", "text: floats in Lowtown no more...")
    found = [w for w in warnings(mini) if "models[1].quotes[1].text" in w]
    assert found == [
        "briefs/mini/content.yaml:43:15: warning: models[1].quotes[1].text: the quotation starts mid-sentence "
        "('floats in Lowtown no more...'), so on its own it may lose its subject; open it with a bracketed "
        "lead-in: '[Who or what] floats in Lowtown no…'",
        "briefs/mini/content.yaml:43:15: warning: models[1].quotes[1].text: words left out of a quotation are "
        "marked '…', not '...'",
    ]
    change("content.yaml", "text: floats in Lowtown no more...", "text: \"[Nobody] floats in Lowtown …\"")
    assert [w for w in warnings(mini) if "models[1].quotes[1].text" in w] == []


def test_a_first_person_paraphrase_reads_as_their_own_words(mini: Path, change: Change) -> None:
    change("content.yaml", "text: Found licensing fair but expensive.", "text: Found my licence fair but dear.")
    assert ("briefs/mini/content.yaml:111:11: warning: lived_experience[3].text: this paraphrase says 'my', so it "
            "reads as the person's own words; write it in the third person, or, if these are their words "
            "verbatim, set kind: quote") in warnings(mini)
    # The same words as a quotation are fine: they are printed in quotation marks as theirs.
    assert not [w for w in warnings(mini) if "lived_experience[2]" in w]


def test_a_slide_excerpt_must_be_the_quotations_own_words_in_order(mini: Path, change: Change) -> None:
    quote = "        text: Nobody floats in Lowtown any more\n"
    change("content.yaml", quote, quote + "        slide: Nobody floats … any more\n")
    assert not [w for w in warnings(mini) if "excerpt" in w], "a verbatim cut with '…' is fine"
    change("content.yaml", "slide: Nobody floats … any more", "slide: Nobody rides … any more")
    assert ("briefs/mini/content.yaml:44:16: warning: models[1].quotes[1].slide: the slide excerpt is not the "
            "quotation's own words: 'Nobody rides' is not in it (or not in this order); copy the words exactly "
            "and mark each cut with '…'") in warnings(mini)
    change("content.yaml", "slide: Nobody rides … any more", "slide: any more … Nobody floats")
    assert any("models[1].quotes[1].slide: the slide excerpt is not the quotation's own words: 'Nobody floats'" in w
               for w in warnings(mini)), "words out of order are not the quotation"


def test_an_excerpt_says_where_it_cuts(mini: Path, change: Change) -> None:
    """An excerpt that starts after its quotation does, or stops before it ends, says so with '…'."""
    change("content.yaml", "    text: I sold more boards once licences began.\n",
           "    text: I sold more boards once licences began.\n    slide: more boards once licences\n")
    found = [w for w in warnings(mini) if "lived_experience[2].slide" in w]
    assert found == [
        "briefs/mini/content.yaml:107:12: warning: lived_experience[2].slide: the slide excerpt starts after the "
        "quotation does ('I sold' is left out): begin it with '…'",
        "briefs/mini/content.yaml:107:12: warning: lived_experience[2].slide: the slide excerpt stops before the "
        "quotation does ('began' is left out): end it with '…'",
    ]
    change("content.yaml", "    slide: more boards once licences\n", "    slide: … more boards once licences …\n")
    assert [w for w in warnings(mini) if "lived_experience[2].slide" in w] == []


def test_an_excerpt_that_keeps_both_ends_needs_no_mark(mini: Path, change: Change) -> None:
    change("content.yaml", "    text: I sold more boards once licences began.\n",
           "    text: I sold more boards once licences began.\n    slide: I sold more boards … began\n")
    assert [w for w in warnings(mini) if "lived_experience[2].slide" in w] == []
