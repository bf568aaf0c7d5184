"""Which pages the portal makes, with the title, description and search settings a
visitor and a search engine see (rskole.registry)."""

from __future__ import annotations

import pytest

from helpers import load_files
from rskole.build import front_matter
from rskole.registry import page_specs

#: The portal's own pages: (source URI, kind, title, meta description, the page's URL).
FIXED = [
    ("kurser/index.md", "courses", "Kurser", "Alle kommende kurser på recoveryskolen. Alle kan deltage, uden henvisning og gratis.", "kurser/"),
    ("arkiv.md", "archive", "Arkiv", "Afsluttede kurser på recoveryskolen.", "arkiv/"),
    ("kalender.md", "calendar", "Kalender", "Alle kommende kursusgange, måned for måned og uge for uge.", "kalender/"),
    ("undervisere/index.md", "teachers", "Undervisere",
     "Skolens undervisere: med levede erfaringer, som pårørende og fagprofessionelle.", "undervisere/"),
    ("steder/index.md", "places", "Steder", "Her foregår kurserne.", "steder/"),
    ("temaer/index.md", "themes", "Temaer", "Kurserne ordnet efter de fem CHIME-temaer for personlig recovery.", "temaer/"),
    ("program.md", "programme", "Kursusprogram", "Alle kommende kurser på én side, klar til at printe.", "program/"),
    ("min-plan.md", "plan", "Min plan", "Din egen liste over kurser, du overvejer. Den gemmes kun i din browser.", "min-plan/"),
    ("ordbog/index.md", "glossary", "Mini-ordbog", "Ord og begreber om recovery og peer-støtte, forklaret kort.", "ordbog/"),
]

COURSE = """
title: Håb og recovery
summary: Hvad giver håb?
description: Om *håb*.
themes: [hope]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
sessions:
  - {date: 2027-03-03, start: "10:00", end: "12:00"}
"""

TEACHERS = """
anne-madsen: {name: Anne Madsen, role: peer, title: Recoverymentor, bio: Anne fortæller.}
karsten-holm: {name: Karsten Holm, role: professional}
"""


@pytest.fixture(scope="module")
def specs(tmp_path_factory):
    cat, problems = load_files(tmp_path_factory.mktemp("p"), {
        "courses/haab.yml": COURSE, "courses/_teachers.yml": TEACHERS,
        "glossary/chime.md": "---\nterm: CHIME\n---\nFem *elementer*.\n\nMere tekst.\n"})
    assert not problems, problems.report()
    return page_specs(cat)


def test_the_portals_own_pages_come_first_in_the_navigations_order(specs):
    assert [s.src_uri for s in specs[:len(FIXED)]] == [f[0] for f in FIXED]


@pytest.mark.parametrize("src_uri, kind, title, description, url", FIXED)
def test_each_of_the_portals_own_pages(specs, src_uri, kind, title, description, url):
    spec = next(s for s in specs if s.src_uri == src_uri)
    assert (spec.kind, spec.key, spec.url, spec.in_nav, spec.body, spec.source) == (kind, None, url, True, "", None)
    # Listings repeat what other pages say: out of search, without a table of contents.
    assert front_matter(spec) == {"title": title, "description": description, "hide": ["toc"], "search": {"exclude": True}}


def by_uri(specs):
    return {s.src_uri: s for s in specs}


def test_a_course_page(specs):
    spec = by_uri(specs)["kurser/haab.md"]
    assert (spec.kind, spec.key, spec.title, spec.body, spec.description, spec.source, spec.in_nav) == (
        "course", "haab", "Håb og recovery", "Om *håb*.", "Hvad giver håb?", "courses/haab.yml", False)
    assert front_matter(spec) == {"title": "Håb og recovery", "description": "Hvad giver håb?", "hide": ["toc"]}


@pytest.mark.parametrize("src_uri, title, body, description", [
    ("undervisere/anne-madsen.md", "Anne Madsen", "Anne fortæller.", "Recoverymentor"),
    ("undervisere/karsten-holm.md", "Karsten Holm", "", "Fagprofessionel underviser"),  # no title: the role
])
def test_teacher_pages(specs, src_uri, title, body, description):
    spec = by_uri(specs)[src_uri]
    assert (spec.kind, spec.title, spec.body, spec.description, spec.source) == (
        "teacher", title, body, description, "courses/_teachers.yml")
    assert not spec.search_exclude


def test_place_and_theme_pages(specs):
    place = by_uri(specs)["steder/vaerkstedet.md"]
    assert (place.kind, place.key, place.title, place.body, place.description, place.source) == (
        "place", "vaerkstedet", "Værkstedet", "", "Eksempelvej 12, 4000 Roskilde", "courses/_locations.yml")
    theme = by_uri(specs)["temaer/hope.md"]
    assert (theme.kind, theme.key, theme.title, theme.source) == ("theme", "hope", "Håb og optimisme", None)
    assert theme.description == "At tro på, at det kan blive bedre, og at have drømme og mål for fremtiden."
    assert [s.key for s in specs if s.kind == "theme"] == ["connectedness", "hope", "identity", "meaning", "empowerment"]


def test_a_term_page_is_boosted_in_search(specs):
    spec = by_uri(specs)["ordbog/chime.md"]
    assert (spec.kind, spec.key, spec.title, spec.description, spec.source) == (
        "term", "chime", "CHIME", "Fem elementer.", "glossary/chime.md")
    assert spec.body.startswith("Fem *elementer*.")
    assert front_matter(spec) == {"title": "CHIME", "description": "Fem elementer.", "hide": ["toc"], "search": {"boost": 3.0}}


def test_pages_of_each_kind_are_sorted_by_id(specs):
    assert [s.key for s in specs if s.kind == "teacher"] == ["anne-madsen", "karsten-holm"]
    assert [s.key for s in specs if s.kind == "place"] == ["biblioteket", "vaerkstedet"]
    assert [s.key for s in specs if s.kind == "term"] == ["chime", "personlig-recovery"]
