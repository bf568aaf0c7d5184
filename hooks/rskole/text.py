"""Plain text from rendered HTML and Markdown: tooltips, meta descriptions, search."""

from __future__ import annotations

import re
from html import unescape

from .catalogue import Term

_TAG = re.compile(r"<[^>]+>")


def plain(html: str) -> str:
    """Text of rendered HTML, whitespace collapsed (for tooltips and meta descriptions)."""
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def first_paragraph(markdown: str) -> str:
    """The first paragraph of a Markdown text (a term's short definition)."""
    for block in re.split(r"\n\s*\n", markdown.strip()):
        block = block.strip()
        if block and not block.startswith(("#", "<!--")):
            return block
    return ""


def short_text(term: Term) -> str:
    """A term's short definition as plain text, with Markdown marks removed."""
    text = first_paragraph(term.body)
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", "", text, flags=re.S | re.I)  # never show code
    text = _TAG.sub("", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links -> their text
    text = re.sub(r"[*_`>]+", "", text)
    return " ".join(unescape(text).split())
