"""Field types: URLs must be safe and well formed, text has no control characters, links in text are checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.fields import check_url
from tests.helpers import problems

Change = Callable[[str, str, str], None]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>",
                                 "https://exa mple.org", "https:///nohost", "ftp://example.org/x", "https://x."])
def test_unsafe_or_malformed_urls_are_errors(mini: Path, change: Change, url: str) -> None:
    change("content.yaml", "url: https://examplia.test/hill/fees", f"url: '{url}'")
    [message] = problems(mini)
    assert message.startswith("briefs/mini/content.yaml:137:10: resources[2].url: ")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "data:text/html,x", "javascript:alert(1)"])
def test_unsafe_links_in_rich_text_are_errors(mini: Path, change: Change, url: str) -> None:
    change("content.yaml", "has *no special rules*.", f"has [no special rules]({url}).")
    [message] = problems(mini)
    assert message.startswith("briefs/mini/content.yaml:4:11: key_messages[1].text: URL ")


def test_control_characters_are_refused(mini: Path, change: Change) -> None:
    change("content.yaml", "title: Licences cost money", 'title: "Licences\\u0007 cost money"')
    assert problems(mini) == ["briefs/mini/content.yaml:7:12: key_messages[2].title: "
                              "contains the control character U+0007; remove it"]


def test_mailto_is_allowed_in_text_links_only() -> None:
    assert check_url("mailto:someone@example.org", schemes=("https", "mailto"))
    with pytest.raises(ValueError, match="must start with"):
        check_url("mailto:someone@example.org")
    with pytest.raises(ValueError, match="malformed e-mail"):
        check_url("mailto:nobody", schemes=("mailto",))
