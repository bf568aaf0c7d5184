"""The glossary term index and the linker that turns glossary words in rendered HTML into links.

Plain functions over strings (no MkDocs import). The linker makes ONE pass over the HTML:
markup is stepped over with a small tokenizer, and each text run is linked on its own. A
plain run (no entity, no character that normalisation or case folding treats specially:
nearly every Danish text) is case-folded at once, and one regex over it finds the words
that can begin a term (a trie of the terms' first words); only from those are n-grams
looked up in a dict. Any other run is split into words, and n-grams of its words are looked
up. What a plain run links is kept per index, for text that comes again. The cost is
linear in the size of the text and hardly grows with the number of terms (no per-term pass).

Matching rules:

- a word is a run of letters/digits (any script, æøå included), possibly joined by hyphens:
  "peer-støtte" is one word, and "recoveryskolen" is not "recovery" (whole words only);
- case-insensitive (casefold, after NFC normalisation);
- a multi-word term matches across any whitespace (a newline, &nbsp; too) but not across
  a tag, punctuation or another entity;
- longest match first ("personlig recovery" before "recovery");
- proper names are left alone: Danish writes common nouns in lower case, so a capitalised
  occurrence that does not begin a sentence, a paragraph, a list item or a table cell is
  part of a name ("Projekt Peer-støtte i Region Hovedstaden") and is not linked, unless
  the term itself is written with capitals (CHIME, a name: see ``TermIndex.capitalised``);
- text marked as another language (``lang="en"``) is not linked.
"""

from __future__ import annotations

import html as _html
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # only for type hints: the module works on plain (slug, words) pairs
    from .catalogue import Term

__all__ = ["TermIndex", "link", "entries_from_terms", "SKIP_ELEMENTS"]

# --- words -------------------------------------------------------------------------------

# Characters that glue a run of text into one chunk. Besides word characters: hyphens,
# combining accents (decomposed "é") and invisible format characters (a soft hyphen inside
# "recovery\u00adskolen" must not split off "recovery").
_HYPHENS = "-\u2010\u2011"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_CHUNK_CHAR = rf"[\w\u0300-\u036f{_HYPHENS}{_INVISIBLE}]"
# A word is letters/digits joined by single hyphens: "recovery-" (a truncated compound,
# "recovery- og rehabiliteringsforløb") and "foo_bar" are not words.
_PART = r"(?:[^\W_][\u0300-\u036f]*)+"
_WORD = rf"{_PART}(?:-{_PART})*"
_WORD_RE = re.compile(_WORD)
# An entity is one opaque token, never matched inside; only a whitespace entity (&nbsp;)
# may sit between the words of a phrase.
_ENTITY = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
# One scan finds entities, whole words, and other chunks (any run of word characters,
# hyphens and invisible format characters that is not a plain word: "recovery-",
# "foo_bar", or "recovery\u00adskolen" with a soft hyphen, cleaned up by _word_key).
_TOKEN_RE = re.compile(rf"(?P<ent>{_ENTITY})|(?P<word>{_WORD})(?!{_CHUNK_CHAR})|{_CHUNK_CHAR}+")
_KEY_TABLE = str.maketrans({"\u2010": "-", "\u2011": "-", **{c: None for c in _INVISIBLE}})


def _word_key(chunk: str) -> str | None:
    """The lookup key of a chunk of text, or None if the chunk is not a whole word."""
    text = unicodedata.normalize("NFC", chunk.translate(_KEY_TABLE))
    if not _WORD_RE.fullmatch(text):
        return None
    return text.casefold()


@lru_cache(maxsize=1024)
def _entity_kind(entity: str) -> str:
    """"space" for an entity that is whitespace (&nbsp;: a phrase may span it), "glue" for
    one that stands for part of a word (&eacute;, &shy;: a word written against it is only
    a fragment and must not match), "other" for punctuation (&amp;)."""
    text = _html.unescape(entity)
    if text.isspace():
        return "space"
    if any(c.isalnum() or c in "-_" or unicodedata.category(c) in ("Cf", "Mn") for c in text):
        return "glue"
    return "other"


