"""The editors' guide (docs/redaktoervejledning.md): its examples are valid content, its
links lead somewhere, and it covers the commands editors need."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from helpers import COURSE, load_files

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "redaktoervejledning.md"
TEXT = GUIDE.read_text(encoding="utf-8")

CHIME = "---\nterm: CHIME\n---\nEn model.\n"
EXTRA_TERMS = {"glossary/chime.md": CHIME, "glossary/levede-erfaringer.md": "---\nterm: Levede erfaringer\n---\nX.\n",
               "glossary/dobbeltkompetence.md": "---\nterm: Dobbeltkompetence\n---\nY.\n"}


def blocks(language: str) -> list[str]:
    return [textwrap.dedent(b) for b in re.findall(rf"^ *```{language}\n(.*?)^ *```", TEXT, re.S | re.M)]


def course_with_sessions(sessions_yaml: str) -> str:
    base = COURSE.split("sessions:")[0].lstrip("\n")
    if not sessions_yaml.startswith("sessions:"):
        sessions_yaml = "sessions:\n" + textwrap.indent(sessions_yaml, "  ")
    return base + sessions_yaml


def examples():
    for block in blocks("yaml"):
        if block.startswith("title:"):
            yield "course", {"courses/eksempel.yml": block}
        elif block.startswith(("sessions:", "- date:")):
            yield "sessions", {"courses/eksempel.yml": course_with_sessions(block)}
        elif block.startswith("anne-madsen:"):
            yield "teacher", {"courses/_teachers.yml": block + "karsten-holm:\n  name: K\n  role: professional\n"}
        elif block.startswith("vaerkstedet:"):
            yield "place", {"courses/_locations.yml": block + "biblioteket:\n  name: B\n  address: Vej 1\n"}
    for block in blocks("markdown"):
        if block.startswith("---\nterm:"):
            yield "term", {"glossary/erfaringskompetence.md": block}


EXAMPLES = list(examples())


def test_the_guide_has_examples_of_every_kind():
    kinds = [kind for kind, _ in EXAMPLES]
    for kind in ("course", "sessions", "teacher", "place", "term"):
        assert kind in kinds, kind
    assert kinds.count("sessions") >= 6


@pytest.mark.parametrize("kind, files", EXAMPLES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(EXAMPLES)])
def test_every_example_is_valid_content(tmp_path, kind, files):
    catalogue, problems = load_files(tmp_path, {**EXTRA_TERMS, **files})
    assert not problems, [str(p) for p in problems.sorted()]
    if "courses/eksempel.yml" in files:
        assert "eksempel" in catalogue.courses


def github_anchor(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_internal_links_lead_to_headings():
    anchors = {github_anchor(h) for h in re.findall(r"^#{2,3} (.+)$", TEXT, re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", TEXT)
    assert len(links) > 15
    for link in links:
        assert link in anchors, link


def test_the_guide_covers_what_editors_do():
    for text in ("bash scripts/check.sh", "bash scripts/new.sh kursus", "bash scripts/new.sh ord", "--mappe",
                 "bash scripts/serve.sh", "PORTAL_TODAY=", "redhat.vscode-yaml", "pre-commit install",
                 "cancelled: true", "status: cancelled", "except:", "weekly:", "forms:", "see_also:",
                 "_teachers.yml", "_locations.yml", "git push", "--format github", "github.dev", "Edit this file",
                 "Annotations"):
        assert text in TEXT, text


@pytest.mark.parametrize("fragment", [
    "ukendt felt", "feltet '...' mangler", "er tom; skriv en værdi", "er ikke en dato", "er ikke et klokkeslæt",
    "findes ikke i kalenderen", "'except' nævner", "fordi urene stilles frem til sommertid",
    "fordi urene stilles tilbage fra sommertid",
    "kurset har ingen fagprofessionel underviser", "kurset har ingen underviser med levede erfaringer",
    "underviseren '...' findes ikke", "stedet '...' findes ikke", "YAML-syntaksfejl", "står to gange",
    "filen er ikke gemt som UTF-8", "see_also nævner", "bruges også af", "ordet har ingen definition",
    "kan ikke bruges som adresse", "der findes allerede et kursus", "er ikke en kendt tidszone", "PORTAL_TODAY='...'",
    "linjen hører måske til teksten ovenfor: ryk den ind med mellemrum som linjerne over", "skriv klokkeslættet som",
    "(mente du '...' (...)?)", "mulige værdier",
    "kurset har ingen tilmelding, og skolen har ingen kontakt", "kurset har 'drop_in: true' (man skal ikke melde sig til), men også 'registration'",
    "kurset har 'drop_in: true', så det kan ikke have status", "kan aldrig findes i en tekst, fordi det ikke er hele ord",
    "siden ligger, hvor portalen selv laver siden",
])
def test_the_error_table_explains(fragment):
    table = TEXT.split("## 15.")[1]
    assert fragment in table
