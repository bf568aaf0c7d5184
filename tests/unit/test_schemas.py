"""The JSON Schemas in schemas/: generated from the models, committed, and they agree with
the build on what is valid."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, FormatChecker

from helpers import COURSE, LOCATIONS, TEACHERS, TERM
from rskole.model import AUDIENCES, FORMATS, ROLES, STATUSES, THEMES, CourseSpec, Location, Teacher, TermSpec
from rskole.schemas import all_schemas, render, stale_schemas
from rskole.sources import Document, load_markdown_file, load_yaml_file, parse_yaml
from rskole.validation import validate

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = all_schemas()
MODELS = {"course.schema.json": CourseSpec, "teachers.schema.json": Teacher,
          "locations.schema.json": Location, "glossary-term.schema.json": TermSpec}


def validator(name: str) -> Draft7Validator:
    return Draft7Validator(SCHEMAS[name], format_checker=FormatChecker())


def schema_ok(name: str, data) -> bool:
    return validator(name).is_valid(data)


def model_ok(name: str, data) -> bool:
    """What the build's model says about one file (cross-file rules aside)."""
    model = MODELS[name]
    doc = Document(data, {})
    if name in ("teachers.schema.json", "locations.schema.json"):
        if not isinstance(data, dict):
            return False
        from rskole.danish import is_slug
        return all(is_slug(str(k)) and validate(model, v, doc, "x", (k,))[0] is not None for k, v in data.items())
    return validate(model, data, doc, "x")[0] is not None


def yaml(text: str):
    return parse_yaml(textwrap.dedent(text).lstrip("\n")).data


# --- generated and committed --------------------------------------------------------


def test_committed_schemas_match_the_models():
    stale = stale_schemas(REPO / "schemas")
    assert not stale, (
        f"schemas/{', '.join(stale)} differ from hooks/rskole/model.py: run "
        "'PYTHONPATH=hooks .venv/bin/python -m rskole schemas' and commit the files"
    )
    assert sorted(p.name for p in (REPO / "schemas").glob("*.json")) == sorted(SCHEMAS)


def test_schemas_are_valid_draft_07():
    for name, schema in SCHEMAS.items():
        Draft7Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert "$defs" not in render(schema), name


