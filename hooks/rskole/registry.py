"""Which pages the portal generates: one PageSpec per page, decided from the Catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .model import ROLES, THEMES
from .routes import (ARCHIVE, CALENDAR, COURSES, GLOSSARY, PLACES, PLAN, PROGRAMME, TEACHERS, THEMES_INDEX,
                     course_uri, place_uri, teacher_uri, term_uri, theme_uri, url_of)
from .text import short_text


@dataclass(frozen=True)
class PageSpec:
    """One generated page."""

    src_uri: str
    kind: str
    key: str | None
    title: str
    #: Markdown that MkDocs renders as the page's own text (a description, bio or definition).
    body: str = ""
    description: str = ""
    #: The editor's file the page comes from, relative to the project root.
    source: str | None = None
    search_boost: float | None = None
    #: Left out of the search index (listings that repeat what other pages already say;
    #: within indexed pages, repeated parts carry Material's data-search-exclude).
    search_exclude: bool = False
    #: One search entry for the whole page, its sections included (``indexing.whole_pages``):
    #: the ids of the template's own headings, whose titles are labels. None: as Material
    #: makes them, an entry a section.
    search_whole: frozenset[str] | None = None
    #: Hide the table of contents (pages whose structure is the template's).
    hide_toc: bool = True

    @property
    def url(self) -> str:
        return url_of(self.src_uri)

    @property
    def in_nav(self) -> bool:
        return self.key is None


#: The course template's own headings that search reads (theme/portal/course.html): a
#: course is one search result, and "Om kurset" is no word of it.
COURSE_HEADINGS = frozenset({"om-kurset", "det-faar-du-med", "sted"})


def page_specs(cat: Catalogue) -> list[PageSpec]:
    """Every generated page, in a stable order."""
    specs = [
        PageSpec(COURSES, "courses", None, "Kurser", description="Alle kommende kurser på recoveryskolen. Alle kan deltage, uden henvisning og gratis.", search_exclude=True),
        PageSpec(ARCHIVE, "archive", None, "Arkiv", description="Afsluttede kurser på recoveryskolen.", search_exclude=True),
        PageSpec(CALENDAR, "calendar", None, "Kalender", description="Alle kommende kursusgange, måned for måned og uge for uge.", search_exclude=True),
        PageSpec(TEACHERS, "teachers", None, "Undervisere", description="Skolens undervisere: med levede erfaringer, som pårørende og fagprofessionelle.", search_exclude=True),
        PageSpec(PLACES, "places", None, "Steder", description="Her foregår kurserne.", search_exclude=True),
        PageSpec(THEMES_INDEX, "themes", None, "Temaer", description="Kurserne ordnet efter de fem CHIME-temaer for personlig recovery.", search_exclude=True),
        PageSpec(PROGRAMME, "programme", None, "Kursusprogram", description="Alle kommende kurser på én side, klar til at printe.",
                 search_exclude=True),
        PageSpec(PLAN, "plan", None, "Min plan", description="Din egen liste over kurser, du overvejer. Den gemmes kun i din browser.",
                 search_exclude=True),
        PageSpec(GLOSSARY, "glossary", None, "Mini-ordbog", description="Ord og begreber om recovery og peer-støtte, forklaret kort.", hide_toc=True,
                 search_exclude=True),
    ]
    for slug, course in sorted(cat.courses.items()):
        specs.append(PageSpec(course_uri(slug), "course", slug, course.spec.title, course.spec.description,
                              course.spec.summary, course.path, search_whole=COURSE_HEADINGS))
    for tid, teacher in sorted(cat.teachers.items()):
        specs.append(PageSpec(teacher_uri(tid), "teacher", tid, teacher.name, teacher.bio or "",
                              teacher.title or ROLES[teacher.role], cat.teachers_path))
    for pid, place in sorted(cat.locations.items()):
        specs.append(PageSpec(place_uri(pid), "place", pid, place.name, "", place.address, cat.locations_path))
    for key, theme in THEMES.items():
        specs.append(PageSpec(theme_uri(key), "theme", key, theme["name"], "", theme["lead"]))
    for slug, term in sorted(cat.terms.items()):
        specs.append(PageSpec(term_uri(slug), "term", slug, term.name, term.body, short_text(term), term.path,
                              search_boost=3.0, hide_toc=True))
    return specs
