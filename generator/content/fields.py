"""Reusable field types of the content format: ids, text, URLs, language tags.

Each type validates and explains itself, so the JSON Schema and the error
messages say the same thing the format reference says.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StringConstraints

from generator.content.markdown import Markdown, link_targets

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=64),
    Field(description="Identifier: lower-case letters, digits and hyphens, e.g. 'first-model'."),
]

KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Key = Annotated[
    str,
    StringConstraints(pattern=KEY_PATTERN, max_length=64),
    Field(description="A key: lower-case letters, digits, hyphens and underscores, e.g. 'third_parties'."),
]


def no_control_characters(value: str) -> str:
    match = _CONTROL.search(value)
    if match:
        raise ValueError(f"contains the control character U+{ord(match.group()):04X}; remove it")
    return value


def check_url(value: str, *, schemes: tuple[str, ...] = ("https", "http")) -> str:
    """Return ``value`` if it is a well-formed absolute URL with an allowed scheme."""
    if any(ch.isspace() for ch in value) or _CONTROL.search(value):
        raise ValueError(f"malformed URL '{value}': it contains spaces or control characters")
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        allowed = ", ".join(f"{s}:" for s in schemes)
        raise ValueError(f"URL '{value}' must start with {allowed}")
    if scheme == "mailto":
        if "@" not in parts.path:
            raise ValueError(f"malformed e-mail link '{value}'")
        return value
    host = parts.hostname or ""
    if "." not in host or host.startswith(".") or host.endswith("."):
        raise ValueError(f"malformed URL '{value}': no valid host name")
    return value


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(no_control_characters),
    Field(description="Plain text."),
]

Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(check_url),
    Field(description="An absolute http(s) URL, printed and encoded exactly as written."),
]

Language = Annotated[
    str,
    StringConstraints(pattern=LANGUAGE_PATTERN),
    Field(description="BCP 47 language tag, e.g. 'en-AU'."),
]


def _safe_links(value: str) -> Markdown:
    for url in link_targets(value):
        check_url(url, schemes=("https", "http", "mailto"))
    return Markdown(value)


RichText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(no_control_characters),
    AfterValidator(_safe_links),
    Field(description="Text with inline Markdown: *emphasis*, **strong**, [link](https://…)."),
]
