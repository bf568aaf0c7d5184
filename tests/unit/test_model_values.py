"""Single values in editors' files: what the model accepts, what it keeps, and the hint an
editor gets for a value that is almost right."""

from __future__ import annotations

import pytest

from helpers import COURSE
from rskole.model import CourseSpec, Registration, danish_choice
from rskole.sources import parse_yaml
from rskole.validation import validate

PATH = "courses/haab.yml"
FORMATS = "in-person (fremmøde), online, hybrid (fremmøde eller online)"
STATUSES = "open (åben), waitlist (venteliste), full (fuldt booket), cancelled (aflyst)"
AUDIENCES = "citizens (borgere), relatives (pårørende), professionals (fagprofessionelle)"


def course_problems(text: str) -> list[str]:
    doc = parse_yaml(text.lstrip("\n"))
    spec, problems = validate(CourseSpec, doc.data, doc, PATH)
    assert (spec is None) == bool(problems)
    return [str(p) for p in sorted(problems)]


def course(old: str, new: str) -> str:
    assert old in COURSE
    return COURSE.replace(old, new, 1)


def with_line(line: str) -> str:
    return course("location: vaerkstedet", f"location: vaerkstedet\n{line}")


@pytest.mark.parametrize("teachers, value, expected", [
    ("[Anne Madsen, karsten-holm]", "Anne Madsen", "(fx 'anne-madsen')"),
    ("[anne-madsen, '!!!']", "!!!", "(fx 'mit-id')"),  # nothing to make an id of: a neutral example
])
def test_a_teacher_id_that_is_not_an_id_gets_an_example(teachers, value, expected):
    assert course_problems(course("teachers: [anne-madsen, karsten-holm]", f"teachers: {teachers}")) == [
        f"{PATH}:6: 'teachers': '{value}' er ikke et gyldigt id; brug små bogstaver a-z, tal og bindestreger {expected}"
    ]


def test_a_summary_of_exactly_200_characters_is_accepted():
    assert course_problems(course("summary: Hvad giver håb?", "summary: " + "a" * 200)) == []


@pytest.mark.parametrize("written, fix", [("23.59", '"23:59"'), ("0.00", '"00:00"'), ("9.59", '"09:59"')])
def test_a_time_written_as_a_number_at_the_edges_of_the_day_gets_the_fix(written, fix):
    text = course('start: "10:00"', f"start: {written}").replace('end: "12:00"', 'end: "23:59"')
    assert course_problems(text) == [f"{PATH}:10: 'start': '{written}' er ikke et klokkeslæt; skriv klokkeslættet som {fix}"]


@pytest.mark.parametrize("written", ["24", "24.00", "9.60", "23.60"])
def test_a_number_that_is_no_time_of_day_gets_no_fix(written):
    assert course_problems(course('start: "10:00"', f"start: {written}")) == [
        f"{PATH}:10: 'start': '{written}' er ikke et klokkeslæt; skriv det som \"TT:MM\" i anførselstegn, fx \"10:00\""
    ]


def test_an_online_link_needs_more_than_the_scheme():
    assert course_problems(with_line("format: online\nonline_url: https://").replace("location: vaerkstedet\n", "")) == [
        f"{PATH}:8: 'online_url': 'https://' er ikke et sikkert link; et onlinelink skal begynde med https://"
    ]


@pytest.mark.parametrize("written", ["mailto:tilmelding@example.dk", "MAILTO:tilmelding@example.dk", "tilmelding@example.dk"])
def test_an_email_is_kept_without_mailto(written):
    # The page makes the link itself: "mailto:mailto:..." would open no mail program.
    assert Registration.model_validate({"email": written}).email == "tilmelding@example.dk"


def test_a_phone_number_must_be_text_not_true():
    assert course_problems(with_line("registration:\n  phone: true")) == [
        f'{PATH}:9: \'phone\' skal være tekst; sæt den i anførselstegn, hvis den ligner et tal: "true"'
    ]


def test_a_phone_number_written_as_a_number_is_kept_as_text():
    assert Registration.model_validate({"phone": 12345678}).phone == "12345678"


# --- Danish words for the fixed values, typed without æ, ø and å --------------------------


@pytest.mark.parametrize("line, field, line_no, key, name, choices", [
    # "både og" and "åben" written without å and with two letters swapped
    ("format: baeog", "format", 8, "hybrid", "fremmøde eller online", FORMATS),
    ("status: aebn", "status", 8, "open", "åben", STATUSES),
    # "pårørende" without å and ø, with two letters swapped, alone and with "de"
    ("audiences: [parornede]", "audiences", 5, "relatives", "pårørende", AUDIENCES),
    ("audiences: [de parornede]", "audiences", 5, "relatives", "pårørende", AUDIENCES),
])
def test_a_danish_word_with_a_slip_still_gets_the_key(line, field, line_no, key, name, choices):
    text = course("audiences: [citizens]", line) if field == "audiences" else with_line(line)
    written = line.split(": ", 1)[1].strip("[]")
    what = {"format": "en kursusform", "status": "en status", "audiences": "en målgruppe"}[field]
    assert course_problems(text) == [
        f"{PATH}:{line_no}: '{field}': '{written}' er ikke {what} (mente du '{key}' ({name})?); mulige værdier: {choices}"
    ]


