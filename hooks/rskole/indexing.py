"""What a site search reads of a generated page.

Templates mark the parts of a page that search leaves out (repeated facts, dates, cards,
print-only codes: each also carries Material's ``data-search-exclude``) between
``<!--rs:unindexed-->`` and ``<!--/rs:unindexed-->``. An engine whose search parses
every page's HTML can then be handed only the indexed part, which gives the same index
for a fraction of the parsing; the page itself is published whole, without the markers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from typing import AnyStr

START = "<!--rs:unindexed-->"
END = "<!--/rs:unindexed-->"
#: Material's search plugin removes ``\s?data-search-\w+="[^"]+"`` from a page once it
#: has read it. Without its leading ``\s?`` the pattern starts with a literal, which the
#: regex engine finds quickly; the one white space before a match is removed by hand.
_SEARCH_ATTRIBUTE = re.compile(r'data-search-\w+="[^"]+"')
_SEARCH_ATTRIBUTE_BYTES = re.compile(rb'data-search-\w+="[^"]+"')
#: White space between two of the block tags Material keeps in an entry's text
#: (``</p> <p>``, ``<ul> <li>``); the tags are written bare. Inside <pre> it is text.
_SPACE_BETWEEN_BLOCKS = re.compile(r"(</?(?:p|ul|ol|li)>)\s+(?=</?(?:p|ul|ol|li)>)")
_PRE = re.compile(r"(<pre>.*?</pre>)", re.S)
#: An entry's text that ends, or begins, a block: what follows starts on its own line.
_BLOCK_END = re.compile(r"</(?:p|ul|ol|li|pre)>\s*\Z")
_BLOCK_START = re.compile(r"\s*<(?:p|ul|ol|li|pre)>")


def published(html: str) -> str:
    """The page as visitors get it: every part kept, the markers gone."""
    return html.replace(START, "").replace(END, "")


def published_bytes(html: bytes) -> bytes:
    """``published`` for a page in UTF-8 (the markers are ASCII)."""
    return html.replace(START.encode("ascii"), b"").replace(END.encode("ascii"), b"")


def indexed(html: str) -> str:
    """Only what search indexes: the marked parts left out (each to its own end marker)."""
    out = []
    pos = 0
    while (start := html.find(START, pos)) >= 0:
        end = html.find(END, start + len(START))
        if end < 0:
            break
        out.append(html[pos:start])
        pos = end + len(END)
    out.append(html[pos:])
    return "".join(out)


def without_search_attributes(html: AnyStr) -> AnyStr:
    """The page as Material's search leaves it after indexing: its data-search-* gone
    (text, or UTF-8 bytes: a large page is worked on in one byte a character)."""
    if isinstance(html, bytes):
        pattern, marker = _SEARCH_ATTRIBUTE_BYTES, b"data-search-"
    else:
        pattern, marker = _SEARCH_ATTRIBUTE, "data-search-"
    if marker not in html:
        return html
    out = []
    pos = 0
    for match in pattern.finditer(html):
        start = match.start()
        if start > pos and html[start - 1:start].isspace():
            start -= 1
        out.append(html[pos:start])
        pos = match.end()
    out.append(html[pos:])
    return html[:0].join(out)


def in_utf8(index_json: str) -> str:
    """A search index's JSON with its letters written as themselves. Material writes every
    character beyond ASCII escaped (``\\u00e6`` for æ: six bytes where UTF-8 takes two),
    about a twelfth of a Danish index. The same JSON value: Material's script reads the file
    with ``Response.text()``, which decodes UTF-8 whatever the server says."""
    written = json.dumps(json.loads(index_json), ensure_ascii=False, separators=(",", ":"))
    try:
        written.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (from an escape): only escaped is it JSON
        return index_json
    return written


def merge_entries(previous: list[dict], current: list[dict], rebuilt: set[str], pages: set[str]) -> list[dict]:
    """A rebuild's search index when only some pages were built again (``--dirty``):
    the previous entries of every page of the site (``pages``, by URL) not built again,
    then the new entries. A page that is gone (a deleted course) leaves the index.

    Material keeps the previous index and drops only the entries of the first page it
    indexed again, matched by prefix; when that is the front page (location "") every
    entry matches, and the index kept only the rebuilt pages. ``rebuilt`` holds the URLs of
    every page built again (one that now gives no entry too); an entry's page is its
    location up to the ``#``."""
    kept = [entry for entry in previous
            if (page := entry["location"].partition("#")[0]) in pages and page not in rebuilt]
    return kept + current


