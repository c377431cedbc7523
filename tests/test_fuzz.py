"""Property-based tests: arbitrary text in any text field never crashes, hangs or corrupts a build.

Each example puts generated text into one text field of a small valid pack and
builds it. The build either succeeds, with files that reopen (and contain the
text, where it is plain enough to extract), or fails with one-line errors that
name the file and field. CI runs a fixed seed and a bounded number of examples;
for a longer run: BRIEFPACK_FUZZ_EXAMPLES=500 pytest tests/test_fuzz.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from generator.cli import main
from generator.content.yamlsource import read_yaml
from tests.helpers import SMALL as PACK
from tests.helpers import html_text

EXAMPLES = int(os.environ.get("BRIEFPACK_FUZZ_EXAMPLES", "20"))
LINE = re.compile(r"^(error: )?[\w./-]+(:\d+:\d+)?: .+$")

# (file, path) of every text field the generated text may go into.
FIELDS = [
    ("pack.yaml", ("pack", "title")), ("pack.yaml", ("pack", "subtitle")), ("pack.yaml", ("pack", "organisation")),
    ("pack.yaml", ("pack", "audience")), ("pack.yaml", ("pack", "version")),
    ("pack.yaml", ("speaker_notes", "opening")),
    ("content.yaml", ("key_messages", 0, "title")), ("content.yaml", ("key_messages", 0, "text")),
    ("content.yaml", ("models", 0, "name")), ("content.yaml", ("models", 0, "short_name")),
    ("content.yaml", ("models", 0, "definition")),
    ("content.yaml", ("models", 0, "criminalised", "sellers", "qualifier")),
    ("content.yaml", ("models", 0, "jurisdictions", 0, "name")),
    ("content.yaml", ("models", 0, "effects", "safety", "summary")),
    ("content.yaml", ("models", 0, "effects", "health", "text")),
    ("content.yaml", ("comparison", 0, "label")),
    ("sources.yaml", ("sources", 0, "title")), ("sources.yaml", ("sources", 0, "publisher")),
]

AWKWARD = [
    "", " ", "\t\n ", "<b>bold</b> & <i>", "**strong** _em_ [link](https://example.org) `code`",
    "{{ 7*7 }} {% for x in y %}{% endfor %}", "::: slide\n# injected\n:::", "\x00 NUL", "\u202eRTL override\u202c",
    "עברית ו-العربية", "emoji 🤝🏽 and 👩‍👩‍👧", "e\u0301 combining a\u0308", "x" * 5000, "word " * 2000,
    "\u2028line\u2029para", "\ufeffBOM inside", "— “quotes” ‘single’ …", "Māori ō Ō, señora, Straße",
    "http://[not a url", "[javascript](javascript:alert(1))", "\\", "'", '"', "%s %(x)s {0}", "\r\n",
]
awkward = st.sampled_from(AWKWARD)
any_text = st.text(st.characters(codec="utf-8"), max_size=300)
texts = st.one_of(awkward, any_text, st.lists(awkward, min_size=1, max_size=4).map(" ".join))


def _set(data: dict, path: tuple, value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _plain(text: str) -> bool:
    """Return whether ``text`` should come back verbatim from PDF text extraction."""
    return bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ,.'-]{2,60}", text))


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 50,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), text=texts)
def test_any_text_in_any_field(tmp_path_factory: pytest.TempPathFactory, field: tuple, text: str) -> None:
    work = tmp_path_factory.mktemp("fuzz")
    pack = work / "briefs" / "small-pack"
    shutil.copytree(PACK, pack)
    filename, path = field
    data = read_yaml(pack / filename).data
    data.setdefault("pack", {}).get("date") and data["pack"].update(date=str(data["pack"]["date"]))
    _set(data, path, text)
    # JSON is YAML: it writes any string, control characters included, as a valid scalar.
    (pack / filename).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    previous = Path.cwd()
    os.chdir(work)
    try:
        result = CliRunner().invoke(main, ["build", "--jobs", "1", "-q"])
    finally:
        os.chdir(previous)
    assert "Traceback" not in result.output and "internal error" not in result.stderr, result.stderr
    if result.exit_code == 0:
        out = work / "output" / "small-pack"
        handout = PdfReader(out / "small-pack-handout-a4.pdf")
        extracted = " ".join(" ".join((page.extract_text() or "").split()) for page in handout.pages)
        deck = Presentation(out / "small-pack-deck.pptx")
        assert len(deck.slides) > 3
        PdfReader(out / "small-pack-slides.pdf").pages[0].extract_text()
        page = (out / "small-pack.html").read_text("utf-8")
        assert "<script" not in page.lower(), "content never becomes markup in the web edition"
        if _plain(text) and path[-1] not in ("version", "opening"):
            assert text in extracted
            assert text in html_text(out / "small-pack.html")
    else:
        assert result.exit_code == 1, result.output
        lines = result.stderr.strip().splitlines()
        assert lines, "a failure says why"
        for line in lines[:-1] if lines[-1].endswith("found") else lines:
            assert LINE.match(line), line
        assert filename in result.stderr or ("briefs/small-pack" in result.stderr and "slide" in result.stderr)


@pytest.mark.parametrize("count", [0, 1, 300])
def test_long_and_empty_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    monkeypatch.chdir(tmp_path)
    pack = tmp_path / "briefs" / "small-pack"
    shutil.copytree(PACK, pack)
    data = read_yaml(pack / "content.yaml").data
    data["key_messages"] = [{**data["key_messages"][0], "id": f"m{i}", "title": f"Message {i}"} for i in range(count)]
    (pack / "content.yaml").write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--jobs", "2", "-q"])
    if count == 0:
        assert result.exit_code == 1
        assert "key_messages: needs at least 1 item" in result.stderr
    else:
        assert result.exit_code == 0, result.stderr
        deck = Presentation(tmp_path / "output/small-pack/small-pack-deck.pptx")
        titles = [s.shapes.title.text_frame.text for s in deck.slides]
        assert len(titles) == len(set(titles))
