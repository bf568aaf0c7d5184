"""Where the portal's generated pages live: their source URIs and URLs, in one place."""

from __future__ import annotations


def url_of(src_uri: str) -> str:
    """Directory URL of a generated page ('kurser/haab.md' -> 'kurser/haab/')."""
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


# URLs of the portal's pages, in one place.
COURSES = "kurser/index.md"
ARCHIVE = "arkiv.md"
CALENDAR = "kalender.md"
TEACHERS = "undervisere/index.md"
PLACES = "steder/index.md"
THEMES_INDEX = "temaer/index.md"
GLOSSARY = "ordbog/index.md"
PLAN = "min-plan.md"
PROGRAMME = "program.md"


def course_uri(slug: str) -> str:
    return f"kurser/{slug}.md"


def teacher_uri(tid: str) -> str:
    return f"undervisere/{tid}.md"


def place_uri(pid: str) -> str:
    return f"steder/{pid}.md"


def theme_uri(key: str) -> str:
    return f"temaer/{key}.md"


def term_uri(slug: str) -> str:
    return f"ordbog/{slug}.md"


def ics_url(slug: str) -> str:
    return f"kurser/{slug}.ics"
