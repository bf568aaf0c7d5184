"""Safe output: rendered Markdown from editors' fields is sanitized before it is shown.

Course descriptions, bios, definitions, learning outcomes and sources are typed by hand
and copied from emails and Word; whatever they contain, the page gets no script, no
event handler and no link other than http(s), mailto and tel. Ordinary Markdown (lists,
emphasis, links, tables, quotes, headings) survives.
"""

from __future__ import annotations

import nh3

SCHEMES = {"http", "https", "mailto", "tel"}

TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark",
    "sup", "sub", "small", "code", "pre", "kbd", "blockquote", "q", "cite", "abbr", "ul", "ol", "li", "dl", "dt",
    "dd", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "details", "summary", "div", "span",
}

ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "div": {"class"}, "span": {"class"}, "code": {"class"}, "pre": {"class"}, "details": {"class", "open"},
    "p": {"class"},
    # nh3 keeps "lang" and "title" on every element by itself: text in another language
    # may say so (screen readers switch voice; the glossary linker leaves it alone).
}


def clean(html: str) -> str:
    """Sanitize rendered editor Markdown. Script and style elements go with their content."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"},
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def keeps_plain(html: str) -> bool:
    """Whether ``clean`` gives ``html`` back as it is, for HTML that ``plain.paragraphs``
    wrote: ``p``, ``ul``, ``li`` and ``strong`` without attributes, around text without
    ``<``, ``>`` or ``&`` (it refuses those). nh3 writes such text as it is, except a
    no-break space, which it writes as ``&nbsp;``. The tests check this on random text."""
    return "\xa0" not in html
