"""Fixtures of the browser tests."""

from tests.web.browser import browser  # noqa: F401  (the fixture, for every test here)
from tests.web.serving import server  # noqa: F401  (a serve process on a copy of the mini pack)
