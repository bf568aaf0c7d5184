"""The repository carries its own contract: docs/indholdsmodel.md, the pydantic models
(hooks/rskole/model.py), the JSON Schemas (schemas/) and the editors' guide agree.

Each model has a table in the document, after a `<!-- model: Name -->` marker, whose
first column names its fields. Every field of every model is in its table and in its
schema, and every field a table names exists. The document's examples are valid content."""

from __future__ import annotations

import inspect
import json
import re
import textwrap
from pathlib import Path

import pytest
from pydantic import BaseModel

from helpers import load_files
from rskole import model
from rskole.schemas import TITLES
from rskole.sources import parse_yaml

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "indholdsmodel.md").read_text(encoding="utf-8")
GUIDE = (REPO / "docs" / "redaktoervejledning.md").read_text(encoding="utf-8")

#: Every model of an editor's file or setting, found in model.py (a new one must be documented too).
MODELS: dict[str, type[BaseModel]] = {
    name: cls for name, cls in vars(model).items()
    if inspect.isclass(cls) and issubclass(cls, BaseModel) and cls.__module__ == model.__name__ and not name.startswith("_")
}


def fields(cls: type[BaseModel]) -> dict[str, object]:
    """The model's fields by the name editors write (``except``, not ``except_``)."""
    return {info.alias or name: info for name, info in cls.model_fields.items()}


def table_after(text: str, marker: str) -> list[list[str]]:
    """The rows (cells) of the Markdown table that follows ``marker``, header and rule left out."""
    start = text.index(marker) + len(marker)
    rows = []
    for line in text[start:].lstrip("\n").splitlines():
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows[2:]


def documented(name: str) -> dict[str, list[str]]:
    rows = table_after(DOC, f"<!-- model: {name} -->")
    out = {}
    for row in rows:
        match = re.fullmatch(r"`([a-z_]+)`", row[0])
        assert match, f"{name}: the first column names a field in backticks: {row[0]!r}"
        out[match.group(1)] = row
    return out


def schema_properties() -> dict[str, set[str]]:
    """Properties of every titled object in the committed schema files, by title."""
    found: dict[str, set[str]] = {}

    def walk(node):
        if isinstance(node, dict):
            if "title" in node and "properties" in node:
                found[node["title"]] = set(node["properties"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in (REPO / "schemas").glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def test_models_are_found():
    assert {"CourseSpec", "SessionSpec", "Registration", "Teacher", "Location", "TermSpec", "SiteSettings"} <= set(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_field_is_documented_and_every_documented_field_exists(name):
    in_model = set(fields(MODELS[name]))
    in_doc = set(documented(name))
    assert in_model - in_doc == set(), f"fields of {name} missing from docs/indholdsmodel.md"
    assert in_doc - in_model == set(), f"docs/indholdsmodel.md names fields {name} does not have"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_required_and_defaults_agree(name):
    rows = documented(name)
    for field, info in fields(MODELS[name]).items():
        required, default = rows[field][1], rows[field][2]
        assert (required == "ja") == info.is_required(), (name, field, required)
        if isinstance(info.default, bool):
            assert f"`{str(info.default).lower()}`" == default, (name, field, default)
        elif isinstance(info.default, str):
            assert info.default in default, (name, field, default)


@pytest.mark.parametrize("cls", list(TITLES), ids=lambda c: c.__name__)
def test_every_schema_has_exactly_the_models_fields(cls):
    # A file's own title says which file it is: "Kursus (courses/<navn>.yml)".
    matches = [props for title, props in schema_properties().items()
               if title == TITLES[cls] or title.startswith(TITLES[cls] + " (")]
    assert len(matches) == 1, f"one schema object titled {TITLES[cls]!r}"
    assert matches[0] == set(fields(cls))


def test_only_the_site_settings_have_no_schema():
    # extra.portal lives in mkdocs.yml, which has MkDocs' own schema; the document covers it.
    assert set(MODELS.values()) - set(TITLES) == {model.SiteSettings}


@pytest.mark.parametrize("values, name", [
    (model.THEMES, "CHIME-temaer"), (model.AUDIENCES, "målgrupper"), (model.FORMATS, "kursusformer"),
    (model.STATUSES, "statusser"), (model.ROLES, "roller"),
])
def test_every_fixed_value_is_documented(values, name):
    for key in values:
        assert f"`{key}`" in DOC, (name, key)


def test_theme_table_lists_the_chime_themes():
    rows = table_after(DOC, "### 4.1 CHIME-temaer\n")
    assert {row[0].strip("`"): row[1] for row in rows} == {k: v["name"] for k, v in model.THEMES.items()}


def doc_blocks(language: str) -> list[str]:
    return [textwrap.dedent(b) for b in re.findall(rf"^```{language}\n(.*?)^```", DOC, re.S | re.M)]


def test_the_examples_are_valid_content(tmp_path):
    yaml_blocks = doc_blocks("yaml")
    course = next(b for b in yaml_blocks if b.startswith("title:"))
    teachers = next(b for b in yaml_blocks if b.startswith("anne-madsen:"))
    places = next(b for b in yaml_blocks if b.startswith("vaerkstedet:"))
    term = next(b for b in doc_blocks("markdown") if b.startswith("---\nterm:"))
    files = {
        "courses/haab.yml": course, "courses/_teachers.yml": teachers, "courses/_locations.yml": places,
        "glossary/erfaringskompetence.md": term,
        **{f"glossary/{slug}.md": f"---\nterm: {slug}\n---\nX.\n" for slug in ("levede-erfaringer", "personlig-recovery", "chime")},
    }
    catalogue, problems = load_files(tmp_path, files, defaults=False)
    assert not problems, [str(p) for p in problems.sorted()]
    assert set(catalogue.courses) == {"haab"} and set(catalogue.teachers) == {"anne-madsen", "karsten-holm"}
    # The example uses every field of a course and of a session.
    spec = parse_yaml(course).data
    assert set(spec) == set(fields(model.CourseSpec))
    assert set().union(*spec["sessions"]) == set(fields(model.SessionSpec))


def test_the_settings_example_is_valid():
    block = next(b for b in doc_blocks("yaml") if b.startswith("extra:"))
    settings = model.SiteSettings.model_validate(parse_yaml(block).data["extra"]["portal"])
    assert settings.name


def guide_fields(section: str) -> set[str]:
    """Field names in the first column of the guide's tables in one numbered section."""
    text = GUIDE.split(f"\n## {section}. ")[1].split("\n## ")[0]
    return set(re.findall(r"^\| `([a-z_]+(?:: [a-z_]+)?)` \|", text, re.M))


@pytest.mark.parametrize("section, allowed", [
    ("4", set(fields(model.CourseSpec)) | set(fields(model.SessionSpec)) | {f"registration: {f}" for f in fields(model.Registration)}),
    ("8", set(fields(model.Teacher))),
    ("9", set(fields(model.Location))),
    ("10", set(fields(model.TermSpec))),
])
def test_every_field_in_the_guide_exists(section, allowed):
    named = guide_fields(section)
    assert named, section
    assert named - allowed == set()


def test_the_readme_links_to_the_contract_in_the_repository():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "(docs/indholdsmodel.md)" in readme
    assert "../shared/spec" not in readme
