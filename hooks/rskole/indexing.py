"""What a site search reads of a generated page.

Templates mark the parts of a page that search leaves out (repeated facts, dates, cards,
print-only codes: each also carries Material's ``data-search-exclude``) between
``<!--rs:unindexed-->`` and ``<!--/rs:unindexed-->``. An engine whose search parses
every page's HTML can then be handed only the indexed part, which gives the same index
for a fraction of the parsing; the page itself is published whole, without the markers.
"""

from __future__ import annotations

import re

START = "<!--rs:unindexed-->"
END = "<!--/rs:unindexed-->"
_REGION = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
#: What Material's search plugin strips from a page once it has read it (its own pattern).
_SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


def published(html: str) -> str:
    """The page as visitors get it: every part kept, the markers gone."""
    return html.replace(START, "").replace(END, "")


def indexed(html: str) -> str:
    """Only what search indexes: the marked parts left out."""
    return _REGION.sub("", html)


def without_search_attributes(html: str) -> str:
    """The page as Material's search leaves it after indexing: its data-search-* gone."""
    return _SEARCH_ATTRIBUTES.sub("", html)
