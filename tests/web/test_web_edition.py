"""The web edition: one self-contained, semantic page per edition; WCAG 2.2 AA in a real browser."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator.compose.compose import compose_handout
from generator.content.loader import load_pack
from generator.document import Callout, Heading, text_of
from generator.editions.variants import editions
from tests.helpers import MINI, TEMPLATES
from tests.web.browser import axe_violations, sideways_overflow, wider_than_main


class Outline(HTMLParser):
    """Collects what a screen reader navigates by: headings, landmarks, tables, ids and links."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self._heading: int | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading, self._text = int(tag[1]), []

    def handle_endtag(self, tag: str) -> None:
        if self._heading and tag == f"h{self._heading}":
            self.headings.append((self._heading, " ".join("".join(self._text).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading:
            self._text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text("utf-8"))
    return parser


@pytest.mark.parametrize("variant", ["public", "experts"])
def test_one_file_per_edition_that_needs_nothing_else(mini_built: dict[str, Path], variant: str) -> None:
    page = mini_built[f"{variant}.html"]
    html = page.read_text("utf-8")
    parsed = outline(page)
    assert not parsed.all("script"), "no script needed to read it"
    assert not parsed.all("link"), "styles inline"
    addresses = [a.get("src") or "" for t, a in parsed.tags if t in ("img", "source", "iframe", "video")]
    assert all(src.startswith("data:") for src in addresses)
    assert "url(http" not in html and "@import" not in html
    assert re.search(r"@font-face\{font-family:'Atkinson Hyperlegible';font-weight:400;.*src:url\(data:font/ttf;", html)


def test_semantic_outline_matches_the_handout(mini_built: dict[str, Path]) -> None:
    parsed = outline(mini_built["public.html"])
    [html_tag] = parsed.all("html")
    assert html_tag["lang"] == "en-AU"
    assert [level for level, _ in parsed.headings].count(1) == 1, "one h1"
    handout = compose_handout(editions(load_pack(MINI).content)[0].pack, TEMPLATES).document
    sections = [text_of(b.text) if isinstance(b, Heading) else text_of(b.title) for b in handout.blocks
                if isinstance(b, Heading | Callout) and b.level == 1]
    assert [text for level, text in parsed.headings if level == 2 and text != "Contents"] == sections
    levels = [level for level, _ in parsed.headings]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), "no heading level skipped"
    for landmark in ("header", "nav", "main", "footer"):
        assert len(parsed.all(landmark)) == 1, landmark


def test_tables_quotes_and_diagrams_say_what_they_are(mini_built: dict[str, Path]) -> None:
    html = mini_built["public.html"].read_text("utf-8")
    parsed = outline(mini_built["public.html"])
    assert parsed.all("caption") and len(parsed.all("table")) == len(parsed.all("caption"))
    scopes = {a.get("scope") for a in parsed.all("th")}
    assert scopes == {"col", "row"}
    assert parsed.all("blockquote") and all(a.get("cite", "").startswith("https://") for a in parsed.all("blockquote")
                                            if "cite" in a)
    svgs = [a for a in parsed.all("svg") if a.get("role") == "img"]
    assert svgs, "diagrams are inline SVG images"
    for svg in svgs:
        assert re.search(rf'<title id="{svg["aria-labelledby"]}">[^<]{{20,}}</title>', html), "alt text from the data"


def test_citations_link_to_their_sources_and_back(mini_built: dict[str, Path]) -> None:
    parsed = outline(mini_built["public.html"])
    ids = {a["id"] for _, a in parsed.tags if a.get("id")}
    links = [a["href"] for a in parsed.all("a") if (a.get("href") or "").startswith("#")]
    assert any(link.startswith("#source-") for link in links) and any(link.startswith("#cite-") for link in links)
    assert {link[1:] for link in links} <= ids, "every in-page link lands somewhere"
    unchecked = [a for a in parsed.all("a") if "not yet checked" in (a.get("aria-label") or "")]
    assert unchecked, "an unchecked source is marked where it is cited, as in print"


def test_resources_are_links_with_qr_codes_for_print(mini_built: dict[str, Path]) -> None:
    html = mini_built["public.html"].read_text("utf-8")
    assert re.search(r'<svg [^>]*class="qr" aria-hidden="true">', html)
    assert "@media print" in html and "ul.resources svg.qr { display: block; }" in html


@pytest.mark.browser
@pytest.mark.parametrize("name", ["public.html", "experts.html"])
def test_axe_finds_no_wcag_violations_and_the_page_reflows_at_320px(browser: Any, mini_built: dict[str, Path],
                                                                     name: str) -> None:
    check_in_browser(browser, mini_built[name])


@pytest.mark.browser
@pytest.mark.parametrize("name", ["public.html", "policymakers.html", "public-es.html", "public-fr.html",
                                  "public-easy-read.html", "community.html"])
def test_the_default_packs_web_editions_pass_axe_and_reflow(browser: Any, default_built: dict[str, Path],
                                                            name: str) -> None:
    check_in_browser(browser, default_built[name])


def check_in_browser(browser: Any, path: Path) -> None:
    for scheme in ("light", "dark"):
        page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        page.goto(path.as_uri())
        assert axe_violations(page) == [], scheme
        for width in (1280, 721, 320):  # wide, just above the phone layout, the narrowest phone
            page.set_viewport_size({"width": width, "height": 800})
            assert wider_than_main(page) == [], width
        assert sideways_overflow(page) == 0, "no sideways scrolling at 320 CSS px"
        page.close()


def test_content_is_text_never_markup(mini: Path, change: Any) -> None:
    from tests.helpers import run

    change("content.yaml", "text: Lowtown bans hover-scooters;",
           "text: <script>alert(1)</script> \\\"><img src=x onerror=alert(2)> "
           "{{ 7 * 7 }} Lowtown bans hover-scooters;")
    assert run("build", "--quiet")[0] == 0
    html = Path("output/mini/mini-public.html").read_text("utf-8")
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "{{ 7 * 7 }}" in html


@pytest.mark.browser
def test_large_print_scales_the_whole_page_and_still_reflows(browser: Any, tmp_path: Path) -> None:
    from generator.editions.session import load_session
    from generator.outputs import OUTPUTS, Where

    session = load_session(MINI, TEMPLATES, "large-print")
    edition, web = session.editions[0], OUTPUTS["web"]
    composed = web.compose(edition, TEMPLATES, web.template(edition))
    page_file = tmp_path / "large.html"
    page_file.write_bytes(web.render(composed, session.theme, Where("mini", "web"), None).artifacts[0].data)
    assert "font-size: 145.5%;" in page_file.read_text("utf-8"), "16 pt body: everything 16/11 larger"
    check_in_browser(browser, page_file)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_file.as_uri())
    sizes = page.evaluate("[...document.querySelectorAll('h2, h3, p, li')].map(e => parseFloat(getComputedStyle(e)"
                          ".fontSize))")
    assert min(sizes) >= 16 * 16 / 11 * 0.85, "nothing much smaller than the large-print body"