def _is_gap(text: str) -> bool:
    """True if text between two words is whitespace only (entities such as &nbsp; included)."""
    if text.isspace():
        return True
    return "&" in text and _html.unescape(text).isspace()


@dataclass
class _Words:
    """The words of one text run: offsets into the HTML, their keys (None: not a word),
    and whether each word may continue a phrase begun by the word before it."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    joins: list[bool] = field(default_factory=list)


def _split_words(text: str, start: int = 0, end: int | None = None) -> _Words:
    """Split text[start:end] into words, once."""
    end = len(text) if end is None else end
    words = _Words()
    starts, ends, keys = words.starts, words.ends, words.keys
    glue_next = False  # the previous token is a word-gluing entity with nothing between
    for m in _TOKEN_RE.finditer(text, start, end):
        s = m.start()
        touching = bool(ends) and ends[-1] == s
        kind = m.lastgroup
        if kind == "ent":
            ent = _entity_kind(m.group())
            if ent == "space":
                glue_next = False
                continue  # part of the gap between two words, not a token
            if ent == "glue" and touching:
                keys[-1] = None  # "caf&eacute;": the chunk before it is only a fragment
            key, glue_next = None, ent == "glue"
        elif glue_next and touching:
            key, glue_next = None, False
        elif kind == "word":  # already a whole word: only normalise (ASCII needs no NFC)
            word = m.group()
            key = (word if word.isascii() else unicodedata.normalize("NFC", word)).casefold()
        else:
            key = _word_key(m.group())
        starts.append(s), ends.append(m.end()), keys.append(key)
    # A word continues a phrase only after a word, across nothing but whitespace.
    words.joins = [False] + [
        keys[i] is not None and keys[i - 1] is not None and _is_gap(text[ends[i - 1]:starts[i]])
        for i in range(1, len(keys))
    ] if keys else []
    return words


def _phrase_key(text: str) -> str | None:
    """The key of a whole surface form or query ("Personlig  Recovery" -> "personlig recovery"),
    or None if it is not made of whole words separated by whitespace."""
    words = _split_words(text)
    if not words.keys or any(k is None for k in words.keys):
        return None
    if not all(words.joins[1:]):
        return None
    if text[: words.starts[0]].strip() or text[words.ends[-1]:].strip():
        return None
    return " ".join(words.keys)  # type: ignore[arg-type]


# --- plain text runs ---------------------------------------------------------------------
#
# Most text runs are plain: no entity ("&") and no chunk character that normalisation,
# the key table or case folding treats specially. Every chunk character of a plain run is
# a letter, digit or "_" below U+0250, or "-": such a string is NFC already. Case folding
# works character by character, and a character it folds to one character keeps its kind
# (a letter or digit stays one, "_" and "-" stay themselves, whitespace stays whitespace,
# anything else stays none of these; tests/unit/test_glossary_plain.py checks all of
# Unicode). So when folding a plain run keeps its length, the folded run has the same
# chunks at the same places, and the key of each of its words is the folded word. The
# linker then looks only at the words that can begin a term, found with one regex over the
# folded run, instead of splitting the run into words.

# Not plain: an entity, or a chunk character that is not a letter/digit/"_" below U+0250
# or "-": a letter from U+0250 on, a combining accent, U+2010/U+2011, an invisible character.
_NOT_PLAIN_RE = re.compile(rf"[^\W\x00-\u024f]|[&\u0250-\u036f{_HYPHENS[1:]}{_INVISIBLE}]")
# A whole word of a plain run: letters and digits joined by single hyphens, alone in its
# chunk (possessive, which is faster here and matches the same), and a key that can be one.
_PLAIN_WORDS_RE = re.compile(r"(?<![\w-])[^\W_]++(?:-[^\W_]++)*+(?![\w-])")
_PLAIN_KEY_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# The next chunk of a plain run, after nothing but whitespace.
_NEXT_CHUNK_RE = re.compile(r"\s+([\w-]+)")
# How deep the trie regex nests its branches; below that, the rest of the words are listed.
_TRIE_DEPTH = 24


def _trie(words: list[str], depth: int = 0) -> str:
    """A regex for exactly these distinct, non-empty literal strings, as a trie: words that
    begin alike share one branch, so a match attempt tries few alternatives."""
    prefix = os.path.commonprefix(words)
    rest = [w[len(prefix):] for w in words]
    optional = "" in rest
    rest = [r for r in rest if r]
    if not rest:
        return re.escape(prefix)
    if depth >= _TRIE_DEPTH:
        body = "|".join(map(re.escape, rest))
    else:
        by_first: dict[str, list[str]] = {}
        for r in rest:
            by_first.setdefault(r[0], []).append(r)
        body = "|".join(_trie(group, depth + 1) for group in by_first.values())
    return f"{re.escape(prefix)}(?:{body}){'?' if optional else ''}"


def _first_words_re(keys: Iterable[str]) -> re.Pattern[str]:
    """The regex that finds, in a folded plain run, the whole words that are one of these
    keys (the ones that can be the word of a plain run)."""
    words = sorted(k for k in keys if _PLAIN_KEY_RE.fullmatch(k))
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{_trie(words)})(?![\w-])")


def _sentence_start(text: str, pos: int) -> bool | None:
    """Whether a plain run is at a sentence's start at pos (where a chunk begins, or its
    end), as _link_tokens decides: after the last chunk before pos, if the text between
    ends a sentence. None if no chunk comes before pos and the text before it ends no
    sentence: then it is as it was where the run began."""
    p = pos
    while p and not (text[p - 1].isalnum() or text[p - 1] in ("_", "-")):
        p -= 1
    if _ends_sentence(text[p:pos]):
        return True
    return False if p else None


def _is_plain(text: str) -> bool:
    """Whether a text run is plain (see above)."""
    if "&" in text or "\u00ad" in text:
        return False
    if len(text.encode("latin-1", "ignore")) == len(text):
        return True  # below U+0100 only: every chunk character is plain but the soft hyphen
    return _NOT_PLAIN_RE.search(text) is None


class _Plain(NamedTuple):
    """What linking a plain text run does, whatever comes before it in the page."""

    words: int  # for TermIndex.words_scanned
    lookups: int  # for TermIndex.lookups
    #: (start, end, slug, name) of each longest match, in order. name: whether the match is
    #: a capitalised name inside a sentence; None: one unless the run begins at a sentence's start.
    matches: tuple[tuple[int, int, str, bool | None], ...]
    #: Whether the text after the run begins a sentence; None: as where the run began.
    at_start: bool | None


def _plain(text: str, index: TermIndex) -> _Plain | None:
    """What linking the text run does (see _Plain), or None if it is not plain. The counters
    count as _link_tokens does: every word is scanned, and every word not inside a match is
    looked up (once, unless it begins a term, when every phrase tried is)."""
    if not _is_plain(text):
        return None
    folded = text.casefold()
    if len(folded) != len(text):
        return None  # a character folds to two ("ß" to "ss"): no longer char for char
    table = index._table
    words = len(_PLAIN_WORDS_RE.findall(folded))
    lookups = words
    matches: list[tuple[int, int, str, bool | None]] = []
    done = 0  # text[:done] is inside the last match
    for m in index._first_re.finditer(folded):
        begin = m.start()
        if begin < done:
            continue  # inside a longer match ("recovery" of "personlig recovery")
        phrase, end, count = m.group(), m.end(), 1
        found: tuple[str, int, int] | None = None
        lookups -= 1
        while True:
            lookups += 1
            entry = table.get(phrase)
            if entry is None:
                break
            if entry.slug is not None:
                found = (entry.slug, end, count)
            if not entry.longer:
                break
            nxt = _NEXT_CHUNK_RE.match(folded, end)
            if nxt is None or not _PLAIN_KEY_RE.fullmatch(nxt.group(1)):
                break
            phrase, end, count = f"{phrase} {nxt.group(1)}", nxt.end(), count + 1
        if found is None:
            continue
        slug, end, count = found
        lookups -= count - 1  # the other words of the match are not looked up
        # As in _link_tokens: a capitalised occurrence inside a sentence is a name.
        name: bool | None = False
        if text[begin].isupper() and slug not in index.capitalised and not text[begin:end].isupper():
            start = _sentence_start(text, begin)
            name = None if start is None else not start
        matches.append((begin, end, slug, name))
        done = end
    return _Plain(words, lookups, tuple(matches), _sentence_start(text, len(text)))


# --- the index ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    slug: str | None  # the term this phrase names, or None if it only begins longer phrases
    longer: bool  # some longer phrase begins with this one: keep reading words


class TermIndex:
    """Every surface form of every term, keyed by its normalised words.

    Build it once per build with :meth:`build` and share it between pages. ``lookups`` and
    ``words_scanned`` count the linker's work (used to check it stays linear).
    """

    def __init__(self, table: dict[str, _Entry], max_words: int,
                 conflicts: list[tuple[str, str, str]], unmatchable: list[tuple[str, str]],
                 capitalised: Set[str] = frozenset()):
        self._table = table
        #: Slugs of terms written with capitals wherever they stand (CHIME, names): a
        #: capitalised occurrence of these is the term, not part of another name.
        self.capitalised = frozenset(capitalised)
        #: The longest surface form, in words (the linker's n-gram limit).
        self.max_words = max_words
        #: (surface, slug kept, slug dropped) for a form claimed by two terms.
        self.conflicts = conflicts
        #: (slug, surface) for forms that can never match (not whole words), e.g. "R&D".
        self.unmatchable = unmatchable
        self.lookups = 0
        self.words_scanned = 0
        #: Finds the words of a folded plain run that can begin a term.
        self._first_re = _first_words_re(table)
        #: What each plain text run linked so far does (None: not plain), for text that
        #: comes again on other pages (and in pages laid out twice).
        self._plain: dict[str, _Plain | None] = {}

    @classmethod
    def build(cls, entries: Iterable[tuple[str, list[str]]]) -> TermIndex:
        """Index (slug, [term, form, form, ...]) pairs.

        A term's own name wins over another term's form; otherwise the first entry wins.
        """
        entries = [(slug, list(surfaces)) for slug, surfaces in entries]
        owner: dict[str, str] = {}  # key -> slug
        conflicts: list[tuple[str, str, str]] = []
        unmatchable: list[tuple[str, str]] = []
        # Names first, then forms, so the precedence rule is a simple "first wins".
        names = [(slug, surfaces[:1]) for slug, surfaces in entries]
        forms = [(slug, surfaces[1:]) for slug, surfaces in entries]
        for slug, surfaces in names + forms:
            for surface in surfaces:
                key = _phrase_key(surface)
                if key is None:
                    unmatchable.append((slug, surface))
                elif key not in owner:
                    owner[key] = slug
                elif owner[key] != slug:
                    conflicts.append((surface, owner[key], slug))
        table, max_words = _table_of(owner)
        capitalised = {slug for slug, surfaces in entries if surfaces and is_capitalised(surfaces)}
        return cls(table, max_words, conflicts, unmatchable, capitalised)

    @classmethod
    def from_terms(cls, terms: Iterable[Term]) -> TermIndex:
        """Index catalogue terms (their name and forms)."""
        return cls.build(entries_from_terms(terms))

    def lookup(self, text: str) -> str | None:
        """The slug a word or phrase names ("Peer-støtten" -> "peer-stoette"), or None."""
        key = _phrase_key(text)
        entry = self._table.get(key) if key is not None else None
        return entry.slug if entry else None

    def __len__(self) -> int:
        """The number of surface forms that match."""
        return sum(1 for e in self._table.values() if e.slug)

    def reset_counters(self) -> None:
        self.lookups = 0
        self.words_scanned = 0

    def _longest_at(self, words: _Words, i: int) -> tuple[str, int] | None:
        """The longest term beginning at word i: (slug, index of its last word)."""
        table, keys, joins = self._table, words.keys, words.joins
        best: tuple[str, int] | None = None
        phrase = keys[i]
        j, n = i, len(keys)
        lookups = 0
        while True:
            lookups += 1
            entry = table.get(phrase)  # type: ignore[arg-type]
            if entry is None:
                break
            if entry.slug is not None:
                best = (entry.slug, j)
            if not entry.longer or j + 1 >= n or not joins[j + 1]:
                break
            j += 1
            phrase = f"{phrase} {keys[j]}"
        self.lookups += lookups
        return best


def is_capitalised(surfaces: list[str]) -> bool:
    """True if a term is written with capitals wherever it stands: its name has a capital
    after its first letter ("CHIME", "Region Hovedstaden"), or the name and every one of
    its (at least one) other forms begin with a capital ("Socialstyrelsen",
    "Socialstyrelsens"). A name with only its first letter capitalised is just written
    the way a heading is ("Peer-støtte")."""
    name = surfaces[0]
    if any(c.isupper() for c in name[1:]):
        return True
    return len(surfaces) > 1 and all(s[:1].isupper() for s in surfaces)


def _table_of(slug_by_key: dict[str, str]) -> tuple[dict[str, _Entry], int]:
    """The lookup table: every surface form, plus every proper prefix of a multi-word form
    (so the linker can stop reading as soon as no term can continue)."""
    prefixes: set[str] = set()
    max_words = 1 if slug_by_key else 0
    for key in slug_by_key:
        parts = key.split(" ")
        max_words = max(max_words, len(parts))
        for n in range(1, len(parts)):
            prefixes.add(" ".join(parts[:n]))
    table = {key: _Entry(slug, key in prefixes) for key, slug in slug_by_key.items()}
    for key in prefixes - table.keys():
        table[key] = _Entry(None, True)
    return table, max_words


def entries_from_terms(terms: Iterable[Term]) -> list[tuple[str, list[str]]]:
    """(slug, [name, *forms]) for catalogue terms, in slug order (deterministic precedence)."""
    return [(t.slug, [t.spec.term, *t.spec.forms]) for t in sorted(terms, key=lambda t: t.slug)]


# --- HTML --------------------------------------------------------------------------------

#: Elements whose content is never linked (plus any element with data-rs-nolink).
SKIP_ELEMENTS = frozenset({
    "code", "pre", "a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "abbr", "kbd",
    "button", "label", "textarea", "svg", "title",
    # Not prose either: a link there would be invalid or invisible.
    "math", "select", "iframe", "xmp", "noembed", "noframes", "plaintext",
})
# Raw-text elements: their content is not markup, so jump straight to the end tag.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
# Elements that cannot nest: a new one closes the open one, so it doesn't deepen the skip.
_NO_NESTING = frozenset({"a", "button", "h"})

_MARKUP_RE = re.compile(
    r"""
      <!--.*?(?:-->|\Z)                         # comment (unclosed: to the end)
    | <!\[CDATA\[.*?(?:\]\]>|\Z)                # CDATA (in SVG/MathML)
    | <[!?][^>]*>?                              # doctype, processing instruction
    | </?(?P<name>[A-Za-z][^\s/>]*)             # a start or end tag ...
      (?:=\s*"[^"]*"|=\s*'[^']*'|[^>])*>?       # ... quoted values may hold '>'
    """,
    re.S | re.X,
)
_NOLINK_RE = re.compile(r"[\s\"'/]data-rs-nolink(?=[\s=/>]|$)", re.I)
# A lang attribute: text in another language than Danish is not linked.
_LANG_RE = re.compile(r"""[\s"'/:]lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
# Elements that begin (or end) a run of prose: after one, the next word begins a sentence.
_BLOCK = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h", "blockquote", "pre", "table", "caption", "thead",
    "tbody", "tfoot", "tr", "td", "th", "br", "hr", "section", "article", "aside", "nav", "header", "footer",
    "main", "figure", "figcaption", "details", "summary", "body", "html",
})
# What ends a sentence (a colon too: what follows it may begin with a capital).
_SENTENCE_END_RE = re.compile(r"[.!?:]")


