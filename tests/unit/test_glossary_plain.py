"""The glossary linker's path for plain text runs: the Unicode facts it relies on, which
runs take it, and that it links exactly as the word-by-word path does (random pages over
several term sets, compared with the same pages linked word by word)."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from rskole import glossary
from rskole.glossary import TermIndex, link


@pytest.fixture(scope="module")
def every_character() -> str:
    return "".join(map(chr, range(0x110000)))


def kind(c: str) -> tuple[bool, bool, bool, bool]:
    return c.isalnum(), c == "_", c == "-", c.isspace()


# --- what the plain path relies on ------------------------------------------------------------

def test_word_and_space_classes_of_re_are_the_string_methods(every_character):
    # _sentence_start tests chunk characters with isalnum(); the regexes use \w and \s.
    assert re.findall(r"\w", every_character) == [c for c in every_character if c.isalnum() or c == "_"]
    assert re.findall(r"\s", every_character) == [c for c in every_character if c.isspace()]


def test_case_folding_is_per_character_and_keeps_each_characters_kind(every_character):
    assert every_character.casefold() == "".join(c.casefold() for c in every_character)
    assert "ΟΔΟΣ ΣΑΣ".casefold() == "οδοσ σασ"  # no final-sigma rule, unlike lower()
    changed = [c for c in every_character if c.casefold() != c and len(c.casefold()) == 1]
    assert len(changed) > 1000
    differ = [c for c in changed if kind(c) != kind(c.casefold())]
    # Only COMBINING GREEK YPOGEGRAMMENI (folds to a letter), which makes a run not plain.
    assert differ == ["\u0345"] and not glossary._is_plain("\u0345")


def test_strings_of_plain_chunk_characters_are_nfc():
    plain = [chr(c) for c in range(0x250) if (chr(c).isalnum() or chr(c) in "_-") and glossary._is_plain(chr(c))]
    assert len(plain) == 471 and "æ" in plain and "\u00ad" not in plain
    assert all(unicodedata.combining(a) == 0 for a in plain)
    assert all(unicodedata.is_normalized("NFC", a + b) for a in plain for b in plain)


def test_every_other_chunk_character_makes_a_run_not_plain(every_character):
    chunk = re.findall(glossary._CHUNK_CHAR, every_character)
    others = [c for c in chunk if not (c < "\u0250" and (c.isalnum() or c in "_-"))]
    assert len(others) > 100_000
    assert len(glossary._NOT_PLAIN_RE.findall("".join(others))) == len(others)
    assert not any(glossary._is_plain(f"ord{c}ord") for c in others[::97] + ["\u00ad", "&"])


@pytest.mark.parametrize("text", [
    "Håb og optimisme",
    " – “Peer-støtte” … 5 % ÆØÅ! ",
    "naïve µ x_y recovery- - ¿",
    "Ψ ψ \u2013 \u00a0",  # letters above U+024F make a run not plain; other characters do not
])
def test_plain_runs(text):
    assert glossary._is_plain(text) == ("Ψ" not in text)


@pytest.mark.parametrize("text", [
    "R&amp;D", "R&D", "recovery\u00adskolen", "peer\u2011støtte", "peer\u2010støtte", "cafe\u0301",
    "ψυχή", "ord\u200bord", "ord\ufeff",
])
def test_runs_that_are_not_plain(text):
    assert not glossary._is_plain(text)
    assert glossary._plain(text, TermIndex.build([("x", ["x"])])) is None


@pytest.mark.parametrize("text", ["Straße", "İstanbul", "ǰa"])
def test_a_plain_run_that_folds_longer_goes_word_by_word(text):
    index = TermIndex.build([("x", ["x"])])
    assert glossary._is_plain(text) and glossary._plain(text, index) is None


# --- what a plain run links -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # A phrase; a first word that begins no phrase here ("personlig tid"), or is followed
    # by punctuation; a capitalised term after a full stop. Looked up: "om", "personlig",
    # "personlig recovery", "personlig", "personlig tid", "og", "personlig", "recovery",
    # "recovery": 10 lookups of 9 words, as word by word.
    ("Om personlig recovery, personlig tid og personlig, recovery. Recovery",
     glossary._Plain(9, 10, ((3, 21, "personlig-recovery", False), (51, 59, "recovery", False),
                             (61, 69, "recovery", False)), False)),
    # Nothing before it in the run: a name unless the run begins a sentence.
    (" Recovery hjælper", glossary._Plain(2, 2, ((1, 9, "recovery", None),), False)),
    ("Det er personlig recovery.", glossary._Plain(4, 4, ((7, 25, "personlig-recovery", False),), True)),
    (" \n ", glossary._Plain(0, 0, (), None)),
    # A lone "-" or "_" stands in the sentence like a word: the capital after it is a name.
    ("Slut. - Recovery. Slut. _ Recovery",
     glossary._Plain(4, 4, ((8, 16, "recovery", True), (26, 34, "recovery", True)), False)),
])
def test_what_a_plain_run_links(text, expected):
    index = TermIndex.build([("personlig-recovery", ["Personlig recovery"]), ("recovery", ["Recovery"])])
    assert glossary._plain(text, index) == expected


# --- the regex of first words -----------------------------------------------------------------

WORDS = ["a", "ab", "abc", "abd", "b", "ba", "peer-støtte", "peer", "5-trins", "x1", "æble", "æbler"]


@pytest.mark.parametrize("depth", [0, 1, 2, 24])
def test_first_words_regex_finds_exactly_the_whole_words(monkeypatch, depth):
    monkeypatch.setattr(glossary, "_TRIE_DEPTH", depth)
    pattern = glossary._first_words_re(WORDS + ["to ord", "x_y", "-a", "a-"])
    text = ("a ab abc abd abe b ba bab peer-støtte peer peer-støtten peers 5-trins x1 x12 æble æbler æblerne "
            "xa a-b b_ba -a a- to ord x_y")
    assert pattern.findall(text) == ["a", "ab", "abc", "abd", "b", "ba", "peer-støtte", "peer", "5-trins", "x1",
                                     "æble", "æbler"]


@pytest.mark.parametrize("depth, expected", [
    (24, "(?:a(?:b(?:c(?:d|e)|f)|g)|h)"),
    (2, "(?:a(?:b(?:cd|ce|f)|g)|h)"),
    (1, "(?:a(?:bcd|bce|bf|g)|h)"),
])
def test_first_words_regex_is_a_trie_down_to_a_depth(monkeypatch, depth, expected):
    # Words that begin alike share one branch (so a match attempt tries few alternatives);
    # from _TRIE_DEPTH branches down, the rest of the words are listed.
    monkeypatch.setattr(glossary, "_TRIE_DEPTH", depth)
    assert glossary._trie(["abcd", "abce", "abf", "ag", "h"]) == expected
    assert glossary._trie(["ab", "ac"]) == "a(?:b|c)"
    assert glossary._trie(["a", "ab"]) == "a(?:b)?"


def test_first_words_regex_of_words_nested_deep_and_of_no_words():
    words = ["a" * n for n in range(1, 400)]
    pattern = glossary._first_words_re(words)
    assert [m.group() for m in pattern.finditer(" ".join(words[::-1]))] == words[::-1]
    assert pattern.search("a" * 400) is None
    assert glossary._first_words_re(["to ord"]).search("to ord") is None


# --- the same links as word by word -------------------------------------------------------------

TERM_SETS = [
    [("recovery", ["Recovery", "recoveryproces"]), ("personlig-recovery", ["Personlig recovery"]),
     ("recovery-cafe", ["Recovery-café", "recovery café"]), ("peer-stoette", ["Peer-støtte", "peer-støtten"]),
     ("haab", ["Håb og optimisme"]), ("chime", ["CHIME", "chime-modellen"]), ("it", ["IT-hjælp"]),
     ("socialstyrelsen", ["Socialstyrelsen", "Socialstyrelsens"]), ("mening", ["Mening", "mening med livet"])],
    [("a", ["a"]), ("ab", ["a b"]), ("abc", ["a b c"]), ("bcd", ["b c d"]), ("cd", ["c d"]), ("x", ["x y z w"]),
     ("y", ["Y"]), ("aa", ["aa", "aa-a"]), ("one", ["1"]), ("w", ["w x", "W-X"])],
    [("strasse", ["Straße"]), ("mu", ["µ-test", "μ-tests"]), ("cafe", ["Café", "cafe\u0301er"]), ("psyche", ["ψυχή"]),
     ("fi", ["ﬁsk", "fisk"]), ("dk", ["Ærø", "æblet", "Øen"]), ("n", ["5-trins-modellen", "2027"])],
]
FILLER = ["og", "det", "er", "en", "på", "Det", "Vi", "Region", "Projekt", "123", "x_y", "-", "a-", "-b", "ÆØÅ",
          "straße", "STRASSE", "İ", "µ", "Σ", "ǰ", "ﬁ", "ſ", "e\u0301", "Ψ", "\u00ad", "\u2011", "\u200b"]
PUNCT = [". ", ", ", ": ", "! ", "? ", " - ", " – ", "(", ")", "“", "/", "…", " ", " ", "  ", "\n", "\u00a0"]
ENTITIES = ["&nbsp;", "&amp;", "&quot;", "&#33;", "&eacute;", "&shy;", "&foo;", "&", "&#32;", "&colon;", "&aelig;"]
TAGS = ["<p>", "</p>", "<em>", "</em>", "<a href='x'>", "</a>", "<code>", "</code>", "<h2>", "</h2>", "<svg/>",
        "<br>", '<span lang="en">', "</span>", "<!-- c -->", "<li>", "<td>", "<div data-rs-nolink>", "</div>"]


def random_text(rng: random.Random, forms: list[str], size: int) -> str:
    plain = rng.random() < 0.5  # half of the pages without entities and odd characters
    parts = []
    for _ in range(size):
        r = rng.random()
        if r < 0.35:
            form = rng.choice(forms)
            parts.append(rng.choice([form, form.capitalize(), form.upper(), form.replace(" ", "\n"), form + "en"]))
        elif r < 0.55:
            parts.append(rng.choice([w for w in FILLER if w.isascii()] if plain else FILLER))
        elif r < 0.8:
            parts.append(rng.choice(PUNCT))
        elif r < 0.9:
            parts.append(rng.choice(TAGS))
        else:
            parts.append(rng.choice(PUNCT if plain else ENTITIES))
        if rng.random() < 0.6:
            parts.append(" ")
    return "".join(parts)


@pytest.mark.parametrize("entries", TERM_SETS)
def test_plain_runs_link_as_word_by_word(monkeypatch, entries):
    rng = random.Random(2026)
    forms = [f for _, fs in entries for f in fs]
    pages = [[random_text(rng, forms, rng.randint(1, 60)) for _ in range(rng.randint(1, 3))] for _ in range(150)]
    slugs = [slug for slug, _ in entries]
    skips = [frozenset(rng.sample(slugs, 1)) if rng.random() < 0.2 else frozenset() for _ in pages]

    def link_all(index: TermIndex) -> list:
        out = []
        for page, skip in zip(pages, skips):
            once: set[str] = set()
            out.append(([link(piece, index, lambda s: f"/{s}/", lambda s: s, skip=skip, once=once) for piece in page],
                        once, index.words_scanned, index.lookups))
        return out

    fast = TermIndex.build(entries)
    got = link_all(fast)
    assert sum(1 for p in fast._plain.values() if p is not None) > 200  # the plain path was taken
    assert sum(1 for p in fast._plain.values() if p is None) > 50  # and the other
    monkeypatch.setattr(glossary, "_plain", lambda text, index: None)
    assert got == link_all(TermIndex.build(entries))


def test_a_run_that_comes_again_is_analysed_once_whatever_comes_before(monkeypatch):
    calls = []
    analyse = glossary._plain
    monkeypatch.setattr(glossary, "_plain", lambda text, index: calls.append(text) or analyse(text, index))
    index = TermIndex.build([("recovery", ["Recovery"])])
    # The same run " Recovery hjælper." inside a sentence (a name) and at its start (the term).
    assert link("<p><b>Det</b> Recovery hjælper.</p>", index, str, str)[1] == set()
    assert link("<p>Slut.<br> Recovery hjælper.</p>", index, str, str)[1] == {"recovery"}
    assert link("<p><b>Det</b> Recovery hjælper.</p>", index, str, str)[1] == set()
    assert calls == ["Det", " Recovery hjælper.", "Slut."]


def test_the_sentence_start_carries_over_a_run_without_words():
    # " " between <li> and <em> begins no sentence and ends none: the start carries over.
    index = TermIndex.build([("recovery", ["Recovery"])])
    assert link("<ul><li> <em>Recovery</em> hjælper.</li></ul>", index, str, str)[1] == {"recovery"}
    assert link("<p>Se <b>x</b> <em>Recovery</em> hjælper.</p>", index, str, str)[1] == set()


def test_a_run_read_word_by_word_that_ends_a_sentence_begins_the_next():
    # "R&amp;D virker. " is not plain; the full stop at its end makes "Recovery" the word.
    index = TermIndex.build([("recovery", ["Recovery"])])
    assert link("<p>R&amp;D virker. <em>Recovery</em> hjælper.</p>", index, str, str)[1] == {"recovery"}
    assert link("<p>R&amp;D virker <em>Recovery</em> hjælper.</p>", index, str, str)[1] == set()
