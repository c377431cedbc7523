"""The web edition as Chromium draws it: symbol contrast in both schemes, phone drawings, cards, print sizes.

What axe-core cannot judge is measured here: the contrast of the SVG status
symbols (WCAG 1.4.11, 3:1) in the light and the dark scheme, the size of every
diagram label on a 320 px phone, what the accessibility tree says of a table
shown as cards, and the sizes the page prints at, read back from Chromium's PDF.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import MINI, TEMPLATES

pytestmark = pytest.mark.browser

# Each status symbol's drawn colour (stroke, and fill where it has one) against the first opaque
# background behind it: the SVG's own (diagrams sit on white in the dark scheme), else the page's.
SYMBOL_CONTRAST = r"""() => {
  const rgb = s => { const m = /rgba?\(([^)]+)\)/.exec(s); if (!m) return null;
    const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const behind = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const marks = [...document.querySelectorAll('svg.symbol, figure.diagram-status-matrix svg')]
    .filter(svg => svg.getClientRects().length).flatMap(svg => [...svg.querySelectorAll('path, circle')]);
  return marks.flatMap(m => ['stroke', 'fill'].map(prop => {
    const colour = rgb(getComputedStyle(m)[prop]); if (!colour) return null;
    const [hi, lo] = [lum(colour), lum(behind(m))].sort((a, b) => b - a);
    return {symbol: m.closest('svg').getAttribute('class'), prop, colour: getComputedStyle(m)[prop],
            ratio: (hi + 0.05) / (lo + 0.05)};
  })).filter(Boolean);
}"""

# Every label of every drawing shown, in CSS px: its font size times the drawing's scale on screen.
LABEL_SIZES = r"""() => [...document.querySelectorAll('figure.diagram')].map(figure => {
  const shown = [...figure.querySelectorAll('svg')].filter(svg => svg.getClientRects().length);
  return {figure: figure.className, images: shown.filter(svg => svg.getAttribute('role') === 'img').length,
          sizes: shown.flatMap(svg => [...svg.querySelectorAll('text, tspan')]
            .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))};
})"""


def large_print_page(tmp_path: Path) -> Path:
    """Return the fixture pack's public web edition in the large-print theme (rendered alone: no other outputs)."""
    from generator.editions.session import load_session
    from generator.outputs import OUTPUTS, Where

    session = load_session(MINI, TEMPLATES, "large-print")
    edition, web = session.editions[0], OUTPUTS["web"]
    composed = web.compose(edition, TEMPLATES, web.template(edition))
    path = tmp_path / "large-print.html"
    path.write_bytes(web.render(composed, session.theme, Where("mini", "web"), None).artifacts[0].data)
    return path


@contextmanager
def opened(browser: Any, path: Path, width: int, scheme: str = "light") -> Iterator[Any]:
    page = browser.new_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page.goto(path.as_uri())
        yield page
    finally:
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_status_symbols_keep_3_to_1_against_what_is_behind_them(browser: Any, mini_built: dict[str, Path],
                                                                 default_built: dict[str, Path], scheme: str) -> None:
    """The symbols in tables and the matrix stay visible on the dark page too (WCAG 1.4.11: 3:1 for graphics)."""
    for path in (mini_built["public.html"], default_built["public.html"]):
        for width in (1280, 320):
            with opened(browser, path, width, scheme) as page:
                marks = page.evaluate(SYMBOL_CONTRAST)
                assert len({m["symbol"] for m in marks}) >= 2 and len(marks) >= 20, "symbols were measured"
                weak = sorted((round(m["ratio"], 2), m["symbol"], m["colour"]) for m in marks if m["ratio"] < 3)
                assert weak == [], f"{path.name} at {width} px, {scheme}"


