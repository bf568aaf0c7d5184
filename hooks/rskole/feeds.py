"""Machine-readable outputs: iCalendar files, kurser.json and the Atom feed.

Plain functions over the Catalogue (no MkDocs import). Every output depends only on the
content and the arguments, never on the clock or the file system's order, so two builds
of the same content give byte-identical files (and subscribed calendars and feed readers
see no spurious changes).
"""

from __future__ import annotations

import functools
import json
import marshal
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml


from . import history, revisions, routes, views
from .catalogue import Catalogue, Course
from .model import THEMES
from .schedule import Session

if TYPE_CHECKING:
    from icalendar import Event, Timezone


def _ical():
    """icalendar, imported when a calendar is first written (about 50 ms): a one-off
    build's feeds are written by its worker, and the build's own process need not wait."""
    import icalendar

    return icalendar

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
JSON_VERSION = 1
#: How often subscribed calendars should look for changes (RFC 7986 and the Apple/Google hint).
REFRESH = timedelta(hours=12)


# --- URLs ---------------------------------------------------------------------------------


def _base(site_url: str) -> str:
    """The site URL with exactly one trailing slash, so joining never doubles or drops one."""
    return site_url.rstrip("/") + "/"


def _host(site_url: str) -> str:
    # UIDs need a domain part; an unset site_url must still give valid, stable UIDs.
    return urlsplit(_base(site_url)).hostname or "localhost"


def course_url(site_url: str, slug: str) -> str:
    return _base(site_url) + routes.url_of(routes.course_uri(slug))


def course_ics_url(site_url: str, slug: str) -> str:
    return _base(site_url) + routes.ics_url(slug)


# --- iCalendar ----------------------------------------------------------------------------


def public_online_url(course: Course) -> str | None:
    """The meeting link, only if the course publishes it (``online_url_public``).

    A private link (the default) is sent to participants after sign-up and appears in
    no calendar file, kurser.json, JSON-LD or feed."""
    spec = course.spec
    return spec.online_url if spec.online_url_public else None


def _location_text(cat: Catalogue, course: Course, session: Session) -> str:
    """Where a session happens, as one line a calendar app can show or map.

    An online session without a public link says "Online": calendar apps show LOCATION
    as plain text (some try to map it), and the event's URL and DESCRIPTION already lead
    to the course page, which tells how the link reaches participants.
    """
    spec = course.spec
    place = cat.locations.get(session.location or spec.location or "")
    # A session moved to a place is held there, even in an online course.
    if spec.format == "online" and not session.location:
        return public_online_url(course) or "Online"
    if place is None:
        return "" if spec.format == "in-person" else public_online_url(course) or "Online"
    where = f"{place.name}, {place.address}"
    return f"{where} / online" if spec.format == "hybrid" else where


def _event(cat: Catalogue, course: Course, session: Session, site_url: str, stamp: datetime | None,
           sequence: int = 0) -> Event:
    """One VEVENT; the single place that decides what a session looks like in a calendar."""
    spec = course.spec
    url = course_url(site_url, course.slug)
    event = _ical().Event()
    # Slug + date key: stable across rebuilds, so a subscribed calendar updates in place.
    event.add("uid", f"{course.slug}-{session.key}@{_host(site_url)}")
    # DTSTAMP must be UTC; without `stamp` the session's own start keeps builds reproducible.
    event.add("dtstamp", (stamp or session.start).astimezone(UTC).replace(microsecond=0))
    # Aware datetimes in the site's zone are written as local time with TZID, not as UTC.
    event.add("dtstart", session.start)
    event.add("dtend", session.end)
    event.add("summary", f"{spec.title} – {session.topic}" if session.topic else spec.title)
    location = _location_text(cat, course, session)
    if location:
        event.add("location", location)
    event.add("description", f"{spec.summary}\n\n{url}")
    event.add("url", url)
    cancelled = session.cancelled or spec.status == "cancelled"
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    # Rises with every change of time, place or status (see revisions.py), so that clients
    # that follow iTIP's rule (ignore an update that is not newer) take the change.
    event.add("sequence", sequence)
    return event