@pytest.mark.parametrize("written, vocabulary", [("zomo", "formats"), ("aen", "statuses"), ("måske", "statuses")])
def test_a_word_only_loosely_like_a_danish_value_gets_no_key(written, vocabulary):
    assert danish_choice(written, vocabulary) is None


@pytest.mark.parametrize("old, new, expected", [
    ("title: Håb og recovery", "title:", "1: 'title' er tom; skriv en værdi"),
    ("title: Håb og recovery", "title: '  '", "1: 'title' er tom; skriv en værdi"),
    ("date: 2027-03-03", "date: [2027-03-03]", "9: 'date' skal være en dato, fx 2027-03-03, ikke en liste"),
    ('start: "10:00"', "start: {kl: 10}", "10: 'start' skal være et klokkeslæt, fx \"10:00\", ikke en opslagstabel"),
    ('end: "12:00"', "end: [12, 0]", "11: 'end' skal være et klokkeslæt, fx \"10:00\", ikke en liste"),
])
def test_empty_text_and_a_list_or_table_for_a_date_or_time(old, new, expected):
    assert course_problems(course(old, new)) == [f"{PATH}:{expected}"]


def test_a_quoted_time_with_spaces_around_it_is_read():
    doc = parse_yaml(course('start: "10:00"', 'start: " 10:00 "').lstrip("\n"))
    spec, problems = validate(CourseSpec, doc.data, doc, PATH)
    assert problems == [] and spec.sessions[0].start.isoformat() == "10:00:00"


def test_invisible_characters_are_taken_out_of_text():
    # Pasted from Word or an email: a bell, a vertical tab, C1 controls and bidirectional
    # overrides, which would make the title read differently from how it is stored.
    doc = parse_yaml(course("title: Håb og recovery", 'title: "\\aHåb\\v og\\u0085 \\u202eredo\\u2069 recovery\\u009f"').lstrip("\n"))
    spec, problems = validate(CourseSpec, doc.data, doc, PATH)
    assert problems == [] and spec.title == "Håb og redo recovery"


@pytest.mark.parametrize("new, expected", [
    ("title: [Håb, Mod]", "1: 'title' skal være tekst, ikke en liste eller en opslagstabel"),
    ("title: {da: Håb}", "1: 'title' skal være tekst, ikke en liste eller en opslagstabel"),
    ('title: "\\u202e\\u0007"', "1: 'title' er tom; skriv en værdi"),
])
def test_text_that_is_no_text(new, expected):
    assert course_problems(course("title: Håb og recovery", new)) == [f"{PATH}:{expected}"]


@pytest.mark.parametrize("new, expected", [
    ("themes: 9", "4: 'themes' skal være tekst; sæt den i anførselstegn, hvis den ligner et tal: \"9\""),
    ("themes: true", "4: 'themes' skal være en liste (linjer, der begynder med '- ', eller [a, b])"),
    ("themes: {hope: 1}", "4: 'themes' skal være en liste (linjer, der begynder med '- ', eller [a, b])"),
])
def test_a_single_value_for_a_list(new, expected):
    assert course_problems(course("themes: [hope]", new)) == [f"{PATH}:{expected}"]


@pytest.mark.parametrize("date, start, expected", [
    ('" 2027-03-03 "', '"10:00"', None),
    ('"2027-02-30 "', '"10:00"', "9: 'date': datoen 2027-02-30 findes ikke i kalenderen"),
    ('"2027-13-01"', '"10:00"', "9: 'date': datoen 2027-13-01 findes ikke i kalenderen"),
    ("2027-03-03", '"00:00"', None),
    ("2027-03-03", '"9.30"', None),
    ("2027-03-03", '"24:00"', "10: 'start': klokkeslættet 24:00 findes ikke (brug 00:00-23:59)"),
    ("2027-03-03", '" 10:60 "', "10: 'start': klokkeslættet 10:60 findes ikke (brug 00:00-23:59)"),
])
def test_dates_and_times_that_are_and_are_not_in_the_calendar(date, start, expected):
    text = course("date: 2027-03-03", f"date: {date}").replace('start: "10:00"', f"start: {start}")
    assert course_problems(text) == ([f"{PATH}:{expected}"] if expected else [])


def test_a_quoted_time_that_is_no_time_is_quoted_back():
    assert course_problems(course('start: "10:00"', 'start: "ti"')) == [
        f"{PATH}:10: 'start': 'ti' er ikke et klokkeslæt; skriv det som \"TT:MM\" i anførselstegn, fx \"10:00\""
    ]
