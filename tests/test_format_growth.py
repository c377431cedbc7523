"""What real packs on other topics need the format to say, on a pack of that kind (tests/fixtures/assisted-dying).

Who may do which act, the law against how it is enforced, a place that mixes
models, court-made law, a sourced detail row, where in a source and when it was
opened, a source in another language, and the pack's own wording: each checked
by `check` and printed where a reader looks for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline.check import check_packs
from tests.helpers import FIXTURES, TEMPLATES, copy_pack, edit, pdf_text, pptx_text

PACK = FIXTURES / "assisted-dying"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from generator.pipeline import build_pack

    result = build_pack(PACK, TEMPLATES, tmp_path_factory.mktemp("assisted-dying"), jobs=1)
    assert not result.failed, result.failure
    return {f.path.name.removeprefix("assisted-dying-"): f.path for f in result.files}


def test_the_pack_checks_with_no_warning_at_all() -> None:
    report = check_packs([PACK], TEMPLATES)
    assert [str(p) for p in report.problems] == []


def test_the_handout_says_what_the_format_now_can(built: dict[str, Path]) -> None:
    text = pdf_text(built["handout-a4.pdf"])
    assert "to prescribe: Not criminalised (after two requests)" in text
    assert "to administer: Criminalised" in text
    assert "In practice. Prosecutors weigh the helper’s motive" in text
    assert "Carter County (defence recognised 2015; also under Prohibition)" in text
    assert "Norland Criminal Code, s. 241. Accessed 20 May 2026." in text
    assert "Rapport sur l’aide à mourir. In French." in text
    assert "Fifteen days" in text and "The statutes define the act in their own words" in text


def test_the_deck_uses_the_packs_own_wording_and_notes_the_acts(built: dict[str, Path]) -> None:
    text = pptx_text(built["deck.pptx"])
    assert "in the statute’s words" in text and "in a sentence" not in text
    assert "to administer: Criminalised" in text and "In practice." in text


def test_check_refuses_an_act_status_or_a_model_the_pack_lacks(tmp_path: Path) -> None:
    pack = copy_pack(PACK, tmp_path)
    edit(pack / "content.yaml", "{act: to administer, status: criminalised,", "{act: to administer, status: criminalized,")
    edit(pack / "content.yaml", "also: [prohibition]", "also: [prohibiton]")
    errors = [str(p) for p in check_packs([pack], TEMPLATES).errors]
    assert any("models[3].criminalised.doctors.acts[2].status: 'criminalized' is not a status (did you mean "
               "'criminalised'?)" in e for e in errors), errors
    assert any("models[2].jurisdictions[1].also[1]: 'prohibiton' is not another model (did you mean "
               "'prohibition'?)" in e for e in errors), errors


def test_a_detail_without_a_source_is_asked_about(tmp_path: Path) -> None:
    pack = copy_pack(PACK, tmp_path)
    edit(pack / "content.yaml", "waiting: {text: Seven days, sources: [east-report]}", "waiting: Seven days")
    assert [p.message for p in check_packs([pack], TEMPLATES).warnings] == [
        "'waiting' prints as a fact with no source: write it as {text: …, sources: [id]}"]
