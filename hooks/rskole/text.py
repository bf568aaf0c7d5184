"""Plain text from rendered HTML and Markdown: tooltips, meta descriptions, search."""

from __future__ import annotations

import re
from html import unescape

from .catalogue import Term

_TAG = re.compile(r"<[^>]+>")
# Tags that end a block of text (a paragraph, a list item, a heading, a line break):
# each ends a line. Every other tag (a link, emphasis) sits inside a word run
# and disappears without a trace, so "<a>CHIME</a>." stays "CHIME.", not "CHIME .".
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|thead|tbody|tr|td|th|br|hr|"
    r"section|article|aside|nav|header|footer|figure|figcaption|details|summary)\b[^>]*>",
    re.I)
_SPACE = re.compile(r"\s+")  # a line break in the source is only a space
_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.S | re.I)


def plain(html: str) -> str:
    """Text of rendered HTML: one line per block (paragraph, list item, heading), each
    with its whitespace collapsed. Blocks are kept apart; inline markup leaves no space
    behind ("<a>CHIME</a>." stays "CHIME."). Search indexes each line as a paragraph, so
    a result shows the paragraph it matched, not the whole text run together."""
    text = _BLOCK_TAG.sub("\n", _HIDDEN.sub("\n", _SPACE.sub(" ", str(html))))
    lines = (" ".join(line.split()) for line in unescape(_TAG.sub("", text)).split("\n"))
    return "\n".join(line for line in lines if line)


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


_LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.S)
_PRINT_MAX = 40


def print_address(url: str) -> str:
    """A link's address as a printed page shows it: without the scheme, shortened at a
    slash where long (never inside a word), e.g. 'example.dk/tilmelding/…'."""
    address = unescape(url).split("://", 1)[-1].rstrip("/")
    if len(address) <= _PRINT_MAX:
        return address
    cut = address.rfind("/", 0, _PRINT_MAX)
    return (address[:cut] if cut > 0 else address.split("/", 1)[0]) + "/…"


def with_print_addresses(html: str) -> str:
    """Each web link in an editor's text followed by its address for print (hidden on
    screen by the style sheet), so a printed handout still says where it leads. The
    address may break only after a slash."""
    def add(match: re.Match) -> str:
        href, inner = match.group(1), match.group(3)
        address = print_address(href)
        if _TAG.sub("", inner).strip() == address:
            return match.group(0)  # the link already shows its address
        parts = _html_escape(address).split("/")
        shown = "/<wbr>".join(parts)
        return f'{match.group(0)}<span class="rs-print-url" data-search-exclude="1"> ({shown})</span>'

    return _LINK.sub(add, html)


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
