"""The printed handout's QR code (rskole.qr): the same SVG segno itself writes."""

import random
import string

import pytest
import segno

from rskole import qr


def _urls():
    rng = random.Random(17)
    yield "https://recoveryskolen.example.dk/"
    yield "http://localhost/kurser/a/"
    for _ in range(60):
        length = rng.choice([1, 5, 20, 60, 120, 250])
        yield "https://recoveryskolen.example.dk/kurser/" + "".join(
            rng.choice(string.ascii_lowercase + "-0123456789æøå") for _ in range(length)) + "/"


def _segno_svg(code) -> str:
    return code.svg_inline(scale=3, dark="#000", light="#fff", title=None, svgclass="rs-qr", lineclass=None,
                           omitsize=True)


@pytest.mark.parametrize("url", list(_urls()))
def test_the_code_is_drawn_as_segno_draws_it(url):
    # svg() itself, not the cached qr_svg(): a cache filled earlier would hide a change.
    code = segno.make(url, error="m", mask=0)
    assert qr.svg(code.matrix) == _segno_svg(code)


def test_the_handout_code_is_the_address_as_segno_draws_it():
    url = "https://recoveryskolen.example.dk/kurser/en-ny-adresse-kun-til-denne-test/"
    assert qr.qr_svg(url) == _segno_svg(segno.make(url, error="m", mask=0))


def test_codes_of_several_sizes_are_covered():
    # Short and long addresses give codes of different versions (sizes): rows that end
    # dark, runs that start at the first module, moves of more than one row.
    versions = {segno.make(url, error="m", mask=0).version for url in _urls()}
    assert len(versions) >= 5


def _addresses(seed: int, count: int):
    """Random addresses of every length up to a version 15 code and more, now and then of
    characters segno writes in another mode, or not ASCII, or too short for a QR code."""
    rng = random.Random(seed)
    for _ in range(count):
        length = rng.choice([rng.randint(0, 40), rng.randint(0, 120), rng.randint(0, 500)])
        alphabet = rng.choice([string.ascii_lowercase + string.digits + "-/._~?=&%#",
                               string.printable, string.ascii_uppercase + string.digits + " $%*+-./:",
                               string.digits, "abcæøå-/", "ab\t\n\x7f"])
        yield rng.choice(["https://recoveryskolen.example.dk/kurser/", "http://x/", ""]) + \
            "".join(rng.choice(alphabet) for _ in range(length))


def test_every_address_gives_the_matrix_segno_makes():
    versions = set()
    for url in _addresses(2026, 1_500):
        code = segno.make(url, error="m", mask=0)
        versions.add(code.version)
        assert [bytes(row) for row in qr.matrix(url)] == [bytes(row) for row in code.matrix], (url, code.designator)
    # Micro QR codes and QR codes from the smallest to version 15 were compared.
    assert {"M3", "M4", 1, 2, 5, 10, 15} <= versions, versions


def test_addresses_at_every_capacity_boundary_give_segno_s_matrix():
    # One byte less, exactly, and one byte more than each level of versions 1 to 12 holds.
    from segno import consts
    for version in range(1, 13):
        for level in (consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H):
            fits = (consts.SYMBOL_CAPACITY[version][level] - 4 - (8 if version < 10 else 16)) // 8
            for length in (fits - 1, fits, fits + 1):
                url = ("https://x.dk/" + "a-b/c" * 200)[:max(length, 16)]
                assert [bytes(r) for r in qr.matrix(url)] == [bytes(r) for r in segno.make(url, error="m", mask=0).matrix], (version, level, length)


def test_a_course_address_is_encoded_without_segno_s_encoder(monkeypatch):
    # The addresses of course pages take the fast path: segno.make is not called.
    url = "https://recoveryskolen.example.dk/kurser/en-ny-adresse-til-fast-path-testen/"
    expected = qr.svg(segno.make(url, error="m", mask=0).matrix)

    def refuse(*args, **kwargs):
        raise AssertionError("segno.make was called")

    monkeypatch.setattr(qr.segno, "make", refuse)
    assert qr.code_svg(url) == expected
