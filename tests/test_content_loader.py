"""The loader accepts the default pack and reports each kind of error as one located line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.loader import load_pack
from generator.errors import ContentError
from tests.conftest import DEFAULT_PACK

Edit = Callable[[str, str, str], None]


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_pack(folder)
    return [str(p) for p in info.value.problems]


def test_default_pack_is_valid() -> None:
    loaded = load_pack(DEFAULT_PACK)
    pack = loaded.content
    assert pack.meta.id == "sex-work-law"
    assert [m.id for m in pack.models] == [
        "full-criminalisation",
        "partial-criminalisation",
        "nordic-model",
        "legalisation",
        "decriminalisation",
    ]
    assert len(pack.definitions) == 3
    assert all(p.source == "seed-post" for p in pack.lived_experience)
    assert not next(s for s in pack.sources if s.id == "hughes2004").checked


def test_misspelt_key_suggests_the_right_one(pack_copy: Path, edit: Edit) -> None:
    edit("pack.yaml", "  title: Sex work", "  titel: Sex work")
    assert problems(pack_copy) == [
        "briefs/sex-work-law/pack.yaml:4:3: pack.title: required field is missing",
        "briefs/sex-work-law/pack.yaml:5:3: pack.titel: unknown field (did you mean 'title'?)",
    ]


def test_unknown_source_reference(pack_copy: Path, edit: Edit) -> None:
    edit("definitions.yaml", "source: hughes2004", "source: hughs2004")
    assert problems(pack_copy) == [
        "briefs/sex-work-law/definitions.yaml:14:13: definitions[0].source: "
        "unknown source 'hughs2004' (did you mean 'hughes2004'?)"
    ]


def test_unknown_source_in_a_list(pack_copy: Path, edit: Edit) -> None:
    edit("models.yaml", "Selling sex is an offence, sources: [osf-2012]", "Selling sex is an offence, sources: [osf-2021]")
    assert problems(pack_copy) == [
        "briefs/sex-work-law/models.yaml:13:87: models[0].criminalised.sellers.sources[0]: "
        "unknown source 'osf-2021' (did you mean 'osf-2012'?)"
    ]


def test_wrong_choice_suggests(pack_copy: Path, edit: Edit) -> None:
    edit("models.yaml", "sellers: {status: criminalised, qualifier: Selling", "sellers: {status: criminalized, qualifier: Selling")
    [message] = problems(pack_copy)
    assert message.startswith(
        "briefs/sex-work-law/models.yaml:13:25: models[0].criminalised.sellers.status: "
        "'criminalized' is not allowed (did you mean 'criminalised'?)"
    )


def test_duplicate_id(pack_copy: Path, edit: Edit) -> None:
    edit("key-messages.yaml", "- id: terms", "- id: rights")
    assert problems(pack_copy) == [
        "briefs/sex-work-law/key-messages.yaml:11:9: key_messages[1].id: "
        "duplicate id 'rights' (first used at key_messages[0])"
    ]


def test_empty_required_text(pack_copy: Path, edit: Edit) -> None:
    edit("pack.yaml", "  subtitle: A briefing on the legal models of sex work and the case for decriminalisation", '  subtitle: "  "')
    assert problems(pack_copy) == ["briefs/sex-work-law/pack.yaml:6:13: pack.subtitle: must not be empty"]


def test_malformed_url(pack_copy: Path, edit: Edit) -> None:
    edit("resources.yaml", "url: https://www.amnesty.org.uk/", "url: htps://www.amnesty.org.uk/")
    [message] = problems(pack_copy)
    assert message == (
        "briefs/sex-work-law/resources.yaml:14:10: resources[1].url: URL "
        "'htps://www.amnesty.org.uk/policy-protect-human-rights-sex-workers-qa' must start with https:, http:"
    )


def test_unsafe_link_in_markdown(pack_copy: Path, edit: Edit) -> None:
    edit("key-messages.yaml", "consensual sex\n", "consensual [sex](javascript:alert(1))\n")
    [message] = problems(pack_copy)
    assert message.startswith("briefs/sex-work-law/key-messages.yaml:6:11: key_messages[0].text: URL 'javascript:")


def test_malformed_date(pack_copy: Path, edit: Edit) -> None:
    edit("pack.yaml", "date: 2026-11-28", "date: 2026-13-45")
    assert problems(pack_copy) == [
        "briefs/sex-work-law/pack.yaml:9:9: pack.date: expected a date like 2026-11-28, got text '2026-13-45'"
    ]


def test_wrong_type_explains_quoting(pack_copy: Path, edit: Edit) -> None:
    edit("pack.yaml", 'version: "1.0"', "version: 1.0")
    assert problems(pack_copy) == [
        'briefs/sex-work-law/pack.yaml:8:12: pack.version: expected text, got a number 1.0; put it in quotes: "1.0"'
    ]


def test_yaml_syntax_error(pack_copy: Path, edit: Edit) -> None:
    edit("comparison.yaml", "- {id: sellers, label: Selling sex, field: criminalised.sellers}", "- {id: sellers, label: Selling sex")
    [message] = problems(pack_copy)
    assert message.startswith("briefs/sex-work-law/comparison.yaml:6:5: YAML syntax error:")


def test_python_tag_is_refused(pack_copy: Path, edit: Edit) -> None:
    edit("pack.yaml", "  audience: Members", "  audience: !!python/object/apply:os.system [Members")
    edit("pack.yaml", "new to the debate\n", "new to the debate]\n")
    assert problems(pack_copy) == [
        "briefs/sex-work-law/pack.yaml:11:13: tag '!!python/object/apply:os.system' is not allowed; content is plain data"
    ]


def test_missing_and_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert problems(tmp_path / "nowhere") == ["nowhere: pack folder not found"]
    (tmp_path / "empty").mkdir()
    assert problems(tmp_path / "empty") == ["empty: no .yaml files in the pack folder"]


def test_missing_section(pack_copy: Path) -> None:
    (pack_copy / "sources.yaml").unlink()
    found = problems(pack_copy)
    assert "briefs/sex-work-law: sources: required section is missing; add 'sources:' to a YAML file" in found


def test_non_utf8_and_empty_files(pack_copy: Path) -> None:
    (pack_copy / "glossary.yaml").write_bytes(b"glossary:\n  - term: caf\xe9\n")
    (pack_copy / "extra.yaml").write_text("# nothing yet\n")
    assert problems(pack_copy) == [
        "briefs/sex-work-law/extra.yaml: file is empty; expected a mapping of sections",
        "briefs/sex-work-law/glossary.yaml:2:1: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
    ]


def test_bom_is_accepted(pack_copy: Path) -> None:
    path = pack_copy / "glossary.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_pack(pack_copy).content.glossary


def test_section_defined_twice(pack_copy: Path) -> None:
    (pack_copy / "more.yaml").write_text("glossary:\n  - term: X\n    definition: Y\n")
    assert problems(pack_copy) == [
        "briefs/sex-work-law/more.yaml:1:1: glossary: section already defined in briefs/sex-work-law/glossary.yaml:2"
    ]


def test_unknown_section(pack_copy: Path) -> None:
    (pack_copy / "more.yaml").write_text("glosary:\n  - term: X\n")
    assert problems(pack_copy) == [
        "briefs/sex-work-law/more.yaml:1:1: glosary: unknown section (did you mean 'glossary'?)"
    ]


def test_all_problems_in_one_pass(pack_copy: Path, edit: Edit) -> None:
    edit("pack.yaml", "  titl", "  titl")  # no-op guard that the file is as expected
    edit("definitions.yaml", "source: hughes2004", "source: hughs2004")
    edit("pack.yaml", "language: en-AU", "language: english!")
    edit("models.yaml", "year: 2003", "year: twenty")
    found = problems(pack_copy)
    assert len(found) == 3
    assert any("pack.language: 'english!' is not a BCP 47 language tag" in f for f in found)
    assert any("models[4].jurisdictions[1].year: expected a whole number, got text 'twenty'" in f for f in found)
