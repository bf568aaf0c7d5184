"""Reading editors' files (rskole.sources): what an editor sees for a file that cannot be
read, sizes and lines in the messages, and the indentation hint."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

import rskole.sources as sources
from rskole.problems import Problem
from rskole.sources import SourceError, follows_text_block, load_markdown_file, parse_yaml, read_text

from helpers import COURSE, problems_of

INDENT = "linjen hører måske til teksten ovenfor: ryk den ind med mellemrum som linjerne over"


def seen(rel: str, exc: SourceError) -> str:
    """The problem line an editor sees for a file that cannot be read."""
    return str(Problem(rel, exc.line, exc.message))


def read_problem(path: Path, rel: str) -> str:
    with pytest.raises(SourceError) as caught:
        read_text(path)
    return seen(rel, caught.value)


def yaml_problem(text: str, rel: str = "courses/haab.yml") -> str:
    with pytest.raises(SourceError) as caught:
        parse_yaml(text)
    return seen(rel, caught.value)


# --- file size ----------------------------------------------------------------------------

@pytest.mark.parametrize("size, shown", [
    (1_000_001, "lidt over 1 MB"),
    (1_049_999, "lidt over 1 MB"),
    (1_050_000, "1,1 MB"),
    (1_300_000, "1,3 MB"),
    (2_000_000, "2 MB"),
])
def test_too_large_file_is_refused_with_its_size(tmp_path, size, shown):
    path = tmp_path / "haab.yml"
    path.write_bytes(b"#" * size)
    assert read_problem(path, "courses/haab.yml") == (
        f"courses/haab.yml: filen fylder {shown}; en indholdsfil må højst fylde 1 MB")


def test_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "haab.yml"
    path.write_bytes(b"# " + b"x" * (sources.MAX_FILE_BYTES - 3) + b"\n")
    assert len(read_text(path)) == sources.MAX_FILE_BYTES


@pytest.mark.parametrize("n, text", [(999, "999"), (50_000, "50.000"), (1_234_567, "1.234.567")])
def test_numbers_in_messages_use_a_thousands_dot(n, text):
    assert sources.number(n) == text


# --- files that cannot be read --------------------------------------------------------------

def test_missing_file(tmp_path):
    assert read_problem(tmp_path / "haab.yml", "courses/haab.yml") == (
        "courses/haab.yml: filen findes ikke længere (blev den flyttet eller slettet under bygningen?)")


def test_folder_instead_of_a_file(tmp_path):
    (tmp_path / "haab.yml").mkdir()
    assert read_problem(tmp_path / "haab.yml", "courses/haab.yml") == "courses/haab.yml: det er en mappe, ikke en fil"


@pytest.mark.parametrize("code, message", [
    (errno.EACCES, "filen kan ikke læses, fordi der ikke er adgang til den; tjek filens rettigheder"),
    (errno.EPERM, "filen kan ikke læses, fordi der ikke er adgang til den; tjek filens rettigheder"),
    (errno.EIO, f"filen kan ikke læses (systemets fejlkode {errno.EIO})"),
])
def test_file_the_system_refuses(tmp_path, monkeypatch, code, message):
    # (The tests run as root, whom file permissions do not stop: the refusal is simulated.)
    def refuse(*args, **kwargs):
        raise OSError(code, "refused")

    monkeypatch.setattr(sources, "open", refuse, raising=False)
    assert read_problem(tmp_path / "haab.yml", "courses/haab.yml") == f"courses/haab.yml: {message}"


@pytest.mark.parametrize("raw, line", [
    (b"title: H\xe5b\n", 1),
    (b"a: 1\r\nb: 2\r\ntitle: H\xe5b\r\n", 3),  # Windows line ends
    (b"a: 1\rb: 2\rtitle: H\xe5b\r", 3),  # old Mac line ends
    (b"a: 1\n\r\nb: 2\ntitle: H\xe5b\n", 4),
])
def test_byte_that_is_not_utf8_is_located(tmp_path, raw, line):
    path = tmp_path / "haab.yml"
    path.write_bytes(raw)
    assert read_problem(path, "courses/haab.yml") == (
        f"courses/haab.yml:{line}: filen er ikke gemt som UTF-8 (der er et tegn, som ikke kan læses); gem den som UTF-8 i din editor")


# --- YAML syntax: where the editor should look ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # An unclosed quote, bracket or brace: the line where it was opened.
    ("title: Håb\nsummary: 'Hvad giver håb?\ndescription: Om håb.\nthemes: [hope]\n",
     "courses/haab.yml:2: YAML-syntaksfejl: et anførselstegn åbnes, men lukkes aldrig"),
    ("title: Håb\nthemes: [hope\naudiences: [citizens]\n\n",
     "courses/haab.yml:2: YAML-syntaksfejl: en liste i firkantede parenteser ('[...]') lukkes ikke med ']'"),
    ("title: Håb\nregistration: {url: https://example.dk\nthemes: [hope]\n\n",
     "courses/haab.yml:2: YAML-syntaksfejl: en opslagstabel i krøllede parenteser ('{...}') lukkes ikke med '}'"),
    # Bad indentation: the line that is out of place, not where the mapping began.
    ("title: Håb\nsummary: Hvad giver håb?\n  description: Om håb.\n",
     "courses/haab.yml:3: YAML-syntaksfejl: et kolon står et sted, hvor YAML ikke venter det "
     "(mangler der et mellemrum efter kolon, eller skal teksten i anførselstegn?)"),
    ("title: Håb\nthemes:\n  - hope\n - citizens\n",
     "courses/haab.yml:4: YAML-syntaksfejl: indrykningen passer ikke (en liste står forkert i forhold til linjerne over)"),
    # A tab on an otherwise empty line.
    ("title: Håb\nsummary: Om\n\t\n",
     "courses/haab.yml:3: YAML-syntaksfejl: der er et tabulatortegn; brug mellemrum til indrykning"),
    # A '...' line ends the YAML document.
    ("title: Håb\nsummary: Hvad giver håb?\n...\ndescription: Om håb.\n",
     "courses/haab.yml:4: YAML-syntaksfejl: en linje med '...' afslutter YAML-dokumentet, men der står mere efter den; slet linjen med '...'"),
    # A '...' line after another mistake does not hide that mistake.
    ("title: Hvad: giver håb?\n...\n",
     "courses/haab.yml:1: YAML-syntaksfejl: et kolon står et sted, hvor YAML ikke venter det "
     "(mangler der et mellemrum efter kolon, eller skal teksten i anførselstegn?)"),
])
def test_yaml_mistake_is_located_and_explained(text, expected):
    assert yaml_problem(text) == expected


def test_lines_after_a_word_line_break_count_as_editors_count_them():
    # NEL (U+0085), pasted from Word, is no line break in an editor: such a text goes to
    # the pure-Python composer, which counts lines from the mark's position.
    text = 'title: "Håb\u0085og mere"\nsummary: \'Hvad giver håb?\ndescription: Om håb.\n'
    assert yaml_problem(text) == "courses/haab.yml:2: YAML-syntaksfejl: et anførselstegn åbnes, men lukkes aldrig"


# --- nesting and the number of values, on both composers ------------------------------------

#: A text with a NEL (U+0085) in a quoted value goes to the pure-Python composer.
NEL = 'n: "a\u0085b"\n'


def nested(levels: int, extra: str = "") -> str:
    """A mapping nested `levels` deep below the top-level one ('a:' at every level)."""
    return "".join("  " * i + "a:\n" for i in range(levels)) + "  " * levels + "b: 1\n" + extra


TOO_DEEP = ("filen er indlejret alt for dybt (mere end 40 niveauer af lister og felter inden i hinanden); "
            "så mange niveauer bruger indholdet aldrig")


@pytest.mark.parametrize("extra", ["", NEL], ids=["libyaml", "pure-python"])
def test_nesting_up_to_the_limit_is_read(extra):
    # The top-level mapping is level 0; the number 1 is at level 40.
    doc = parse_yaml(nested(39, extra))
    value = doc.data
    for _ in range(39):
        value = value["a"]
    assert value == {"b": 1}
    assert doc.line(("a",) * 39 + ("b",)) == 40


@pytest.mark.parametrize("extra", ["", NEL], ids=["libyaml", "pure-python"])
def test_nesting_beyond_the_limit_is_refused_where_it_happens(extra):
    assert yaml_problem(nested(40, extra)) == f"courses/haab.yml:41: {TOO_DEEP}"


@pytest.mark.parametrize("extra", ["", NEL], ids=["libyaml", "pure-python"])
def test_front_matter_nesting_beyond_the_limit_is_located_in_the_file(tmp_path, extra):
    path = tmp_path / "x.md"
    path.write_text("---\n" + nested(40, extra) + "---\nTekst.\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_markdown_file(path)
    assert seen("glossary/x.md", caught.value) == f"glossary/x.md:42: {TOO_DEEP}"


def test_number_of_values_built_is_limited(monkeypatch):
    # libyaml composes; the values built are counted (keys are not: aliases are what
    # make a file unfold into many values).
    monkeypatch.setattr(sources, "MAX_VALUES", 3)
    assert parse_yaml("a: 1\nb: 2\n").data == {"a": 1, "b": 2}
    assert yaml_problem("a: 1\nb: 2\nc: 3\n") == (
        "courses/haab.yml:3: filen udfolder sig til mere end 3 værdier (mange gentagne YAML-aliaser, '*navn'?); "
        "skriv indholdet ud uden aliaser")


def test_number_of_values_written_is_limited_in_the_pure_python_composer(monkeypatch):
    # Written values, keys included: the top-level mapping, n, its text, a, 1, b, 2.
    monkeypatch.setattr(sources, "MAX_VALUES", 7)
    assert parse_yaml(NEL + "a: 1\nb: 2\n").data == {"n": "a b", "a": 1, "b": 2}
    assert yaml_problem(NEL + "a: 1\nb: 2\nc: 3\n") == (
        "courses/haab.yml:4: filen har mere end 7 værdier; så mange bruger indholdet aldrig")


# --- where a value is -------------------------------------------------------------------------

def test_line_of_a_value_or_of_what_encloses_it():
    doc = parse_yaml("title: Håb\nsessions:\n  - date: 2027-03-03\n    start: '10:00'\n", offset=1)
    assert doc.line(("sessions", 0, "start")) == 5
    assert doc.line(("sessions", 0, "end")) == 4  # not written: the session's line
    assert doc.line(("sessions", 3, "end")) == 3  # no such session: the list's line
    assert doc.line(("nope", "deeper")) == 1 + 1  # nothing: the document's line
    assert doc.source_line(5) == "    start: '10:00'"
    assert doc.source_line(2) == "title: Håb"
    assert doc.source_line(1) == "" and doc.source_line(99) == ""


# --- the indentation hint ---------------------------------------------------------------------

@pytest.mark.parametrize("lines, line, expected", [
    # A text block, and a prose line that lost its indentation (the file's last line too).
    (["title: Håb", "description: |", "  Om håb.", "Kurset er for alle."], 4, True),
    (["description: |", "  Om håb.", "", "# note", "Kurset er for alle.", "themes: [hope]"], 5, True),
    # A text continued on indented lines.
    (["summary: Hvad", "  giver håb?", "Kurset er for alle."], 3, True),
    # In a list item: "- " counts as indentation.
    (["sessions:", "  - note: |", "      Tekst.", "    Husk kaffe.", "    date: 2027-03-03"], 4, True),
    # No text block above.
    (["title: Håb", "Kurset er for alle."], 2, False),
    (["title: Håb", "  # en note", "Kurset er for alle."], 3, False),
    (["registration:", "  url: https://example.dk", "Kurset er for alle."], 3, False),
    (["summary: Hvad", "  url: https://example.dk", "Kurset er for alle."], 3, False),
    (["  description: |", "    Om håb.", "Kurset er for alle."], 3, False),
    (["- Om håb.", "Kurset er for alle."], 2, False),
    (["", "  # note", "Kurset er for alle."], 3, False),
    # Lines that are not in the file.
    (["description: |", "  Om håb."], 0, False),
    (["description: |", "  Om håb."], 3, False),
])
def test_prose_line_after_a_text_block(lines, line, expected):
    assert follows_text_block(lines, line) is expected


def test_capitalised_prose_word_after_a_text_block_gets_the_hint(tmp_path):
    text = COURSE.lstrip("\n").replace("description: Om håb.", "description: |\n  Om håb.\nVelkommen")
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        f"courses/haab.yml:5: YAML-syntaksfejl: der mangler et kolon efter en nøgle; {INDENT}"
    ]


# --- what read_text hands on ------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    b"title: H\xc3\xa5b\nsummary: Om\n",
    b"\xef\xbb\xbftitle: H\xc3\xa5b\nsummary: Om\n",  # a byte-order mark (Windows editors)
    b"title: H\xc3\xa5b\r\nsummary: Om\r\n",  # Windows line ends
    b"title: H\xc3\xa5b\rsummary: Om\r",  # old Mac line ends
])
def test_text_is_read_with_plain_line_ends_and_no_byte_order_mark(tmp_path, raw):
    path = tmp_path / "haab.yml"
    path.write_bytes(raw)
    assert read_text(path) == "title: Håb\nsummary: Om\n"


def test_mixed_line_ends_each_end_one_line(tmp_path):
    path = tmp_path / "haab.yml"
    path.write_bytes(b"a: 1\r\n\rb: 2\n")
    assert read_text(path) == "a: 1\n\nb: 2\n"


def test_nul_character_is_located(tmp_path):
    path = tmp_path / "haab.yml"
    path.write_bytes(b"title: H\xc3\xa5b\r\nsummary: \x00\nx: \x00\n")  # the first one
    assert read_problem(path, "courses/haab.yml") == "courses/haab.yml:2: filen indeholder et nul-tegn; er det en binær fil?"


# --- values that YAML cannot give ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('title: Håb\nsummary: "Om \\ud83d"\n',
     "courses/haab.yml:2: teksten indeholder koden \\ud83d, som ikke er et tegn; slet den, eller skriv tegnet selv"),
    ("title: Håb\ncapacity: " + "1" * 101 + "\n",
     "courses/haab.yml:2: tallet har 101 cifre; så lange tal bruges aldrig (skal det være tekst, så sæt det i anførselstegn)"),
    ("title: Håb\nsummary: !!binary aGFhYg==\n",
     "courses/haab.yml:2: YAML-mærket 'tag:yaml.org,2002:binary' er ikke tilladt her; skriv værdien som almindelig tekst"),
])
def test_value_that_cannot_be_read_is_located(text, expected):
    assert yaml_problem(text) == expected


def test_number_of_a_hundred_digits_is_still_a_number():
    assert parse_yaml("capacity: " + "1" * 100 + "\n").data == {"capacity": int("1" * 100)}


def test_very_deep_brackets_are_refused_on_their_line():
    # More than 500 brackets: the pure-Python composer, which must stop before Python's
    # recursion limit, on the line where the nesting is written.
    text = "title: Håb\nsummary: Om håb\nthemes: " + "[" * 600 + "]" * 600 + "\n"
    assert yaml_problem(text) == f"courses/haab.yml:3: {TOO_DEEP}"


@pytest.mark.parametrize("extra", ["", NEL], ids=["libyaml", "pure-python"])
def test_too_deep_is_reported_before_a_later_mistake(extra):
    assert yaml_problem(nested(40, extra) + "late: 'unclosed\n") == f"courses/haab.yml:41: {TOO_DEEP}"


# --- Markdown files with front matter -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("\n  \n", "glossary/x.md:1: filen er tom"),
    ("---\nterm: Håb\nEn definition.\n",
     "glossary/x.md:1: front matter begynder med '---' i linje 1, men ingen linje med '---' afslutter den; "
     "skriv '---' på linjen efter felterne"),
    ("---\n\n---\nEn definition.\n", "glossary/x.md:1: front matter er tom; der skal i det mindste stå 'term: ...'"),
    ("---\nterm: Håb\n---\n\n", "glossary/x.md:4: ordet har ingen definition; skriv den under front matter"),
    ("---\nterm: Håb\nforms: [håbet]\n...\n", "glossary/x.md:5: ordet har ingen definition; skriv den under front matter"),
])
def test_glossary_file_problems_as_the_editor_sees_them(tmp_path, text, expected):
    assert problems_of(tmp_path, {"glossary/x.md": text.encode("utf-8")}) == [expected]


def test_body_starts_after_the_front_matter(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("---\nterm: Håb\nforms: [håbet]\n---\nEn definition.\n", encoding="utf-8")
    source = load_markdown_file(path)
    assert source.meta.data == {"term": "Håb", "forms": ["håbet"]}
    assert source.meta.line(("forms",)) == 3
    assert (source.body, source.body_line) == ("En definition.\n", 5)


def test_line_of_a_value_in_a_file_that_begins_with_comments():
    doc = parse_yaml("# Kurset om håb\n\ntitle: Håb\n")
    assert doc.line(("summary",)) == 3  # a missing field: where the fields begin


def test_document_without_lines_is_on_its_first_line():
    assert sources.Document({"name": "X"}).line(("name",)) == 1
    assert sources.Document({"name": "X"}, offset=1).line(()) == 2


def test_source_line_just_after_the_last_line_is_empty():
    doc = parse_yaml("title: Håb\nsummary: Om\n", offset=1)  # source: title, summary, ""
    assert doc.source_line(3) == "summary: Om" and doc.source_line(4) == "" and doc.source_line(5) == ""
