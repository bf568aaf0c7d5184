"""QR codes for the printed handouts, made at build time."""

from __future__ import annotations

import functools
import re

import segno

#: Quiet zone (modules) and pixels per module of the printed code.
BORDER = 4
SCALE = 3
_DARK_RUN = re.compile(rb"\x01+")


@functools.lru_cache(maxsize=10_000)
def qr_svg(url: str) -> str:
    """``code_svg``, each address's code kept (a served preview's rebuilds ask again)."""
    return code_svg(url)


def code_svg(url: str) -> str:
    """An inline SVG QR code of ``url`` for the printed handout (made at build time).

    A fixed mask pattern: segno's search for the best of eight costs 4 ms a code, and
    any mask scans (cached too, for mkdocs serve's rebuilds). The SVG is the one segno's
    ``svg_inline`` writes (the tests compare them), drawn from the runs of dark modules
    found by a regular expression: segno's own writer walks every module in Python and
    took half of a code's time."""
    code = segno.make(url, error="m", mask=0)
    return svg(code.matrix)


def svg(matrix) -> str:
    """``matrix`` (rows of 0/1 bytes) as segno writes it with ``scale=SCALE``, ``border=BORDER``,
    dark ``#000`` on light ``#fff``, class ``rs-qr`` and no title: one horizontal
    line per run of dark modules, each placed relative to where the previous one ended."""
    size = len(matrix) + 2 * BORDER
    parts = []
    px, py = 0, 0.0
    for row_no, row in enumerate(matrix):
        y = BORDER + row_no + 0.5
        for run in _DARK_RUN.finditer(bytes(row)):
            x1 = BORDER + run.start()
            dy = y - py
            parts.append(f"{'m' if parts else 'M'}{x1 - px} {int(dy) if dy == int(dy) else dy}h{run.end() - run.start()}")
            px, py = x1 + run.end() - run.start(), y
    pixels = size * SCALE
    return (f'<svg width="{pixels}" height="{pixels}" class="rs-qr"><g transform="scale({SCALE})">'
            f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/><path stroke="#000" d="{"".join(parts)}"/></g></svg>')
