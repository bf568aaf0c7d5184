"""What each template is given: view models, decided once per build from the Catalogue.

Templates in ``theme/portal/`` only lay the prepared values out.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable

from . import danish, registration
from .catalogue import Catalogue, Course, Term, sorted_terms
from .model import AUDIENCES, AUDIENCES_SHORT, FORMATS, ROLE_KINDS, ROLES, STATUSES, THEMES
from .qr import qr_svg
from .registry import PageSpec
from .routes import ARCHIVE, COURSES, course_uri, ics_url, place_uri, teacher_uri, term_uri, theme_uri, url_of
from .schedule import Session, first_session, is_upcoming, last_end, next_session
from .text import first_paragraph, short_text


@dataclass
class Env:
    """What views need besides the catalogue: the build's today and a Markdown renderer."""

    cat: Catalogue
    today: date
    now: datetime
    markdown: Callable[[str], str] = lambda text: text
    inline_markdown: Callable[[str], str] = lambda text: text
    site_url: str | None = None
    #: The printed handout's QR code of an address (``qr.qr_svg`` keeps every code made,
    #: for a preview's rebuilds; a one-off build passes ``qr.code_svg``, which keeps none).
    qr: Callable[[str], str] = qr_svg
    #: A served preview keeps each course's views (card, registration state, timeline,
    #: facets, calendar rows, programme and plan entries) across rebuilds: ``keeper(kind,
    #: course, epoch, make)`` gives what ``make()`` gives, kept by the build by what the
    #: course's views are made of besides the clock, and ``epoch``. None in a one-off build.
    keeper: Callable[[str, Course, tuple[int, int], Callable[[], Any]], Any] | None = None
    _cache: dict = field(default_factory=dict)

    def absolute(self, path: str) -> str:
        return (self.site_url or "/").rstrip("/") + "/" + path

    def upcoming(self) -> list[Course]:
        """Upcoming courses, soonest first; courses without dates last."""
        if "upcoming" not in self._cache:
            found = [c for c in self.cat.courses.values() if is_upcoming(list(c.sessions), self.now)]
            self._cache["upcoming"] = sorted(found, key=_sort_soonest)
        return self._cache["upcoming"]

    def past(self) -> list[Course]:
        """Past courses, newest first."""
        if "past" not in self._cache:
            found = [c for c in self.cat.courses.values() if not is_upcoming(list(c.sessions), self.now)]
            self._cache["past"] = sorted(found, key=lambda c: (last_end(list(c.sessions)), c.slug), reverse=True)
        return self._cache["past"]

    def is_past(self, course: Course) -> bool:
        return not is_upcoming(list(course.sessions), self.now)

    def active(self) -> list[Course]:
        """Upcoming courses that will be held: what counts as "kommende kurser"."""
        return [c for c in self.upcoming() if c.spec.status != "cancelled"]

    def listed(self) -> list[Course]:
        """The catalogue's order: courses that will be held, then cancelled ones (still
        findable, marked "Aflyst")."""
        return self.active() + [c for c in self.upcoming() if c.spec.status == "cancelled"]

    def timeline(self, course: Course) -> list[registration.Step]:
        key = ("timeline", course.slug)
        if key not in self._cache:
            def make() -> list[registration.Step]:
                return registration.timeline(course.spec, list(course.sessions), self.cat.settings, self.cat.zone)
            self._cache[key] = kept(self, "timeline", course, make, timeless=True)
        return self._cache[key]

    def courses_by(self, facet: str, key: str) -> tuple[list[Course], list[Course]]:
        """The upcoming and the past courses of a teacher, place or theme (``facet``), in
        the orders of ``upcoming`` and ``past``: sorted out in one pass per build."""
        if ("by", facet) not in self._cache:
            groups: dict[str, tuple[list[Course], list[Course]]] = {}
            for i, courses in enumerate((self.upcoming(), self.past())):
                for course in courses:
                    for k in _FACET_KEYS[facet](course):
                        groups.setdefault(k, ([], []))[i].append(course)
            self._cache[("by", facet)] = groups
        return self._cache[("by", facet)].get(key, ([], []))


def epoch(env: Env, course: Course) -> tuple[int, int]:
    """Where ``env.now`` falls among the instants a course's views compare it with: its
    sessions' starts and ends and its registration's steps. Views of the same course at
    two moments with the same epoch are the same (``now`` reaches them through nothing
    else: ``is_upcoming``, ``next_session``, ``registration.at`` and ``is_past``)."""
    key = ("epoch", course.slug)
    if key not in env._cache:
        instants = sorted({t for s in course.sessions for t in (s.start, s.end)}
                          | {step.start for step in env.timeline(course) if step.start is not None})
        env._cache[key] = (bisect_left(instants, env.now), bisect_right(instants, env.now))
    return env._cache[key]


