"""Fixed wording in the pack's language: catalogues complete, fallback to English reported, dates per language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.compose.compose import compose_handout
from generator.compose.i18n import missing_translations, wording
from generator.content.loader import load_pack
from tests.helpers import TEMPLATES, own_templates

Change = Callable[[str, str, str], None]


@pytest.mark.parametrize("language", ["en-AU", "en-GB", "en-US", "es"])
def test_catalogues_are_complete(language: str) -> None:
    assert missing_translations(TEMPLATES, language) == []


def test_labels_are_translated() -> None:
    assert wording(TEMPLATES, "es").labels["contents"] == "Índice"
    assert wording(TEMPLATES, "en-AU").labels["contents"] == "Contents"


def test_us_spelling_and_date_format(mini: Path, change: Change) -> None:
    change("pack.yaml", "language: en-AU", "language: en-US")
    handout = repr(compose_handout(load_pack(mini).content, TEMPLATES).document)
    assert "Criminalized" in handout and "March 1, 2026" in handout


def test_spanish_wording_and_date(mini: Path, change: Change) -> None:
    change("pack.yaml", "language: en-AU", "language: es")
    handout = repr(compose_handout(load_pack(mini).content, TEMPLATES).document)
    assert "Mensajes clave" in handout and "1 de marzo de 2026" in handout


def test_missing_translation_falls_back_and_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    templates = own_templates(Path("templates"), "messages/es.po")
    path = Path("templates/messages/es.po")
    path.write_text(path.read_text().replace('msgstr "Glosario"', 'msgstr ""'))
    [problem] = missing_translations(templates, "es")
    assert str(problem).startswith("templates/messages/es.po: warning: no translation for 'Glossary' (used at ")
    assert wording(templates, "es").translations.gettext("Glossary") == "Glossary"
    assert missing_translations(templates, "de")[0].message.startswith("no catalogue for 'de'")
