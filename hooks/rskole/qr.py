"""QR codes for the printed handouts, made at build time.

The codes are segno's: a course address is encoded here with segno's own tables and
layout functions (``segno.consts``, ``segno.encoder``; segno is pinned), ten times faster
than ``segno.make``, and the tests compare every matrix and SVG with segno's."""

from __future__ import annotations

import functools
import operator
import re

import segno
from segno import consts, encoder

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
    return svg(matrix(url))


def matrix(url: str):
    """The rows of ``segno.make(url, error="m", mask=0)``'s matrix (bytes of 0 and 1).

    An address of printable ASCII that segno writes in byte mode (one character that is
    not a capital, digit or ``$%*+-./:`` and space) and that is too long for a Micro QR
    code is encoded here (0.1 ms where segno takes 1.1 ms): the bit stream as segno writes it
    (mode, count, data, terminator, padding, pad codewords), the Reed-Solomon codewords
    from a table per generator, and the modules placed through a map per version and
    error level, made once from segno's own layout. Anything else is left to segno. The
    tests compare both on random addresses."""
    if len(url) < _SHORTEST or not url.isascii() or not url.isprintable() or _ALPHANUMERIC.fullmatch(url):
        return segno.make(url, error="m", mask=0).matrix
    data = url.encode("ascii")
    version, error = _version_and_error(len(data))
    if version is None:
        return segno.make(url, error="m", mask=0).matrix
    layout = _layout(version, error)
    # Mode indicator (byte: 0100), character count, data; a terminator of up to four
    # zero bits; zero bits to the codeword boundary (segno writes a whole zero codeword
    # when the stream already ends on one); then the pad codewords.
    count_bits = consts.CHAR_COUNT_INDICATOR_LENGTH[consts.MODE_BYTE][encoder.version_range(version)]
    value = (((0b0100 << count_bits) | len(data)) << 8 * len(data)) | int.from_bytes(data, "big")
    length = 4 + count_bits + 8 * len(data)
    terminator = min(layout.capacity - length, 4)
    length += terminator
    padding = 8 - length % 8
    length += padding
    words = (value << (terminator + padding)).to_bytes(length // 8, "big")
    missing = layout.capacity // 8 - length // 8
    if missing > 0:
        words += (b"\xec\x11" * missing)[:missing]
    stream = b"".join(map(_BITS.__getitem__, _final_message(words, layout.blocks)))
    plane = bytes(layout.place(stream + layout.tail))
    size = layout.size
    flat = (layout.template ^ int.from_bytes(plane, "big")).to_bytes(size * size, "big")
    return [flat[row:row + size] for row in range(0, size * size, size)]


#: A Micro QR code holds at most 15 bytes: a longer address is always a QR code.
_SHORTEST = 16
#: What segno writes in alphanumeric mode rather than byte mode.
_ALPHANUMERIC = re.compile(r"[0-9A-Z $%*+\-./:]*")
#: Each byte value's eight bits, most significant first, as bytes of 0 and 1.
_BITS = [bytes((value >> shift) & 1 for shift in range(7, -1, -1)) for value in range(256)]
#: segno's error levels, lowest first (it raises the level as far as the version allows).
_LEVELS = (consts.ERROR_LEVEL_L, consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H)


def _version_and_error(length: int):
    """The smallest version that holds ``length`` bytes at level M, and the highest level
    that version still holds them at (segno's ``boost_error``)."""
    for version in range(1, 41):
        needed = 4 + consts.CHAR_COUNT_INDICATOR_LENGTH[consts.MODE_BYTE][encoder.version_range(version)] + 8 * length
        if consts.SYMBOL_CAPACITY[version][consts.ERROR_LEVEL_M] >= needed:
            error = consts.ERROR_LEVEL_M
            for level in _LEVELS[_LEVELS.index(error) + 1:]:
                if consts.SYMBOL_CAPACITY[version][level] < needed:
                    break
                error = level
            return version, error
    return None, None


def _final_message(words: bytes, blocks) -> bytes:
    """The data codewords split into blocks, each with its error correction codewords,
    interleaved as the standard places them."""
    data_blocks, error_blocks = [], []
    pos = 0
    for num_data, num_error in blocks:
        block = words[pos:pos + num_data]
        pos += num_data
        data_blocks.append(block)
        error_blocks.append(_reed_solomon(block, num_error))
    return bytes(byte for column in _interleave(data_blocks) for byte in column) + \
        bytes(byte for column in _interleave(error_blocks) for byte in column)


def _interleave(blocks):
    longest = max(map(len, blocks))
    return ([block[i] for block in blocks if i < len(block)] for i in range(longest))


def _reed_solomon(block: bytes, num_error: int) -> bytes:
    """The remainder of the block times x^num_error by the generator polynomial: a shift
    register over a Python integer, one table row (a multiple of the generator) a byte."""
    table = _generator_table(num_error)
    shift = 8 * (num_error - 1)
    mask = (1 << 8 * num_error) - 1
    register = 0
    for byte in block:
        register = ((register << 8) & mask) ^ table[byte ^ (register >> shift)]
    return register.to_bytes(num_error, "big")


@functools.lru_cache(maxsize=None)
def _generator_table(num_error: int) -> tuple[int, ...]:
    """For each byte value, that value times the generator polynomial's coefficients after
    the first (segno's GEN_POLY holds their logarithms), as one integer."""
    exp, log = consts.GALIOS_EXP, consts.GALIOS_LOG
    generator = consts.GEN_POLY[num_error]
    rows = [0]
    for value in range(1, 256):
        rows.append(int.from_bytes(bytes(exp[(log[value] + g) % 255] for g in generator), "big"))
    return tuple(rows)


class _Layout:
    """Where a version's codeword bits go, and every other module's final value."""

    def __init__(self, version: int, error: int):
        size = encoder.calc_matrix_size(version)
        grid = encoder.make_matrix(size, size)
        encoder.add_finder_patterns(grid, size, size)
        encoder.add_alignment_patterns(grid, size, size)
        # The codeword modules in the order segno's add_codewords fills them.
        order = []
        for right in range(size - 1, 0, -2):
            if right <= 6:
                right -= 1
            for vertical in range(size):
                for z in range(2):
                    j = right - z
                    upwards = ((right & 2) == 0) ^ (j < 6)
                    i = (size - 1 - vertical) if upwards else vertical
                    if grid[i][j] == 0x2:
                        order.append((i, j))
        # Every codeword bit zero, the mask applied, format and version information added.
        for i, j in order:
            grid[i][j] = (i + j) % 2 == 0
        encoder.add_format_info(grid, version, error, 0)
        encoder.add_version_info(grid, version)
        if any(value > 1 for row in grid for value in row):
            raise ValueError(f"QR version {version}: a module is neither function pattern nor codeword")
        self.size = size
        self.template = int.from_bytes(b"".join(grid), "big")
        self.blocks = [(ec.num_data, ec.num_total - ec.num_data)
                       for ec in consts.ECC[version][error] for _ in range(ec.num_blocks)]
        self.capacity = consts.SYMBOL_CAPACITY[version][error]
        bits = 8 * sum(num_data + num_error for num_data, num_error in self.blocks)
        # Remainder bits (zero) fill the modules the codewords leave; one more zero
        # stands for every module that is not a codeword's.
        self.tail = b"\0" * (len(order) - bits + 1)
        index = {position: n for n, position in enumerate(order)}
        self.place = operator.itemgetter(*(index.get((i, j), len(order)) for i in range(size) for j in range(size)))


@functools.lru_cache(maxsize=None)
def _layout(version: int, error: int) -> _Layout:
    return _Layout(version, error)


def svg(matrix) -> str:
    """``matrix`` (rows of 0/1 bytes) as segno writes it with ``scale=SCALE``, ``border=BORDER``,
    dark ``#000`` on light ``#fff``, class ``rs-qr``, no title and ``omitsize``: a viewBox
    and no width or height, so that the code is drawn whole at the size the stylesheet
    gives it (with a width and height of its own and no viewBox, a smaller size cut the
    code off instead of scaling it). One horizontal line per run of dark modules, each
    placed relative to where the previous one ended; the runs are found in one pass over
    the rows joined by a light module."""
    rows = len(matrix)
    size = rows + 2 * BORDER
    stride = len(matrix[0]) + 1 if rows else 1
    parts = []
    px = previous = 0
    for run in _DARK_RUN.finditer(b"\0".join(map(bytes, matrix))):
        start, end = run.span()
        row, column = divmod(start, stride)
        x1 = BORDER + column
        if parts:
            parts.append(f"m{x1 - px} {row - previous}h{end - start}")
        else:  # from the top left corner to the middle of the first run's row
            parts.append(f"M{x1} {BORDER + row + 0.5}h{end - start}")
        px, previous = x1 + end - start, row
    pixels = size * SCALE
    return (f'<svg viewBox="0 0 {pixels} {pixels}" class="rs-qr"><g transform="scale({SCALE})">'
            f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/><path stroke="#000" d="{"".join(parts)}"/></g></svg>')
