"""The reportlab internals briefpack relies on live in one module, which says by name when one moves."""

from __future__ import annotations

import pytest
import reportlab.platypus.paragraph as rl_paragraph

from generator.errors import BuildError
from generator.render.pdf import reportlab_hooks


def test_every_hook_is_installed_and_reached_by_a_tiny_document() -> None:
    reportlab_hooks.verify.cache_clear()
    reportlab_hooks.verify()
    assert all(reportlab_hooks.reached.get(name) for name in reportlab_hooks.REPLACED)


def test_a_hook_reportlab_no_longer_calls_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    reportlab_hooks.install()
    original = reportlab_hooks._original["_drawBullet"]
    monkeypatch.setattr(rl_paragraph, "_drawBullet", original)  # as if an upgrade drew bullets elsewhere
    reportlab_hooks.verify.cache_clear()
    try:
        with pytest.raises(BuildError, match="no longer calls _drawBullet") as info:
            reportlab_hooks.verify()
        assert "reportlab_hooks.py" in str(info.value)
    finally:
        reportlab_hooks.verify.cache_clear()


def test_no_other_module_touches_reportlab_internals() -> None:
    """Private reportlab names appear in reportlab_hooks.py alone (read from the source, not imported)."""
    import re
    from pathlib import Path

    pdf = Path(reportlab_hooks.__file__).parent
    private = re.compile(r"\b(?:canvas|canv|self|frame|tx|rl_paragraph)\.(_(?!_)[A-Za-z]\w*)")
    found = []
    for path in sorted(pdf.glob("*.py")):
        if path.name == "reportlab_hooks.py":
            continue
        source = path.read_text("utf-8")
        ours = set(re.findall(r"def (_\w+)", source))  # the module's own helpers
        for number, line in enumerate(source.splitlines(), start=1):
            found += [f"{path.name}:{number}: {m}" for m in private.findall(line) if m not in ours]
    assert found == []
