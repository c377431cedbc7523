"""Fixtures of the browser tests."""

from tests.web.browser import browser  # noqa: F401  (the fixture, for every test here)
