"""rskole.plain: plain paragraphs written directly give what Python-Markdown gives, and
anything Markdown could change is left to Markdown."""

from __future__ import annotations

import random

import markdown
import pytest

from rskole import plain, safety
from rskole.build import Build

#: The portal's extensions, as MkDocs hands them over (it adds toc, tables, fenced_code).
PORTAL = ["toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "md_in_html",
          "pymdownx.details", "pymdownx.superfences"]
TOC = {"toc": {"permalink": False, "slugify": lambda text, sep: text}}

#: Pieces of random text: letters, digits, white space and punctuation (often), and each
#: character the module refuses and line starts Markdown reads as blocks (now and then).
PLAIN = list("abcæøåABCÆØÅ019 .,;:!?-+#>=~()'\"/%@$^–—…é😀") + ["\n", "\n\n", "1.", "2)"]
RISKY = list("*_`[]{}<>&|\\") + [
    "\u00a0", "\u2028", "\x85", "\t", "\r", "  ", " \n", "---", "===", "    ", "!!! note", "??? ", "```", "~~~",
    "*[CHIME]: x", "{: .x }", "[TOC]",
]


def markdown_of(source: str, extensions=PORTAL, configs=None) -> str:
    return markdown.Markdown(extensions=extensions, extension_configs=configs or {}).convert(source)


def test_random_text_is_either_refused_or_written_exactly_as_markdown_writes_it():
    rng = random.Random(2026)
    md = markdown.Markdown(extensions=PORTAL, extension_configs=TOC)
    accepted = 0
    for _ in range(20_000):
        source = "".join(rng.choice(RISKY if rng.random() < 0.02 else PLAIN) for _ in range(rng.randint(0, 30)))
        fast = plain.paragraphs(source)
        if fast is None:
            continue
        accepted += 1
        md.reset()
        assert fast == md.convert(source), repr(source)
    # The comparison means something only if many texts were written directly.
    assert accepted > 1_000


#: Words for random descriptions, bold now and then (and now and then not quite).
WORDS = ["recovery", "håb", "Æble", "øst", "2026", "fx.", "–", "og", "i", "é", "😀", "CHIME", "(peer)", "“citat”",
         "50%", "a-b", "ja!", "x:y"]
#: Words that start a block when a line starts with them.
EDGE_WORDS = ["1.", "#1", "=", "+", "-", "~", "!!!", "*", ":"]
BOLDS = ["**{}**", "**{} {}**", "**{}**.", "({}**{}**)", "**{}**{}"]
BROKEN = ["*{}", "**{}", "{}**", "***{}***", "** {}**", "**{} **", "*{}*", "****", "* {}", "**{}*{}**"]
STARTS = ["- ", "- ", "- ", "- ", "-", "-  ", "* ", "+ ", "1. ", " - ", "- - ", "- # ", "- **"]


def random_text(rng: random.Random, lines: int = 1) -> str:
    words = []
    for _ in range(rng.randint(1, 7)):
        roll = rng.random()
        if roll < 0.15:
            words.append(rng.choice(BOLDS).format(rng.choice(WORDS), rng.choice(WORDS)))
        elif roll < 0.19:
            words.append(rng.choice(BROKEN).format(rng.choice(WORDS), rng.choice(WORDS)))
        else:
            words.append(rng.choice(EDGE_WORDS if rng.random() < 0.05 else WORDS))
    text = " ".join(words)
    for _ in range(lines - 1):
        text += "\n" + random_text(rng)
    return text


def random_document(rng: random.Random) -> str:
    blocks = []
    for _ in range(rng.randint(1, 5)):
        if rng.random() < 0.4:
            blocks.append("\n".join((rng.choice(STARTS) if rng.random() < 0.1 else "- ") + random_text(rng)
                                     for _ in range(rng.randint(1, 5))))
        else:
            blocks.append(random_text(rng, rng.randint(1, 3)))
    source = blocks[0]
    for block in blocks[1:]:
        source += rng.choice(["\n\n"] * 6 + ["\n\n\n", "\n"]) + block
    if rng.random() < 0.05:
        at = rng.randint(0, len(source))
        source = source[:at] + rng.choice(RISKY) + source[at:]
    return source + rng.choice(["", "\n"])


def test_random_descriptions_are_either_refused_or_written_exactly_as_markdown_writes_them():
    rng = random.Random(17)
    md = markdown.Markdown(extensions=PORTAL, extension_configs=TOC)
    accepted = lists = bold = 0
    for _ in range(20_000):
        source = random_document(rng)
        fast = plain.paragraphs(source)
        if fast is None:
            continue
        accepted += 1
        lists += "<ul>" in fast
        bold += "<strong>" in fast
        md.reset()
        assert fast == md.convert(source), repr(source)
    # Many texts, lists and bold texts among them, were written directly.
    assert accepted > 3_000 and lists > 1_000 and bold > 1_000, (accepted, lists, bold)


#: Characters the sanitizer might write otherwise than as they are: spaces and joiners of
#: every kind, soft hyphens, quotes, marks, noncharacters and emoji.
UNUSUAL = ["\u00a0", "\u00ad", "\u200b", "\u200d", "\u2060", "\u202f", "\u3000", "\ufeff", "\ufffd", "\ufdd0",
           "'", '"', "=", "/", "§", "©", "€", "👩‍👩‍👧", "\u0301", "\U0010ffff"]