def _onset_in_offset_from(value: datetime, offset_from: timedelta, offset_to: timedelta, zone: ZoneInfo) -> datetime:
    """A transition's onset as RFC 5545 wants it: local time in TZOFFSETFROM.

    icalendar 7 writes the spring onset in the new offset (03:00 instead of 02:00 in
    Copenhagen). We find the real transition instant among the two readings of ``value``
    and express it in the offset before the change; anything else is left as it was.
    """
    naive = value.replace(tzinfo=None)
    for offset in (offset_to, offset_from):
        instant = (naive - offset).replace(tzinfo=UTC)
        before = (instant - timedelta(seconds=1)).astimezone(zone).utcoffset()
        after = instant.astimezone(zone).utcoffset()
        if before == offset_from and after == offset_to:
            return naive - offset + offset_from
    return value


def _vtimezone(zone: ZoneInfo, years: Iterable[int]) -> Timezone:
    """The site's zone as a VTIMEZONE covering every year from the first to the last given."""
    years = sorted(years)
    vtz = _ical().Timezone.from_tzinfo(zone, tzid=zone.key, first_date=date(years[0], 1, 1), last_date=date(years[-1] + 1, 1, 1))
    for sub in vtz.subcomponents:
        offset_from, offset_to = sub.TZOFFSETFROM, sub.TZOFFSETTO
        if offset_from == offset_to:
            continue
        onsets = [_onset_in_offset_from(v, offset_from, offset_to, zone) for v in [sub.DTSTART] + [d for d, _ in sub.rdates]]
        sub.DTSTART = onsets[0]
        sub.pop("RDATE", None)
        # One RDATE line per onset: vobject (through dateutil) reads only the first value
        # of a comma-separated RDATE and then puts every later year in the wrong offset.
        for onset in onsets[1:]:
            sub.add("RDATE", onset)
    return vtz


@functools.lru_cache(maxsize=64)
def _vtimezone_ical(zone: ZoneInfo, years: tuple[int, ...]) -> bytes:
    return _vtimezone(zone, years).to_ical()


def _course_events(cat: Catalogue, course: Course, site_url: str, stamp: datetime | None, cache: dict | None,
                   sequences: dict[tuple[str, str], int]) -> tuple[bytes, ...]:
    """The VEVENT of each of the course's sessions, in ``course.sessions``' order.

    A session appears in its course's file and in kalender.ics: ``cache`` (one dict per
    build) serialises it once per build. With ``cache["shared"]`` (a ``memo.Memo``, in a
    served preview) a course's events are kept across rebuilds, by everything they are
    made of; a rebuild after a one-course edit serialises only that course's events.
    """
    numbers = tuple(sequences.get((course.slug, s.key), 0) for s in course.sessions)
    if cache is None:
        return tuple(_event_bytes(cat, course, s, site_url, stamp, n) for s, n in zip(course.sessions, numbers))
    key = ("events", course.slug, site_url, stamp, numbers)
    if key not in cache:
        def make() -> tuple[bytes, ...]:
            return tuple(_event_bytes(cat, course, s, site_url, stamp, n, cache) for s, n in zip(course.sessions, numbers))

        shared = cache.get("shared")
        cache[key] = make() if shared is None else shared.get(_events_content(cat, course, site_url, stamp, numbers), make)
    return cache[key]


def _events_content(cat: Catalogue, course: Course, site_url: str, stamp: datetime | None,
                    numbers: tuple[int, ...]) -> tuple:
    """Everything ``_event`` reads for a course's events: the slug (UID, URL), the fields
    of the course it writes or decides by, its sessions, the places they are held at, the
    site, DTSTAMP and the SEQUENCEs. (An edit of anything else, the description say,
    leaves the events as they were.)"""
    spec = course.spec
    fields = (spec.title, spec.summary, spec.format, spec.location, spec.online_url, spec.online_url_public,
              spec.status)
    places = sorted({s.location or spec.location or "" for s in course.sessions})
    return ("events", course.slug, fields, repr(course.sessions),
            tuple((pid, repr(cat.locations.get(pid))) for pid in places), site_url, repr(stamp), numbers)


# --- The same VEVENT, written directly --------------------------------------------------
#
# icalendar builds an object per property and folds every line character by character:
# three quarters of the feeds' time. ``_event_bytes`` writes the same bytes directly (the
# same property order, TEXT escaping, date forms and 75-octet folding). A build checks it
# once against icalendar (its first event) and uses icalendar itself if they ever differ
# (another icalendar version, an unusual time zone); tests compare them on every fixture.

_ZONE_ID = re.compile(r"^[A-Za-z0-9_+\-/]+$")


