"""A page's indentation between tags, left out.

The theme's templates indent their markup for their authors: about one byte in nine of a
course page is white space between one tag and the next (the header, the navigation and
the footer of every page). A browser shows such a run as one space, or nothing, whatever
its length, so one line break shows the same. Where white space is shown as written
(``pre``, ``textarea``, and Material's ``code`` and ``kbd``) or is code (``script``,
``style``: their hashes are in the Content-Security-Policy), nothing is touched.
"""

from __future__ import annotations

import re

#: Where an element whose text is kept exactly as it is begins ...
_KEPT = re.compile(r"<(pre|textarea|script|style|code|kbd)\b", re.I)
#: ... and where it ends, by name (found from its start: a lazy ``.*?`` over a whole
#: page costs more than the rest of the work).
_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in ("pre", "textarea", "script", "style", "code", "kbd")}
#: White space between two tags with at least one line break in it. HTML's white space
#: only: a no-break space (U+00A0) and other Unicode spaces are text and are shown.
_GAP = re.compile(r">[ \t\r\f]*\n[ \t\r\n\f]*<")


def compact(html: str) -> str:
    """``html`` with every run of white space between two tags that holds a line break
    made one line break, outside the kept elements (an unclosed one keeps the rest)."""
    # The inside of each kept element: from after its "<" to its last ">", so that the
    # white space just before and after it is compacted too.
    inside = []
    pos = 0
    while (kept := _KEPT.search(html, pos)) is not None:
        end = _END[kept.group(1).lower()].search(html, kept.end())
        pos = end.end() - 1 if end else len(html)
        inside.append((kept.start() + 1, pos))
        if end is None:
            break
    if not any(_GAP.search(html, start, stop) for start, stop in inside):
        # Nothing to keep holds such white space (the usual case): one pass, no copies of
        # the page's parts (a catalogue page can be megabytes).
        return _GAP.sub(">\n<", html)
    out = []
    pos = 0
    for start, stop in inside:
        out.append(_GAP.sub(">\n<", html[pos:start]))
        out.append(html[start:stop])
        pos = stop
    out.append(_GAP.sub(">\n<", html[pos:]))
    return "".join(out)
