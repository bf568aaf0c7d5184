"""schema.org structured data (JSON-LD): Course with CourseInstance, DefinedTermSet.

Whatever an editor writes, the output stays valid JSON inside a <script> element:
``<``, ``>`` and ``&`` are written as JSON unicode escapes, so ``</script>`` in a title
cannot end the element.
"""

from __future__ import annotations

import json
from typing import Any

from .catalogue import Catalogue, Course, Term
from .model import AUDIENCES, ROLES, THEMES
from .pages import Env, course_uri, short_text, term_uri, url_of, GLOSSARY
from .schedule import first_session, last_end

_MODES = {"in-person": "onsite", "online": "online", "hybrid": "blended"}


def script(data: Any) -> str:
    """A complete <script type="application/ld+json"> element, safe for any content."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # U+2028/2029 are valid in JSON but end a line in older JavaScript parsers.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{text}</script>'


def absolute(site_url: str | None, path: str) -> str:
    base = (site_url or "/").rstrip("/") + "/"
    return base + path


def _provider(cat: Catalogue, site_url: str | None) -> dict:
    org: dict[str, Any] = {"@type": "EducationalOrganization", "name": cat.settings.name}
    if site_url:
        org["url"] = absolute(site_url, "")
    contact = cat.settings.contact
    if contact:
        org["email" if "@" in contact else "telephone"] = contact
    return org


def _place(cat: Catalogue, pid: str, site_url: str | None) -> dict:
    place = cat.locations[pid]
    data: dict[str, Any] = {
        "@type": "Place",
        "name": place.name,
        "address": {"@type": "PostalAddress", "streetAddress": place.address, "addressCountry": "DK"},
        "url": absolute(site_url, url_of(f"steder/{pid}.md")),
    }
    if place.accessibility:
        data["description"] = place.accessibility
    return data


def course(env: Env, course: Course, site_url: str | None) -> dict:
    """A Course with one CourseInstance: the run of sessions described by the file."""
    cat = env.cat
    spec = course.spec
    sessions = list(course.sessions)
    url = absolute(site_url, url_of(course_uri(course.slug)))
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "name": spec.title,
        "courseMode": _MODES[spec.format],
        "inLanguage": "da",
        "instructor": [
            {"@type": "Person", "name": cat.teachers[t].name, "description": cat.teachers[t].title or ROLES[cat.teachers[t].role],
             "url": absolute(site_url, url_of(f"undervisere/{t}.md"))}
            for t in spec.teachers
        ],
        "eventStatus": "https://schema.org/EventCancelled" if spec.status == "cancelled" else "https://schema.org/EventScheduled",
        "url": url,
    }
    first = first_session(sessions)
    end = last_end(sessions)
    if first and end:
        instance["startDate"] = first.start.isoformat()
        instance["endDate"] = end.isoformat()
        held = [s for s in sessions if not s.cancelled]
        instance["courseSchedule"] = {
            "@type": "Schedule",
            "startDate": first.date.isoformat(),
            "endDate": end.date().isoformat(),
            "repeatCount": len(held),
            "scheduleTimezone": cat.zone.key,
        }
        instance["subEvent"] = [
            {"@type": "Event", "name": s.topic or spec.title, "startDate": s.start.isoformat(), "endDate": s.end.isoformat(),
             "eventStatus": "https://schema.org/EventCancelled" if s.cancelled else "https://schema.org/EventScheduled"}
            for s in sessions
        ]
    locations = []
    if spec.location:
        locations.append(_place(cat, spec.location, site_url))
    if spec.format in ("online", "hybrid"):
        locations.append({"@type": "VirtualLocation", "url": spec.online_url or url})
    if locations:
        instance["location"] = locations[0] if len(locations) == 1 else locations
    if spec.capacity:
        instance["maximumAttendeeCapacity"] = spec.capacity

    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": url,
        "name": spec.title,
        "description": spec.summary,
        "url": url,
        "inLanguage": "da",
        "provider": _provider(cat, site_url),
        "isAccessibleForFree": True,
        "offers": {"@type": "Offer", "price": 0, "priceCurrency": "DKK", "category": "Gratis", "url": url},
        "audience": [{"@type": "Audience", "audienceType": AUDIENCES[a]} for a in spec.audiences],
        "about": [THEMES[t]["name"] for t in spec.themes],
        "hasCourseInstance": [instance],
    }
    if spec.learning_outcomes:
        data["teaches"] = list(spec.learning_outcomes)
    return data


def term_set(env: Env, site_url: str | None) -> dict:
    url = absolute(site_url, url_of(GLOSSARY))
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": url,
        "name": "Mini-ordbog",
        "url": url,
        "inLanguage": "da",
        "hasDefinedTerm": [_term(env.cat, t, site_url, with_set=False) for t in sorted(env.cat.terms.values(), key=lambda t: t.slug)],
    }


def _term(cat: Catalogue, term: Term, site_url: str | None, with_set: bool = True) -> dict:
    url = absolute(site_url, url_of(term_uri(term.slug)))
    data: dict[str, Any] = {
        "@type": "DefinedTerm",
        "@id": url,
        "name": term.name,
        "description": short_text(term),
        "termCode": term.slug,
        "url": url,
    }
    if term.spec.forms:
        data["alternateName"] = list(term.spec.forms)
    if with_set:
        data["@context"] = "https://schema.org"
        data["inDefinedTermSet"] = {"@type": "DefinedTermSet", "@id": absolute(site_url, url_of(GLOSSARY)), "name": "Mini-ordbog"}
    return data


def term(env: Env, term: Term, site_url: str | None) -> dict:
    return _term(env.cat, term, site_url)
