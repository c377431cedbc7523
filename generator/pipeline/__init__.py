"""Stage 6, pipeline: drive the build — plan what is stale, render in a pool, write safely, report.

Also ``check`` (validate without writing) and ``watch`` (rebuild on save). The
CLI uses ``build_packs`` and its records, ``Workers`` for a pool that outlives
one build, and the check, report and watch modules.
"""

from generator.pipeline.driver import build_pack, build_packs
from generator.pipeline.pool import Workers
from generator.pipeline.results import OutputRecord, PackBuild

__all__ = ["OutputRecord", "PackBuild", "Workers", "build_pack", "build_packs", "check", "manifest", "report",
           "results", "watch"]
