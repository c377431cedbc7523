"""Headless Chromium for the browser tests: the system's Chromium driven by Playwright, with axe-core.

Tests that need it take the ``browser`` fixture and skip cleanly where Chromium,
Playwright or axe-core (``npm ci --prefix tests/web``) are absent; CI installs all three.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

try:  # what a page call raises (a page mid-reload, a closed page); absent where Playwright is
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # pragma: no cover
    class PlaywrightError(Exception):  # type: ignore[no-redef]
        """Stands in for Playwright's error where Playwright is not installed."""


AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 A and AA, every rule axe has for them.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = chromium_path()
    if not executable:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core's WCAG 2.2 A/AA rules on the open page; return its violations (id, impact, targets)."""
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (npm ci --prefix tests/web)")
    page.add_script_tag(content=AXE.read_text("utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def axe_summary(page: Any) -> str:
    """Return axe's counts for the open page (for the record: passes, violations, incomplete, inapplicable)."""
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return json.dumps({k: len(result[k]) for k in ("passes", "violations", "incomplete", "inapplicable")})


def sideways_overflow(page: Any) -> int:
    """Return how many CSS pixels the page is wider than its viewport (0: no sideways scrolling)."""
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def wider_than_main(page: Any) -> list[str]:
    """Return the tables, figures and lists that stick out of the page's column (they would be cut or scroll)."""
    return list(page.evaluate("""() => {
        const main = document.querySelector('main').getBoundingClientRect();
        return [...document.querySelectorAll('main table, main figure, main ul, main ol, main p')]
            .filter(e => e.getBoundingClientRect().right > main.right + 1)
            .map(e => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40));
    }"""))