def ical_text(value: str) -> str:
    """RFC 5545 TEXT escaping, as icalendar does it (the order matters)."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """A content line folded at 75 octets, exactly as icalendar folds it (an escape's
    backslash is never left at the end of a line).

    icalendar adds a character at a time and breaks before one that would make the line
    75 octets or more. The same cut is found here by slicing the UTF-8 bytes at 74 and
    stepping back to the start of a character: the same lines, without a Python step per
    character."""
    data = line.encode("utf-8")
    if len(data) < 75:
        return line
    parts: list[bytes] = []
    i = 0
    while len(data) - i > 74:
        j = i + 74
        while data[j] & 0xC0 == 0x80:  # inside a character: break before it
            j -= 1
        if j - i > 1 and data[j - 1] in b"\\^":
            j -= 1  # the backslash or caret starts the next line, with what it escapes
        parts.append(data[i:j])
        i = j
    parts.append(data[i:])
    return "\r\n ".join(part.decode("utf-8") for part in parts)


def _stamp(dt: datetime) -> str:
    return f"{dt.year:04}{dt.month:02}{dt.day:02}T{dt.hour:02}{dt.minute:02}{dt.second:02}"


def _direct_event(cat: Catalogue, course: Course, session: Session, site_url: str, stamp: datetime | None,
                  sequence: int) -> bytes | None:
    """The VEVENT of ``_event`` as bytes, or None where only icalendar knows the form
    (a zone icalendar would write as UTC, a TZID that needs quoting)."""
    zone = session.start.tzinfo
    key = getattr(zone, "key", None)
    if (key is None or not _ZONE_ID.match(key) or session.end.tzinfo is not zone
            or key.upper() in ("UTC", "ETC/UTC", "GMT", "ETC/GMT", "Z", "ZULU", "UCT", "UNIVERSAL")):
        return None
    spec = course.spec
    url = course_url(site_url, course.slug)
    dtstamp = (stamp or session.start).astimezone(UTC)
    location = _location_text(cat, course, session)
    cancelled = session.cancelled or spec.status == "cancelled"
    summary = f"{spec.title} – {session.topic}" if session.topic else spec.title
    # icalendar's order: SUMMARY, DTSTART, DTEND, DTSTAMP, UID, SEQUENCE, then the rest
    # alphabetically.
    lines = [
        "BEGIN:VEVENT",
        fold("SUMMARY:" + ical_text(summary)),
        fold(f"DTSTART;TZID={key}:{_stamp(session.start)}"),
        fold(f"DTEND;TZID={key}:{_stamp(session.end)}"),
        f"DTSTAMP:{_stamp(dtstamp)}Z",
        fold("UID:" + ical_text(f"{course.slug}-{session.key}@{_host(site_url)}")),
        f"SEQUENCE:{int(sequence)}",
        fold("DESCRIPTION:" + ical_text(f"{spec.summary}\n\n{url}")),
    ]
    if location:
        lines.append(fold("LOCATION:" + ical_text(location)))
    lines.append("STATUS:" + ("CANCELLED" if cancelled else "CONFIRMED"))
    lines.append(fold("URL:" + url))
    lines.append("END:VEVENT\r\n")
    return "\r\n".join(lines).encode("utf-8")


def _event_bytes(cat: Catalogue, course: Course, session: Session, site_url: str, stamp: datetime | None,
                 sequence: int, cache: dict | None = None) -> bytes:
    """The VEVENT's bytes: written directly once the first event of the build (``cache``)
    gave exactly icalendar's bytes; by icalendar otherwise."""
    direct = _direct_event(cat, course, session, site_url, stamp, sequence)
    if direct is not None:
        verdict = cache.get("direct_ok") if cache is not None else None
        if verdict is None:
            verdict = direct == _event(cat, course, session, site_url, stamp, sequence).to_ical()
            if cache is not None:
                cache["direct_ok"] = verdict
        if verdict:
            return direct
    return _event(cat, course, session, site_url, stamp, sequence).to_ical()


