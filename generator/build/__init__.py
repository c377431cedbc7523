"""Stage 6, build: drive the pipeline — plan what is stale, render in a pool, write safely, report.

Also ``check`` (validate without writing) and ``watch`` (rebuild on save). The
CLI uses ``build_packs`` and its records, ``Workers`` for a pool that outlives
one build, and the check, report and watch modules.
"""

from generator.build.driver import build_pack, build_packs
from generator.build.pool import Workers
from generator.build.results import OutputRecord, PackBuild

__all__ = ["OutputRecord", "PackBuild", "Workers", "build_pack", "build_packs", "check", "manifest", "report", "watch"]