def _other_language(tag: str) -> bool:
    """True if a start tag marks its content as another language than Danish."""
    m = _LANG_RE.search(tag)
    if m is None:
        return False
    value = next(v for v in m.groups() if v is not None).strip().lower()
    return value.split("-")[0] != "da"


def _ends_sentence(gap: str) -> bool:
    """True if the text between two words ends a sentence."""
    if gap == " ":  # by far the most common gap
        return False
    if "&" in gap:
        gap = _html.unescape(gap)
    return bool(_SENTENCE_END_RE.search(gap))


def _tag_key(name: str) -> str:
    """The name used to pair start and end tags (any heading end tag closes any heading)."""
    name = name.lower()
    return "h" if len(name) == 2 and name[0] == "h" and name[1] in "123456" else name


def _raw_text_end(html: str, name: str, pos: int) -> int:
    """Where a raw-text element's end tag begins, or the end of the HTML if it has none."""
    m = re.compile(rf"</{re.escape(name)}(?=[\s/>]|$)", re.I).search(html, pos)
    return m.start() if m else len(html)


def _is_word_like(html: str, start: int, end: int) -> bool:
    """True for a token that stands in a sentence as a word (not an entity such as &quot;)."""
    if html[start] == "&":
        return any(c.isalnum() for c in _html.unescape(html[start:end]))
    return True


