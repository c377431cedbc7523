"""Stage 8, preview: `briefpack serve`, a live preview of every output in a browser.

It rebuilds with the pipeline's ``watch`` engine, serves the output folder and
nothing outside it, shows each output as its registry entry says
(``Output.preview``), and answers only requests addressed to itself.
"""

__all__ = ["host_guard", "pages", "serve"]
