"""A web page parsed into a small element tree, for tests that ask what contains what (a list's items, a nav's links).

The standard library's HTMLParser reports tags in order; this keeps their nesting,
so a test can say "every ``li`` of the sources list" without a third-party parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    """One element: its tag, attributes, children (elements and text, in order) and parent."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    def elements(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]

    def walk(self) -> Iterator[Element]:
        """Yield this element and every element inside it, in document order."""
        yield self
        for child in self.elements():
            yield from child.walk()

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        """Return the elements inside (this one included) with ``tag`` and these attribute values (``class_``: a class)."""
        wanted = {k.rstrip("_"): v for k, v in attrs.items()}

        def matches(e: Element) -> bool:
            for key, value in wanted.items():
                if key == "class" and value not in e.attrs.get("class", "").split():
                    return False
                if key != "class" and e.attrs.get(key) != value:
                    return False
            return True

        return [e for e in self.walk() if e.tag == tag and matches(e)]

    def text(self) -> str:
        """Return the element's text, whitespace squashed."""
        parts: list[str] = []

        def collect(e: Element) -> None:
            for child in e.children:
                if isinstance(child, str):
                    parts.append(child)
                elif child.tag not in ("style", "script"):
                    collect(child)

        collect(self)
        return " ".join("".join(parts).split())

    def inside(self, tag: str) -> bool:
        """Return whether an ancestor of this element is a ``tag``."""
        node = self.parent
        while node is not None:
            if node.tag == tag:
                return True
            node = node.parent
        return False


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:  # close what an end tag closes, as a browser would
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def page_tree(source: Path | str) -> Element:
    """Return the page at ``source`` (a path, or the HTML itself) as an element tree."""
    builder = _Builder()
    builder.feed(source.read_text("utf-8") if isinstance(source, Path) else source)
    builder.close()
    return builder.root
