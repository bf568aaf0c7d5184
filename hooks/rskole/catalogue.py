"""Loading and validating every editor file into one immutable, typed Catalogue.

``load(root, settings)`` reads ``courses/``, ``_teachers.yml``, ``_locations.yml`` and
``glossary/``, and returns the Catalogue together with *every* problem it found: an
editor fixes all their mistakes in one round instead of one per build.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import glossary, registration
from .danish import did_you_mean, is_slug, slugify, sort_key
from .model import CourseSpec, Location, SiteSettings, Teacher, TermSpec
from .problems import Problem, Problems
from .schedule import MAX_SESSIONS, Session, expand
from .sources import Document, SourceError, load_markdown_file, load_yaml_file, number
from .validation import MAX_HINTS, validate

#: An editor is shown at most this many problems per file (and is told how many more).
MAX_PROBLEMS_PER_FILE = 50


@dataclass(frozen=True)
class Course:
    slug: str
    spec: CourseSpec
    sessions: tuple[Session, ...]
    #: Path of the file relative to the project root, for errors and edit links.
    path: str


@dataclass(frozen=True)
class Term:
    slug: str
    spec: TermSpec
    #: The definition in Markdown (the file's body).
    body: str
    path: str

    @property
    def name(self) -> str:
        return self.spec.term


@dataclass(frozen=True)
class Catalogue:
    settings: SiteSettings
    zone: ZoneInfo
    courses: dict[str, Course]
    teachers: dict[str, Teacher]
    locations: dict[str, Location]
    terms: dict[str, Term]
    teachers_path: str = "courses/_teachers.yml"
    locations_path: str = "courses/_locations.yml"
    #: ``text_digest`` of each course file's text as it was read, by path: the history
    #: (revisions.py) then knows a committed version with the same text without parsing it.
    digests: dict[str, str] = field(default_factory=dict)


@dataclass
class Paths:
    """Where the editors' folders are, relative to the project root (mkdocs.yml's folder)."""

    root: Path
    courses: str = "courses"
    glossary: str = "glossary"

    def rel(self, path: Path) -> str:
        return Path(os.path.relpath(path, self.root)).as_posix()


def today(zone: ZoneInfo, environ: dict[str, str] | None = None) -> tuple[date, datetime]:
    """The build's idea of today and now: PORTAL_TODAY=YYYY-MM-DD, or the clock in ``zone``.

    With PORTAL_TODAY, "now" is the start of that day, so a session on that day is still
    upcoming and builds are reproducible.
    """
    environ = os.environ if environ is None else environ
    override = environ.get("PORTAL_TODAY", "").strip()
    if override:
        try:
            d = date.fromisoformat(override)
        except ValueError:
            raise ValueError(f"PORTAL_TODAY='{override}' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD") from None
        return d, datetime.combine(d, datetime.min.time(), tzinfo=zone)
    now = datetime.now(zone)
    return now.date(), now


def load_settings(extra: Any, path: str = "mkdocs.yml", line_of=lambda key: 0) -> tuple[SiteSettings | None, ZoneInfo | None, list[Problem]]:
    """Validate ``extra.portal`` from mkdocs.yml. ``line_of(key)`` finds a key's line."""
    portal = extra.get("portal") if isinstance(extra, dict) else None
    if portal is None:
        return None, None, [Problem(path, line_of("extra"), "mkdocs.yml mangler 'extra: portal:' med mindst 'name:' (skolens navn)")]
    doc = Document(portal, {})
    settings, problems = validate(SiteSettings, portal, doc, path, ("portal",))
    problems = [Problem(p.path, line_of(_last_key(p.message)) or line_of("portal"), f"extra.portal: {p.message}") for p in problems]
    if settings is None:
        return None, None, problems
    try:
        zone = ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(Problem(path, line_of("timezone"), f"extra.portal.timezone: '{settings.timezone}' er ikke en kendt tidszone; skriv fx Europe/Copenhagen"))
        return settings, None, problems
    return settings, zone, problems


def _last_key(message: str) -> str:
    return message.split("'")[1] if "'" in message else "portal"