def _properties(node, path=()):
    """(path, property name, property schema) of every property anywhere in a schema."""
    if isinstance(node, dict):
        for key, sub in (node.get("properties") or {}).items():
            yield path, key, sub
        for key, value in node.items():
            yield from _properties(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _properties(item, path + (i,))


def test_every_field_has_a_danish_description_and_examples():
    seen = 0
    for name, schema in SCHEMAS.items():
        for path, key, prop in _properties(schema):
            seen += 1
            assert prop.get("description"), (name, path, key)
            assert prop.get("examples"), (name, path, key)
            assert "title" not in prop, (name, key)  # pydantic's English field titles are left out
    assert seen >= 30
    danish = " ".join(p.get("description", "") for s in SCHEMAS.values() for _, _, p in _properties(s))
    assert all(ch in danish for ch in "æøå")


def test_every_object_rejects_unknown_keys():
    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for item in node:
                yield from objects(item)

    for name, schema in SCHEMAS.items():
        found = list(objects(schema))
        assert found, name
        for obj in found:
            assert obj.get("additionalProperties") is False, (name, obj.get("title"))


def test_id_files_map_slug_ids_to_entries():
    for name, model in (("teachers.schema.json", "Teacher"), ("locations.schema.json", "Location")):
        schema = SCHEMAS[name]
        assert schema["patternProperties"] == {"^[a-z0-9]+(-[a-z0-9]+)*$": {"$ref": f"#/definitions/{model}"}}
        assert schema["additionalProperties"] is False


def _enum(prop):
    for option in prop.get("anyOf", [prop]):
        option = option.get("items", option)
        if "enum" in option:
            return option["enum"]
    return None


def test_vocabularies_are_enums():
    course = SCHEMAS["course.schema.json"]["properties"]
    assert _enum(course["themes"]) == list(THEMES)
    assert _enum(course["audiences"]) == list(AUDIENCES)
    assert _enum(course["format"]) == list(FORMATS)
    assert _enum(course["status"]) == list(STATUSES)
    assert _enum(SCHEMAS["teachers.schema.json"]["definitions"]["Teacher"]["properties"]["role"]) == list(ROLES)


def test_dates_and_times():
    session = SCHEMAS["course.schema.json"]["definitions"]["SessionSpec"]["properties"]
    assert session["date"]["format"] == "date" and session["date"]["pattern"] == r"^\d{4}-\d{2}-\d{2}$"
    for key in ("start", "end"):
        assert session[key]["type"] == "string" and "format" not in session[key]
    assert schema_ok("course.schema.json", {**yaml(COURSE), "sessions": [{"date": "2027-03-03", "start": "9:30", "end": "12:00"}]})


# --- agreement with the build ---------------------------------------------------------


def _content_files():
    for root in (REPO / "tests" / "fixtures" / "portal", REPO / "tests" / "fixtures" / "spec-example"):
        for path in sorted((root / "courses").rglob("*.yml")):
            name = {"_teachers.yml": "teachers.schema.json", "_locations.yml": "locations.schema.json"}.get(path.name, "course.schema.json")
            yield name, path, load_yaml_file(path).data
        for path in sorted((root / "glossary").rglob("*.md")):
            yield "glossary-term.schema.json", path, load_markdown_file(path).meta.data


def test_every_valid_file_is_accepted():
    count = 0
    for name, path, data in _content_files():
        errors = [e.message for e in validator(name).iter_errors(data)]
        assert not errors, (path, errors)
        count += 1
    for name, text in (("course.schema.json", COURSE), ("teachers.schema.json", TEACHERS), ("locations.schema.json", LOCATIONS)):
        assert schema_ok(name, yaml(text))
    assert schema_ok("glossary-term.schema.json", yaml(TERM.split("---")[1]))
    assert count > 50


def course(**changes):
    data = dict(yaml(COURSE))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


SESSION = {"date": "2027-03-03", "start": "10:00", "end": "12:00"}

# Both the schema and the build accept these less usual, but valid, ways of writing.
ACCEPTED = [
    ("course.schema.json", course(themes="hope")),  # one value where a list is expected
    ("course.schema.json", course(sessions=None)),
    ("course.schema.json", course(sessions=[])),
    ("course.schema.json", course(sessions=[{**SESSION, "start": "10.00"}])),
    ("course.schema.json", course(sessions=[{**SESSION, "weekly": 6, "except": ["2027-03-24"], "cancelled": True}])),
    ("course.schema.json", course(registration={"phone": 12345678})),
    ("course.schema.json", course(registration={"email": "mailto:tilmelding@example.dk", "url": "HTTPS://example.dk"})),
    ("course.schema.json", course(format="online", location=None, online_url="https://moede.example.dk")),
    ("course.schema.json", course(capacity=14, status="waitlist", glossary=["chime"])),
    ("teachers.schema.json", {"anne-madsen": {"name": "Anne", "role": "relative", "bio": "Tekst"}}),
    ("glossary-term.schema.json", {"term": "CHIME", "forms": "chime-modellen", "see_also": ["a"], "source": "x"}),
]

# Both the schema and the build reject these: misspelt keys and wrong types.
REJECTED = [
    ("course.schema.json", course(sesions=[])),
    ("course.schema.json", course(titel="x")),
    ("course.schema.json", course(title=None)),
    ("course.schema.json", course(title=2027)),
    ("course.schema.json", course(title="   ")),
    ("course.schema.json", course(summary="x" * 201)),
    ("course.schema.json", course(themes=["hoep"])),
    ("course.schema.json", course(themes=[])),
    ("course.schema.json", course(themes=["hope", "hope"])),
    ("course.schema.json", course(audiences=["borgere"])),
    ("course.schema.json", course(teachers=["Anne Madsen"])),
    ("course.schema.json", course(format="fremmøde")),
    ("course.schema.json", course(status="aaben")),
    ("course.schema.json", course(capacity="mange")),
    ("course.schema.json", course(capacity=0)),
    ("course.schema.json", course(capacity=True)),
    ("course.schema.json", course(online_url="http://moede.example.dk")),
    ("course.schema.json", course(registration={"mail": "x@example.dk"})),
    ("course.schema.json", course(registration={"email": "ikke en adresse"})),
    ("course.schema.json", course(registration={"url": "www.example.dk"})),
    ("course.schema.json", course(registration={"url": 'https://example.dk/"onclick="x'})),
    ("course.schema.json", course(online_url="https://moede.example.dk/<script>")),
    ("course.schema.json", course(registration={"phone": "ring til os"})),
    ("course.schema.json", course(registration={"email": "a@example.dk", "deadline": "24/2"})),
    ("course.schema.json", course(sessions=[{**SESSION, "dato": "2027-03-03"}])),
    ("course.schema.json", course(sessions=[{**SESSION, "date": "3/3/2027"}])),
    ("course.schema.json", course(sessions=[{**SESSION, "date": "2027-3-3"}])),
    ("course.schema.json", course(sessions=[{**SESSION, "start": "10"}])),
    ("course.schema.json", course(sessions=[{**SESSION, "start": "25:00"}])),
    ("course.schema.json", course(sessions=[{**SESSION, "end": 600}])),
    ("course.schema.json", course(sessions=[{**SESSION, "weekly": 0}])),
    ("course.schema.json", course(sessions=[{**SESSION, "weekly": 105}])),
    ("course.schema.json", course(sessions=[{**SESSION, "cancelled": "måske"}])),
    ("course.schema.json", course(sessions=[{"date": "2027-03-03", "start": "10:00"}])),
    ("course.schema.json", course(sessions={"date": "2027-03-03"})),
    ("teachers.schema.json", {"Anne Madsen": {"name": "Anne", "role": "peer"}}),
    ("teachers.schema.json", {"anne": {"name": "Anne", "role": "peer-ish"}}),
    ("teachers.schema.json", {"anne": {"role": "peer"}}),
    ("teachers.schema.json", {"anne": {"name": "Anne", "role": "peer", "titel": "x"}}),
    ("teachers.schema.json", {"anne": "Anne Madsen"}),
    ("locations.schema.json", {"vaerkstedet": {"name": "Værkstedet"}}),
    ("locations.schema.json", {"vaerkstedet": {"name": "Værkstedet", "address": "Vej 1", "adgang": "x"}}),
    ("glossary-term.schema.json", {"forms": ["x"]}),
    ("glossary-term.schema.json", {"term": "CHIME", "sees_also": ["x"]}),
    ("glossary-term.schema.json", {"term": "CHIME", "see_also": ["Forbundethed"]}),
]


@pytest.mark.parametrize("name, data", ACCEPTED)
def test_schema_and_build_accept(name, data):
    assert model_ok(name, data)
    assert schema_ok(name, data), [e.message for e in validator(name).iter_errors(data)]


@pytest.mark.parametrize("name, data", REJECTED)
def test_schema_and_build_reject(name, data):
    assert not model_ok(name, data)
    assert not schema_ok(name, data)


def test_the_vscode_error_for_a_bad_time_is_danish():
    from jsonschema.exceptions import best_match

    error = best_match(validator("course.schema.json").iter_errors(course(sessions=[{**SESSION, "start": "10"}])))
    assert list(error.absolute_path) == ["sessions", 0, "start"]
    assert "TT:MM" in error.schema["patternErrorMessage"]


def test_link_characters_match_the_builds():
    """The schemas' link patterns allow exactly the characters the build's links allow."""
    import re

    from rskole.model import _URL_BAD, _URL_CHAR

    for code in range(0x3000):
        c = chr(code)
        assert bool(re.fullmatch(_URL_CHAR, c)) != bool(_URL_BAD.search(c)), repr(c)


# --- writing the files (python -m rskole schemas) ----------------------------------------


def _latin1_locale(monkeypatch):
    """Files opened without an encoding as on a machine whose locale is Latin-1 (an
    older Windows set-up): pathlib asks io.text_encoding for the encoding then."""
    import io

    real = io.text_encoding
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: real(encoding or "latin-1"))