@dataclass
class _Linker:
    """One link() call: the HTML, the output pieces, and the per-page state."""

    html: str
    index: TermIndex
    href_for: Callable[[str], str]
    title_for: Callable[[str], str]
    skip: Set[str]
    once: set[str]
    out: list[str] = field(default_factory=list)
    done: int = 0  # html[:done] is already in out
    linked: set[str] = field(default_factory=set)
    #: The next word begins a sentence (or a paragraph, list item, cell).
    at_start: bool = True
    _attrs: dict[str, str] = field(default_factory=dict)

    def run(self) -> str:
        html = self.html
        pos, n = 0, len(html)
        skipping: str | None = None  # the outermost skipped element's pairing name
        depth = 0
        while pos < n:
            m = _MARKUP_RE.search(html, pos)
            text_end = m.start() if m else n
            if skipping is None and text_end > pos:
                self._link_text(pos, text_end)
            if m is None:
                break
            pos = m.end()
            name = m.group("name")
            if name is None:  # comment, doctype, CDATA: passed through untouched
                continue
            tag = m.group()
            key = _tag_key(name)
            closing = tag.startswith("</")
            self_closing = tag.endswith("/>") or key in _VOID
            if key in _BLOCK:
                self.at_start = True
            elif skipping is None and not closing:
                self.at_start = False if key in SKIP_ELEMENTS else self.at_start  # words we skip
            if skipping is not None:
                if key == skipping and not self_closing:
                    if closing:
                        depth -= 1
                        skipping = None if depth == 0 else skipping
                    elif key not in _NO_NESTING:
                        depth += 1
            elif not closing and not self_closing and (key in SKIP_ELEMENTS or key == "h"
                                                       or _NOLINK_RE.search(tag) or _other_language(tag)):
                skipping, depth = key, 1
                if key not in _BLOCK:
                    self.at_start = False  # words we skip still stand in the sentence
            if not closing and not self_closing and key in _RAW_TEXT:
                pos = _raw_text_end(html, key, pos)  # its content is not markup
        self.out.append(html[self.done:])
        return "".join(self.out)

    def _link_text(self, start: int, end: int) -> None:
        """Link the terms in one text run html[start:end]."""
        text = self.html[start:end]
        index = self.index
        try:
            plain = index._plain[text]
        except KeyError:
            plain = index._plain[text] = _plain(text, index)
        if plain is None:
            self._link_tokens(start, end)
            return
        index.words_scanned += plain.words
        index.lookups += plain.lookups
        entering = self.at_start
        for begin, stop, slug, name in plain.matches:
            if name is None:
                name = not entering
            if not name and slug not in self.skip and slug not in self.once:
                self._emit(slug, start + begin, start + stop)
        self.at_start = entering if plain.at_start is None else plain.at_start

    def _link_tokens(self, start: int, end: int) -> None:
        """Link the terms in any text run html[start:end], word by word."""
        html = self.html
        words = _split_words(html, start, end)
        keys, starts, ends = words.keys, words.starts, words.ends
        self.index.words_scanned += sum(1 for k in keys if k is not None)
        i, n = 0, len(keys)
        prev_end = start  # where the text after the previous word begins
        while i < n:
            if prev_end < starts[i] and _ends_sentence(html[prev_end:starts[i]]):
                self.at_start = True
            if keys[i] is None:
                if _is_word_like(html, starts[i], ends[i]):
                    self.at_start, prev_end = False, ends[i]
                i += 1
                continue
            found = self.index._longest_at(words, i)
            if found is None:
                self.at_start, prev_end = False, ends[i]
                i += 1
                continue
            slug, last = found
            # The longest match is consumed even when not linked: on the page of
            # "personlig recovery", its "recovery" is not a link to recovery either.
            # A capitalised occurrence inside a sentence is part of a name.
            # (All capitals is emphasis, not a name: "PEER-STØTTE".)
            name = (html[starts[i]].isupper() and not self.at_start and slug not in self.index.capitalised
                    and not html[starts[i]:ends[last]].isupper())
            if not name and slug not in self.skip and slug not in self.once:
                self._emit(slug, starts[i], ends[last])
            self.at_start, prev_end = False, ends[last]
            i = last + 1
        if prev_end < end and _ends_sentence(html[prev_end:end]):
            self.at_start = True

    def _emit(self, slug: str, start: int, end: int) -> None:
        if slug not in self._attrs:
            esc = _html.escape
            self._attrs[slug] = (f'<a class="rs-term" href="{esc(self.href_for(slug), quote=True)}" '
                                 f'title="{esc(self.title_for(slug), quote=True)}" '
                                 f'data-rs-term="{esc(slug, quote=True)}">')
        self.out.append(self.html[self.done:start])
        self.out.append(self._attrs[slug] + self.html[start:end] + "</a>")
        self.done = end
        self.once.add(slug)
        self.linked.add(slug)


def link(html: str, index: TermIndex, href_for: Callable[[str], str], title_for: Callable[[str], str],
         skip: Set[str] = frozenset(), once: set[str] | None = None) -> tuple[str, set[str]]:
    """Link the first occurrence of each glossary term in rendered HTML.

    ``skip``: slugs never linked (the term's own page). ``once``: slugs already linked on
    this page; it is updated, so pass the same set for every piece of one page. Returns the
    new HTML and the slugs linked by this call. Markup, comments and entities pass through
    untouched; malformed HTML never raises (an unclosed skipped element skips to the end).
    """
    # Plain str: a Markup value would escape every plain string joined to it.
    linker = _Linker(str(html), index, href_for, title_for, skip, set() if once is None else once)
    return linker.run(), linker.linked


def matchable(surface: str) -> bool:
    """Whether a term's name or form can ever be found in a text (whole words only)."""
    return _phrase_key(surface) is not None
