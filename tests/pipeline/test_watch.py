"""``briefpack watch``: builds, rebuilds after a save, keeps the last good outputs on an error, stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, own_templates


def wait_for(condition, seconds: float = 60) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.time() + seconds
    while not condition() and time.time() < deadline:
        time.sleep(0.2)
    return bool(condition())


@pytest.mark.slow
def test_watch_rebuilds_on_save_and_survives_a_broken_save(mini: Path, tmp_path: Path) -> None:
    own_templates(tmp_path / "templates", "deck.md.j2")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "watch"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deck = tmp_path / "output" / "mini" / "mini-public-deck.pptx"
        assert wait_for(deck.exists), "the first build happened"
        time.sleep(0.5)
        first = deck.read_bytes()
        path = mini / "content.yaml"
        path.write_text(path.read_text().replace("Rules differ from town to town", "Rules differ by town"))
        assert wait_for(lambda: deck.read_bytes() != first), "watch rebuilt the deck after the save"
        path.write_text(path.read_text().replace("key_messages:", "key_messages: [", 1))  # break it
        time.sleep(1.5)
        assert deck.exists()
    finally:
        proc.send_signal(signal.SIGTERM)
        output = proc.communicate(timeout=20)[0]
    assert "watching briefs/ and templates/" in output
    assert "changed: output/mini/mini-public-deck.pptx (slide" in output
    assert "previous outputs kept" in output
    assert "Traceback" not in output
