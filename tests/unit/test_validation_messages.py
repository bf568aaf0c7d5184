"""Validation messages an editor reads (path:line: message), checked on one file without
loading a whole project: which line, which fields are offered, which hints are given."""

from __future__ import annotations

import pytest

from helpers import COURSE
from rskole.model import CourseSpec
from rskole.sources import parse_yaml
from rskole.validation import validate

PATH = "courses/haab.yml"
REGISTRATION_FIELDS = "url, email, phone, deadline, note"
COURSE_FIELDS = ("title, summary, description, learning_outcomes, themes, audiences, teachers, format, location, "
                 "online_url, online_url_public, capacity, status, drop_in, registration, glossary, sessions")


def problems(text: str, hints: int = 50) -> list[str]:
    doc = parse_yaml(text.lstrip("\n"))
    spec, found = validate(CourseSpec, doc.data, doc, PATH, hints=hints)
    assert (spec is None) == bool(found)
    return [str(p) for p in sorted(found)]


def with_lines(old: str, new: str) -> str:
    assert old in COURSE
    return COURSE.replace(old, new, 1)


@pytest.mark.parametrize("old, new, expected", [
    # An empty value is reported as empty, never as the word 'None' the editor did not write.
    ('start: "10:00"', "start:", "10: 'start' er tom; skriv en værdi"),
    ('end: "12:00"', "end: ~", "11: 'end' er tom; skriv en værdi"),
    ("date: 2027-03-03", "date:", "9: 'date' er tom; skriv en værdi"),
    ('end: "12:00"', 'end: "12:00"\n    cancelled:', "12: 'cancelled' er tom; skriv en værdi"),
])
def test_an_empty_value_is_called_empty(old, new, expected):
    assert problems(with_lines(old, new)) == [f"{PATH}:{expected}"]


def test_a_missing_session_field_points_at_the_session():
    # Line 9 is the session's "- date:" line, not "sessions:" on line 8.
    assert problems(with_lines('    end: "12:00"\n', "")) == [f"{PATH}:9: feltet 'end' mangler"]


def test_an_unknown_key_in_registration_offers_the_registration_fields():
    text = with_lines("location: vaerkstedet", "location: vaerkstedet\nregistration:\n  mail: a@example.dk")
    assert problems(text) == [f"{PATH}:9: ukendt felt 'mail' (mente du 'email'?); tilladte felter: {REGISTRATION_FIELDS}"]


def test_a_number_for_a_key_is_an_unknown_field():
    assert problems(COURSE + "2027: noget\n") == [f"{PATH}:12: ukendt felt '2027'; tilladte felter: {COURSE_FIELDS}"]


@pytest.mark.parametrize("written, line", [("themes: 1.50", 4), ("themes: [1.50]", 4), ("themes:\n  - 1.50", 5)])
def test_a_number_in_a_list_is_quoted_as_written(written, line):
    assert problems(with_lines("themes: [hope]", written)) == [
        f'{PATH}:{line}: \'themes\' skal være tekst; sæt den i anførselstegn, hvis den ligner et tal: "1.50"'
    ]


MISTAKES = with_lines("location: vaerkstedet", "location: vaerkstedet\nstatus: aaben\nsumery: x\nformat: Online")


def test_hints_are_given_for_the_first_problems_only():
    assert problems(MISTAKES, hints=0) == [
        f"{PATH}:8: 'status': 'aaben' er ikke en status; mulige værdier: "
        "open (åben), waitlist (venteliste), full (fuldt booket), cancelled (aflyst)",
        f"{PATH}:9: ukendt felt 'sumery'; tilladte felter: {COURSE_FIELDS}",
        f"{PATH}:10: 'format': 'Online' er ikke en kursusform; mulige værdier: "
        "in-person (fremmøde), online, hybrid (fremmøde eller online)",
    ]
    assert sum("mente du" in p for p in problems(MISTAKES, hints=1)) == 1
    assert problems(MISTAKES) == [
        f"{PATH}:8: 'status': 'aaben' er ikke en status (mente du 'open' (åben)?); mulige værdier: "
        "open (åben), waitlist (venteliste), full (fuldt booket), cancelled (aflyst)",
        f"{PATH}:9: ukendt felt 'sumery' (mente du 'summary'?); tilladte felter: {COURSE_FIELDS}",
        # A key in the wrong case is the key, not the Danish word that happens to be spelt alike.
        f"{PATH}:10: 'format': 'Online' er ikke en kursusform (mente du 'online'?); mulige værdier: "
        "in-person (fremmøde), online, hybrid (fremmøde eller online)",
    ]


