"""Stage 3, compose: render a pack through its jinja2 templates into the format-neutral document.

A pure function of the pack and the templates: the templates' Markdown and
fenced divs are parsed into ``generator.document`` blocks, citations numbered.
"""

__all__ = ["compose", "environment", "i18n", "notices", "outline", "typography"]