class Shared(dict):
    """A view shared by every page that shows it (and, in a served preview, by rebuilds):
    read-only, so that no page changes another's. ``dict(view)`` is a copy to change."""

    def _refuse(self, *args, **kwargs):
        raise TypeError("a shared view is read-only: change a copy, dict(view)")

    __setitem__ = __delitem__ = __ior__ = update = setdefault = pop = popitem = clear = _refuse

    def __reduce__(self):
        return Shared, (dict(self),)


def kept(env: Env, kind: str, course: Course, make: Callable[[], Any], timeless: bool = False) -> Any:
    """``make()``, a view of ``course`` (a dict comes back ``Shared``); in a served preview
    kept across rebuilds by the course and its epoch (``timeless``: a view that says
    nothing of now)."""
    def shared() -> Any:
        value = make()
        return Shared(value) if type(value) is dict else value

    if env.keeper is None:
        return shared()
    return env.keeper(kind, course, (0, 0) if timeless else epoch(env, course), shared)


def _sort_soonest(course: Course):
    s = first_session(list(course.sessions))
    return (0, s.start.timestamp(), course.slug) if s else (1, 0, course.slug)


def theme_view(key: str) -> dict:
    t = THEMES[key]
    return {"key": key, "name": t["name"], "url": url_of(theme_uri(key)), "lead": t["lead"]}


def place_line(env: Env, course: Course) -> str:
    spec = course.spec
    if spec.format == "online":
        return "Online"
    place = env.cat.locations.get(spec.location or "")
    name = place.name if place else ""
    return f"{name} og online" if spec.format == "hybrid" else name


def way_view(way: registration.Way) -> dict:
    return {"kind": way.kind, "href": way.href, "action": way.action, "text": way.text}


def state_view(state: registration.State) -> dict:
    return {"key": state.key, "label": state.label, "message": state.message, "detail": state.detail,
            "actions": [way_view(w) for w in state.actions], "contact": [way_view(w) for w in state.contact],
            "ask": state.ask, "offers_plan": state.offers_plan, "offers_calendar": state.offers_calendar,
            "can_register": state.can_register,
            "onward": {"text": state.onward, "url": url_of(COURSES)} if state.onward else None}


def registration_view(env: Env, course: Course) -> dict:
    """The course's registration state now, and the states time will bring (for the
    browser's re-check), all decided by ``registration``."""
    key = ("registration", course.slug)
    if key not in env._cache:
        env._cache[key] = kept(env, "registration", course, lambda: _registration_view(env, course))
    return env._cache[key]


def _now_and_later(env: Env, course: Course) -> tuple[registration.State, list[registration.Step]]:
    """The course's registration state now, and the steps time will bring after now
    (what the course page's re-check and min plan are given)."""
    steps = env.timeline(course)
    return registration.at(steps, env.now), [s for s in steps if s.start is not None and s.start > env.now]


def _registration_view(env: Env, course: Course) -> dict:
    current, later = _now_and_later(env, course)
    # The browser picks the last step that has begun; it gets only the current and later ones.
    data = [dict(current.as_data(), start=None)] + [dict(s.state.as_data(), start=s.start.isoformat()) for s in later]
    reg = course.spec.registration
    note = reg.note if reg else None

    def signup(state: registration.State) -> dict:
        # The editor's note is about signing up: it goes with the ways to sign up, and is
        # not shown once there are none (closed, ended, cancelled).
        return dict(state_view(state), note=note if state.actions else None)

    view = signup(current)
    view.update(
        deadline=reg.deadline.isoformat() if reg and reg.deadline else None,
        timeline=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        later=[signup(s.state) for s in later],
    )
    return view


def session_view(env: Env, course: Course, session: Session, next_key: str | None) -> dict:
    place = None
    if session.location and session.location != course.spec.location:
        loc = env.cat.locations[session.location]
        place = {"name": loc.name, "address": loc.address, "url": url_of(place_uri(session.location))}
    return {
        "key": session.key,
        "start_iso": session.start.isoformat(),
        "end_iso": session.end.isoformat(),
        "date_iso": session.date.isoformat(),
        "text": danish.session_text(session.start, session.end),
        "date_text": danish.long_date(session.date),
        "time_text": danish.time_span(session.start, session.end),
        "week": danish.week_number(session.date),
        "topic": session.topic,
        # A cancelled course cancels every one of its sessions.
        "cancelled": session.cancelled or course.spec.status == "cancelled",
        "is_next": session.key == next_key,
        "is_past": session.end <= env.now,
        "place": place,
    }