def _id_map(doc: Document, rel: str, model, what: str) -> tuple[dict[str, Any], list[Problem]]:
    """Validate a file that maps ids to entries (_teachers.yml, _locations.yml)."""
    problems: list[Problem] = []
    if not isinstance(doc.data, dict):
        return {}, [Problem(rel, 1, f"filen skal være en opslagstabel: et id pr. {what} efterfulgt af kolon og felterne indrykket under")]
    out: dict[str, Any] = {}
    for key, value in doc.data.items():
        key = str(key)
        hints = max(0, MAX_HINTS - len(problems))
        if not is_slug(key):
            example = (slugify(key[:200]) if hints else "") or "mit-id"
            problems.append(Problem(rel, doc.line((key,)), f"'{key}' er ikke et gyldigt id; brug små bogstaver a-z, tal og bindestreger (fx '{example}')"))
            continue
        item, errs = validate(model, value, doc, rel, (key,), hints=hints)
        problems.extend(errs)
        if item is not None:
            out[key] = item
    return out, problems


def text_digest(text: str) -> str:
    """A course file's text (as parsed: line endings as \\n) as a short key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(path: Path, rel: str, problems: Problems, loader=load_yaml_file):
    try:
        return loader(path)
    except SourceError as exc:
        problems.add(rel, exc.line, exc.message)
        return None


def course_files(paths: Paths) -> list[Path]:
    folder = paths.root / paths.courses
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or any(part.startswith((".", "_")) for part in path.relative_to(folder).parts):
            continue
        found.append(path)
    return found


def load(paths: Paths, settings: SiteSettings, zone: ZoneInfo, parsed: Any = None,
         read: Callable[[Path], Document] = load_yaml_file) -> tuple[Catalogue, Problems]:
    """Read and validate every editor file. Never raises on bad content.

    ``parsed`` (a ``memo.Memo``, for ``mkdocs serve``'s rebuilds) keeps each valid course
    file's document, spec and sessions by the file's bytes, across builds. ``read`` reads
    a course file (``load_yaml_file``: a one-off build may have it read ahead, in the
    order of ``course_files``)."""
    problems = Problems()
    courses_dir = paths.root / paths.courses

    # Teachers and places first: courses refer to them.
    teachers: dict[str, Teacher] = {}
    locations: dict[str, Location] = {}
    #: Ids written in the file, valid or not (an invalid one already has its problem).
    listed: dict[str, set[str] | None] = {}
    teachers_rel = paths.rel(courses_dir / "_teachers.yml")
    locations_rel = paths.rel(courses_dir / "_locations.yml")
    for filename, model, what, target in (
        ("_teachers.yml", Teacher, "underviser", teachers),
        ("_locations.yml", Location, "sted", locations),
    ):
        path = courses_dir / filename
        rel = paths.rel(path)
        if not path.exists():
            problems.add(rel, 0, f"filen mangler; den skal liste hvert {what} med et id")
            continue
        doc = _read(path, rel, problems)
        listed[filename] = None  # unreadable: its own problem says so; no problem per course
        if doc is not None:
            items, errs = _id_map(doc, rel, model, what)
            target.update(items)
            problems.extend(errs)
            if isinstance(doc.data, dict):
                listed[filename] = {str(key) for key in doc.data}
    # Whether a course's teacher ids can be checked against the file (a missing file
    # counts as empty; an empty one, '{}', too).
    teachers_listed = listed.get("_teachers.yml", set())
    teachers_doc_ok = teachers_listed is not None

    # Glossary terms: their slugs are needed to check courses' glossary lists.
    terms: dict[str, Term] = {}
    term_docs: dict[str, tuple[Document, str]] = {}
    glossary_dir = paths.root / paths.glossary
    if glossary_dir.is_dir():
        for path in sorted(glossary_dir.rglob("*")):
            if not path.is_file() or any(p.startswith((".", "_")) for p in path.relative_to(glossary_dir).parts):
                continue
            rel = paths.rel(path)
            if path.suffix != ".md":
                problems.add(rel, 0, "ordbogen læser kun Markdown-filer (.md); omdøb filen eller flyt den ud af glossary/")
                continue
            slug = path.stem
            if not is_slug(slug):
                problems.add(rel, 0, f"filnavnet '{path.name}' er ikke et gyldigt slug; omdøb filen til '{slugify(slug) or 'ord'}.md'")
                continue
            if slug in terms or slug in term_docs:
                problems.add(rel, 0, f"ordet '{slug}' findes allerede i {terms[slug].path if slug in terms else term_docs[slug][1]}; to filer kan ikke have samme navn")
                continue
            source = _read(path, rel, problems, load_markdown_file)
            if source is None:
                continue
            spec, errs = validate(TermSpec, source.meta.data, source.meta, rel)
            problems.extend(errs)
            term_docs[slug] = (source.meta, rel)
            if spec is None:
                continue
            if not source.body.strip():
                problems.add(rel, source.body_line, "ordet har ingen definition; skriv den under front matter")
                continue
            terms[slug] = Term(slug, spec, source.body.strip() + "\n", rel)
    _check_terms(terms, term_docs, problems)

    # Courses.
    courses: dict[str, Course] = {}
    digests: dict[str, str] = {}
    seen_slugs: dict[str, str] = {}
    for path in course_files(paths):
        rel = paths.rel(path)
        if path.suffix not in (".yml", ".yaml"):
            problems.add(rel, 0, "i courses/ må der kun ligge kursusfiler (.yml); flyt filen, eller giv den et navn, der begynder med _")
            continue
        slug = path.stem
        if not is_slug(slug):
            problems.add(rel, 0, f"filnavnet '{path.name}' kan ikke bruges som adresse; omdøb filen til '{slugify(slug) or 'kursus'}{path.suffix}'")
            continue
        if slug in seen_slugs:
            problems.add(rel, 0, f"der findes allerede et kursus med navnet '{slug}' ({seen_slugs[slug]}); to kurser kan ikke have samme filnavn, heller ikke i hver sin mappe")
            continue
        seen_slugs[slug] = rel
        if parsed is not None:
            # A served preview: a course file with the same bytes, read and validated
            # before, is the same document, spec and sessions (nothing here mutates them).
            # What depends on other files (teachers, places, terms, settings) is checked
            # again below, every time.
            key = (rel, path.read_bytes(), zone.key)
            hit = parsed.peek(key)
            if hit is not None:
                doc, spec, sessions = hit
                digests[rel] = text_digest("\n".join(doc.source))
                errs_before = len(problems)
                _check_course(spec, doc, rel, teachers, locations, terms, term_docs, teachers_doc_ok, problems, teachers_listed=teachers_listed)
                _check_reachable(spec, doc, rel, settings, problems)
                if len(problems) == errs_before:
                    courses[slug] = Course(slug, spec, sessions, rel)
                continue
        doc = _read(path, rel, problems, read)
        if doc is None:
            continue
        digests[rel] = text_digest("\n".join(doc.source))
        entries = doc.data.get("sessions") if isinstance(doc.data, dict) else None
        too_many = isinstance(entries, list) and len(entries) > MAX_SESSIONS
        if too_many:
            # Checked before the entries are validated one by one: 100,000 of them would
            # take long and give as many problems.
            problems.add(rel, doc.line(("sessions",)), f"kurset har {number(len(entries))} kursusgange under 'sessions'; et kursus må højst have {MAX_SESSIONS}, så del det op i flere kurser")
            doc = Document({**doc.data, "sessions": []}, doc.lines, doc.offset)
        raw_errors: list[dict] = []
        spec, errs = validate(CourseSpec, doc.data, doc, rel, raw_errors=raw_errors)
        problems.extend(errs)
        session_index = list(range(len(spec.sessions))) if spec else []
        if spec is None:
            # Check what can still be checked, so the editor sees every problem at once.
            salvaged = _salvage(doc.data, raw_errors)
            if salvaged is None:
                continue
            partial, session_index = salvaged
            _check_course(partial, doc, rel, teachers, locations, terms, term_docs, teachers_doc_ok, problems,
                          check_teachers="teachers" in doc.data and partial.teachers != _PLACEHOLDER_TEACHERS,
                          check_location="location" in doc.data or "format" in doc.data, teachers_listed=teachers_listed,
                          session_index=session_index)
            lines = [doc.line(("sessions", i)) for i in session_index]
            for line, message in expand(partial.sessions, zone, lines)[1]:
                problems.add(rel, line, message)
            continue
        errs_before = len(problems)
        _check_course(spec, doc, rel, teachers, locations, terms, term_docs, teachers_doc_ok, problems, teachers_listed=teachers_listed)
        _check_reachable(spec, doc, rel, settings, problems)
        spec_lines = [doc.line(("sessions", i)) for i in session_index]
        sessions, time_problems = expand(spec.sessions, zone, spec_lines)
        for line, message in time_problems:
            problems.add(rel, line, message)
        if not time_problems and not too_many and parsed is not None:
            parsed.put(key, (doc, spec, tuple(sessions)))
        if len(problems) == errs_before and not too_many:
            courses[slug] = Course(slug, spec, tuple(sessions), rel)

    catalogue = Catalogue(settings, zone, courses, teachers, locations, terms, teachers_rel, locations_rel, digests)
    return catalogue, _readable(problems)


def _readable(problems: Problems) -> Problems:
    """Every problem as one line of visible text, and at most MAX_PROBLEMS_PER_FILE per file.

    Messages quote what the editor wrote; a line break, a control character or a
    right-to-left override in a quoted value would break the report's one line per
    problem or turn it around on the screen, so invisible characters are shown by code.
    """
    out = Problems()
    counts: dict[str, int] = {}
    for p in problems.sorted():
        n = counts[p.path] = counts.get(p.path, 0) + 1
        if n <= MAX_PROBLEMS_PER_FILE:
            out.add(p.path, p.line, _visible(p.message))
    for path, n in counts.items():
        if n > MAX_PROBLEMS_PER_FILE:
            out.add(path, 0, f"filen har {number(n)} fejl; her vises de første {MAX_PROBLEMS_PER_FILE}. Ret dem, og byg igen for at se resten")
    return out


_QUOTED_LONG = re.compile(r"'([^'\n]{61,})'")


def _visible(message: str) -> str:
    if not message.isprintable():
        message = "".join(
            f"[U+{ord(c):04X}]" if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") else c for c in message
        )
    if len(message) > 300:
        # A long value quoted in full would hide the message; keep its start and end.
        message = _QUOTED_LONG.sub(lambda m: f"'{m.group(1)[:40]} … {m.group(1)[-15:]}'", message)
    if len(message) > 1000:
        message = message[:995] + " …"
    return message.strip() or "ukendt fejl i filen"


def _check_terms(terms: dict[str, Term], docs: dict[str, tuple[Document, str]], problems: Problems) -> None:
    claimed: dict[str, tuple[str, str]] = {}  # lowercased word -> (slug, path)
    for slug, term in sorted(terms.items()):
        doc, rel = docs[slug]
        words = [(term.spec.term, ("term",))] + [(form, ("forms", i)) for i, form in enumerate(term.spec.forms)]
        for word, loc in words:
            if not glossary.matchable(word):
                what = "ordet" if loc == ("term",) else "bøjningsformen"
                problems.add(rel, doc.line(loc), f"{what} '{word}' kan aldrig findes i en tekst, fordi det ikke er hele ord "
                                                 "(fx tegn som & eller / midt i); skriv det med bogstaver, tal og bindestreger")
                continue
            key = " ".join(word.lower().split())
            if key in claimed and claimed[key][0] != slug:
                other_slug, other_path = claimed[key]
                what = "ordet" if loc == ("term",) else "bøjningsformen"
                problems.add(rel, doc.line(loc), f"{what} '{word}' bruges også af '{other_slug}' ({other_path}); et ord kan kun høre til ét opslag")
            else:
                claimed.setdefault(key, (slug, rel))
        for i, target in enumerate(term.spec.see_also):
            if target == slug:
                problems.add(rel, doc.line(("see_also", i)), f"see_also henviser til ordet selv ('{target}'); fjern det")
            elif target not in docs:
                hint = did_you_mean(target, docs) if i < MAX_HINTS else ""
                problems.add(rel, doc.line(("see_also", i)), f"see_also nævner '{target}', som ikke er et ord i ordbogen{hint}")


_PLACEHOLDER_TEACHERS = ["placeholder-a", "placeholder-b"]
_PLACEHOLDERS = {"title": "-", "summary": "-", "description": "-", "themes": ["hope"], "audiences": ["citizens"],
                 "teachers": _PLACEHOLDER_TEACHERS}


def _salvage(data: Any, errors: list[dict]) -> tuple[CourseSpec, list[int]] | None:
    """A course with its invalid parts left out, for the cross-file checks; None if
    nothing useful is left. ``errors`` are pydantic's errors for ``data`` (validated
    once, not twice: 100,000 wrong values take long enough once). Returns the model and
    the indexes of the kept sessions."""
    if not isinstance(data, dict) or not errors:
        return None
    bad_top: set = set()
    bad_sessions: set[int] = set()
    for error in errors:
        loc = error["loc"]
        if not loc:
            return None
        if loc[0] == "sessions" and len(loc) > 1 and isinstance(loc[1], int):
            bad_sessions.add(loc[1])
        else:
            bad_top.add(loc[0])
    cleaned = {k: v for k, v in data.items() if k not in bad_top}
    kept = []
    if isinstance(cleaned.get("sessions"), list):
        kept = [i for i in range(len(cleaned["sessions"])) if i not in bad_sessions]
        cleaned["sessions"] = [cleaned["sessions"][i] for i in kept]
    for key, value in _PLACEHOLDERS.items():
        cleaned.setdefault(key, value)
    try:
        return CourseSpec.model_validate(cleaned), kept
    except ValidationError:
        return None


def _check_course(spec: CourseSpec, doc: Document, rel: str, teachers, locations, terms, term_docs, teachers_known: bool,
                  problems: Problems, check_teachers: bool = True, check_location: bool = True,
                  teachers_listed: set[str] | None = None, session_index: list[int] | None = None) -> None:
    """``session_index[i]`` is where ``spec.sessions[i]`` is in the file (a salvaged course
    has lost its invalid sessions); by default, the same place."""
    # Teachers exist, and the co-teaching rule holds.
    roles = set()
    teachers_listed = teachers_listed or set()
    if not check_teachers:
        teachers_known = False
    for i, tid in enumerate(spec.teachers):
        teacher = teachers.get(tid)
        if teacher is None:
            if teachers_known and tid not in teachers_listed:
                hint = did_you_mean(tid, teachers) if i < MAX_HINTS else ""
                problems.add(rel, doc.line(("teachers", i)), f"underviseren '{tid}' findes ikke i courses/_teachers.yml{hint}")
            continue
        roles.add(teacher.role)
    if check_teachers and all(t in teachers for t in spec.teachers):
        line = doc.line(("teachers",))
        rule = "ethvert kursus skal have mindst én underviser med rollen peer eller relative og én med rollen professional"
        if not roles & {"peer", "relative"}:
            problems.add(rel, line, f"kurset har ingen underviser med levede erfaringer; {rule}")
        if "professional" not in roles:
            problems.add(rel, line, f"kurset har ingen fagprofessionel underviser; {rule}")

    # Place and online link fit the format.
    if check_location and spec.format in ("in-person", "hybrid") and spec.location is None:
        kind = "fremmøde" if spec.format == "in-person" else "hybrid"
        problems.add(rel, doc.line(("format",)) if "format" in doc.data else 1,
                     f"kurset er med {kind}, men har intet sted; skriv 'location: <id>' med et id fra courses/_locations.yml (eller 'format: online')")
    if spec.format == "online" and spec.location is not None:
        problems.add(rel, doc.line(("location",)), "kurset er online, men har et sted ('location'); fjern 'location', eller skriv 'format: hybrid'")
    if spec.format == "in-person" and spec.online_url is not None:
        problems.add(rel, doc.line(("online_url",)), "kurset er med fremmøde, men har et onlinelink; skriv 'format: hybrid', eller fjern 'online_url'")
    if spec.location is not None and spec.location not in locations:
        problems.add(rel, doc.line(("location",)), f"stedet '{spec.location}' findes ikke i courses/_locations.yml{did_you_mean(spec.location, locations)}")
    for i, session in enumerate(spec.sessions):
        if session.location is not None and session.location not in locations:
            hint = did_you_mean(session.location, locations) if i < MAX_HINTS else ""
            at = session_index[i] if session_index is not None else i
            problems.add(rel, doc.line(("sessions", at, "location")), f"stedet '{session.location}' findes ikke i courses/_locations.yml{hint}")

    # Registration has a way to register.
    reg = spec.registration
    if reg is not None and not (reg.url or reg.email or reg.phone):
        problems.add(rel, doc.line(("registration",)), "'registration' skal have mindst én af url, email og phone")

    for i, slug in enumerate(spec.glossary):
        if slug not in term_docs:
            hint = did_you_mean(slug, term_docs) if i < MAX_HINTS else ""
            problems.add(rel, doc.line(("glossary", i)), f"'{slug}' er ikke et ord i ordbogen (glossary/){hint}")


def _check_reachable(spec: CourseSpec, doc: Document, rel: str, settings: SiteSettings, problems: Problems) -> None:
    """A visitor must always have a way to sign up, or someone to ask, or be told to just come."""
    if spec.drop_in:
        if spec.registration is not None:
            problems.add(rel, doc.line(("drop_in",)),
                         "kurset har 'drop_in: true' (man skal ikke melde sig til), men også 'registration'; fjern den ene")
        if spec.status in ("waitlist", "full"):
            problems.add(rel, doc.line(("status",)),
                         f"kurset har 'drop_in: true', så det kan ikke have status '{spec.status}'; skriv 'status: open' eller 'status: cancelled'")
    elif not registration.reachable(spec, settings):
        problems.add(rel, doc.line(("title",)) if "title" in doc.data else 1,
                     "kurset har ingen tilmelding, og skolen har ingen kontakt i mkdocs.yml, så ingen kan melde sig til; "
                     "skriv 'registration:' med url, email eller phone, skriv 'drop_in: true', eller sæt 'contact' under extra.portal")


def sorted_terms(catalogue: Catalogue) -> list[Term]:
    return sorted(catalogue.terms.values(), key=lambda t: sort_key(t.name))
