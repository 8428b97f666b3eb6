"""The Inline XBRL page in a real browser: headless Chromium takes a screenshot of it.

The screenshot must not be blank: it shows text (dark pixels) on the white page, and the
quiet highlight of the tagged numbers. The PNG is decoded here with zlib and struct only.
Skipped when `chromium` is not on PATH (.ci/run installs it).
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

import exporters
from converter.model import Filing

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HIGHLIGHT = (0xFD, 0xF6, 0xD8)  # span.fact background in exporters/ixbrl.py


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def png_pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, bytes per pixel, raw pixels) of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG layout"
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    out, previous = bytearray(), bytearray(stride)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = previous[x], previous[x - bpp] if x >= bpp else 0
            line[x] = (line[x] + (0, a, b, (a + b) // 2, _paeth(a, b, c))[kind]) & 0xFF
        out += line
        previous = line
    return width, height, bpp, bytes(out)


def colours(data: bytes) -> set[tuple[int, int, int]]:
    width, height, bpp, pixels = png_pixels(data)
    return {tuple(pixels[i : i + 3]) for i in range(0, width * height * bpp, bpp)}  # type: ignore[misc]


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH")
def test_page_renders_with_text_and_highlights(tmp_path: Path, filing: Filing) -> None:
    page = tmp_path / "release.html"
    out = io.BytesIO()
    exporters.get("ixbrl").write(filing, out)
    page.write_bytes(out.getvalue())
    shot = tmp_path / "shot.png"
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
        "--window-size=900,700", "--hide-scrollbars", page.as_uri(),
    ]  # fmt: skip
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert shot.exists(), "chromium wrote no screenshot"
    seen = colours(shot.read_bytes())
    assert len(seen) > 1, "the page rendered blank"
    assert HIGHLIGHT in seen, "no tagged number is highlighted"
    assert any(max(c) < 96 for c in seen), "no dark text on the page"
