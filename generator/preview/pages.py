"""The pages of the live preview (`briefpack serve`): the index, and the frame around an output's files.

Pure functions from what the server knows (the packs, their last good outputs,
the current errors) to HTML. Every page carries the same banner (the errors of
the last save, above the last good output) and the same small script that
reloads the page when a rebuild finishes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

# Reloads the page once the server says a newer build (or a new error) exists. Listens with
# EventSource; where it is missing or the connection drops, it polls.
RELOAD_SCRIPT = """<script nonce="%(nonce)s">
(function () {
  var seen = %(generation)d;
  function check(generation) { if (generation > seen) { location.reload(); } }
  if (window.EventSource) {
    var events = new EventSource("/_briefpack/events");
    events.onmessage = function (e) { check(parseInt(e.data, 10)); };
  } else {
    setInterval(function () {
      fetch("/_briefpack/status").then(function (r) { return r.json(); }).then(function (s) { check(s.generation); });
    }, 1000);
  }
})();
</script>"""

BANNER_STYLE = """<style>
.briefpack-errors { background: #FFF0F0; color: #5C0000; border-bottom: 3px solid #A1121A; padding: 0.75rem 1rem;
  font: 14px/1.4 ui-monospace, monospace; white-space: pre-wrap; margin: 0; }
.briefpack-errors strong { font-family: system-ui, sans-serif; }
</style>"""

STYLE = BANNER_STYLE + """<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1A1A1A; background: #FFFFFF; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
a { color: #1F4E99; }
figure.slide { margin: 0 0 2rem; }
figure.slide svg { width: 100%; height: auto; border: 1px solid #B3B3B3; }
figure.slide figcaption { font-size: 0.95rem; color: #4D4D4D; }
iframe { width: 100%; height: 85vh; border: 1px solid #B3B3B3; }
</style>"""


@dataclass(frozen=True)
class EditionLinks:
    """One edition of a pack as the index lists it: a link per output (label, address) and every file built."""

    pack: str
    variant: str | None
    links: tuple[tuple[str, str], ...]
    files: tuple[str, ...]


def banner(errors: Sequence[str]) -> str:
    """Return the error banner (empty when the last save built): every error line with its file:line."""
    if not errors:
        return ""
    lines = "\n".join(escape(line) for line in errors)
    return (f'<pre class="briefpack-errors" role="alert"><strong>The last save did not build; '
            f"this is the last good output.</strong>\n{lines}</pre>")


def reload_script(generation: int, nonce: str) -> str:
    """Return the script that reloads the page after a newer build; ``nonce`` lets the page's CSP allow it."""
    return RELOAD_SCRIPT % {"generation": generation, "nonce": escape(nonce)}


def page(title: str, body: str, errors: Sequence[str], generation: int, nonce: str, lang: str = "en") -> str:
    """Return a complete preview page: the banner, the body, the reload script."""
    return (f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
            f"{STYLE}</head><body>{banner(errors)}<main>{body}</main>"
            f"{reload_script(generation, nonce)}</body></html>")


def inject(html: str, errors: Sequence[str], generation: int, nonce: str) -> str:
    """Return a built page (the web edition) with the banner at the top and the reload script at the end."""
    top = banner(errors)
    if top:
        html = html.replace("<body>", "<body>" + BANNER_STYLE + top, 1)
    script = reload_script(generation, nonce)
    return html.replace("</body>", script + "</body>", 1) if "</body>" in html else html + script


def index(editions: Sequence[EditionLinks], out_name: str, editable: dict[str, str] | None = None) -> str:
    """Return the index: each pack's editions with a link per output, and every file.

    ``editable``: the folder of each pack (by id) the preview edits, linked to its editor.
    """
    if not editions:
        return "<h1>briefpack preview</h1><p>No outputs yet: the first build has not finished or failed.</p>"
    parts = ["<h1>briefpack preview</h1>", f"<p>Serving <code>{escape(out_name)}/</code>; pages reload "
             "after every save.</p>"]
    if editable:
        editing = " · ".join(f'<a href="/_briefpack/edit/{quote(folder)}">Edit {escape(pack)}</a>'
                              for pack, folder in editable.items())
        parts.append(f"<p>Edit from the browser: {editing} (or follow the “Edit” links in a web edition).</p>")
    for edition in editions:
        name = edition.pack + (f" — {edition.variant}" if edition.variant else "")
        links = [f'<a href="{escape(href)}">{escape(label)}</a>' for label, href in edition.links]
        files = "".join(f'<li><a href="/{edition.pack}/{escape(f)}">{escape(f)}</a></li>' for f in edition.files)
        parts.append(f"<h2>{escape(name)}</h2><p>{' · '.join(links)}</p><ul>{files}</ul>")
    return "".join(parts)


def files(pack: str, names: Sequence[str]) -> str:
    """Return an output's page: its first file in the browser's own viewer, and links to every file of it."""
    if not names:
        return "<p>Not built yet.</p>"
    links = " · ".join(f'<a href="/{pack}/{escape(f)}">{escape(f)}</a>' for f in names)
    return f'<p>{links}</p><iframe src="/{pack}/{escape(names[0])}" title="{escape(names[0])}"></iframe>'
