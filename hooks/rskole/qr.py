"""QR codes for the printed handouts, made at build time."""

from __future__ import annotations

import functools

import segno


@functools.lru_cache(maxsize=10_000)
def qr_svg(url: str) -> str:
    """An inline SVG QR code of ``url`` for the printed handout (made at build time).

    A fixed mask pattern: segno's search for the best of eight costs 4 ms a code, and
    any mask scans (cached too, for mkdocs serve's rebuilds)."""
    code = segno.make(url, error="m", mask=0)
    return code.svg_inline(scale=3, dark="#000", light="#fff", title=None, svgclass="rs-qr", lineclass=None)
