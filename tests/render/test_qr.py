"""QR codes encode exactly the URL, as vector rectangles for PDF and as PNG for PPTX."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.render.qr import QUIET_ZONE, qr_matrix, qr_png, qr_rects

URL = "https://example.org/a?b=c&d=e"


def test_rectangles_stay_inside_the_code_and_leave_the_quiet_zone() -> None:
    size = 100.0
    modules = len(qr_matrix(URL)) + 2 * QUIET_ZONE
    unit = size / modules
    rects = qr_rects(URL, size)
    assert rects
    for x, y, w, h in rects:
        assert x >= QUIET_ZONE * unit - 1e-9 and y >= QUIET_ZONE * unit - 1e-9
        assert x + w <= size - QUIET_ZONE * unit + 1e-9 and h == pytest.approx(unit)
    dark = sum(sum(row) for row in qr_matrix(URL))
    assert sum(round(w / unit) for _, _, w, _ in rects) == dark


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbarimg")
def test_the_png_decodes_to_the_url(tmp_path: Path) -> None:
    path = tmp_path / "qr.png"
    path.write_bytes(qr_png(URL))
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == URL
