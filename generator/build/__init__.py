"""Drive the pipeline: build packs incrementally, check them, watch them.

The public interface other parts of briefpack (the CLI) use: ``build_packs``
and its records, ``Workers`` for a pool that outlives one build, the check and
the change report.
"""

from generator.build.driver import build_pack, build_packs
from generator.build.pool import Workers
from generator.build.results import OutputRecord, PackBuild

__all__ = ["OutputRecord", "PackBuild", "Workers", "build_pack", "build_packs"]
