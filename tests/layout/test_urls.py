"""Short forms of URLs for print."""

from __future__ import annotations

from generator.layout.urls import host, short_url


def test_scheme_www_and_trailing_slash_go() -> None:
    assert short_url("https://www.example.org/a/b/") == "example.org/a/b"
    assert short_url("http://example.org") == "example.org"
    assert host("https://www.example.org/x?y=1") == "example.org"


def test_a_long_url_is_cut_with_an_ellipsis() -> None:
    assert short_url("https://example.org/" + "a" * 100, 20) == "example.org/aaaaaaa…"
    assert len(short_url("https://example.org/" + "a" * 100, 20)) == 20