def test_write_schemas_creates_the_folder_and_reports_only_changed_files(tmp_path, monkeypatch):
    from rskole.schemas import write_schemas

    _latin1_locale(monkeypatch)
    folder = tmp_path / "ny" / "schemas"
    assert sorted(p.name for p in write_schemas(folder)) == sorted(SCHEMAS)
    for name, schema in SCHEMAS.items():
        # UTF-8 whatever the machine's locale: VS Code reads the Danish descriptions as UTF-8.
        assert (folder / name).read_bytes() == render(schema).encode("utf-8"), name
    assert stale_schemas(folder) == []
    assert write_schemas(folder) == []  # nothing changed: nothing rewritten
    (folder / "course.schema.json").write_text("{}\n", encoding="utf-8")
    (folder / "teachers.schema.json").unlink()
    assert sorted(stale_schemas(folder)) == ["course.schema.json", "teachers.schema.json"]
    assert sorted(write_schemas(folder)) == [folder / "course.schema.json", folder / "teachers.schema.json"]
    assert stale_schemas(folder) == []


def test_rendered_schema_keeps_danish_letters():
    text = render(SCHEMAS["course.schema.json"])
    assert "Kursusgang" in text and "Sidste dag for tilmelding (ÅÅÅÅ-MM-DD)" in text and "\\u00" not in text
    assert text.endswith("}\n") and text.startswith('{\n  "$schema": ')