def teacher_card(env: Env, tid: str) -> dict:
    t = env.cat.teachers[tid]
    return {"id": tid, "name": t.name, "role": t.role, "role_label": ROLES[t.role], "title": t.title,
            "url": url_of(teacher_uri(tid))}


WEEKDAYS = ["man", "tir", "ons", "tor", "fre", "lor", "son"]
WEEKDAY_NAMES = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]
TIMES_OF_DAY = {"formiddag": "Formiddag (før kl. 12)", "eftermiddag": "Eftermiddag (kl.\u00a012\u2060–\u206017)", "aften": "Aften (fra kl. 17)"}


def time_of_day(start: datetime) -> str:
    if start.hour < 12:
        return "formiddag"
    return "eftermiddag" if start.hour < 17 else "aften"


#: How the catalogue filters by form: a hybrid course can be followed both ways, so it is
#: found under both choices (URL value -> label).
FORM_CHOICES = {"in-person": "Fremmøde", "online": "Kan følges online"}
_FORM_FACETS = {"in-person": ["in-person"], "online": ["online"], "hybrid": ["in-person", "online"]}


def facets(course: Course) -> dict[str, list[str]]:
    """The values a course is found by in the catalogue's filters (URL parameter -> values)."""
    spec = course.spec
    held = [s for s in course.sessions if not s.cancelled]
    places = ([spec.location] if spec.location else []) + [s.location for s in held if s.location]
    return {
        "tema": list(spec.themes),
        "for": list(spec.audiences),
        "form": list(_FORM_FACETS[spec.format]),
        "sted": sorted(set(places)),
        "dag": [d for d in WEEKDAYS if any(WEEKDAYS[s.date.weekday()] == d for s in held)],
        "tid": [t for t in TIMES_OF_DAY if any(time_of_day(s.start) == t for s in held)],
    }


def course_word(n: int) -> str:
    return FILTER_TEXT["one"] if n == 1 else FILTER_TEXT["many"]


#: What the catalogue's filter script says, in Danish; {n} is a count of courses
#: ("3 kurser"), {choices} the choices to remove, joined as Danish lists them.
FILTER_TEXT = {
    "all": "{n} kommende {word}.",
    "match": "{n} {word} passer til dine valg.",
    "none": "Ingen kurser passer til alle dine valg.",
    "remove": "Fjern {choice}, så passer {n} {word}.",
    "one": "kursus",
    "many": "kurser",
    "open": "Vis filtre",
    "close": "Skjul filtre",
    "quote": danish.quote("{}"),
}


def course_facets(env: Env, course: Course) -> dict[str, list[str]]:
    """``facets``, once per build (the card and the filters' counts both ask)."""
    key = ("facets", course.slug)
    if key not in env._cache:
        env._cache[key] = kept(env, "facets", course, lambda: facets(course), timeless=True)
    return env._cache[key]


def filter_groups(env: Env, courses: list[Course]) -> list[dict]:
    """The catalogue's filter controls: one group per facet, options with counts (with no
    other choice made; the browser recounts them as choices are made)."""
    counts: dict[str, dict[str, int]] = {}
    for course in courses:
        for key, values in course_facets(env, course).items():
            for value in values:
                counts.setdefault(key, {}).setdefault(value, 0)
                counts[key][value] += 1
    places = sorted(env.cat.locations.items(), key=lambda kv: danish.sort_key(kv[1].name))
    groups = [
        ("tema", "Tema", [(k, t["name"]) for k, t in THEMES.items()]),
        ("for", "Hvem er kurset for?", list(AUDIENCES_SHORT.items())),
        ("form", "Form", list(FORM_CHOICES.items())),
        ("sted", "Sted", [(pid, p.name) for pid, p in places]),
        ("dag", "Ugedag", list(zip(WEEKDAYS, WEEKDAY_NAMES))),
        ("tid", "Tidspunkt", list(TIMES_OF_DAY.items())),
    ]
    out = []
    for key, legend, options in groups:
        opts = [{"value": v, "label": label, "count": counts.get(key, {}).get(v, 0), "id": f"filter-{key}-{v}"}
                for v, label in options if counts.get(key, {}).get(v, 0)]
        if opts:
            out.append({"key": key, "legend": legend, "options": opts})
    return out


