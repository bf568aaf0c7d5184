"""The validators and schema pieces that rskole.model builds when it is imported: the
fixed vocabularies (_one_of), the counts (_count), the lists (ListOf) and the JSON Schema
pieces (_ci, _enum_schema, _list_schema).

The tests use a copy of the module executed anew (``built()``), not the imported one.
Under mutation testing (scripts/mutation.sh) the imported module was built before the
mutant under test was switched on, so only a fresh execution builds the validators with
the mutant in them; in a plain test run the copy is the same code, built once."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from helpers import COURSE, TEACHERS
from rskole.sources import parse_yaml
from rskole.validation import validate

REPO = Path(__file__).resolve().parents[2]
_built: dict[str, tuple[ModuleType, ModuleType]] = {}


def _execute(name: str) -> ModuleType:
    """Module ``name`` executed anew, in sys.modules while it runs: pydantic resolves the
    string annotations (``from __future__ import annotations``) in sys.modules[name]."""
    spec = importlib.util.find_spec(name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def built() -> tuple[ModuleType, ModuleType]:
    """(rskole.model, rskole.schemas) executed anew; schemas made from that model."""
    key = os.environ.get("MUTANT_UNDER_TEST", "")
    if key and key in _built:
        del _built[key]  # a mutant run builds anew for every test (each test is run alone)
    if key not in _built:
        saved = {name: sys.modules[name] for name in ("rskole.model", "rskole.schemas")}
        try:
            model = _execute("rskole.model")
            schemas = _execute("rskole.schemas")  # imports the model just built
        finally:
            sys.modules.update(saved)
        _built[key] = (model, schemas)
    return _built[key]


def course_problems(text: str, hints: int = 50) -> list[str]:
    model, _ = built()
    doc = parse_yaml(text.lstrip("\n"))
    spec, problems = validate(model.CourseSpec, doc.data, doc, "courses/haab.yml", hints=hints)
    assert (spec is None) == bool(problems)
    return [str(p) for p in sorted(problems)]


def course(old: str, new: str) -> str:
    assert old in COURSE
    return COURSE.replace(old, new, 1)


# --- the JSON Schemas editors' tools use ----------------------------------------------


def test_schemas_from_a_fresh_model_are_the_committed_ones():
    _, schemas = built()
    assert schemas.stale_schemas(REPO / "schemas") == []


# --- the fixed vocabularies -----------------------------------------------------------

THEMES = "connectedness (forbundethed), hope (håb og optimisme), identity (identitet), meaning (mening), empowerment"
STATUSES = "open (åben), waitlist (venteliste), full (fuldt booket), cancelled (aflyst)"
FORMATS = "in-person (fremmøde), online, hybrid (fremmøde eller online)"
AUDIENCES = "citizens (borgere), relatives (pårørende), professionals (fagprofessionelle)"


@pytest.mark.parametrize("old, new, line, expected", [
    ("themes: [hope]", "themes: [hope, hoep]", 4, f"'themes': 'hoep' er ikke et CHIME-tema (mente du 'hope'?); mulige værdier: {THEMES}"),
    ("audiences: [citizens]", "audiences: [borgere]", 5,
     f"'audiences': 'borgere' er ikke en målgruppe (mente du 'citizens' (borgere)?); mulige værdier: {AUDIENCES}"),
    ("location: vaerkstedet", "location: vaerkstedet\nformat: fysisk", 8,
     f"'format': 'fysisk' er ikke en kursusform (mente du 'in-person' (fremmøde)?); mulige værdier: {FORMATS}"),
    ("location: vaerkstedet", "location: vaerkstedet\nstatus: måske", 8, f"'status': 'måske' er ikke en status; mulige værdier: {STATUSES}"),
])
def test_a_value_outside_a_vocabulary_lists_the_allowed_ones(old, new, line, expected):
    assert course_problems(course(old, new)) == [f"courses/haab.yml:{line}: {expected}"]


def test_without_a_hint_the_message_has_no_placeholder():
    assert course_problems(course("themes: [hope]", "themes: [hoep]"), hints=0) == [
        f"courses/haab.yml:4: 'themes': 'hoep' er ikke et CHIME-tema; mulige værdier: {THEMES}"
    ]


def test_a_teachers_role_outside_the_vocabulary():
    model, _ = built()
    doc = parse_yaml("anne-madsen:\n  name: Anne\n  role: peers\n")
    _, problems = validate(model.Teacher, doc.data["anne-madsen"], doc, "courses/_teachers.yml", ("anne-madsen",))
    assert [str(p) for p in problems] == [
        "courses/_teachers.yml:3: 'role': 'peers' er ikke en underviserrolle (mente du 'peer'?); mulige værdier: "
        "peer (levede erfaringer), relative (pårørende), professional (fagprofessionel)"
    ]


def test_every_documented_value_is_accepted_as_written():
    model, _ = built()
    text = course("themes: [hope]", "themes: [' connectedness', hope, identity, meaning, empowerment]")
    text = text.replace("audiences: [citizens]", "audiences: [citizens, relatives, professionals]")
    for fmt in ("in-person", "online", "hybrid"):
        for status in ("open", "waitlist", "full", "cancelled"):
            extra = f"\nformat: {fmt}\nstatus: {status}\nonline_url: https://moede.example.dk/x"
            doc = parse_yaml(text.replace("location: vaerkstedet", "location: vaerkstedet" + extra).lstrip("\n"))
            spec, problems = validate(model.CourseSpec, doc.data, doc, "courses/haab.yml")
            assert problems == []
            assert (spec.format, spec.status) == (fmt, status)
            assert spec.themes == ["connectedness", "hope", "identity", "meaning", "empowerment"]
            assert spec.audiences == ["citizens", "relatives", "professionals"]
    teachers = parse_yaml(TEACHERS.lstrip("\n")).data
    assert sorted(model.Teacher.model_validate(t).role for t in teachers.values()) == ["peer", "professional", "relative"]


# --- counts -----------------------------------------------------------------------------

SESSION_END = '    end: "12:00"'


@pytest.mark.parametrize("extra, expected", [
    ("    weekly: 1", None),
    ("    weekly: 104", None),
    ("    weekly: 0", "12: 'weekly' skal være mellem 1 og 104 (er 0)"),
    ("    weekly: 105", "12: 'weekly' skal være mellem 1 og 104 (er 105)"),
    ("    weekly: true", "12: 'weekly' skal være et helt tal, fx 6"),
    ("    weekly: seks", "12: 'weekly' skal være et helt tal, fx 6"),
])
def test_weekly_counts_one_to_a_hundred_and_four(extra, expected):
    found = course_problems(course(SESSION_END, f"{SESSION_END}\n{extra}"))
    assert found == ([f"courses/haab.yml:{expected}"] if expected else [])


@pytest.mark.parametrize("capacity, expected", [
    ("1", None), ("10000", None),
    ("0", "'capacity' skal være mellem 1 og 10000 (er 0)"),
    ("10001", "'capacity' skal være mellem 1 og 10000 (er 10001)"),
    ("12.5", "'capacity' skal være et helt tal, fx 6"),
])
def test_capacity_counts_one_to_ten_thousand(capacity, expected):
    found = course_problems(course("location: vaerkstedet", f"location: vaerkstedet\ncapacity: {capacity}"))
    assert found == ([f"courses/haab.yml:8: {expected}"] if expected else [])


# --- lists ------------------------------------------------------------------------------


@pytest.mark.parametrize("old, new, expected", [
    ("themes: [hope]", "themes: [hope, meaning, hope]", "4: 'themes': 'hope' står to gange i listen"),
    ("themes: [hope]", "themes: []", "4: 'themes': listen er tom; skriv mindst én værdi"),
    ("audiences: [citizens]", "audiences: []", "5: 'audiences': listen er tom; skriv mindst én værdi"),
    ("teachers: [anne-madsen, karsten-holm]", "teachers: []", "6: 'teachers': listen er tom; skriv mindst én værdi"),
    ("themes: [hope]", "themes:", "4: 'themes': feltet er tomt; skriv en liste, fx [hope, identity]"),
])
def test_list_mistakes(old, new, expected):
    assert course_problems(course(old, new)) == [f"courses/haab.yml:{expected}"]


def test_optional_lists_may_be_empty_and_one_value_is_a_list_of_one():
    model, _ = built()
    text = course("location: vaerkstedet", "location: vaerkstedet\nglossary: []\nlearning_outcomes: Du lærer noget")
    doc = parse_yaml(text.replace("themes: [hope]", "themes: hope").lstrip("\n"))
    spec, problems = validate(model.CourseSpec, doc.data, doc, "courses/haab.yml")
    assert problems == []
    assert (spec.themes, spec.glossary, spec.learning_outcomes) == (["hope"], [], ["Du lærer noget"])


# --- Danish words, looked up in the index the new module builds ---------------------------


@pytest.mark.parametrize("written, vocabulary, key", [
    ("baeog", "formats", "hybrid"),  # "både og" without å, two letters swapped
    ("aebn", "statuses", "open"),  # "åben"
    ("parornede", "audiences", "relatives"),  # "pårørende" without å and ø
    ("de parornede", "audiences", "relatives"),
    ("zomo", "formats", None),  # too far from "zoom" to guess
    ("aen", "statuses", None),
])
def test_danish_words_typed_without_special_letters(written, vocabulary, key):
    # The index of Danish words is built once per module (functools.cache): the new
    # module's index is built by its own _fold.
    model, _ = built()
    assert model.danish_choice(written, vocabulary) == key