@pytest.mark.browser
def test_phones_get_diagrams_drawn_for_their_width(browser: Any, default_built: dict[str, Path]) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(default_built["public.html"].as_uri())
    shown = "sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length).length"
    narrow = page.evaluate("document.querySelectorAll('figure.diagram .narrow').length")
    assert narrow >= 2, "the spectrum and the timeline have a phone drawing"
    assert page.evaluate(shown, "figure.diagram .narrow") == 0
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate(shown, "figure.diagram .narrow") == narrow
    assert page.evaluate(shown, "figure.diagram .wide") == 0, "one drawing at a time reaches a screen reader"
    # The phone's timeline labels stay at least 12 CSS px tall.
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('figure.diagram .narrow svg')]
        .filter(s => s.getClientRects().length)
        .flatMap(s => [...s.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)))""")
    assert smallest >= 12


def test_a_block_kind_the_blocks_template_lacks_is_plain_text_and_a_warning(mini: Path, tmp_path: Path) -> None:
    """A project's copied web-blocks.html.j2 without a macro for a kind never drops that kind's content."""
    from generator.pipeline import build_pack
    from tests.helpers import own_templates

    templates = own_templates(tmp_path / "templates", "web-blocks.html.j2")
    blocks = tmp_path / "templates" / "web-blocks.html.j2"
    source = blocks.read_text("utf-8")
    start = source.index("{% macro definition_list(")
    blocks.write_text(source[:start], "utf-8")  # the glossary's macro is gone
    result = build_pack(mini, templates, tmp_path / "out", jobs=1)
    html = next(f.path for f in result.files if f.path.name == "mini-public.html").read_text("utf-8")
    assert "A floating board for one rider." in html and "<dl>" not in html
    warnings = [p.message for p in result.warnings]
    assert any("web-blocks.html.j2 has no macro for definition_list blocks" in w for w in warnings), warnings


def test_an_older_copy_of_the_page_template_is_named_in_a_warning(mini: Path, tmp_path: Path) -> None:
    from generator.pipeline import build_pack
    from tests.helpers import own_templates

    templates = own_templates(tmp_path / "templates", "web.html.j2")
    page = tmp_path / "templates" / "web.html.j2"
    page.write_text(page.read_text("utf-8").replace("{{ page.block(block, caption) }}", "{{ block }}"), "utf-8")
    result = build_pack(mini, templates, tmp_path / "out", jobs=1)
    assert any("web.html.j2 is a copy from an older briefpack" in p.message for p in result.warnings)
