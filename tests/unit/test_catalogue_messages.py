"""A problem quoting what the editor wrote stays one readable line (rskole.catalogue._visible).

A line break, a control character or a right-to-left override inside a quoted value
would break the report's one line per problem or turn it around on the screen; such
characters are shown by their code.
"""

from __future__ import annotations

import os

import pytest

from helpers import COURSE, problems_of

ALLOWED = ("tilladte felter: title, summary, description, learning_outcomes, themes, audiences, teachers, format, "
           "location, online_url, online_url_public, capacity, status, drop_in, registration, glossary, sessions")


@pytest.mark.parametrize("key, shown", [
    # Right-to-left override (Cf), line feed and bell (Cc).
    ("ny\\u202Egnal\\nlinje\\a", "ny[U+202E]gnal[U+000A]linje[U+0007]"),
    # Line and paragraph separators (Zl, Zp), soft hyphen (Cf), tab (Cc).
    ("mo\\u2028de\\u2029r\\u00ADx\\t", "mo[U+2028]de[U+2029]r[U+00AD]x[U+0009]"),
], ids=["override-newline-bell", "separators-soft-hyphen-tab"])
def test_invisible_characters_in_a_quoted_value_are_shown_by_code(tmp_path, key, shown):
    text = COURSE.strip("\n") + f'\n"{key}": 1\n'
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [f"courses/haab.yml:12: ukendt felt '{shown}'; {ALLOWED}"]


def test_a_file_name_that_is_not_utf8_is_shown_by_code(tmp_path):
    # A Latin-1 "é" in a file name reaches Python as a lone surrogate (Cs).
    (tmp_path / "courses").mkdir()
    with open(os.path.join(os.fsencode(tmp_path / "courses"), b"caf\xe9.yml"), "wb") as f:
        f.write(COURSE.encode())
    [problem] = problems_of(tmp_path, {})
    assert problem.endswith(": filnavnet 'caf[U+DCE9].yml' kan ikke bruges som adresse; omdøb filen til 'caf.yml'")


def test_visible_text_is_left_as_written(tmp_path):
    text = COURSE.strip("\n") + '\n"færdig ø å": 1\n'
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [f"courses/haab.yml:12: ukendt felt 'færdig ø å'; {ALLOWED}"]


def unknown_key(tmp_path, key: str) -> str:
    # An explicit key ("? "): YAML allows a plain key of at most 1024 characters.
    [problem] = problems_of(tmp_path, {"courses/haab.yml": COURSE.strip("\n") + f'\n? "{key}"\n: 1\n'})
    prefix = "courses/haab.yml:12: "
    assert problem.startswith(prefix)
    return problem[len(prefix):]


def test_a_message_of_300_characters_quotes_the_value_in_full(tmp_path):
    key = "k" * 82
    message = f"ukendt felt '{key}'; {ALLOWED}"
    assert len(message) == 300
    assert unknown_key(tmp_path, key) == message


def test_a_longer_message_keeps_the_start_and_end_of_a_long_quoted_value(tmp_path):
    key = "a" * 40 + "b" * 28 + "c" * 15
    assert unknown_key(tmp_path, key) == f"ukendt felt '{'a' * 40} … {'c' * 15}'; {ALLOWED}"


@pytest.mark.parametrize("length", [1000, 1001, 1200])
def test_a_message_over_1000_characters_is_cut(tmp_path, length):
    # Apostrophes inside the value: no quoted part of 61 characters to shorten.
    key = ("ab'" * 400)[:length - len(f"ukendt felt ''; {ALLOWED}")]
    message = f"ukendt felt '{key}'; {ALLOWED}"
    assert len(message) == length
    assert unknown_key(tmp_path, key) == (message if length <= 1000 else message[:995] + " …")
