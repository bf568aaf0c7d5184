"""What Python-Markdown makes of plain text, without running it.

Most learning outcomes are one plain sentence, and Python-Markdown takes 0.08 ms (timeit,
the portal's extensions) to turn one into ``<p>…</p>``: its whole block and inline
machinery runs for nothing, about 0.3 s a build at 1,000 courses. ``paragraphs`` recognises text that no block or inline rule of the portal's
extensions can touch and writes the same HTML directly; for anything else it returns
None and the caller runs Markdown. ``applies`` says whether a site's extensions are ones
whose rules this module knows. The tests compare both ways on random text.
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
#: character, or a line separator Python-Markdown does not treat as one.
_ANYWHERE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\\`*_{}\[\]<>&|\u2028\u2029]")
#: At a line's start: a list, heading, quote, rule, admonition, details, fence,
#: definition or setext underline, or an ordered list's number.
_LINE_START = re.compile(r"(?:^|\n)(?:[-+#>=!?~:%]|\d+[.)])")


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
    """Python-Markdown's HTML of ``source`` when it is plain paragraphs (lines without
    white space at either end, separated by empty lines), or None."""
    if _ANYWHERE.search(source) or _LINE_START.search(source):
        return None
    out: list[str] = []
    para: list[str] = []
    for line in source.split("\n"):
        if not line:
            if para:
                out.append("<p>" + "\n".join(para) + "</p>")
                para = []
        elif line != line.strip():
            return None  # indentation (code), a hard line break, or white space Markdown keeps
        else:
            para.append(line)
    if para:
        out.append("<p>" + "\n".join(para) + "</p>")
    return "\n".join(out) if out else None