def tags_on_pages_only(entries: list[dict]) -> list[dict]:
    """The index with a page's tags on its own entry only, not on its sections' entries
    (those whose location has a ``#``).

    Material's search copies a page's tags into every entry it makes of the page, and its
    results show an entry's tags on each entry they list: a course found by two of its
    sections showed its chips ("Kursus", "Næste gang ...") three times, and every section's
    entry carried them in the index. The page's own entry keeps them, so the chips show once
    for the page (Material lists a page's entry with every result of its sections)."""
    out = []
    for entry in entries:
        if "tags" in entry and "#" in entry["location"]:
            entry = {key: value for key, value in entry.items() if key != "tags"}
        out.append(entry)
    return out


def whole_pages(entries: list[dict], pages: Mapping[str, Collection[str]]) -> list[dict]:
    """The index with each page of ``pages`` (by URL) as one entry: its sections (entries
    whose location is the page's and a ``#``) are added to the page's own entry, in
    order, and their entries dropped. Other entries are kept as they are.

    ``pages`` maps a page to the ids of its template's own headings, whose titles are
    labels ("Om kurset", "Det får du med dig") and are left out; any other section's
    title (a heading an editor wrote in a description) goes in as a paragraph before its
    text, unless it is the page's title (Material's title for a section without one).

    As one entry, a course found by any of its words is one result (its title, the
    paragraph that matched, its chips) that opens the page at its top, where the date and
    the way to sign up are; each section's entry had repeated the page's address and a
    heading nobody searches for, a tenth of the index."""
    out: list[dict] = []
    whole: dict[str, dict] = {}
    for entry in entries:
        page, hash_, anchor = entry["location"].partition("#")
        labels = pages.get(page)
        if labels is not None:
            if not hash_:
                whole[page] = entry = dict(entry)
            elif page in whole:
                own = whole[page]
                title = entry.get("title", "")
                if title and anchor not in labels and title != own.get("title"):
                    _add_text(own, f"<p>{title}</p>")
                _add_text(own, entry.get("text", ""))
                continue
        out.append(entry)
    return out


def _add_text(entry: dict, text: str) -> None:
    before = entry.get("text", "")
    if not text or text.isspace():
        return
    # Material's text is HTML with its block tags kept: a block ends or begins at the
    # seam, or the two are parted by a space, or two words would become one.
    seam = "" if not before or _BLOCK_END.search(before) or _BLOCK_START.match(text) else " "
    entry["text"] = before + seam + text


def tight(entries: list[dict]) -> list[dict]:
    """The index without white space between two blocks of an entry's text (``</p> <p>``).
    Material collapses the page's line breaks there to a space, which nobody sees (the
    blocks are laid out apart) and nobody searches (its script splits words at tags too):
    a twentieth of a megabyte at 1,000 courses. An entry is copied only if it changes."""
    out = []
    for entry in entries:
        text = entry.get("text")
        if text and (tighter := _tight(text)) != text:
            entry = {**entry, "text": tighter}
        out.append(entry)
    return out


def _tight(text: str) -> str:
    if "<pre>" not in text:
        return _SPACE_BETWEEN_BLOCKS.sub(r"\1", text)
    # Odd parts are <pre> blocks, kept as they are.
    return "".join(part if i % 2 else _SPACE_BETWEEN_BLOCKS.sub(r"\1", part)
                   for i, part in enumerate(_PRE.split(text)))
