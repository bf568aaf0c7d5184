"""Sessions in time: weekly series, exceptions, time zones, upcoming and past.

Times in course files are wall-clock times in the site's zone. A weekly series keeps
its local time across summer time, so each occurrence is built from its own date and
the wall-clock time, never by adding 7 × 24 hours to an instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from .model import SessionSpec

#: One course never has more sessions than this after its series are expanded.
MAX_SESSIONS = 400
#: Sessions lie in these years. Outside them a date is a typo (0227, 9027), and the
#: calendar arithmetic of the feeds runs out of years (Python's dates end in 9999).
YEARS = (1900, 2999)


@dataclass(frozen=True)
class Session:
    """One occurrence, with aware datetimes in the site's zone."""

    start: datetime
    end: datetime
    topic: str | None
    location: str | None  # per-session place id, or None for the course's own
    cancelled: bool
    #: Line in the course file of the entry this occurrence comes from.
    line: int
    #: Stable calendar identity within the course: the date, plus -2, -3 ... on a busy day.
    key: str

    @property
    def date(self) -> date:
        return self.start.date()


class TimeProblem(Exception):
    pass


def _ambiguous(d: date, t: time, zone: ZoneInfo) -> bool:
    naive = datetime.combine(d, t)
    return naive.replace(tzinfo=zone, fold=0).utcoffset() != naive.replace(tzinfo=zone, fold=1).utcoffset()


def repeated_times(d: date, zone: ZoneInfo) -> tuple[time, time] | None:
    """The first and last minute of ``d`` that the clocks show twice in ``zone``, if any."""
    minutes = [m for m in range(24 * 60) if _ambiguous(d, time(m // 60, m % 60), zone)]
    if not minutes:
        return None
    return time(minutes[0] // 60, minutes[0] % 60), time(minutes[-1] // 60, minutes[-1] % 60)


def _after(t: time) -> str:
    minute = t.hour * 60 + t.minute + 1
    return "midnat" if minute >= 24 * 60 else f"{minute // 60:02d}:{minute % 60:02d}"


def local(d: date, t: time, zone: ZoneInfo) -> datetime:
    """The instant of wall-clock ``t`` on ``d`` in ``zone``.

    A time that does not exist (skipped by the spring switch) and a time the clocks show
    twice (repeated in autumn) both raise TimeProblem. RFC 5545 reads a repeated time as
    its first occurrence, but libical, ical.js, node-ical and khal read it as the second,
    so a page and a calendar would disagree by an hour: such a time is refused instead.
    """
    dt = datetime.combine(d, t, tzinfo=zone)
    if dt.fold:
        dt = dt.replace(fold=0)
    if dt.utcoffset() == dt.replace(fold=1).utcoffset():
        # Either reading of the wall time gives the same instant: the clocks show it
        # exactly once (a skipped or a repeated time has two readings).
        return dt
    back = dt.astimezone(timezone.utc).astimezone(zone)
    if back.replace(tzinfo=None) != dt.replace(tzinfo=None):
        raise TimeProblem(
            f"klokken {t:%H:%M} findes ikke den {d.isoformat()} i tidszonen {zone.key}, fordi urene stilles frem til sommertid; vælg et andet tidspunkt"
        )
    if _ambiguous(d, t, zone):
        first, last = repeated_times(d, zone) or (t, t)
        raise TimeProblem(
            f"klokken {t:%H:%M} findes to gange den {d.isoformat()} i tidszonen {zone.key}, fordi urene stilles tilbage fra sommertid, "
            f"og kalenderprogrammer læser den forskelligt; tider fra {first:%H:%M} til {last:%H:%M} er tvetydige den dag, "
            f"så vælg et tidspunkt før {first:%H:%M} eller fra {_after(last)}"
        )
    return dt


def series_dates(spec: SessionSpec) -> list[date]:
    """The dates of one entry: its own date, or a weekly series without its exceptions."""
    count = spec.weekly or 1
    every = [spec.date + timedelta(weeks=i) for i in range(count)]
    skip = set(spec.except_)
    return [d for d in every if d not in skip]


def expand(specs: list[SessionSpec], zone: ZoneInfo, spec_lines: list[int]) -> tuple[list[Session], list[tuple[int, str]]]:
    """Expand a course's entries into sessions, sorted by start.

    Returns the sessions and a list of (line, message) problems.
    """
    problems: list[tuple[int, str]] = []
    sessions: list[Session] = []
    for spec, line in zip(specs, spec_lines):
        if spec.end <= spec.start:
            problems.append((line, f"kursusgangen slutter ({spec.end:%H:%M}) før eller samtidig med, at den begynder ({spec.start:%H:%M}); 'end' skal ligge efter 'start' samme dag"))
            continue
        if spec.except_ and not spec.weekly:
            problems.append((line, "'except' bruges kun sammen med 'weekly'; skriv 'weekly: <antal>' eller fjern 'except'"))
        last = spec.date + timedelta(weeks=(spec.weekly or 1) - 1) if spec.date.year <= YEARS[1] else spec.date
        if not (YEARS[0] <= spec.date.year and last.year <= YEARS[1]):
            outside = spec.date if spec.date.year < YEARS[0] or spec.date.year > YEARS[1] else last
            what = "datoen" if outside == spec.date else "rækkens sidste dato"
            problems.append((line, f"{what} {outside.isoformat()} ligger ikke mellem år {YEARS[0]} og {YEARS[1]}; tjek årstallet"))
            continue
        if spec.weekly:
            every = {spec.date + timedelta(weeks=i) for i in range(spec.weekly)}
            for skipped in spec.except_:
                if skipped not in every:
                    problems.append((line, f"'except' nævner {skipped.isoformat()}, som ikke er en af rækkens datoer ({spec.date.isoformat()} og {spec.weekly - 1} uger frem, samme ugedag)"))
        for d in series_dates(spec):
            if len(sessions) >= MAX_SESSIONS:
                problems.append((line, f"kurset har mere end {MAX_SESSIONS} kursusgange; del det op i flere kurser"))
                return [], problems
            try:
                start = local(d, spec.start, zone)
                end = local(d, spec.end, zone)
            except TimeProblem as exc:
                problems.append((line, str(exc)))
                continue
            sessions.append(Session(start, end, spec.topic, spec.location, spec.cancelled, line, ""))
    sessions.sort(key=lambda s: (s.start, s.end))
    # Calendar identity: the date; a second session on the same day gets "-2".
    seen: dict[date, int] = {}
    keyed = []
    for s in sessions:
        n = seen.get(s.date, 0) + 1
        seen[s.date] = n
        key = s.date.strftime("%Y%m%d") + (f"-{n}" if n > 1 else "")
        keyed.append(Session(s.start, s.end, s.topic, s.location, s.cancelled, s.line, key))
    return keyed, problems


def last_end(sessions: list[Session]) -> datetime | None:
    """When the course is over: the end of its last non-cancelled session.

    A course whose every session is cancelled is over when its last one would have
    ended; a course without sessions ("datoer følger") is never over.
    """
    held = [s for s in sessions if not s.cancelled] or sessions
    return max((s.end for s in held), default=None)


def is_upcoming(sessions: list[Session], now: datetime) -> bool:
    end = last_end(sessions)
    return end is None or end > now


def next_session(sessions: list[Session], now: datetime) -> Session | None:
    return next((s for s in sessions if not s.cancelled and s.end > now), None)


def first_session(sessions: list[Session]) -> Session | None:
    return next((s for s in sessions if not s.cancelled), sessions[0] if sessions else None)
