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
    return code.svg_inline(scale=3, dark="#000", light="#fff", title=None, svgclass="rs-qr", lineclass=None)


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
