"""What Python-Markdown makes of plain text, without running it.

Most learning outcomes are one plain sentence, and most descriptions are a few
paragraphs and a list of short points, now and then with a phrase in **bold**; Python-
Markdown's whole block and inline machinery turns them into ``<p>``, ``<ul>`` and
``<strong>`` (0.08 ms for a sentence, about 1 ms for a description, timeit with the
portal's extensions: about 1.5 s of a build's work at 1,000 courses). ``paragraphs``
recognises text that no other block or inline rule of the portal's extensions can touch
and writes the same HTML directly; for anything else it returns None and the caller runs
Markdown. ``applies`` says whether a site's extensions are ones whose rules this module
knows. The tests compare both ways on random text.
"""

from __future__ import annotations

import re

#: Extensions that do nothing to a paragraph without the characters and line starts
#: ``paragraphs`` refuses (MkDocs adds toc, tables and fenced_code itself).
SAFE = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.superfences",
})
_PREFIX = "markdown.extensions."
#: toc options that change nothing but headings and the table of contents; its ``marker``
#: (a paragraph that becomes the table of contents) is the one that could.
_TOC_HARMLESS = frozenset({
    "permalink", "permalink_class", "permalink_title", "permalink_leading", "anchorlink", "anchorlink_class",
    "baselevel", "slugify", "separator", "toc_depth", "toc_class", "title", "title_class",
})

#: Anywhere in the text: an inline rule's character (emphasis, code, links, images,
#: abbreviations, attribute lists, raw HTML, entities, escapes, tables), a control
#: character, or a line separator Python-Markdown does not treat as one. (An asterisk
#: is allowed only in bold text as ``_STRONG`` finds it.)
_ANYWHERE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\\`_{}\[\]<>&|\u2028\u2029]")
#: At a line's start: a list, heading, quote, rule, admonition, details, fence,
#: definition or setext underline, an ordered list's number, or an asterisk that does
#: not open bold text.
_LINE_START = re.compile(r"[-+#>=!?~:%]|\d+[.)]|\*(?!\*[^*\s])")
#: Bold text: two asterisks, text without one that neither begins nor ends with white
#: space, two asterisks (Python-Markdown's strong rule; with white space inside its ends
#: the asterisks stay as they are, and that is left to Markdown).
_STRONG = re.compile(r"\*\*([^*\s](?:[^*]*[^*\s])?)\*\*")
#: A list item of a tight list: a hyphen, one space, and text.
_ITEM = "- "


def applies(extensions: list, configs: dict) -> bool:
    """True when every extension is one ``paragraphs`` knows, configured harmlessly."""
    for ext in extensions:
        if not isinstance(ext, str):
            return False
        name = ext[len(_PREFIX):] if ext.startswith(_PREFIX) else ext
        if name not in SAFE:
            return False
        options = dict(configs.get(ext) or {})
        if name == "toc":
            if set(options) - _TOC_HARMLESS:
                return False
        elif options:
            return False
    return True


def paragraphs(source: str) -> str | None:
    """Python-Markdown's HTML of ``source`` when it is plain paragraphs and tight lists
    (blocks of lines without white space at either end, separated by empty lines; a
    list's every line an item: ``- `` and text), with bold text, or None."""
    if _ANYWHERE.search(source):
        return None
    out: list[str] = []
    block: list[str] = []
    after_list = False
    for line in [*source.split("\n"), ""]:
        if line:
            if line != line.strip():
                return None  # indentation (code), a hard line break, or white space Markdown keeps
            block.append(line)
            continue
        if not block:
            continue
        if block[0].startswith(_ITEM):
            if after_list:
                return None  # a list after a list, across an empty line: one loose list
            items = []
            for item in block:
                text = item[len(_ITEM):]
                # Every line an item (else it continues the item before); each item's
                # text is parsed as a block of its own.
                if not item.startswith(_ITEM) or text != text.strip() or _LINE_START.match(text):
                    return None
                if (html := _inline(text)) is None:
                    return None
                items.append("<li>" + html + "</li>")
            out.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            after_list = True
        else:
            if any(_LINE_START.match(line) for line in block):
                return None
            if (html := _inline("\n".join(block))) is None:
                return None
            out.append("<p>" + html + "</p>")
            after_list = False
        block = []
    return "\n".join(out) if out else None


def _inline(text: str) -> str | None:
    """A paragraph's or item's text as Python-Markdown writes it: its bold text in
    ``<strong>``; None if an asterisk is left that is not bold text's."""
    if "*" not in text:
        return text
    html = _STRONG.sub(r"<strong>\1</strong>", text)
    return None if "*" in html else html