def test_a_prose_line_in_front_matter_gets_the_indentation_hint(tmp_path):
    from helpers import problems_of

    term = "---\nterm: X\nsource: |\n  Socialstyrelsen\nKilden er: en rapport\n---\nTekst.\n"
    assert problems_of(tmp_path, {"glossary/x.md": term}) == [
        "glossary/x.md:5: ukendt felt 'Kilden er'; linjen hører måske til teksten ovenfor: "
        "ryk den ind med mellemrum som linjerne over"
    ]


@pytest.mark.parametrize("text, expected", [
    ("anne-madsen: Anne Madsen\n", "1: 'anne-madsen' skal være en opslagstabel med felter (linjer med 'navn: værdi'), men er en enkelt værdi"),
    ("anne-madsen:\n  - name: Anne\n", "1: 'anne-madsen' skal være en opslagstabel med felter (linjer med 'navn: værdi'), men er en liste"),
])
def test_an_entry_that_is_not_a_table_of_fields(text, expected):
    from rskole.model import Teacher

    doc = parse_yaml(text)
    spec, found = validate(Teacher, doc.data["anne-madsen"], doc, "courses/_teachers.yml", ("anne-madsen",))
    assert spec is None and [str(p) for p in found] == [f"courses/_teachers.yml:{expected}"]


def test_a_file_that_is_one_value():
    doc = parse_yaml("Håb og recovery\n")
    _, found = validate(CourseSpec, doc.data, doc, PATH)
    assert [str(p) for p in found] == [
        f"{PATH}:1: filen skal være en opslagstabel med felter (linjer med 'navn: værdi'), men er en enkelt værdi"
    ]


def test_pydantics_own_errors_are_handed_on():
    # The build salvages what it can of a file with mistakes from these.
    doc = parse_yaml(with_lines("themes: [hope]", "themes: [hoep]"))
    raw: list[dict] = []
    validate(CourseSpec, doc.data, doc, PATH, raw_errors=raw)
    assert [(e["type"], e["loc"]) for e in raw] == [("unknown_choice", ("themes", 0))]


def test_a_number_as_the_only_date_to_skip_is_quoted_as_written():
    text = with_lines('    end: "12:00"', '    end: "12:00"\n    weekly: 3\n    except: 2027.10')
    assert problems(text) == [
        f"{PATH}:13: 'except': '2027.10' er ikke en dato; skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-03"
    ]


def test_a_field_name_after_a_text_block_gets_no_indentation_hint():
    # "noter" is no prose: an unknown field, not a line that lost its indentation.
    text = with_lines("description: Om håb.", "description: |\n  Om håb.\nnoter: x")
    assert problems(text) == [f"{PATH}:5: ukendt felt 'noter'; tilladte felter: {COURSE_FIELDS}"]


def test_a_number_for_a_key_in_mkdocs_yml():
    # MkDocs's own YAML reader keeps 2027 a number, unlike the content files' reader.
    from rskole.catalogue import load_settings

    _, _, found = load_settings({"portal": {"name": "Recoveryskolen", 2027: "x"}})
    assert [str(p) for p in found] == [
        "mkdocs.yml: extra.portal: ukendt felt '2027'; tilladte felter: name, timezone, contact, phone, address, "
        "opening_hours, crisis, accessibility_statement, url"
    ]


def test_beyond_the_hint_limit_a_misspelt_required_field_is_also_reported_missing():
    # Without the hint "mente du 'summary'?" the editor needs to be told that summary is missing.
    text = COURSE.replace("summary:", "summery:")
    assert problems(text, hints=0) == [
        f"{PATH}:1: feltet 'summary' mangler",
        f"{PATH}:2: ukendt felt 'summery'; tilladte felter: {COURSE_FIELDS}",
    ]
