"""The preview's web edition links every item it prints to the item's form; the built page links nothing."""

from __future__ import annotations

import re
from urllib.parse import unquote

from generator.edit import items
from generator.edit.editing import Pack
from generator.editions.discover import template_search
from generator.preview.edit_links import edition_page
from tests.helpers import DEFAULT_PACK

PRINTED = ("key_messages", "definitions", "models", "evidence", "lived_experience", "recommendations", "resources",
           "glossary", "sources")


def test_every_item_the_public_web_edition_prints_has_an_edit_link_naming_it() -> None:
    templates = template_search(DEFAULT_PACK.parent, None)
    html = edition_page(DEFAULT_PACK.parent, templates, None, (DEFAULT_PACK.name,),
                        f"{DEFAULT_PACK.name}/{DEFAULT_PACK.name}-public.html")
    assert html is not None
    links = re.findall(r'<a href="/_briefpack/edit/[^/]+/item\?path=([^"]+)">([^<]*)</a>', html)
    linked = {unquote(path) for path, _ in links}
    assert all(name.startswith("Edit ") for _, name in links)
    pack = Pack(DEFAULT_PACK)
    printed = []
    for section in PRINTED:
        for path, value in items.entries({section: pack.data(section)}, (section,)):
            if value.get("audiences") and "public" not in value["audiences"]:
                continue  # the community guide's own words: not in this edition
            if section == "sources":
                continue  # counted below: the sources list prints only the sources this edition cites
            printed.append(path)
            for place_path, place in items.entries(value, ("jurisdictions",)):
                printed += [(*path, *place_path)] + [(*path, *place_path, *e) for e, _ in
                                                     items.entries(place, ("events",))]
            printed += [(*path, *quote) for quote, _ in items.entries(value, ("quotes",))]
    missing = [items.write(p) for p in printed if items.write(p) not in linked]
    assert len(printed) > 90 and missing == []
    listed = len(re.findall(r'<li id="source-\d+"', html))
    assert listed > 50 and len([path for path in linked if path.startswith("sources[")]) == listed
    assert len(linked) == len(links), "each item is linked once, where its words first appear"


def test_an_edition_in_another_language_or_a_file_that_is_no_web_edition_gets_no_links() -> None:
    templates = template_search(DEFAULT_PACK.parent, None)
    for relative in (f"{DEFAULT_PACK.name}/es/{DEFAULT_PACK.name}-public.html", f"{DEFAULT_PACK.name}/x.html"):
        assert edition_page(DEFAULT_PACK.parent, templates, None, (DEFAULT_PACK.name,), relative) is None
