"""schema.org structured data (JSON-LD): Course with CourseInstance, the course list,
DefinedTermSet.

Whatever an editor writes, the output stays valid JSON inside a <script> element:
``<``, ``>`` and ``&`` are written as JSON unicode escapes, so ``</script>`` in a title
cannot end the element.

Courses follow Google's documented requirements for Course info and Course list
(https://developers.google.com/search/docs/appearance/structured-data/course-info and
.../structured-data/course): a Course with name, description and provider; ``offers``
with ``category`` "Free"; a CourseInstance with ``courseMode`` and ``courseSchedule``
(``duration``, ``repeatFrequency``, ``repeatCount``) and/or ``courseWorkload`` (ISO 8601
duration); and an ItemList of ListItems (``position``, ``url``) on the summary page.
Only what the course file says is given: a schedule that is not regular gets no
``repeatFrequency`` (and then no ``courseSchedule``), a course without dates neither.
"""

from __future__ import annotations

import json
from datetime import timedelta, timezone
from typing import Any

from .catalogue import Catalogue, Course, Term
from .model import AUDIENCES, ROLES, THEMES
from .routes import COURSES, GLOSSARY, course_uri, term_uri, url_of
from .text import short_text
from .views import Env
from .schedule import Session, first_session, last_end

_MODES = {"in-person": "onsite", "online": "online", "hybrid": "blended"}
SCHEDULED = "https://schema.org/EventScheduled"
CANCELLED = "https://schema.org/EventCancelled"
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


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
    page = absolute(site_url, url_of(f"steder/{pid}.md"))
    data: dict[str, Any] = {
        "@type": "Place",
        # The node's name: a session held there refers to it instead of repeating it.
        "@id": page + "#sted",
        "name": place.name,
        "address": {"@type": "PostalAddress", "streetAddress": place.address, "addressCountry": "DK"},
        "url": page,
    }
    if place.accessibility:
        data["description"] = place.accessibility
    return data