def course_card(env: Env, course: Course) -> dict:
    """A course as a card; made once per build (a course appears on many listings) and
    shared by them: whoever changes a card changes a copy."""
    key = ("card", course.slug)
    if key not in env._cache:
        env._cache[key] = kept(env, "card", course, lambda: _course_card(env, course))
    return env._cache[key]


def _held(course: Course) -> list[Session]:
    return [s for s in course.sessions if not s.cancelled]


def when_view(env: Env, course: Course) -> dict:
    """When a course is, in words: the next session and the whole series.

    A cancelled course has no next session; an ended one says when it ended."""
    spec = course.spec
    sessions = list(course.sessions)
    held = _held(course)
    series = danish.series_text([(s.start, s.end) for s in held])
    cancelled = spec.status == "cancelled"
    nxt = None if cancelled else next_session(sessions, env.now)
    end = last_end(sessions)
    return {
        "series": series,
        "next_text": danish.session_text(nxt.start, nxt.end) if nxt else None,
        "next_iso": nxt.start.isoformat() if nxt else None,
        "cancelled": cancelled,
        "dated": bool(sessions),
        # What the "next time" line says once no session is left (the browser's re-check too).
        "none_left": ("Kurset er aflyst" if cancelled else
                      f"Kurset sluttede {danish.long_date(end.date())}" if end else "Datoer følger"),
    }


def _course_card(env: Env, course: Course) -> dict:
    spec = course.spec
    sessions = list(course.sessions)
    first = first_session(sessions)
    held = _held(course)
    reg = registration_view(env, course)
    return {
        "slug": course.slug,
        "url": url_of(course_uri(course.slug)),
        "title": spec.title,
        "summary": spec.summary,
        "themes": [theme_view(k) for k in spec.themes],
        "audiences": [AUDIENCES_SHORT[a] for a in spec.audiences],
        "audiences_text": danish.sentence_list([AUDIENCES_SHORT[a] for a in spec.audiences]),
        "format": spec.format,
        "format_label": FORMATS[spec.format],
        "place": place_line(env, course),
        "status": spec.status,
        "status_label": STATUSES[spec.status],
        "cancelled": spec.status == "cancelled",
        "registration": reg,
        "when": when_view(env, course),
        "first_text": danish.session_text(first.start, first.end) if first else None,
        "first_iso": first.start.isoformat() if first else None,
        "last_end_iso": last_end(sessions).isoformat() if sessions else None,
        "count_text": danish.count(len(held), "kursusgang", "kursusgange") if held else "Datoer følger",
        "weekday": danish.weekday_name(first.date) if first else None,
        "facets": {k: " ".join(v) for k, v in course_facets(env, course).items()},
    }


#: The characters of an address that one line of the handout's caption holds (4.2 cm at
#: 9 pt): a longer part may also break before a hyphen.
ADDRESS_LINE = 27