def site_years(cat: Catalogue, now: datetime | None = None, cache: dict | None = None) -> tuple[int, ...]:
    """Every year from the site's first session to its last (the current year if none).

    Every calendar file gets the same VTIMEZONE covering these years: a client that keeps
    the first VTIMEZONE it reads for a TZID (vobject does) and applies it to the events of
    the next file would otherwise put that file's other years an hour off.
    """
    if cache is not None and "years" in cache:
        return cache["years"]
    starts = [s.start.year for c in cat.courses.values() for s in c.sessions]
    ends = [s.end.year for c in cat.courses.values() for s in c.sessions]
    if starts:
        years = tuple(range(min(starts), max(ends) + 1))
    else:
        years = ((now or datetime.now(cat.zone)).astimezone(cat.zone).year,)
    if cache is not None:
        cache["years"] = years
    return years


_END = b"END:VCALENDAR\r\n"


@functools.cache
def _refresh() -> str:
    """REFRESH as iCalendar writes a DURATION."""
    return _ical().vDuration(REFRESH).to_ical().decode("ascii")


def _icalendar_head(cat: Catalogue, name: str) -> bytes:
    """The VCALENDAR's own properties, up to its first component, by icalendar."""
    ical = _ical()
    cal = ical.Calendar()
    cal.add("prodid", f"-//{cat.settings.name}//Kurser//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # No METHOD: it makes the file an iTIP message (RFC 5546), and METHOD:PUBLISH then
    # requires an ORGANIZER, a calendar user address (mailto:) the school may not have.
    # A subscribed or downloaded calendar is not a scheduling message; without METHOD
    # Google, Apple, Outlook and Thunderbird import and subscribe to it alike, and no
    # client offers to reply to an organizer.
    # Unknown X- properties are not escaped by icalendar unless typed as TEXT explicitly.
    cal.add("x-wr-calname", ical.vText(" ".join(name.split())))
    cal.add("x-wr-timezone", ical.vText(cat.zone.key))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", ical.vDuration(REFRESH))
    head = cal.to_ical()
    assert head.endswith(_END)
    return head[: -len(_END)]


def _direct_head(cat: Catalogue, name: str) -> bytes:
    """``_icalendar_head``'s bytes, written directly (icalendar's order: VERSION, PRODID,
    CALSCALE, X-WR-CALNAME, then the rest alphabetically)."""
    return "\r\n".join((
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        fold("PRODID:" + ical_text(f"-//{cat.settings.name}//Kurser//DA")),
        "CALSCALE:GREGORIAN",
        fold("X-WR-CALNAME:" + ical_text(" ".join(name.split()))),
        "REFRESH-INTERVAL;VALUE=DURATION:" + _refresh(),
        "X-PUBLISHED-TTL:" + _refresh(),
        fold("X-WR-TIMEZONE:" + ical_text(cat.zone.key)),
        "",
    )).encode("utf-8")


def _head(cat: Catalogue, name: str, cache: dict | None) -> bytes:
    """The calendar's head: written directly once the build's first calendar (``cache``)
    gave exactly icalendar's bytes; by icalendar otherwise."""
    direct = _direct_head(cat, name)
    verdict = cache.get("head_ok") if cache is not None else None
    if verdict is None:
        verdict = direct == _icalendar_head(cat, name)
        if cache is not None:
            cache["head_ok"] = verdict
    return direct if verdict else _icalendar_head(cat, name)


def _calendar(cat: Catalogue, name: str, rows: list[tuple[Course, datetime | None]], site_url: str,
              now: datetime | None, cache: dict | None = None,
              sequences: dict[tuple[str, str], int] | None = None) -> bytes:
    """A VCALENDAR named ``name`` with every session of each (course, DTSTAMP or None
    for ``now``) of ``rows``, in time order."""
    # An empty calendar still gets its VTIMEZONE: RFC 5545 wants at least one component.
    years = site_years(cat, now, cache)
    sequences = sequences or {}
    # Each part is serialised once per build (the head and the time zone are the same
    # for many files, an event is in its course's file and in kalender.ics) and joined here.
    events = []
    for course, stamp in rows:
        for session, event in zip(course.sessions, _course_events(cat, course, site_url, stamp or now, cache, sequences)):
            events.append(((session.start, session.end, course.slug, session.key), event))
    events.sort(key=lambda e: e[0])
    return b"".join([_head(cat, name, cache), _vtimezone_ical(cat.zone, years), *(e for _, e in events), _END])


def course_ics(cat: Catalogue, course: Course, site_url: str, now: datetime | None = None,
               cache: dict | None = None, sequences: dict[tuple[str, str], int] | None = None) -> bytes:
    """``kurser/<slug>.ics``: every session of one course, cancelled ones included.

    ``now`` becomes every event's DTSTAMP; pass a reproducible value (e.g. the course
    file's last commit date from ``git_dates``). Without it each session's start is used.
    ``sequences`` ((slug, session key) -> SEQUENCE, from ``revisions.sequences``) says
    how often each event changed; events not in it have SEQUENCE 0.
    """
    return _calendar(cat, f"{course.spec.title} – {cat.settings.name}", [(course, None)], site_url, now, cache, sequences)


def calendar_ics(cat: Catalogue, courses: list[Course], site_url: str, now: datetime | None = None,
                 stamps: dict[str, datetime] | None = None, cache: dict | None = None,
                 sequences: dict[tuple[str, str], int] | None = None) -> bytes:
    """``kalender.ics``: every session of the given courses (the caller picks upcoming ones).

    ``stamps`` (slug -> DTSTAMP) lets an event read exactly as in its course's own file;
    ``cache`` (one dict per build) then serialises it only once."""
    stamps = stamps or {}
    return _calendar(cat, cat.settings.name, [(course, stamps.get(course.slug)) for course in courses], site_url, now,
                     cache, sequences)


def outputs(cat: Catalogue, env: views.Env, root: Path, site_url: str, shared: Any = None) -> dict[str, bytes]:
    """Every calendar file, kurser.json and feed.xml of a build, by path in the site.

    One ``git log`` of the course files gives the Atom dates, each event's DTSTAMP (the
    file's last commit) and, with one ``git cat-file`` for the earlier versions, each
    event's SEQUENCE. Same content and history, same bytes.

    ``shared`` (a ``memo.Memo``, for ``mkdocs serve``'s rebuilds) keeps, across builds,
    the ``git log`` of the same HEAD and each course's events, kurser.json piece and the
    Atom feed by everything they are made of: a rebuild redoes what an edit changed.
    """
    paths = [c.path for c in cat.courses.values()]
    commits = _log(root, paths, shared)
    dates = dates_from(root, paths, commits)
    try:
        sequences = revisions.sequences(root, cat, commits)
    except (OSError, subprocess.SubprocessError, ValueError, yaml.YAMLError):
        # Without readable history every event is at SEQUENCE 0, as before.
        sequences = {}
    stamps = {c.slug: dates[c.path][1] for c in cat.courses.values() if c.path in dates}
    cache: dict = {}  # each session serialised once, for its course's file and kalender.ics
    if shared is not None:
        cache["shared"] = shared
    files: dict[str, bytes] = {}
    for slug in sorted(cat.courses):
        files[routes.ics_url(slug)] = course_ics(cat, cat.courses[slug], site_url, now=stamps.get(slug), cache=cache,
                                                sequences=sequences)
    files["kalender.ics"] = calendar_ics(cat, env.upcoming(), site_url, stamps=stamps, cache=cache, sequences=sequences)
    files["kurser.json"] = courses_json(cat, env, site_url, shared).encode("utf-8")
    files["feed.xml"] = atom_feed(cat, dates, site_url, env, shared).encode("utf-8")
    return files


# --- kurser.json --------------------------------------------------------------------------


def _registration_json(course: Course) -> dict[str, Any] | None:
    reg = course.spec.registration
    if reg is None:
        return None
    return {"url": reg.url, "email": reg.email, "phone": reg.phone,
            "deadline": reg.deadline.isoformat() if reg.deadline else None, "note": reg.note}


def _location_json(cat: Catalogue, pid: str | None) -> dict[str, Any] | None:
    place = cat.locations.get(pid or "")
    if place is None:
        return None
    return {"id": pid, "name": place.name, "address": place.address,
            "accessibility": place.accessibility, "directions": place.directions}


def _course_json(env: views.Env, course: Course, site_url: str) -> dict[str, Any]:
    cat, spec = env.cat, course.spec
    return {
        "slug": course.slug,
        "url": course_url(site_url, course.slug),
        "ics_url": course_ics_url(site_url, course.slug),
        "title": spec.title,
        "summary": spec.summary,
        "description": spec.description,
        "learning_outcomes": list(spec.learning_outcomes),
        "themes": list(spec.themes),
        "theme_names": [THEMES[k]["name"] for k in spec.themes],
        "audiences": list(spec.audiences),
        "format": spec.format,
        "status": spec.status,
        "registration_state": views.registration_view(env, course)["key"],
        # The same words the course page and its card show for that state.
        "registration_label": views.registration_view(env, course)["label"],
        "registration_message": views.registration_view(env, course)["message"],
        "drop_in": spec.drop_in,
        "upcoming": not env.is_past(course),
        "capacity": spec.capacity,
        "registration": _registration_json(course),
        "teachers": [{"id": tid, "name": t.name, "role": t.role, "title": t.title}
                     for tid in spec.teachers if (t := cat.teachers.get(tid))],
        "location": _location_json(cat, spec.location),
        "online_url": public_online_url(course),
        "glossary": list(spec.glossary),
        "sessions": [{"start": s.start.isoformat(), "end": s.end.isoformat(), "topic": s.topic,
                      "location": s.location, "cancelled": s.cancelled} for s in course.sessions],
    }


def courses_json(cat: Catalogue, env: views.Env, site_url: str, shared: Any = None) -> str:
    """``kurser.json``: every course, upcoming and past, as documented versioned JSON.

    A session's ``location`` is its own place id (null: the course's ``location``); the
    top-level ``locations`` map gives every place's details so such ids can be resolved.

    The text is ``json.dumps(data, ensure_ascii=False, indent=2)`` and a newline. Each
    course is written once (``shared``, a ``memo.Memo``: once per content across a served
    preview's rebuilds) and the pieces are joined.
    """
    courses = [_course_json(env, cat.courses[slug], site_url) for slug in sorted(cat.courses)]
    data = {
        "version": JSON_VERSION,
        "generated": env.today.isoformat(),
        "school": {"name": cat.settings.name, "url": _base(site_url), "contact": cat.settings.contact},
        "courses": courses,
        "locations": {pid: _location_json(cat, pid) for pid in sorted(cat.locations)},
    }
    try:
        text = _json_text(dict(data, courses=[_course_piece(course, shared) for course in courses]))
    except (TypeError, ValueError):  # a value that is not one of JSON's own types: json knows what to do
        text = json.dumps(data, ensure_ascii=False, indent=2)
    return text + "\n"


class _Written(str):
    """A value already written as JSON at its place's indentation (a course in kurser.json)."""


#: A course's place in kurser.json: an item of the top-level "courses" list.
_COURSE_INDENT = "    "


def _course_piece(course: dict[str, Any], shared: Any) -> _Written:
    """A course of kurser.json, written (TypeError or ValueError: not JSON's own types)."""
    if shared is None:
        return _Written(_json_text(course, _COURSE_INDENT))
    # marshal writes exactly JSON's own types (ValueError for others), and two values with
    # the same marshal bytes are equal (bool and int, list and tuple kept apart), so they
    # are written alike. (Equal values may marshal differently: that only misses the cache.)
    return shared.get(("json", marshal.dumps(course)), lambda: _Written(_json_text(course, _COURSE_INDENT)))


_encode_string = json.encoder.encode_basestring  # what json.dumps uses with ensure_ascii=False


def _json_text(value: Any, indent: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, for a value at ``indent``.

    json's indented writer is its pure-Python one (its C writer only writes without
    indentation); this one writes the same text with a fraction of the calls. Only
    JSON's own types are written (str, int, bool, None, and lists and dicts with str
    keys; ``_Written`` as it is): anything else raises TypeError."""
    out: list[str] = []
    _write_json(value, indent, out)
    return "".join(out)


def _write_json(value: Any, indent: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(_encode_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        before = "{\n" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError  # json.dumps writes it as a str
            out.append(before)
            out.append(_encode_string(key))
            out.append(": ")
            _write_json(item, inner, out)
            before = ",\n" + inner
        out.append("\n" + indent + "}")
    elif kind is list:
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        before = "[\n" + inner
        for item in value:
            out.append(before)
            _write_json(item, inner, out)
            before = ",\n" + inner
        out.append("\n" + indent + "]")
    elif kind is _Written:
        out.append(value)
    else:
        raise TypeError


# --- Atom feed ----------------------------------------------------------------------------

# Characters XML 1.0 cannot carry at all; ElementTree would write them and break the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _rfc3339(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: _xml_text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _xml_text(text)
    return el


def _course_dates(course: Course, dates: dict[str, tuple[datetime, datetime]], fallback: datetime) -> tuple[datetime, datetime]:
    # Keyed by the file's path (as git_dates returns) or, for convenience, by slug.
    return dates.get(course.path) or dates.get(course.slug) or (fallback, fallback)


def atom_feed(cat: Catalogue, dates: dict[str, tuple[datetime, datetime]], site_url: str, env: views.Env,
              shared: Any = None) -> str:
    """``feed.xml``: every course as an Atom 1.0 entry, newest first by published date.

    ``dates`` maps a course's ``path`` (or slug) to (published, updated), e.g. from
    ``git_dates``; a course missing from it is dated ``env.now``. ``shared`` (a
    ``memo.Memo``) keeps the feed by everything it is made of.
    """
    if shared is not None:
        # Dates by repr: equal datetimes in one zone may still be different instants (fold).
        entries = tuple((c.slug, c.spec.title, c.spec.summary, repr(_course_dates(c, dates, env.now)))
                        for c in cat.courses.values())
        key = ("atom", site_url, cat.settings.name, repr(env.now), entries)
        return shared.get(key, lambda: atom_feed(cat, dates, site_url, env))
    base = _base(site_url)
    rows = []
    for course in cat.courses.values():
        published, updated = _course_dates(course, dates, env.now)
        rows.append((published, max(published, updated), course))
    rows.sort(key=lambda r: (-r[0].timestamp(), r[2].slug))

    feed = ET.Element("feed", {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": "da"})
    _sub(feed, "id", base + "feed.xml")
    _sub(feed, "title", f"{cat.settings.name} – kurser")
    _sub(feed, "updated", _rfc3339(max((r[1] for r in rows), default=env.now)))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=base + "feed.xml")
    _sub(feed, "link", rel="alternate", type="text/html", href=base + routes.url_of(routes.COURSES))
    # Atom requires an author on the feed unless every entry has one.
    _sub(_sub(feed, "author"), "name", cat.settings.name)
    for published, updated, course in rows:
        url = course_url(site_url, course.slug)
        entry = _sub(feed, "entry")
        _sub(entry, "id", url)
        _sub(entry, "title", course.spec.title)
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "published", _rfc3339(published))
        _sub(entry, "updated", _rfc3339(updated))
        _sub(entry, "summary", course.spec.summary)
    ET.indent(feed)  # whitespace between elements only; text content is untouched
    body = ET.tostring(feed, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


# --- Dates from git -----------------------------------------------------------------------


def _mtime(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(int(path.stat().st_mtime), UTC)
    except (OSError, ValueError, OverflowError):
        return EPOCH


def git_dates(root: Path, paths: list[str]) -> dict[str, tuple[datetime, datetime]]:
    """(first commit date, last commit date) in UTC for each path relative to ``root``.

    One `git log` for all files, so the cost does not grow with a subprocess per file. A
    file git does not know (or no git at all) gets its mtime for both; never raises. In a
    shallow clone every file looks created by the oldest fetched commit: fetch full history.
    """
    return dates_from(root, paths, _log(root, paths))


def _log(root: Path, paths: list[str], shared: Any = None) -> dict[str, list[history.Commit]]:
    """``history.log``, or {} without git. With ``shared`` (a served preview) the answer
    is kept by HEAD: the commits that changed the files are the same while HEAD is (an
    uncommitted edit is in no commit; the edited file is read by the catalogue)."""
    sha = history.head(root) if shared is not None else None
    if sha is None:
        return _git_log(root, paths)
    key = ("log", str(Path(root).absolute()), sha, tuple(sorted(paths)))
    found = shared.peek(key)
    if found is None:
        found = _git_log(root, paths)
        if found:  # an empty answer costs little to ask again, and may be a failure
            shared.put(key, found)
    return found


def _git_log(root: Path, paths: list[str]) -> dict[str, list[history.Commit]]:
    try:
        return history.log(Path(root), paths)
    except (OSError, subprocess.SubprocessError, ValueError):
        # No git, or no history: dates are a nicety, and a build must not fail on them.
        return {}


def dates_from(root: Path, paths: list[str], commits: dict[str, list[history.Commit]]) -> dict[str, tuple[datetime, datetime]]:
    """``git_dates`` from an answer of ``history.log`` already at hand."""
    root = Path(root)
    out: dict[str, tuple[datetime, datetime]] = {}
    for given in paths:
        normal = history.normal(given)
        found = commits.get(normal)
        if found:
            out[given] = (min(c.when for c in found), max(c.when for c in found))
        else:
            stamp = _mtime(root / normal)
            out[given] = (stamp, stamp)
    return out