def iso_duration(length: timedelta) -> str:
    """ISO 8601 duration in hours and minutes: 'PT2H', 'PT1H30M', 'PT45M'."""
    minutes = int(length.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def _length(session: Session) -> timedelta:
    # Real elapsed time, also on the nights the clocks change.
    return session.end.astimezone(timezone.utc) - session.start.astimezone(timezone.utc)


def _virtual(course: Course, url: str) -> dict:
    """Where an online session is: the public meeting link, or else the course page
    (a private link is sent to participants only; see feeds.public_online_url)."""
    spec = course.spec
    return {"@type": "VirtualLocation", "url": spec.online_url if spec.online_url_public and spec.online_url else url}


def _session_location(cat: Catalogue, course: Course, moved_to: str | None, url: str, site_url: str | None) -> dict | list | None:
    """Where a session is (``moved_to``: its own place id), as the .ics and kurser.json say."""
    spec = course.spec
    if moved_to:  # a session moved to a place is held there, even in an online course
        return _place(cat, moved_to, site_url)
    places = []
    if spec.location and spec.format != "online":
        places.append(_place(cat, spec.location, site_url))
    if spec.format in ("online", "hybrid"):
        places.append(_virtual(course, url))
    return places[0] if len(places) == 1 else places or None


def _flat(location: dict | list | None) -> list[dict]:
    return [] if location is None else location if isinstance(location, list) else [location]


def _referred(location: dict | list, described: list[dict]) -> dict | list:
    """A session's location with each Place that is ``described`` (in full, in the course
    instance's location) given by its ``@id`` only; other places and a VirtualLocation as
    they are."""
    def one(place: dict) -> dict:
        return {"@id": place["@id"]} if place["@type"] == "Place" and place in described else place

    return [one(p) for p in location] if isinstance(location, list) else one(location)


def schedule(cat: Catalogue, held: list[Session]) -> dict | None:
    """courseSchedule for the held sessions, or None when Google's required parts
    (duration, repeatFrequency, repeatCount) would have to be made up."""
    if len(held) < 2:
        return None
    lengths = {_length(s) for s in held}
    days = [s.date for s in held]
    gaps = {(b - a).days for a, b in zip(days, days[1:])}
    if len(lengths) != 1 or not gaps or 0 in gaps:
        return None
    data: dict[str, Any] = {"@type": "Schedule"}
    if gaps == {1}:
        data["repeatFrequency"] = "Daily"
    elif all(g % 7 == 0 for g in gaps):
        data["repeatFrequency"] = "Weekly"
        data["byDay"] = f"https://schema.org/{_WEEKDAYS[days[0].weekday()]}"
        weeks = {days[0] + timedelta(weeks=i) for i in range((days[-1] - days[0]).days // 7 + 1)}
        skipped = sorted(weeks - set(days))
        if skipped:
            data["exceptDate"] = [d.isoformat() for d in skipped]
    else:
        return None
    data.update({
        "duration": iso_duration(lengths.pop()),
        "repeatCount": len(held),
        "startDate": days[0].isoformat(),
        "endDate": days[-1].isoformat(),
        "scheduleTimezone": cat.zone.key,
    })
    if len({(s.start.time(), s.end.time()) for s in held}) == 1:
        data["startTime"] = held[0].start.strftime("%H:%M")
        data["endTime"] = held[0].end.strftime("%H:%M")
    return data


def course(env: Env, course: Course, site_url: str | None) -> dict:
    """A Course with one CourseInstance: the run of sessions described by the file."""
    cat = env.cat
    spec = course.spec
    sessions = list(course.sessions)
    url = absolute(site_url, url_of(course_uri(course.slug)))
    course_cancelled = spec.status == "cancelled"
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
        "eventStatus": CANCELLED if course_cancelled else SCHEDULED,
        "url": url,
    }
    first = first_session(sessions)
    end = last_end(sessions)
    held = [s for s in sessions if not s.cancelled]
    where = [_session_location(cat, course, s.location, url, site_url) for s in sessions]
    # The instance is where its sessions are (most held away from the course's usual
    # place are held there), in the order they are first used.
    locations: list[dict] = []
    for s, at in zip(sessions, where):
        if s.cancelled and held:
            continue
        for place in _flat(at):
            if place not in locations:
                locations.append(place)
    if not sessions:
        locations = _flat(_session_location(cat, course, None, url, site_url))
    if first and end:
        instance["startDate"] = first.start.isoformat()
        instance["endDate"] = end.isoformat()
        regular = schedule(cat, held)
        if regular:
            instance["courseSchedule"] = regular
        if held:
            instance["courseWorkload"] = iso_duration(sum((_length(s) for s in held), timedelta()))
        subs = []
        for s, at in zip(sessions, where):
            sub: dict[str, Any] = {"@type": "Event", "name": s.topic or spec.title, "startDate": s.start.isoformat(),
                                   "endDate": s.end.isoformat(),
                                   "eventStatus": CANCELLED if s.cancelled or course_cancelled else SCHEDULED}
            if at is not None:
                # A place the instance describes is referred to by its @id (not repeated
                # in every session: page weight); one only a cancelled session used is
                # described here in full.
                sub["location"] = _referred(at, locations)
            subs.append(sub)
        instance["subEvent"] = subs
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
        # Google's documented values are Free, Partially Free, Subscription and Paid.
        "offers": {"@type": "Offer", "category": "Free", "price": 0, "priceCurrency": "DKK", "url": url},
        "audience": [{"@type": "Audience", "audienceType": AUDIENCES[a]} for a in spec.audiences],
        "about": [THEMES[t]["name"] for t in spec.themes],
        "hasCourseInstance": [instance],
    }
    if spec.learning_outcomes:
        data["teaches"] = list(spec.learning_outcomes)
    return data


def course_list(env: Env, courses: list[Course], site_url: str | None) -> dict:
    """The course list on /kurser/: an ItemList of the course pages, in the page's order
    (Google's "summary page" pattern: each detail page has its own Course markup)."""
    url = absolute(site_url, url_of(COURSES))
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "@id": url,
        "name": "Kurser",
        "url": url,
        "numberOfItems": len(courses),
        "itemListElement": [
            {"@type": "ListItem", "position": i, "url": absolute(site_url, url_of(course_uri(c.slug)))}
            for i, c in enumerate(courses, 1)
        ],
    }


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
