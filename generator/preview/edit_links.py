"""The web edition as the preview shows it while editing: an "Edit …" link after each item's text.

The built page carries no links (an output names no one's computer); the
preview draws the page again with a link after each block, to the form of
every item whose words the block prints. Which item that is, is found by the
words, as a layout error finds its field (``content.origins``): the block's
texts are looked up among the pack's values and each value's item is linked
once, where its words first appear. A translated edition prints other words,
so it gets no links; the editor's own page lists every item.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import escape

from generator.document import Block, Heading, SourceList, Timeline, texts_of
from generator.edit import items
from generator.templates import Templates

STYLE = """<style>
.briefpack-edit { font: 0.85rem/1.4 system-ui, sans-serif; margin: 0.2rem 0 0.9rem; }
.briefpack-edit a { color: inherit; text-decoration: underline; margin: 0 1rem 0.2rem 0; display: inline-block;
  min-height: 24px; line-height: 24px; }
.briefpack-edit-bar { font: 0.95rem/1.4 system-ui, sans-serif; padding: 0.5rem 1rem; border-bottom: 1px solid;
  margin: 0; }
.briefpack-edit-bar a { color: inherit; display: inline-block; min-height: 24px; line-height: 24px; }
</style>"""


def edition_page(briefs: Path, templates: Templates, theme: str | None, packs: tuple[str, ...],
                 relative: str) -> str | None:
    """Return the web edition at ``relative`` (under the output folder) drawn with edit links, or None.

    None when no own-language web edition of a pack is built to that name.
    """
    from generator.editions.discover import find_packs
    from generator.editions.session import load_sessions
    from generator.outputs.base import Where
    from generator.outputs.web import WEB, compose, web_page

    for folder, session in load_sessions(find_packs(briefs, packs), templates, theme):
        if session is None:
            continue
        for edition in session.editions:
            if edition.language or f"{session.pack_id}/{edition.filename(session.pack_id, '.html')}" != relative:
                continue
            composed = compose(edition, templates, WEB.template(edition))
            base = f"/_briefpack/edit/{quote(folder.name)}"
            data, _ = web_page(composed, session.theme, Where(str(folder), "web edition"),
                               after_block=linker(session, base))
            bar = (f'<p class="briefpack-edit-bar"><a href="{base}">Edit this pack</a>: every item, and undo. '
                   "Each item below has its own “Edit” link.</p>")
            html = data.decode("utf-8").replace("</head>", STYLE + "</head>", 1)
            return html.replace("<body>", "<body>" + bar, 1)
    return None


def linker(session: Any, base: str) -> Callable[[Block], str]:
    """Return what follows each block: a link to the form of each item it prints that no block linked yet."""
    origins = session.origins
    data = {key: source.data for key, source in session.loaded.sources.items()}
    seen: set[tuple[Any, ...]] = set()

    def after(block: Block) -> str:
        if isinstance(block, Heading) and block.level <= 2:
            return ""  # a section's title is the template's, not an item's
        found: list[tuple[tuple[Any, ...], str]] = []
        if isinstance(block, Timeline):
            found = list(_timeline_items(block, data.get("models")))  # the section's data: {models: [...]}
        elif isinstance(block, SourceList):  # each entry names its source by id: no need to search
            ids = [str(s.get("id")) for s in items.value_at(data.get("sources"), ("sources",)) or []]
            found = [(("sources", ids.index(e.source_id)), "") for e in block.entries if e.source_id in ids]
        for text in [] if isinstance(block, SourceList) else texts_of(block):
            origin = origins.find(text)
            if origin is not None and origin.path:
                found.append((items.item_of(origin.path), ""))
        links = []
        for item, where in found:
            if item in seen:
                continue
            seen.add(item)
            name = items.label(item, items.value_at(data.get(str(item[0])), item)) + (f" in {where}" if where else "")
            href = f"{base}/item?path={quote(items.write(item))}"
            links.append(f'<a href="{escape(href)}">Edit {escape(name)}</a>')
        return f'<p class="briefpack-edit">{"".join(links)}</p>' if links else ""

    return after


def _timeline_items(block: Timeline, data: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Yield the dated event (or the place, when it has only a year) behind each step of a timeline.

    A timeline prints a place's short name and a year, words too short to find
    by themselves; the model's short name, the place and the year find them.
    """
    models = data.get("models") if isinstance(data, dict) else None
    for event in block.events:
        for m, model in enumerate(models or []):
            if not isinstance(model, dict) or model.get("short_name") != event.model:
                continue
            for j, place in enumerate(model.get("jurisdictions") or []):
                if str(place.get("name", "")).split(",")[0] != event.place:
                    continue
                steps = [e for e, step in enumerate(place.get("events") or []) if step.get("year") == event.year]
                if steps:
                    yield ("models", m, "jurisdictions", j, "events", steps[0]), event.place
                elif place.get("year") == event.year:
                    yield ("models", m, "jurisdictions", j), ""
