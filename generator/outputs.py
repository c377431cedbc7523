"""Write output files safely: all staged as temporary files first, then renamed into place.

Each file is written to a temporary file in its own folder, flushed and synced;
only when every file of the build is staged are they renamed over the old ones.
A failure or Ctrl-C while staging removes the temporary files and leaves every
earlier output byte-identical.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.errors import BuildError, display_path


def _stage(path: Path, data: bytes) -> str:
    """Write ``data`` to a synced temporary file beside ``path``; return its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise BuildError(f"{display_path(path.parent)}: cannot write the output folder ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except BaseException as exc:
        _remove(temp)
        if isinstance(exc, OSError):
            raise BuildError(f"{display_path(path)}: cannot write ({exc.strerror or exc}); "
                             f"earlier outputs are unchanged") from None
        raise
    return temp


def _remove(temp: str) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass


def write_all(files: list[tuple[Path, bytes]]) -> None:
    """Replace every ``path`` with its ``data``, all or nothing as far as the file system allows."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            staged.append((_stage(path, data), path))
    except BaseException:
        for temp, _ in staged:
            _remove(temp)
        raise
    for temp, path in staged:
        os.replace(temp, path)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace one file atomically."""
    write_all([(path, data)])
