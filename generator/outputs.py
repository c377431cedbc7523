"""Write output files safely: a temporary file in the same folder, flushed, then renamed.

A build that fails halfway leaves every earlier output byte-identical and no
partial file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.errors import BuildError, display_path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise BuildError(f"{display_path(path.parent)}: cannot write output folder ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise BuildError(f"{display_path(path)}: cannot write ({exc.strerror or exc})") from None
        raise
