"""JSON Schemas of the editors' files, generated from the pydantic models in ``model.py``.

The schemas are committed in ``schemas/`` so that editors' tools (VS Code's YAML
extension) validate and complete course, teacher and place files as they type. They are
made, never written by hand: ``python -m rskole schemas`` writes them, and a test fails
when the committed files differ from what the models give.

Draft-07, because that is what the YAML language server supports everywhere; pydantic's
``$defs`` become ``definitions``. Field titles are left out (pydantic's would be English
and are never better than the Danish description).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from .danish import SLUG_RE
from .model import CourseSpec, Location, Registration, SessionSpec, Teacher, TermSpec

DRAFT = "http://json-schema.org/draft-07/schema#"
GENERATED_BY = "Genereret fra hooks/rskole/model.py med 'python -m rskole schemas'. Ret ikke filen i hånden."

#: Danish titles for every model (shown by editors' tools).
TITLES: dict[type[BaseModel], str] = {
    CourseSpec: "Kursus",
    SessionSpec: "Kursusgang",
    Registration: "Tilmelding",
    Teacher: "Underviser",
    Location: "Sted",
    TermSpec: "Ord i mini-ordbogen",
}


class _Generator(GenerateJsonSchema):
    def field_title_should_be_set(self, schema) -> bool:
        return False


def _model_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, ref_template="#/definitions/{model}", schema_generator=_Generator)
    definitions = schema.pop("$defs", {})
    names = {m.__name__: title for m, title in TITLES.items()}
    for name, definition in definitions.items():
        if name in names:
            definition["title"] = names[name]
    schema["title"] = TITLES[model]
    if definitions:
        schema["definitions"] = definitions
    return schema


def _document(schema: dict[str, Any], title: str, description: str) -> dict[str, Any]:
    """A whole schema file: $schema and a comment first, then the schema."""
    return {"$schema": DRAFT, "$comment": GENERATED_BY, **schema, "title": title, "description": description}


def course_schema() -> dict[str, Any]:
    return _document(
        _model_schema(CourseSpec),
        "Kursus (courses/<navn>.yml)",
        "Et kursus på recoveryskolen. Filnavnet er kursets adresse: courses/haab.yml bliver /kurser/haab/. "
        "Kør 'bash scripts/check.sh' for at tjekke alle filer med byggets egne fejlbeskeder.",
    )


def _id_map_schema(model: type[BaseModel], title: str, description: str, example: dict) -> dict[str, Any]:
    item = _model_schema(model)
    name = model.__name__
    definitions = {name: {k: v for k, v in item.items() if k != "definitions"}, **item.get("definitions", {})}
    return _document(
        {
            "type": "object",
            "patternProperties": {SLUG_RE.pattern: {"$ref": f"#/definitions/{name}"}},
            "additionalProperties": False,
            "examples": [example],
            "definitions": definitions,
        },
        title,
        description,
    )


def teachers_schema() -> dict[str, Any]:
    return _id_map_schema(
        Teacher,
        "Undervisere (courses/_teachers.yml)",
        "Hver underviser står under sit id (små bogstaver a-z, tal og bindestreger, fx anne-madsen), "
        "med felterne indrykket under. Kurserne henviser til underviserne med id'et.",
        {"anne-madsen": {"name": "Anne Madsen", "role": "peer", "title": "Underviser med erfaringskompetence"}},
    )


def locations_schema() -> dict[str, Any]:
    return _id_map_schema(
        Location,
        "Steder (courses/_locations.yml)",
        "Hvert sted står under sit id (små bogstaver a-z, tal og bindestreger, fx vaerkstedet), "
        "med felterne indrykket under. Kurserne henviser til stederne med id'et.",
        {"vaerkstedet": {"name": "Værkstedet", "address": "Eksempelvej 12, 4000 Roskilde"}},
    )


def glossary_term_schema() -> dict[str, Any]:
    return _document(
        _model_schema(TermSpec),
        "Ord i mini-ordbogen (front matter i glossary/<navn>.md)",
        "Front matter mellem to linjer med '---' øverst i glossary/<navn>.md; definitionen står under. "
        "VS Code kan ikke knytte et skema til front matter i Markdown: 'bash scripts/check.sh' tjekker det.",
    )


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every file in ``schemas/``."""
    return {
        "course.schema.json": course_schema(),
        "teachers.schema.json": teachers_schema(),
        "locations.schema.json": locations_schema(),
        "glossary-term.schema.json": glossary_term_schema(),
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; returns the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, schema in all_schemas().items():
        path = folder / name
        text = render(schema)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_schemas(folder: Path) -> list[str]:
    """Names of the schema files in ``folder`` that are missing or differ from the models."""
    stale = []
    for name, schema in all_schemas().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != render(schema):
            stale.append(name)
    return stale