def test_plain_html_skips_the_sanitizer_only_where_it_would_come_back_unchanged():
    # Build._markdown_here gives plain.paragraphs' HTML without nh3 when keeps_plain says
    # so: nh3 must then give that HTML back exactly.
    rng = random.Random(29)
    accepted = unchanged = changed = 0
    for _ in range(10_000):
        source = random_document(rng)
        for _ in range(rng.randint(0, 3)):
            at = rng.randint(0, len(source))
            source = source[:at] + rng.choice(UNUSUAL) + source[at:]
        fast = plain.paragraphs(source)
        if fast is None:
            continue
        accepted += 1
        if safety.keeps_plain(fast):
            unchanged += 1
            assert safety.clean(fast) == fast, repr(source)
        else:
            changed += 1
            assert safety.clean(fast) != fast, repr(source)
    assert unchanged > 1_000 and changed > 50, (accepted, unchanged, changed)


def test_the_build_gives_plain_text_as_the_sanitizer_gives_it():
    build = Build(root=None, settings=None, zone=None, today=None, now=None, markdown_extensions=PORTAL)
    for source in ("Om **håb**.\n\n- en\n- to", "Mellem\u00a0ord", "Med <b>HTML</b> & mere"):
        assert build._markdown_here(source) == safety.clean(markdown_of(source)), source


@pytest.mark.parametrize("source, html", [
    ("Om kurset.\n\n- håb\n- **mening** i hverdagen\n\nVi ses.",
     "<p>Om kurset.</p>\n<ul>\n<li>håb</li>\n<li><strong>mening</strong> i hverdagen</li>\n</ul>\n<p>Vi ses.</p>"),
    ("**Nogle kender det**. Andre\n**ikke** endnu.",
     "<p><strong>Nogle kender det</strong>. Andre\n<strong>ikke</strong> endnu.</p>"),
    ("- kun\n- en liste\n", "<ul>\n<li>kun</li>\n<li>en liste</li>\n</ul>"),
    ("Deltagerne kender forskellen på klinisk og personlig recovery.",
     "<p>Deltagerne kender forskellen på klinisk og personlig recovery.</p>"),
    ("Hvad er recovery? Det taler vi om!", "<p>Hvad er recovery? Det taler vi om!</p>"),
    ("Første linje\nanden linje", "<p>Første linje\nanden linje</p>"),
    ("\nÉt afsnit.\n\n\nEt andet – med tankestreg.\n", "<p>Ét afsnit.</p>\n<p>Et andet – med tankestreg.</p>"),
])
def test_plain_paragraphs_are_written_directly(source, html):
    assert plain.paragraphs(source) == html == markdown_of(source)


@pytest.mark.parametrize("source", [
    "", "\n\n",
    "1. punkt", "2026. Det", "+ punkt", "* punkt", "# Overskrift", "> citat", "Titel\n===", "Titel\n---",
    "!!! note", "??? note", "~~~", ": definition", "%",
    "a\n\n- løs\n\n- liste", "- punkt\nfortsat", "-punkt", "-  punkt", "- # punkt", "- - punkt", "Tekst\n- punkt",
    "** fed**", "**fed **", "**fed*", "***fed***", "*kursiv*", "_kursiv_", "`kode`", "[link](x)", "<b>x</b>", "a & b", "a | b", "a\\b", "{: .x }",
    "    kode", " indrykket", "linjeskift  \nher", "tab\tindeni", "a\r\nb", "a\u2028b", "a\x85b", "a\u00a0",
])
def test_anything_markdown_could_change_is_refused(source):
    assert plain.paragraphs(source) is None


@pytest.mark.parametrize("extensions, configs, expected", [
    (PORTAL, TOC, True),
    (["markdown.extensions.toc", "markdown.extensions.tables", "def_list", "footnotes"], {}, True),
    (PORTAL + ["smarty"], {}, False),  # turns quotes and dashes into entities
    (PORTAL + ["nl2br"], {}, False),   # a line break in a paragraph becomes <br>
    ([object()], {}, False),           # an extension given as an object
    (["toc"], {"toc": {"marker": "INDHOLD"}}, False),  # a paragraph becomes the table of contents
    (["abbr"], {"abbr": {"glossary": {"CHIME": "..."}}}, False),  # words in plain text get <abbr>
])
def test_only_extensions_whose_rules_are_known_let_text_skip_markdown(extensions, configs, expected):
    assert plain.applies(extensions, configs) is expected


@pytest.mark.parametrize("extensions, html", [
    (PORTAL, "<p>En linje\nog en til</p>"),
    (PORTAL + ["nl2br"], "<p>En linje<br />\nog en til</p>"),
])
def test_the_build_writes_plain_text_directly_only_when_its_extensions_allow(extensions, html):
    build = Build(root=None, settings=None, zone=None, today=None, now=None, markdown_extensions=extensions)
    assert build._md_convert("En linje\nog en til") == html
    assert (build._md is None) is (extensions == PORTAL)  # Markdown itself never ran
