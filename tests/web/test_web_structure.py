"""The web edition's structure, read from its HTML: what a screen reader navigates by, on every screen.

Every ``h2`` is in the contents; lists are lists (sources an ``ol`` numbered as
cited, the glossary a ``dl``, further reading a ``ul``); tables say they are tables
even when a phone restyles them as cards; status symbols take their colour from
the page, so its dark scheme recolours them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web.page_tree import Element, page_tree


def web_editions(built: dict[str, Path]) -> list[Path]:
    return [path for name, path in sorted(built.items()) if name.endswith(".html")]


def sections_and_contents(root: Element) -> tuple[list[str], list[str]]:
    """Return the ids of the page's section headings (its ``h2``s outside the nav) and the nav's link targets."""
    [nav] = [n for n in root.find_all("nav") if "contents" in n.attrs.get("class", "")]
    headings = [h for h in root.find_all("h2") if not h.inside("nav")]
    assert all(h.attrs.get("id") for h in headings), [h.text() for h in headings if not h.attrs.get("id")]
    links = [a.attrs["href"] for a in nav.find_all("a")]
    assert all(link.startswith("#") for link in links)
    return [h.attrs["id"] for h in headings], [link[1:] for link in links]


@pytest.mark.parametrize("built", ["mini_built", "default_built"])
def test_every_section_heading_has_an_id_and_a_place_in_the_contents(built: str,
                                                                       request: pytest.FixtureRequest) -> None:
    """Boxed sections ("Key messages", the lived-experience box) are sections too, in reading order."""
    for path in web_editions(request.getfixturevalue(built)):
        root = page_tree(path)
        ids, targets = sections_and_contents(root)
        assert ids == targets, path.name
        if path.parent.name not in ("es", "fr") and "easy-read" not in path.name:  # their own words
            assert "key-messages" in ids, path.name
        assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids), path.name  # accents taken off, not dropped
        every_id = [e.attrs["id"] for e in root.walk() if "id" in e.attrs]
        assert len(every_id) == len(set(every_id)), f"{path.name}: an id used twice"


def test_a_sections_id_is_its_words_and_stays_put(default_built: dict[str, Path]) -> None:
    """A link someone shared to a section keeps working when the pack is rebuilt."""
    ids, _ = sections_and_contents(page_tree(default_built["public.html"]))
    assert ids[0] == "key-messages"
    assert "from-a-sex-worker-s-experience" in ids


def test_sources_are_an_ordered_list_numbered_as_cited(mini_built: dict[str, Path]) -> None:
    root = page_tree(mini_built["public.html"])
    [sources] = root.find_all("ol", class_="sources")
    items = sources.elements()
    assert items and all(item.tag == "li" for item in items)
    numbers = [int(item.attrs["value"]) for item in items]
    assert numbers == list(range(1, len(items) + 1))
    assert [item.attrs["id"] for item in items] == [f"source-{n}" for n in numbers]
    cited = {a.attrs["href"][1:] for a in root.find_all("a") if a.attrs.get("href", "").startswith("#source-")}
    assert cited and cited <= {item.attrs["id"] for item in items}, "every citation lands on its list item"
    ids = {e.attrs["id"] for e in root.walk() if "id" in e.attrs}
    backs = [a.attrs["href"][1:] for item in items for a in item.find_all("a", class_="back")]
    assert backs and set(backs) <= ids, "every way back lands on a citation"


def test_the_glossary_is_a_description_list(mini_built: dict[str, Path]) -> None:
    root = page_tree(mini_built["public.html"])
    [glossary] = root.find_all("dl")
    children = [e.tag for e in glossary.elements()]
    assert children and children == ["dt", "dd"] * (len(children) // 2), "each term, then its definition"
    assert "Hover-scooter" in [e.text() for e in glossary.find_all("dt")]
    assert "A floating board for one rider." in glossary.text()


def test_further_reading_is_a_list_of_resources(mini_built: dict[str, Path]) -> None:
    root = page_tree(mini_built["public.html"])
    [resources] = root.find_all("ul", class_="resources")
    items = resources.elements()
    assert len(items) >= 2 and all(item.tag == "li" for item in items)
    for item in items:
        [title] = item.find_all("a", class_="resource-title")
        assert title.attrs["href"].startswith("https://") and title.text()


def test_tables_keep_their_roles_when_a_phone_shows_them_as_cards(mini_built: dict[str, Path]) -> None:
    """On a phone every table is restyled as blocks; explicit roles keep VoiceOver reading it as a table."""
    root = page_tree(mini_built["public.html"])
    tables = root.find_all("table")
    assert tables
    for table in tables:
        assert table.attrs.get("role") == "table"
        assert {e.attrs.get("role") for e in table.find_all("thead") + table.find_all("tbody")} == {"rowgroup"}
        assert {e.attrs.get("role") for e in table.find_all("tr")} == {"row"}
        for th in table.find_all("th"):
            assert th.attrs.get("role") == {"col": "columnheader", "row": "rowheader"}[th.attrs["scope"]]
        header = [th.text() for th in table.find_all("th", scope="col")]
        for row in table.find_all("tbody")[0].find_all("tr"):
            cells = row.find_all("td")
            assert cells and {td.attrs.get("role") for td in cells} == {"cell"}
            for td, column in zip(cells, header[1:], strict=True):
                # The card's column name is shown, but hidden from screen readers: they hear the header.
                [label] = td.find_all("span", class_="label")
                assert label.attrs.get("aria-hidden") == "true" and label.text() == f"{column}:"


def test_status_symbols_take_their_colour_from_the_page(mini_built: dict[str, Path]) -> None:
    html = mini_built["public.html"].read_text("utf-8")
    symbols = re.findall(r'<svg class="symbol[^"]*"[^>]*>.*?</svg>', html, re.S)
    assert len(symbols) >= 9  # the matrix's 3 models × 3 parties (the table below leaves those rows to it)
    for symbol in symbols:
        assert not re.search(r"#[0-9A-Fa-f]{6}", symbol), symbol
        assert 'stroke="currentColor"' in symbol
    assert re.search(r'<svg class="symbol status-criminalised"', html), "coloured as its status word is"
    dark = html[html.index("@media (prefers-color-scheme: dark)"):]
    assert re.search(r"--criminalised: #[0-9A-F]{6}", dark), "the dark scheme sets the colour it is drawn in"


def test_a_blocks_template_that_gives_a_section_no_id_is_named_in_a_warning(mini: Path, tmp_path: Path) -> None:
    """A project's older copy of web-blocks.html.j2 leaves boxed titles without ids: the contents would link nowhere."""
    from generator.pipeline import build_pack
    from tests.helpers import own_templates

    templates = own_templates(tmp_path / "templates", "web-blocks.html.j2")
    blocks = tmp_path / "templates" / "web-blocks.html.j2"
    source = blocks.read_text("utf-8")
    old = "{{ heading_tag(block.level + 1 + depth, block.title, page.anchor(block)) }}"
    assert source.count(old) == 1
    blocks.write_text(source.replace(old, "{{ heading_tag(block.level + 1 + depth, block.title) }}"), "utf-8")
    result = build_pack(mini, templates, tmp_path / "out", jobs=1)
    warnings = [p.message for p in result.warnings]
    assert any("gives the heading 'Key messages' no id" in w for w in warnings), warnings
