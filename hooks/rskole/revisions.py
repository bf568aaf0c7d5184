"""SEQUENCE numbers of calendar events, from the history of their course files.

RFC 5545 (3.8.7.4) has SEQUENCE rise with every significant revision of an event, and
strict iTIP clients ignore an update whose SEQUENCE is not higher than the one they
have. The portal keeps no state between builds, so the number is derived from git:
for each event (course slug + session key, as in its UID), how many times its time,
place or status differed from its previous version, over the course file's committed
versions (oldest first) and then the file as it is now. The same content and history
always give the same numbers, so a rebuild without a change changes no byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

from pydantic import ValidationError

from . import history, memo
from .catalogue import Catalogue, text_digest
from .model import CourseSpec
from .schedule import Session, expand
from .sources import SourceError, parse_yaml

#: What makes a revision significant: start, end, place (and format), status.
Signature = tuple


def signatures(spec: CourseSpec, sessions: Iterable[Session]) -> dict[str, Signature]:
    """Each session's significant values, by its key."""
    course_cancelled = spec.status == "cancelled"
    # The place as the event's LOCATION is made from it: place id, format, public link.
    link = spec.online_url if spec.online_url_public else None
    return {
        s.key: (s.start.isoformat(), s.end.isoformat(), s.location or spec.location, spec.format, link,
                s.cancelled or course_cancelled)
        for s in sessions
    }


def _text(data: bytes) -> str:
    """An earlier version's text as ``_old_version`` parses it (UnicodeDecodeError if none)."""
    return data.decode("utf-8").replace("\r\n", "\n")


def _text_digest(data: bytes) -> str | None:
    try:
        return text_digest(_text(data))
    except UnicodeDecodeError:
        return None


def _old_version(data: bytes, zone) -> dict[str, Signature] | None:
    """An earlier version of a course file, as signatures; None if it cannot be read."""
    try:
        doc = parse_yaml(_text(data))
        spec = CourseSpec.model_validate(doc.data)
    except (UnicodeDecodeError, SourceError, ValidationError, TypeError, ValueError):
        return None
    sessions, problems = expand(list(spec.sessions), zone, [0] * len(spec.sessions))
    if problems:
        return None
    return signatures(spec, sessions)


def count(versions: Iterable[Mapping[str, Signature]]) -> dict[str, int]:
    """Per key: how often its signature changed from the last version that had the key."""
    last: dict[str, Signature] = {}
    changes: dict[str, int] = {}
    for version in versions:
        for key, sig in version.items():
            if key in last and last[key] != sig:
                changes[key] = changes.get(key, 0) + 1
            last[key] = sig
    return changes


def sequences(root: Path, cat: Catalogue, commits: Mapping[str, list[history.Commit]] | None = None) -> dict[tuple[str, str], int]:
    """(course slug, session key) -> SEQUENCE, for every event that ever changed.

    ``commits`` is ``history.log`` of the course files (read here if not given). Events
    missing from the answer have SEQUENCE 0.
    """
    courses = list(cat.courses.values())
    if commits is None:
        commits = history.log(root, [c.path for c in courses])
    wanted = [(commit.sha, c.path) for c in courses for commit in commits.get(history.normal(c.path), [])]
    # A version with the text the catalogue read now is parsed as the course was.
    now = {c.path: (cat.digests.get(c.path), signatures(c.spec, c.sessions)) for c in courses}
    parsed = _parsed(root, cat.zone, wanted, now)
    out: dict[tuple[str, str], int] = {}
    for course in courses:
        versions = []
        for commit in reversed(commits.get(history.normal(course.path), [])):  # oldest first
            old = parsed.get((commit.sha, course.path))
            if old is not None:
                versions.append(old)
        versions.append(now[course.path][1])
        for key, n in count(versions).items():
            if n and key in versions[-1]:
                out[(course.slug, key)] = n
    return out


def _parsed(root: Path, zone, wanted: list[tuple[str, str]],
            now: Mapping[str, tuple[str | None, dict[str, Signature]]]) -> dict[tuple[str, str], dict[str, Signature] | None]:
    """Each (commit sha, path) version as signatures (None: unreadable), missing where git
    cannot give it.

    A commit's files never change: a version is read from git and parsed once per process
    (``memo.REVISIONS``, by the project's root too, as the path is relative to it), so a
    served preview's rebuild runs no ``git cat-file`` unless a commit is new. A version
    whose text is the one the catalogue read (``now``: path -> (``text_digest`` of it,
    its signatures)) is not parsed again: the same text gives the same signatures."""
    place = str(Path(root).absolute())
    found: dict[tuple[str, str], dict[str, Signature] | None] = {}
    unknown = []
    for version in wanted:
        kept = memo.REVISIONS.peek((place, zone.key, *version))
        if kept is None:
            unknown.append(version)
        else:
            found[version] = kept[0]
    blobs = history.contents(root, unknown)
    for version in unknown:
        data = blobs.get(version)
        if data is None:
            continue  # not kept: git may answer next time
        digest, current = now[version[1]]  # every version asked for is of a course's file
        if digest is not None and digest == _text_digest(data):
            found[version] = current
        else:
            # The same bytes in another commit or file (a revert, a copy) are parsed once.
            found[version] = memo.OLD_VERSIONS.get((data, zone.key), lambda: _old_version(data, zone))
        memo.REVISIONS.put((place, zone.key, *version), (found[version],))
    return found
