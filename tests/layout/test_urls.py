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


def test_an_address_never_breaks_inside_its_scheme_or_www() -> None:
    from generator.layout.urls import break_points

    url = "https://www.example.org/a-b/c.pdf"
    points = break_points(url)
    assert min(points) == len("https://")  # the first joint is after "https://"
    assert not any(0 < p < len("https://www.") and p != len("https://") for p in points)
    assert [url[:p] for p in sorted(points)][:3] == ["https://", "https://www.example", "https://www.example.org/"]
    assert min(break_points("example.org/a")) == len("example")  # no scheme: the usual joints


def test_an_address_starts_on_the_next_line_when_no_joint_fits_the_rest_of_this_one() -> None:
    from generator.layout.urls import address_lines, break_points

    url = "https://example.org/report"
    widths = [1.0] * len(url)
    # Five points left on a begun line: not even "https://" fits, so the address starts afresh.
    assert address_lines(widths, 5, [40], break_points(url)) == [(0, 0), (0, len(url))]
    # Lines too short for any joint: it breaks at their edge (nothing better exists).
    assert address_lines(widths, 5, [5], break_points(url))[:2] == [(0, 5), (5, 8)]
    assert address_lines(widths, 12, [40], break_points(url)) == [(0, 8), (8, len(url))]  # "https://" | rest
