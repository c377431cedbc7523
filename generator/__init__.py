"""briefpack: structured briefing content in, print-ready handouts and slide decks out."""

__version__ = "0.1.0"