@pytest.mark.parametrize("pack", ["mini", "default", "large print"])
def test_on_a_320px_phone_no_diagram_label_is_below_12px(browser: Any, pack: str, tmp_path: Path,
                                                          request: pytest.FixtureRequest) -> None:
    """The matrix is redrawn for phones, one model under another, as the spectrum and timeline are."""
    if pack == "large print":
        path = large_print_page(tmp_path)
    else:
        path = request.getfixturevalue(f"{pack}_built")["public.html"]
    with opened(browser, path, 320) as page:
        figures = page.evaluate(LABEL_SIZES)
        kinds = {f["figure"].split()[-1] for f in figures}
        assert {"diagram-status-matrix", "diagram-spectrum", "diagram-timeline"} <= kinds
        for figure in figures:
            assert figure["sizes"], f"{figure['figure']}: a drawing is shown"
            assert min(figure["sizes"]) >= 12, f"{figure['figure']}: {min(figure['sizes']):.1f} px"
            assert figure["images"] == 1, f"{figure['figure']}: a screen reader meets the drawing once"
        assert page.evaluate("document.querySelectorAll('figure.diagram-status-matrix .narrow svg').length") >= 2


def test_phone_cards_are_still_tables_and_say_each_column_once(browser: Any, mini_built: dict[str, Path]) -> None:
    """At 320 px the accessibility tree keeps rows, column headers and cells; a cell's name is its own words."""
    with opened(browser, mini_built["public.html"], 320) as page:
        session = page.context.new_cdp_session(page)
        nodes = [n for n in session.send("Accessibility.getFullAXTree")["nodes"] if not n.get("ignored")]
        by_role: dict[str, list[str]] = {}
        for node in nodes:
            by_role.setdefault(node.get("role", {}).get("value", ""), []).append(node.get("name", {}).get("value", ""))
        tables = page.evaluate("document.querySelectorAll('main table').length")
        assert len(by_role.get("table", [])) == tables and "The models compared" in by_role["table"]
        assert len(by_role.get("row", [])) == page.evaluate("document.querySelectorAll('main tr').length")
        headers = set(by_role.get("columnheader", []))
        assert "Under this model" in headers, "the column headers stay in the tree"
        assert by_role.get("rowheader") and len(by_role.get("cell", [])) >= 10
        repeated = [name for name in by_role["cell"] if any(name.startswith(f"{h}:") for h in headers)]
        assert repeated == [], "a cell's name does not repeat its column header"


def printed_sizes(browser: Any, path: Path, tmp_path: Path, paper: str) -> tuple[list[Any], list[dict[str, Any]]]:
    """Print ``path`` as Chromium prints it; return its characters and words (with their sizes) read by pdfplumber."""
    pdfplumber = pytest.importorskip("pdfplumber")
    pdf_path = tmp_path / f"{path.stem}-{paper}.pdf"
    with opened(browser, path, 1280) as page:
        page.emulate_media(media="print")
        page.pdf(path=str(pdf_path), format=paper)
    with pdfplumber.open(pdf_path) as pdf:
        chars = [c for p in pdf.pages for c in p.chars if c["text"].strip()]
        words = [w for p in pdf.pages for w in p.extract_words(extra_attrs=["size"])]
    return chars, words


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_large_print_web_edition_prints_nothing_below_16pt(browser: Any, tmp_path: Path, paper: str) -> None:
    chars, _ = printed_sizes(browser, large_print_page(tmp_path), tmp_path, paper)
    assert len(chars) > 2000, "the whole page was printed"
    small = sorted({(round(c["size"], 1), c["text"]) for c in chars if c["size"] < 16 - 0.05})
    assert small == [], small[:12]


def test_the_web_edition_prints_in_the_themes_sizes(browser: Any, mini_built: dict[str, Path], tmp_path: Path) -> None:
    """Body text prints at the theme's body size, section headings at its level-1 size (11 and 20 pt by default)."""
    from generator.editions.session import load_session

    theme = load_session(MINI, TEMPLATES).theme
    path = mini_built["public.html"]
    _, words = printed_sizes(browser, path, tmp_path, "A4")
    with opened(browser, path, 1280) as page:
        body = page.evaluate("document.querySelector('main p.body').textContent")
        heading = page.evaluate("document.querySelector('main h2[id=what-the-words-mean]').textContent")
    assert sizes_of(words, body) == {theme.handout.body}
    assert sizes_of(words, heading) == {theme.handout.h1}


def sizes_of(words: list[dict[str, Any]], text: str) -> set[float]:
    """Return the printed sizes of the first words of ``text`` where they first occur in the printed words."""
    wanted = text.split()[:6]
    texts = [w["text"] for w in words]
    start = next(i for i in range(len(texts)) if texts[i:i + len(wanted)] == wanted)
    return {round(w["size"], 1) for w in words[start:start + len(wanted)]}