def address_parts(url: str) -> list[str]:
    """A printed address in the parts it may break between: after each slash, never
    inside a word ('skole.dk/', 'kurser/', 'haab/'). A part too long for a line on its
    own may also break before a hyphen, which then begins the next line
    ('netvaerk-for-paaroerende-2026/': 'netvaerk', '-for', '-paaroerende', '-2026/'): a
    hyphen at a line's start is not taken for a word broken in two (the Chicago Manual's
    rule for addresses)."""
    parts = url.split("://")[-1].split("/")
    whole = [part + "/" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    out = []
    for part in whole:
        if len(part) <= ADDRESS_LINE:
            out.append(part)
            continue
        pieces = part.split("-")
        out.append(pieces[0])
        out.extend("-" + piece for piece in pieces[1:])
    return out


def course_address(env: Env, course: Course) -> str:
    """The course page's full address: printed on its handout and in its QR code."""
    return env.absolute(url_of(course_uri(course.slug)))


def course_view(env: Env, course: Course) -> dict:
    spec = course.spec
    sessions = list(course.sessions)
    cancelled = spec.status == "cancelled"
    nxt = None if cancelled else next_session(sessions, env.now)
    place = None
    if spec.location:
        loc = env.cat.locations[spec.location]
        place = {"id": spec.location, "name": loc.name, "address": loc.address, "accessibility": loc.accessibility,
                 "directions": loc.directions, "url": url_of(place_uri(spec.location))}
    teachers = [teacher_card(env, tid) for tid in spec.teachers]
    for t in teachers:
        # Under "Med levede erfaringer" and "Fagprofessionel" the role is said once, by the
        # heading; only a relative's experience says more than its heading.
        t["role_note"] = t["role_label"] if t["role"] == "relative" else None
    experience = [t for t in teachers if t["role"] in ("peer", "relative")]
    professional = [t for t in teachers if t["role"] == "professional"]
    terms = []
    for slug in spec.glossary:
        term = env.cat.terms.get(slug)
        if term:
            terms.append({"name": term.name, "url": url_of(term_uri(slug)), "short": short_text(term)})
    view = dict(course_card(env, course))
    state = view["registration"]
    public_link = spec.online_url if spec.online_url_public else None
    if spec.format == "in-person":
        online_note = None
    elif public_link:
        online_note = "Linket til mødet:"
    elif state["key"] == "dropin":
        online_note = "Skriv til os, så sender vi dig linket til mødet."
    else:
        online_note = "Du får linket på mail, når du har meldt dig til."
    view.update(
        audiences_long=[AUDIENCES[a] for a in spec.audiences],
        audiences_long_text=danish.sentence_list([AUDIENCES[a] for a in spec.audiences]),
        learning_outcomes=list(spec.learning_outcomes),  # the build links and renders them
        sessions=[session_view(env, course, s, nxt.key if nxt else None) for s in sessions],
        has_cancelled=any(s.cancelled for s in sessions),
        place_full=place,
        where=("Online" if spec.format == "online" else None),
        online_url=public_link,
        online_note=online_note,
        teachers_experience=experience,
        teachers_professional=professional,
        # Both kinds of teacher, in the order of the course file, for the first screen.
        teachers_line=[dict(t, kind=ROLE_KINDS[t["role"]]) for t in experience + professional],
        terms=terms,
        ics_url=ics_url(course.slug),
        absolute_url=course_address(env, course),
        # The printed address in parts that may break only after a slash.
        address_parts=address_parts(course_address(env, course)),
        qr_svg=env.qr(course_address(env, course)),
        is_past=env.is_past(course),
        capacity=spec.capacity,
    )
    return view


def group_by_role(env: Env) -> list[dict]:
    groups = []
    for role in ("peer", "relative", "professional"):
        people = [teacher_card(env, tid) for tid, t in sorted(env.cat.teachers.items(), key=lambda kv: danish.sort_key(kv[1].name)) if t.role == role]
        if people:
            groups.append({"role": role, "label": {"peer": "Undervisere med levede erfaringer", "relative": "Undervisere med erfaring som pårørende", "professional": "Fagprofessionelle undervisere"}[role], "people": people})
    return groups


def courses_of(env: Env, facet: str, key: str) -> tuple[list[dict], list[dict]]:
    """Cards of the upcoming and the past courses of a teacher, place or theme."""
    upcoming, past = env.courses_by(facet, key)
    return [course_card(env, c) for c in upcoming], [course_card(env, c) for c in past]


def calendar_view(env: Env) -> list[dict]:
    """Upcoming sessions grouped by month, then by day (each day once), a row per session:
    time, course, topic and place."""
    rows = [row for course in env.upcoming() for row in kept(env, "calendar", course, lambda c=course: _calendar_rows(env, c))]
    rows.sort(key=lambda r: (r[0].start, r[1]))
    months: list[dict] = []
    for s, _, view in rows:
        month_key = s.date.strftime("%Y-%m")
        if not months or months[-1]["key"] != month_key:
            months.append({"key": month_key, "id": f"maaned-{month_key}",
                           "name": danish.month_name(s.date).capitalize(), "days": [], "count": 0})
        month = months[-1]
        days = month["days"]
        if not days or days[-1]["date_iso"] != s.date.isoformat():
            week = danish.week_number(s.date)
            days.append({"date_iso": s.date.isoformat(), "id": f"dag-{s.date.isoformat()}",
                         "name": danish.short_date(s.date).capitalize(), "week": f"uge {week}",
                         "end_iso": s.end.isoformat(), "sessions": []})
        days[-1]["sessions"].append(view)
        days[-1]["end_iso"] = max(days[-1]["end_iso"], view["end_iso"])
        month["count"] += 1
    for month in months:
        month["count_text"] = danish.count(month["count"], "kursusgang", "kursusgange")
    return months


def _calendar_rows(env: Env, course: Course) -> list[tuple[Session, str, dict]]:
    """The calendar's rows of one course: its sessions still to end, with their views."""
    rows = []
    for s in course.sessions:
        if s.end > env.now:
            view = session_view(env, course, s, None)
            place = view["place"]["name"] if view["place"] else place_line(env, course)
            view.update(course_title=course.spec.title, course_url=url_of(course_uri(course.slug)), where=place,
                        course_status=registration_view(env, course)["key"])
            rows.append((s, course.spec.title, view))
    return rows


def subscribe_view(env: Env, path: str) -> dict:
    """How to subscribe to a calendar file: the webcal:// address (calendar apps open it
    and keep it updated), the https address to paste, and one line per app."""
    https = env.absolute(path) if env.site_url else None
    webcal = "webcal://" + https.split("://", 1)[1] if https else None
    return {
        "webcal": webcal,
        "https": https,
        "ways": [
            {"app": "Google Kalender", "how": "På en computer: Andre kalendere › + › Fra webadresse, og indsæt adressen."},
            {"app": "Apple Kalender", "how": "Tryk på „Abonnér i din kalender“. På en Mac også: Arkiv › "
                                             "Nyt kalenderabonnement, og indsæt adressen."},
            {"app": "Outlook", "how": "Tilføj kalender › Abonner fra internettet, og indsæt adressen."},
        ],
    }


def context(env: Env, spec: PageSpec) -> dict:
    """What the page's template is given."""
    cat = env.cat
    kind, key = spec.kind, spec.key
    if kind == "course":
        return {"course": course_view(env, cat.courses[key])}
    if kind == "courses":
        return {"courses": [course_card(env, c) for c in env.listed()],
                "filters": filter_groups(env, env.active()),
                "filter_text": json.dumps(FILTER_TEXT, ensure_ascii=False),
                "count_text": FILTER_TEXT["all"].format(n=len(env.active()), word=course_word(len(env.active()))),
                "themes": [theme_view(k) for k in THEMES], "archive_url": url_of(ARCHIVE),
                "places": [{"name": p.name, "url": url_of(place_uri(pid))}
                           for pid, p in sorted(cat.locations.items(), key=lambda kv: danish.sort_key(kv[1].name))]}
    if kind == "archive":
        return {"courses": [course_card(env, c) for c in env.past()]}
    if kind == "calendar":
        months = calendar_view(env)
        return {"months": months, "ics_url": "kalender.ics", "subscribe": subscribe_view(env, "kalender.ics"),
                "index": [{"name": m["name"], "id": m["id"], "count_text": m["count_text"]} for m in months]}
    if kind == "teachers":
        return {"groups": group_by_role(env)}
    if kind == "teacher":
        upcoming, past = courses_of(env, "teacher", key)
        return {"teacher": teacher_card(env, key), "upcoming": upcoming, "past": past}
    if kind == "places":
        return {"places": [{"name": p.name, "address": p.address, "url": url_of(place_uri(pid)),
                            "count": len(env.courses_by("place", pid)[0])}
                           for pid, p in sorted(cat.locations.items(), key=lambda kv: danish.sort_key(kv[1].name))]}
    if kind == "place":
        p = cat.locations[key]
        upcoming, _ = courses_of(env, "place", key)
        return {"place": {"name": p.name, "address": p.address, "accessibility": p.accessibility, "directions": p.directions},
                "upcoming": upcoming}
    if kind == "themes":
        return {"themes": [dict(theme_view(k), count=len(env.courses_by("theme", k)[0])) for k in THEMES]}
    if kind == "theme":
        upcoming, past = courses_of(env, "theme", key)
        term = cat.terms.get(THEMES[key]["slug"])
        return {"theme": dict(theme_view(key), text=THEMES[key]["text"],
                              term_url=url_of(term_uri(term.slug)) if term else None),
                "upcoming": upcoming, "past": past,
                "others": [theme_view(k) for k in THEMES if k != key]}
    if kind == "glossary":
        return glossary_view(env)
    if kind == "programme":
        return {"courses": [programme_entry(env, c) for c in env.active()], "school": cat.settings.name,
                "contact": cat.settings.contact, "today": danish.long_date(env.today)}
    if kind == "plan":
        return {"plan_data": plan_data(env), "school": cat.settings.name, "contact": cat.settings.contact}
    if kind == "term":
        term = cat.terms[key]
        return {"term": term_view(env, term)}
    raise KeyError(kind)


def _places(course: Course) -> list[str]:
    """The places a course is held at: its own and its sessions' (each once)."""
    return list(dict.fromkeys(p for p in [course.spec.location, *(s.location for s in course.sessions)] if p))


#: What a course is listed under on teacher, place and theme pages.
_FACET_KEYS: dict[str, Callable[[Course], list[str]]] = {
    "teacher": lambda c: list(dict.fromkeys(c.spec.teachers)),
    "place": _places,
    "theme": lambda c: list(dict.fromkeys(c.spec.themes)),
}


def term_view(env: Env, term: Term) -> dict:
    see_also = []
    for slug in term.spec.see_also:
        other = env.cat.terms.get(slug)
        if other:
            see_also.append({"name": other.name, "url": url_of(term_uri(slug))})
    # Where a term is used ("Bruges i") is collected by the linker during the build.
    return {"slug": term.slug, "name": term.name, "forms": list(term.spec.forms),
            "source_html": env.inline_markdown(term.spec.source) if term.spec.source else None,
            "see_also": see_also, "short": short_text(term), "url": url_of(term_uri(term.slug))}


def glossary_view(env: Env) -> dict:
    """The mini-ordbog A-Z: each term's name (a link to its page) and its short
    definition, the first paragraph. The full entry (the rest of the definition, source,
    see also, where it is used) lives on the term's own page."""
    letters: list[dict] = []
    for term in sorted_terms(env.cat):
        letter = danish.initial(term.name)
        if not letters or letters[-1]["letter"] != letter:
            letters.append({"letter": letter, "id": f"bogstav-{danish.slugify(letter) or 'andet'}", "terms": []})
        letters[-1]["terms"].append({"slug": term.slug, "name": term.name, "url": url_of(term_uri(term.slug)),
                                     "definition_html": env.markdown(first_paragraph(term.body))})
    present = {l["letter"]: l["id"] for l in letters}
    index = [{"letter": ch, "id": present.get(ch)} for ch in danish.ALPHABET]
    index += [{"letter": l["letter"], "id": l["id"]} for l in letters if l["letter"] not in danish.ALPHABET]
    return {"letters": letters, "index": index, "count": sum(len(l["terms"]) for l in letters)}


def programme_entry(env: Env, course: Course) -> dict:
    """A course in the printable programme: what, when, where, for whom, in one glance."""
    return kept(env, "programme", course, lambda: _programme_entry(env, course))


def _programme_entry(env: Env, course: Course) -> dict:
    card = dict(course_card(env, course))
    held = [s for s in course.sessions if not s.cancelled]
    when = None
    if held:
        first, last = held[0], held[-1]
        if len(held) == 1:
            # The session's text already says its time.
            when = danish.session_text(first.start, first.end)
        else:
            when = f"{len(held)} gange fra {danish.long_date(first.date)} til {danish.long_date(last.date)}"
            times = {(s.start.strftime("%H%M"), s.end.strftime("%H%M")) for s in held}
            if len(times) == 1:
                when += f", {danish.time_span(first.start, first.end)}"
    card["when"] = when or "Datoer følger"
    return card


#: What "min plan" says, in Danish; the page's script fills in {placeholders}.
PLAN_TEXT = {
    "next": "Næste gang",
    "none_left": "Der er ikke flere kursusgange.",
    "no_dates": "Datoer følger.",
    "sessions": "Kommende kursusgange ({n})",
    "cancelled": "Aflyst",
    "clash_flag": "Samtidig med et andet kursus i din plan",
    "clash_one": "To kursusgange i din plan ligger samtidig:",
    "clash_many": "{n} gange ligger to kursusgange i din plan samtidig:",
    "clash_item": "{when}: {a} og {b}",
    "no_clash": "Ingen af kursusgangene i din plan ligger samtidig.",
    "week": "{week}: {n}",
    "one": "kursusgang",
    "many": "kursusgange",
    "remove": "Fjern fra planen",
    "removed": "{title} er fjernet fra din plan.",
    "added": "Kurset er føjet til din plan.",
    "cleared": "Din plan er tømt.",
    "undo": "Fortryd",
    "restored": "Din plan er hentet tilbage.",
    "storage": "Din browser tillader ikke, at siden gemmer din plan.",
}


def plan_data(env: Env) -> dict:
    """What "min plan" needs to show any upcoming course without asking a server."""
    return {"courses": {course.slug: kept(env, "plan", course, lambda c=course: _plan_entry(env, c))
                        for course in env.upcoming()},
            "text": PLAN_TEXT}


def _plan_step(state: registration.State, start: datetime | None) -> dict:
    view = state_view(state)
    return {"start": start.isoformat() if start else None, "state": view["key"], "status": view["label"],
            "detail": view["detail"], "actions": view["actions"]}


def _plan_entry(env: Env, course: Course) -> dict:
    card = course_card(env, course)
    current, later = _now_and_later(env, course)
    return {
        "title": course.spec.title,
        "url": card["url"],
        "place": card["place"],
        # The state now, then the states time will bring: the plan shows the one that has
        # begun when it is opened (as the course page re-checks), not the build's.
        "steps": [_plan_step(current, None)] + [_plan_step(s.state, s.start) for s in later],
        "cancelled": card["cancelled"],
        "series": card["when"]["series"],
        "sessions": [
            {"start": s.start.isoformat(), "end": s.end.isoformat(), "text": danish.session_text(s.start, s.end),
             "week": f"Uge {danish.week_number(s.date)} i {s.date.isocalendar().year}",
             "weekKey": f"{s.date.isocalendar().year}-{danish.week_number(s.date):02d}",
             "cancelled": s.cancelled or card["cancelled"]}
            for s in course.sessions
        ],
    }


#: What a search result is, said above its excerpt: one label per kind of page. Every
#: other page (hand-written pages and the portal's listings) is a "Side".
SEARCH_KINDS = {
    "course": "Kursus",
    "term": "Ord i mini-ordbogen",
    "theme": "Tema",
    "teacher": "Underviser",
    "place": "Sted",
}
SEARCH_KIND_PAGE = "Side"


def search_kind(kind: str | None) -> str:
    """The label of a search result for a page of this kind (None: a hand-written page)."""
    return SEARCH_KINDS.get(kind or "", SEARCH_KIND_PAGE)


def search_tags(env: Env, spec: PageSpec | None) -> list[str]:
    """What a search result says it is ("Kursus", "Ord i mini-ordbogen", ...) and, for a
    course, when it is next held. They go in the page's ``tags``, which Material's search
    shows with every result (no tags plugin: they are shown nowhere else)."""
    tags = [search_kind(spec.kind if spec else None)]
    if spec is not None and spec.kind == "course":
        w = when_view(env, env.cat.courses[spec.key])
        tags.append(f"Næste gang: {w['next_text']}" if w["next_text"] else w["none_left"])
    return tags


_PHONE_IN_TEXT = re.compile(r"(?<![\d+])(\+?\d[\d ]{1,14}\d)(?![\d])")


def footer_view(settings) -> dict:
    """Help on every page: the school's contact and a calm line on where to get help now.

    Phone numbers in the crisis line become tel: links (a tap calls on a phone)."""
    crisis = []
    pos = 0
    for match in _PHONE_IN_TEXT.finditer(settings.crisis):
        crisis.append({"text": settings.crisis[pos:match.start()], "href": None})
        crisis.append({"text": match.group(1), "href": "tel:" + re.sub(r"[^0-9+]", "", match.group(1))})
        pos = match.end()
    crisis.append({"text": settings.crisis[pos:], "href": None})
    return {
        "school": settings.name,
        "contact": [way_view(w) for w in registration.contact_ways(settings)],
        "address": settings.address,
        "opening_hours": settings.opening_hours,
        "crisis": [part for part in crisis if part["text"]],
        "accessibility_statement": settings.accessibility_statement,
    }


def usage_title(course: Course) -> str:
    """How a term's page names a course that uses the term ("Bruges i")."""
    return f"Kursus: {course.spec.title}"


def usage_list(env: Env, used: dict[str, str]) -> list[dict[str, str]]:
    """A term's "Bruges i": each page that uses it (``used``: URL -> title), in Danish
    alphabetical order. Courses of the same title (the same course in two semesters) are
    told apart by their first day, "Kursus: Håb i hverdagen (fra 4. januar 2027)", and
    listed in that order: the same link text twice would lead to two pages unsaid."""
    by_url = env._cache.get("course_urls")
    if by_url is None:
        by_url = env._cache["course_urls"] = {url_of(course_uri(c.slug)): c for c in env.cat.courses.values()}
    titles = Counter(used.values())
    entries = []
    for url, title in used.items():
        course = by_url.get(url)
        first = first_session(list(course.sessions)) if course is not None else None
        day = first.start.date() if first is not None else None
        shown = f"{title} (fra {danish.day_month(day)} {day.year})" if titles[title] > 1 and day is not None else title
        entries.append((danish.sort_key(title), day or date.max, url, shown))
    return [{"url": url, "title": shown} for _, _, url, shown in sorted(entries)]
