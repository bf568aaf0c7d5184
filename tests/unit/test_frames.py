"""Generated pages laid out once a shape and filled in (rskole.frames)."""

from __future__ import annotations

import pytest

from rskole.frames import Frame, Frames, inert, marker


def theme(values) -> str:
    """A layout as Material's treats these values: the title raw twice and tag-stripped
    once, the description raw, the body as it is."""
    stripped = " ".join(values["title"].split())  # what striptags does to plain text
    return (f"<title>{stripped} - Skolen</title><meta content=\"{values['description']}\">"
            f"<header>{values['title']}</header><h1>{values['title']}</h1>{values['content']}<footer>")


def page(n: int, title: str | None = None, content: str | None = None) -> dict:
    return {"title": title or f"Kursus {n}", "description": f"Om kursus {n}",
            "content": content if content is not None else f"<p>Tekst {n} & mere</p>"}


class Theme:
    def __init__(self, lay_out=theme):
        self.lay_out = lay_out
        self.in_full = 0
        self.with_markers = 0

    def render(self, frames: Frames, values: dict, shape="kurser") -> str:
        def in_full():
            self.in_full += 1
            return self.lay_out(values)

        def with_values(other):
            self.with_markers += 1
            return self.lay_out(other)

        return frames.lay_out(shape, values, ("title", "description"), in_full, with_values)


@pytest.mark.parametrize("value, expected", [
    ("Håb i hverdagen", True),
    ("Søvn, hvile og gode rutiner (aftenhold)", True),
    ("https://skole.example.dk/kurser/haab/", True),
    ("Mad &amp; psyke", False),       # an entity: tag stripping would unescape it
    ("A <b>fed</b> titel", False),
    ('Et "citat"', False),
    ("to  mellemrum", False),         # tag stripping joins runs of white space
    (" foran", False),
    ("linje\nskift", False),
    ("", False),
    (None, False),
    ("\ue000title\ue001", False),     # a marker itself
    ("Kursus\xa0A", False),           # a no-break space: tag stripping makes it a space
    ("kl.\u202f10", False),
    ("Mad & psyke", False),
    ("Søvn\x85", False),
])
def test_inert_values(value, expected):
    assert inert(value) is expected


def test_a_frame_is_cut_at_its_markers_and_filled_with_any_values():
    names = ("title", "description", "content")
    frame = Frame.cut(theme({name: marker(name) for name in names}), names)
    assert frame is not None
    assert frame.holes == ("title", "description", "title", "title", "content")
    for n in range(3):
        assert frame.fill(page(n)) == theme(page(n))


def test_a_marker_changed_or_left_out_by_the_theme_gives_no_frame():
    names = ("title", "content")
    assert Frame.cut(f"<h1>{marker('title').upper()}</h1>{marker('content')}", names) is None
    assert Frame.cut(f"<h1>{marker('title')[:4]}…</h1>{marker('content')}", names) is None  # cut short
    assert Frame.cut(f"<h1>x</h1>{marker('content')}", names) is None


def test_the_first_pages_of_a_shape_are_laid_out_in_full_and_then_filled_in():
    frames, layout = Frames(verified_by=2), Theme()
    pages = [page(n) for n in range(10)]
    assert [layout.render(frames, p) for p in pages] == [theme(p) for p in pages]
    assert layout.in_full == 2 and layout.with_markers == 1
    assert frames.filled == 8 and frames.refused == 0


def test_a_page_with_a_value_escaping_would_change_is_laid_out_in_full():
    frames, layout = Frames(verified_by=1), Theme()
    for n in range(3):
        layout.render(frames, page(n))
    odd = page(9, title="Mad &amp; psyke")
    assert layout.render(frames, odd) == theme(odd)
    assert layout.in_full == 2 and frames.filled == 2


def test_a_frame_that_differs_from_a_full_layout_once_is_never_used_again():
    # A theme that shows a long title differently: the frame's marker is short.
    def by_length(values):
        title = values["title"] if len(values["title"]) < 12 else values["title"][:12] + "…"
        return f"<h1>{title}</h1><p>{values['description']}</p>{values['content']}"

    frames, layout = Frames(verified_by=2), Theme(by_length)
    pages = [page(1, title="Et meget langt kursusnavn"), page(2), page(3), page(4)]
    assert [layout.render(frames, p) for p in pages] == [by_length(p) for p in pages]
    assert layout.with_markers == 1
    assert frames.refused == 1 and frames.filled == 0 and layout.in_full == 4


def test_shapes_have_frames_of_their_own():
    frames, layout = Frames(verified_by=1), Theme()
    other = Theme(lambda v: f"<main>{v['title']}</main>{v['description']}{v['content']}")
    for n in range(3):
        assert layout.render(frames, page(n), shape="kurser") == theme(page(n))
        p = page(n)
        assert other.render(frames, p, shape="ordbog") == f"<main>{p['title']}</main>{p['description']}{p['content']}"
    assert layout.with_markers == other.with_markers == 1


def test_a_build_stops_making_frames_after_as_many_shapes_as_allowed():
    # Each new shape costs a layout with markers before any page of it is filled in.
    frames, layout = Frames(verified_by=1, shapes_at_most=3), Theme()
    for n in range(6):
        assert layout.render(frames, page(n), shape=f"mappe-{n}") == theme(page(n))
    assert layout.with_markers == 3 and layout.in_full == 6
    assert layout.render(frames, page(7), shape="mappe-0") == theme(page(7))  # a kept shape is filled in
    assert frames.filled == 1
