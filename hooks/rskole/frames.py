"""Whole layouts of generated pages, laid out once per shape, with holes for what differs.

The theme lays every generated page out the same way but for a few of its own values: its
title, description and address, its JSON-LD and its body. Pages of one shape (one folder,
the same kind of front matter: see the adapter) differ only there, so the layout of a shape
is made once, with a distinct marker in each of those places, and cut at the markers into a
``Frame``; each page of the shape is then its frame with its own values put in.

Trust is earned, not assumed. A frame is used only for values that escaping and tag
stripping leave as they are (``inert``), and only once the first pages of its shape, laid
out in full, have each been exactly their frame filled in (``VERIFIED_BY``). A frame that differs once is never used again; every other page of that
shape is laid out in full, as before. A frame is dropped, too, when a marker does not come
out where it went in (the theme changed it, so a page's value would not come out as given).
"""

from __future__ import annotations

import re
from typing import Callable, Hashable, Mapping

from markupsafe import Markup, escape

#: Full layouts of a shape that must each equal the frame filled in before it is trusted.
VERIFIED_BY = 2
#: Shapes a build makes frames for, at most: each costs one layout more than it spares
#: until its pages come, so a site whose pages all differ in shape stops making them.
SHAPES_AT_MOST = 64
#: Characters no hole value may hold: control characters and the markers' own.
_NEVER = re.compile("[\x00-\x1f\x7f-\x9f\ue000-\ue0ff]")


def inert(value: object) -> bool:
    """Whether ``value`` comes out of the theme's escaping and tag stripping as it went in
    (checked by doing both: tag stripping also makes any run of white space, a no-break
    space too, one space): non-empty text, no control characters, none of the markers'."""
    return (isinstance(value, str) and bool(value) and not _NEVER.search(value)
            and str(escape(value)) == value and str(Markup(value).striptags()) == value)


def marker(name: str) -> str:
    """The marker of hole ``name`` (characters of Unicode's private use area)."""
    return "\ue000" + name + "\ue001"


class Frame:
    """One shape's layout cut at its holes: literal parts between named holes."""

    def __init__(self, parts: tuple[str, ...], holes: tuple[str, ...]):
        self.parts = parts  # one more than holes
        self.holes = holes

    @classmethod
    def cut(cls, laid_out: str, names: tuple[str, ...]) -> "Frame | None":
        """The frame of ``laid_out`` (laid out with each hole's marker as its value), or
        None when a marker is missing or comes out changed (then the theme transforms that
        value, and a page's own would not come out as given)."""
        pattern = re.compile("|".join(re.escape(marker(name)) for name in names))
        parts, holes, pos = [], [], 0
        for found in pattern.finditer(laid_out):
            parts.append(laid_out[pos:found.start()])
            holes.append(found.group()[1:-1])
            pos = found.end()
        parts.append(laid_out[pos:])
        if set(holes) != set(names) or any(c in part for part in parts for c in "\ue000\ue001"):
            return None
        return cls(tuple(parts), tuple(holes))

    def fill(self, values: Mapping[str, str]) -> str:
        out = [self.parts[0]]
        for hole, part in zip(self.holes, self.parts[1:]):
            out.append(values[hole])
            out.append(part)
        return "".join(out)


class Frames:
    """One build's frames, by shape (a new build may have another theme or navigation)."""

    def __init__(self, verified_by: int = VERIFIED_BY, shapes_at_most: int = SHAPES_AT_MOST):
        self.verified_by = verified_by
        self.shapes_at_most = shapes_at_most
        #: Shape -> [frame or None (not to be used), full layouts that matched it].
        self._kept: dict[Hashable, list] = {}
        self.filled = 0
        self.refused = 0

    def lay_out(self, shape: Hashable, values: Mapping[str, str], inert_holes: tuple[str, ...],
                in_full: Callable[[], str], with_values: Callable[[Mapping[str, str]], str]) -> str:
        """The page of ``shape`` with ``values`` in its holes.

        ``in_full()`` lays the page out as the theme does; ``with_values(v)`` lays it out
        with ``v`` in place of the page's own values (used once a shape, with markers).
        The holes named in ``inert_holes`` must hold inert values for the frame to be
        used; the others (the body, the head's JSON-LD) go in as they are."""
        if any(not inert(values[name]) for name in inert_holes):
            return in_full()
        kept = self._kept.get(shape)
        if kept is None:
            if len(self._kept) >= self.shapes_at_most:
                return in_full()
            names = tuple(values)
            frame = Frame.cut(with_values({name: marker(name) for name in names}), names)
            kept = self._kept[shape] = [frame, 0]
        frame, matched = kept
        if frame is None:
            return in_full()
        if matched >= self.verified_by:
            self.filled += 1
            return frame.fill(values)
        laid_out = in_full()
        if frame.fill(values) == laid_out:
            kept[1] += 1
        else:
            kept[0] = None
            self.refused += 1
        return laid_out
