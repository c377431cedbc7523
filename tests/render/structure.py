"""Read a tagged PDF's structure tree back with pikepdf: roles, attributes, text and kids, in order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf


@dataclass
class Node:
    """A structure element as read back: role, /Alt, /ActualText, its kids and what it holds directly."""

    role: str
    alt: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    kids: list[Node] = field(default_factory=list)
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID) it owns directly
    annotations: list[Any] = field(default_factory=list)  # link annotations it owns (OBJR)

    def walk(self) -> Iterator[Node]:
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def find(self, role: str) -> list[Node]:
        return [node for node in self.walk() if node.role == role]


def read(path: Path) -> Node:
    """Return the Document element of the PDF at ``path``, with its whole tree."""
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
        root = pdf.Root.StructTreeRoot

        def node(element: Any, page: int | None) -> Node:
            role = str(element.get("/S", "/?"))[1:]
            here = pages.get(element.Pg.objgen, page) if "/Pg" in element else page
            out = Node(role, str(element.get("/Alt", "")),
                       {str(k)[1:]: element[k] for k in element.keys()  # noqa: SIM118  (a pikepdf Dictionary)
                        if str(k) not in ("/S", "/P", "/K", "/Pg")})
            kids = element.get("/K")
            if kids is None:
                return out
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                if isinstance(kid, int):
                    out.mcids.append((here or 0, int(kid)))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    out.mcids.append((pages.get(kid.Pg.objgen, 0), int(kid.MCID)))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    out.annotations.append({"contents": str(kid.Obj.get("/Contents", "")),
                                            "uri": str(kid.Obj.get("/A", {}).get("/URI", "")),
                                            "flags": int(kid.Obj.get("/F", 0))})
                elif isinstance(kid, pikepdf.Dictionary):
                    out.kids.append(node(kid, here))
            return out

        top = root.K
        return node(top[0] if isinstance(top, pikepdf.Array) else top, None)
