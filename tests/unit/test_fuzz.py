"""Fuzzing the loader: whatever an editor's file holds, the build ends in a complete
model or in located Danish problems (``path:line: message``), never a traceback or a hang.

Seeded and derandomized with a fixed budget, so a failure reproduces on every run and
the file runs in a few seconds. Files are written as bytes, exactly as generated.
"""

from __future__ import annotations

import os
import re
import signal
import tempfile
import textwrap
import unicodedata
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import COURSE, LOCATIONS, TEACHERS, TERM, load_files
from rskole.model import CourseSpec, Location, SessionSpec, Teacher, TermSpec
from rskole.problems import Problem

#: FUZZ_SCALE=20 runs twenty times the examples (a longer search, still reproducible).
SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
FUZZ = settings(
    derandomize=True,
    deadline=None,
    max_examples=60 * SCALE,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

COURSE_PATH = "courses/haab.yml"
TEACHERS_PATH = "courses/_teachers.yml"
LOCATIONS_PATH = "courses/_locations.yml"
TERM_PATH = "glossary/fuzz.md"

# A course that uses every field, so that mutations reach every validator.
FULL_COURSE = """\
title: Håb og recovery
summary: Hvad giver håb, og hvordan holder man fast i det?
description: |
  På kurset undersøger vi, hvad der giver håb.

  - Fortællinger
  - Samtaler
learning_outcomes:
  - Du får redskaber til at finde håb.
themes: [hope, connectedness]
audiences: [citizens, relatives]
teachers: [anne-madsen, karsten-holm]
format: hybrid
location: vaerkstedet
online_url: https://moede.example.dk/haab
capacity: 14
status: open
registration:
  url: https://recoveryskolen.example.dk/tilmelding
  email: tilmelding@example.dk
  phone: "+45 12 34 56 78"
  deadline: 2027-02-24
  note: Husk at skrive, hvis du har brug for tolk.
glossary: [personlig-recovery, fuzz]
sessions:
  - date: 2027-03-03
    start: "10:00"
    end: "12:00"
    topic: Hvad er håb?
    weekly: 6
    except: [2027-03-24]
  - date: 2027-04-21
    start: 13:00
    end: "15:30"
    location: biblioteket
    cancelled: true
"""

FULL_TEACHERS = """\
anne-madsen:
  name: Anne Madsen
  role: peer
  title: Underviser med erfaringskompetence
  bio: |
    Anne har selv været indlagt.

    Hun underviser i *håb*.
karsten-holm:
  name: Karsten Holm
  role: professional
inge-berg:
  name: Inge Berg
  role: relative
"""

FULL_LOCATIONS = """\
vaerkstedet:
  name: Værkstedet
  address: Eksempelvej 12, 4000 Roskilde
  accessibility: Niveaufri adgang og handicaptoilet.
  directions: Bus 202 til Eksempelvej.
biblioteket:
  name: Biblioteket
  address: Bibliotekvej 1, 4000 Roskilde
"""

FULL_TERM = """\
---
term: Erfaringskompetence
forms: [erfaringskompetencer, erfaringskompetencen]
see_also: [personlig-recovery]
source: "[Socialstyrelsen](https://socialstyrelsen.dk)"
---
Når levede erfaringer er bearbejdet, så de kan bruges til gavn for andre.

Mere tekst.
"""

VALID = {COURSE_PATH: FULL_COURSE, TEACHERS_PATH: FULL_TEACHERS, LOCATIONS_PATH: FULL_LOCATIONS, TERM_PATH: FULL_TERM}


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# The defaults that helpers.load_files would write, as exact bytes.
BASE = {
    COURSE_PATH: _dedent(COURSE).encode(),
    TEACHERS_PATH: _dedent(TEACHERS).encode(),
    LOCATIONS_PATH: _dedent(LOCATIONS).encode(),
    "glossary/personlig-recovery.md": _dedent(TERM).encode(),
}


# --- The property ---------------------------------------------------------------------

ENGLISH = re.compile(
    r"Traceback|<class|Input should|Field required|validation error|\b(?:expected|found|while (?:scanning|parsing)|"
    r"could not|cannot|unacceptable|not allowed|special characters|Exceeds|object|NoneType)\b",
)
DANISH = re.compile(
    r"\b(?:er|skal|mangler|ikke|må|står|findes|har|kun|der|en|et|og|med|eller|til|ukendt|felt|filen|linjen|tom)\b"
)
INVISIBLE = {"Cc", "Cs", "Zl", "Zp"}
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def line_count(data: bytes) -> int:
    """Lines as an editor's text editor counts them: CRLF, CR and LF each end a line."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    def alarm(signum, frame):
        raise Hang(f"the loader ran for more than {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def check(files: dict[str, bytes], zone: str = "Europe/Copenhagen"):
    """Load BASE with ``files`` on top; assert the property; return (catalogue, problems)."""
    all_files = {**BASE, **files}
    with tempfile.TemporaryDirectory() as tmp, time_limit(10):
        cat, problems = load_files(Path(tmp), all_files, defaults=False, zone=zone)
    for p in problems.items:
        assert isinstance(p, Problem), p
        assert p.path in all_files, p
        text = str(p)
        assert re.fullmatch(re.escape(p.path) + r"(:\d+)?: \S.*", text), repr(text)
        assert 0 <= p.line <= line_count(all_files[p.path]), (p, line_count(all_files[p.path]))
        message = p.message
        assert message.strip() == message and message, repr(message)
        assert not any(unicodedata.category(c) in INVISIBLE or c in BIDI for c in message), repr(message)
        assert len(message) <= 1000, len(message)
        unquoted = re.sub(r"'[^']*'", "''", message)
        assert not ENGLISH.search(unquoted), repr(message)
        assert DANISH.search(message), repr(message)
    if not problems:
        # The model is complete: every file is in the catalogue.
        assert "haab" in cat.courses
        assert {"anne-madsen", "karsten-holm"} <= set(cat.teachers)
        assert "vaerkstedet" in cat.locations
        assert "personlig-recovery" in cat.terms
        if TERM_PATH in all_files:
            assert "fuzz" in cat.terms
        # Every value can be written out as UTF-8 (no lone surrogates). Control characters
        # written as escapes ("\u0007") are the output's to escape, as in the hostile fixture.
        values = [c.spec.model_dump() for c in cat.courses.values()]
        values += [t.model_dump() for t in cat.teachers.values()] + [l.model_dump() for l in cat.locations.values()]
        values += [(t.spec.model_dump(), t.body) for t in cat.terms.values()]
        for s in _strings(values):
            s.encode("utf-8")
    return cat, problems


def test_valid_files_load_completely():
    files = {path: text.encode() for path, text in VALID.items()}
    cat, problems = check(files)
    assert not problems, problems.report()
    assert len(cat.courses["haab"].sessions) == 6


# --- (a) arbitrary YAML documents -----------------------------------------------------

FIELDS = {
    COURSE_PATH: list(CourseSpec.model_fields) + ["sessions"],
    TEACHERS_PATH: list(Teacher.model_fields),
    LOCATIONS_PATH: list(Location.model_fields),
    TERM_PATH: list(TermSpec.model_fields),
}
SESSION_FIELDS = [f.alias or name for name, f in SessionSpec.model_fields.items()]
WORDS = ["hope", "citizens", "anne-madsen", "karsten-holm", "vaerkstedet", "biblioteket", "open", "peer",
         "professional", "online", "hybrid", "2027-03-03", "2027-02-30", "10:00", "25:00", "https://x.dk",
         "tilmelding@example.dk", "+45 12 34 56 78", "personlig-recovery", "", " ", "true", "no", "~"]

text_values = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs", "Cc", "Cf"]), max_size=20),
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.integers(), st.floats(allow_nan=True), text_values,
    st.dates().map(str), st.times().map(lambda t: t.strftime("%H:%M")),
)
any_yaml = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(sum(FIELDS.values(), SESSION_FIELDS)), st.text(max_size=10)), inner, max_size=6),
    ),
    max_leaves=25,
)


def shaped(fields: list[str]):
    """A mapping with the model's own field names (some), and anything as values."""
    return st.dictionaries(st.sampled_from(fields + ["sesions", "titel"]), any_yaml, max_size=len(fields))


session_like = st.dictionaries(st.sampled_from(SESSION_FIELDS + ["dato"]), st.one_of(scalars, st.lists(scalars, max_size=3)), max_size=8)
course_like = st.builds(
    lambda base, sessions: {**base, **({"sessions": sessions} if sessions is not None else {})},
    shaped(FIELDS[COURSE_PATH]),
    st.none() | st.lists(session_like, max_size=4),
)
id_map = lambda fields: st.dictionaries(  # noqa: E731
    st.one_of(st.sampled_from(["anne-madsen", "karsten-holm", "vaerkstedet", "Ikke Et Id", "2027"]), st.text(max_size=8)),
    st.one_of(shaped(fields), any_yaml),
    max_size=4,
)


def dump(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=None)


def as_file(path: str, text: str) -> bytes:
    if path.endswith(".md"):
        text = f"---\n{text}---\nEn definition.\n"
    return text.encode("utf-8", "surrogatepass")


@FUZZ
@given(course=st.one_of(course_like, any_yaml))
def test_arbitrary_yaml_course(course):
    check({COURSE_PATH: as_file(COURSE_PATH, dump(course))})


@FUZZ
@given(path=st.sampled_from([TEACHERS_PATH, LOCATIONS_PATH]), data=st.data())
def test_arbitrary_yaml_teachers_and_locations(path, data):
    value = data.draw(st.one_of(id_map(FIELDS[path]), any_yaml))
    check({path: as_file(path, dump(value))})


@FUZZ
@given(meta=st.one_of(shaped(FIELDS[TERM_PATH]), any_yaml))
def test_arbitrary_yaml_glossary_front_matter(meta):
    check({TERM_PATH: as_file(TERM_PATH, dump(meta))})


dates = st.one_of(
    st.dates(),
    st.dates(date(2026, 1, 1), date(2028, 12, 31)),
    st.sampled_from([date.min, date(1, 1, 2), date(9999, 10, 1), date(9999, 12, 25), date.max]),
)
session_entry = st.fixed_dictionaries(
    {"date": dates, "start": st.times(), "end": st.times()},
    optional={
        "weekly": st.integers(1, 104),
        "except": st.lists(dates, max_size=3),
        "topic": st.text(max_size=10),
        "location": st.sampled_from(["biblioteket", "vaerkstedet", "ukendt"]),
        "cancelled": st.booleans(),
    },
).map(lambda s: {k: (v.strftime("%H:%M") if k in ("start", "end") else v) for k, v in s.items()})


@FUZZ
@given(sessions=st.lists(session_entry, max_size=4), zone=st.sampled_from(["Europe/Copenhagen", "UTC", "Pacific/Kiritimati", "America/St_Johns"]))
def test_arbitrary_sessions(sessions, zone):
    """Well-formed entries on any date (year 1 to 9999), in several time zones."""
    course = yaml.safe_load(FULL_COURSE)
    course["sessions"] = sessions
    check({COURSE_PATH: dump(course).encode(), TERM_PATH: FULL_TERM.encode()}, zone=zone)


YAMLISH = list(":-?[]{},&*!|>'\"#%@`~\\ \t\n\r") + ["- ", ": ", "\n  ", "&a ", "*a", "<<: ", "!!", "---\n", "...\n",
                                                   "\u202e", "\x00", "\ufeff", "\x0b", "\x85", "\u2028", "æ", "ø", "å",
                                                   "title", "sessions", "date", "10:00", "2027-03-03", "9" * 20]
yamlish_text = st.lists(st.one_of(st.sampled_from(YAMLISH), st.text(max_size=3)), max_size=60).map("".join)


@FUZZ
@given(path=st.sampled_from([COURSE_PATH, TEACHERS_PATH, LOCATIONS_PATH, TERM_PATH]), text=yamlish_text)
def test_yamlish_text(path, text):
    check({path: as_file(path, text)})


# --- (b) arbitrary bytes ----------------------------------------------------------------


@FUZZ
@given(path=st.sampled_from([COURSE_PATH, TEACHERS_PATH, LOCATIONS_PATH, TERM_PATH]), data=st.binary(max_size=400))
def test_arbitrary_bytes(path, data):
    check({path: data})


@FUZZ
@given(path=st.sampled_from([COURSE_PATH, TERM_PATH]), data=st.binary(max_size=200), at=st.integers(0, 2000))
def test_bytes_inside_a_valid_file(path, data, at):
    valid = VALID[path].encode()
    at = min(at, len(valid))
    check({path: valid[:at] + data + valid[at:]})


# --- (c) mutations of valid files -------------------------------------------------------

SPECIAL = ["\u202e", "\x00", "\ufeff", "\t", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\n",
           "\ud800", "\u200b", "\ufffe", "'", '"', ":", ": ", "- ", "#", "&a ", "*a ", "!!", "!!binary ", "{", "[",
           "%", "@", "`", "|", ">", "\\", "\\u", '"\\x1b"', "æøå", "\U0001f600", "9" * 5000]
_KEY_VALUE = re.compile(r"^(\s*(?:- )?[\w-]+:)(.*)$")


@st.composite
def mutated(draw, text: str) -> bytes:
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "swap", "insert", "truncate", "replace"]))
        n = len(lines)
        if n == 0:
            break
        i = draw(st.integers(0, n - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = draw(st.sampled_from([" ", "  ", "    ", "\t"])) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][draw(st.integers(1, 4)):] if lines[i][:1].isspace() else lines[i].lstrip()
        elif op == "swap":
            j = draw(st.integers(0, n - 1))
            a, b = _KEY_VALUE.match(lines[i].rstrip("\n")), _KEY_VALUE.match(lines[j].rstrip("\n"))
            if a and b:
                lines[i], lines[j] = a.group(1) + b.group(2) + "\n", b.group(1) + a.group(2) + "\n"
            else:
                lines[i], lines[j] = lines[j], lines[i]
        elif op in ("insert", "replace"):
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            piece = draw(st.one_of(st.sampled_from(SPECIAL), st.characters(codec=None), st.text(max_size=4)))
            end = at + (1 if op == "replace" else 0)
            lines[i] = line[:at] + piece + line[end:]
        elif op == "truncate":
            whole = "".join(lines)
            cut = draw(st.integers(0, len(whole)))
            lines = whole[:cut].splitlines(keepends=True)
    return "".join(lines).encode("utf-8", "surrogatepass")


@settings(FUZZ, max_examples=120 * SCALE)
@given(data=mutated(FULL_COURSE))
def test_mutated_course(data):
    check({COURSE_PATH: data, TERM_PATH: FULL_TERM.encode()})


@FUZZ
@given(data=mutated(FULL_TEACHERS))
def test_mutated_teachers(data):
    check({TEACHERS_PATH: data})


@FUZZ
@given(data=mutated(FULL_LOCATIONS))
def test_mutated_locations(data):
    check({LOCATIONS_PATH: data})


@FUZZ
@given(data=mutated(FULL_TERM))
def test_mutated_glossary(data):
    check({TERM_PATH: data})


# --- What the fuzzer found, kept as plain examples ----------------------------------------

COURSE_TEXT = _dedent(COURSE)


@pytest.mark.parametrize(
    "path, data, expected",
    [
        # A vertical tab (Word's soft line break) or another control character: a traceback.
        (COURSE_PATH, COURSE_TEXT.replace("Håb og", "Håb\x0bog").encode(),
         "courses/haab.yml:1: linjen indeholder et usynligt tegn, som ikke må stå i filen (U+000B); slet det"),
        # More than 4,300 digits: Python refuses to convert them (a traceback).
        (COURSE_PATH, (COURSE_TEXT + "capacity: " + "9" * 5000 + "\n").encode(),
         "courses/haab.yml:12: tallet har 5000 cifre"),
        # A control character written as an escape in a key was printed raw in the message.
        (COURSE_PATH, (COURSE_TEXT + '"\\x1f\\u202e": 1\n').encode(),
         "courses/haab.yml:12: ukendt felt '[U+001F][U+202E]'"),
        # A line break inside a quoted value broke "one problem per line".
        (COURSE_PATH, COURSE_TEXT.replace("themes: [hope]", "themes: ['hop\n\n  e']").encode(),
         "courses/haab.yml:4: 'themes': 'hop[U+000A]e' er ikke et CHIME-tema"),
        # An indented first line: PyYAML's English message came through.
        (COURSE_PATH, (" " + COURSE_TEXT).encode(),
         "courses/haab.yml:2: YAML-syntaksfejl: indrykningen passer ikke: linjen står længere ude end filens første linje"),
        # PyYAML counts LINE SEPARATOR as a line break; an editor does not (line 6 was reported).
        (COURSE_PATH, COURSE_TEXT.replace("Om håb.", "Om\u2028håb:\u2028x").encode(),
         "courses/haab.yml:3: YAML-syntaksfejl: der mangler et kolon efter en nøgle"),
        # A key without its colon was reported on the line after it.
        (COURSE_PATH, COURSE_TEXT.replace("summary:", "summary").encode(),
         "courses/haab.yml:2: YAML-syntaksfejl: der mangler et kolon efter en nøgle"),
        # Old Mac line endings (CR only) count as lines.
        (COURSE_PATH, COURSE_TEXT.replace("\n", "\r").replace("hope]", "hopee]").encode(),
         "courses/haab.yml:4: 'themes': 'hopee' er ikke et CHIME-tema (mente du 'hope'?)"),
        # A lone UTF-16 surrogate from a \u escape: pydantic's English "Input should be ...".
        (COURSE_PATH, COURSE_TEXT.replace("title: Håb og recovery", 'title: "Håb \\ud800"').encode(),
         "courses/haab.yml:1: teksten indeholder koden \\ud800, som ikke er et tegn"),
        # An empty teachers file: the course built although its teachers do not exist.
        (TEACHERS_PATH, b"{}\n",
         "courses/haab.yml:6: underviseren 'anne-madsen' findes ikke i courses/_teachers.yml"),
        # A weekly series past the year 9999, or a session at 00:00 on 0001-01-01: OverflowError.
        (COURSE_PATH, (COURSE_TEXT.replace("2027-03-03", "9999-12-25") + "    weekly: 2\n").encode(),
         "courses/haab.yml:9: datoen 9999-12-25 ligger ikke mellem år 1900 og 2999; tjek årstallet"),
        (COURSE_PATH, COURSE_TEXT.replace("2027-03-03", "0001-01-01").replace('"10:00"', '"00:00"').encode(),
         "courses/haab.yml:9: datoen 0001-01-01 ligger ikke mellem år 1900 og 2999; tjek årstallet"),
        # Front matter that is opened but never closed.
        (TERM_PATH, b"---\nterm: X\nEn definition.\n",
         "glossary/fuzz.md:1: front matter begynder med '---' i linje 1, men ingen linje med '---' afslutter den"),
    ],
    ids=["control-char", "long-int", "escaped-control-in-key", "newline-in-value", "indented-first-line",
         "line-separator", "key-without-colon", "cr-line-endings", "lone-surrogate", "empty-teachers", "year-9999", "year-1",
         "unclosed-front-matter"],
)
def test_found_by_fuzzing(path, data, expected):
    _, problems = check({path: data})
    assert any(str(p).startswith(expected) for p in problems.items), [str(p) for p in problems.sorted()]


def test_escaped_surrogate_pair_is_one_character():
    text = COURSE_TEXT.replace("title: Håb og recovery", 'title: "Håb \\ud83d\\ude00"')
    cat, problems = check({COURSE_PATH: text.encode()})
    assert not problems, problems.report()
    assert cat.courses["haab"].spec.title == "Håb \U0001f600"
