"""The direct VEVENT writer (issue 17) gives exactly icalendar's bytes.

``feeds._direct_event`` writes each event without icalendar's objects; a build checks
its first event against icalendar, and these tests check every event of the fixtures
(sample portal, hostile corpus, calendars, course states) plus folding and escaping on
awkward text, so a difference fails here and not only in a subscriber's calendar.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar.parser import foldline

from rskole import feeds, views
from rskole.catalogue import Paths, load
from rskole.memo import Memo
from rskole.model import SiteSettings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ZONE = "Europe/Copenhagen"


def _catalogue(root: Path):
    cat, problems = load(Paths(root), SiteSettings(name="Test; skole, med \\ tegn", timezone=ZONE,
                                                  contact="kontakt@example.dk"), ZoneInfo(ZONE))
    assert not problems, problems.report()
    return cat


@pytest.mark.parametrize("fixture", ["portal", "hostile", "calendars", "states", "spec-example"])
def test_every_event_of_the_fixtures_is_written_as_icalendar_writes_it(fixture):
    root = FIXTURES / fixture
    if not (root / "courses").is_dir():
        pytest.skip(f"{fixture} has no courses")
    cat = _catalogue(root)
    stamp = datetime(2026, 11, 1, 11, 0, 7, tzinfo=timezone.utc)
    checked = 0
    for course in cat.courses.values():
        for session in course.sessions:
            for site_url, when, sequence in (("https://skole.example.dk/", stamp, 3), ("http://localhost/", None, 0)):
                direct = feeds._direct_event(cat, course, session, site_url, when, sequence)
                assert direct is not None
                assert direct == feeds._event(cat, course, session, site_url, when, sequence).to_ical()
                checked += 1
    assert checked > 0


def test_the_writer_stands_aside_where_icalendar_writes_utc(tmp_path):
    cat = _catalogue(FIXTURES / "portal")
    course = next(iter(cat.courses.values()))
    session = course.sessions[0]
    utc = type(session)(**{**session.__dict__, "start": session.start.astimezone(ZoneInfo("UTC")),
                           "end": session.end.astimezone(ZoneInfo("UTC"))}) if hasattr(session, "__dict__") else None
    if utc is None:
        pytest.skip("Session has no __dict__")
    assert feeds._direct_event(cat, course, utc, "http://localhost/", None, 0) is None
    # ... and the event is still written, by icalendar.
    assert feeds._event_bytes(cat, course, utc, "http://localhost/", None, 0).startswith(b"BEGIN:VEVENT\r\n")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # foldline: the reference
def test_fold_and_escape_match_icalendar_on_awkward_text():
    rng = random.Random(17)
    alphabet = "abcæøå ÆØÅ,;:\\^\"\n\r\t–😀漢x" + "0123456789"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 260)))
        line = "DESCRIPTION:" + feeds.ical_text(text)
        assert "\n" not in line and "\r" not in line
        assert feeds.fold(line) == foldline(line)
    # Escaping: the same order of replacements as icalendar's TEXT.
    from icalendar.prop import vText
    for text in ("a,b;c\\d\ne\r\nf\rg\\Nh", "\\\\,,;;", ""):
        assert feeds.ical_text(text).encode("utf-8") == vText(text).to_ical()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # foldline: the reference
@pytest.mark.parametrize("line", [
    *("D" * n for n in range(73, 78)),  # around 75 octets
    "D" * 73 + "X" + "yz",  # an X where the line breaks (only a backslash or ^ moves on)
    "D" * 73 + "\\" + "yz", "D" * 73 + "^" + "yz", "D" * 72 + "\\," + "yz",
    "æ" * 37, "æ" * 37 + "a", "a" + "æ" * 37, "æ" * 38,  # two octets a character
])
def test_fold_matches_icalendar_around_75_octets(line):
    assert feeds.fold(line) == foldline(line)


# --- The calendar's head (issue: feeds at 1,000 courses) ----------------------------------

HOSTILE_NAMES = [
    "Recoveryskolen", "Test; skole, med \\ tegn", "a\nb\r\nc\rd", "  mange   mellemrum\t og\x0btab ",
    "\\N og \\n og \\\\N", "😀 Recoveryskolen – æøå ÆØÅ", "漢字" * 40, "x" * 200, ",;\\" * 30, "", " ", "^caret^",
    "Kursus: \"citat\" <b>&amp;</b>", "D" * 59 + "\\" + "yz", "æ" * 37 + "😀", "\u202eomvendt\u2028linje",
]


def _names(rng: random.Random, n: int) -> list[str]:
    alphabet = "abcæøå ÆØÅ,;:\\^\"\n\r\t–😀漢x" + "0123456789"
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 220))) for _ in range(n)
    ]


class _Cat:
    """What the head reads of a catalogue: the school's name and the zone."""

    def __init__(self, name: str, zone: str = ZONE):
        self.settings = SiteSettings.model_construct(name=name)
        self.zone = ZoneInfo(zone)


@pytest.mark.parametrize("zone", [ZONE, "America/Argentina/Buenos_Aires", "Etc/GMT+5", "UTC"])
def test_the_calendar_head_is_written_as_icalendar_writes_it(zone):
    names = HOSTILE_NAMES + _names(random.Random(zone), 150)
    for school in names:
        cat = _Cat(school, zone)
        for name in (f"{school} – {school}", school, *names[:6]):
            assert feeds._direct_head(cat, name) == feeds._icalendar_head(cat, name), (school, name)


def test_the_head_is_icalendars_when_the_direct_one_differs(monkeypatch):
    cat = _catalogue(FIXTURES / "portal")
    course = next(iter(cat.courses.values()))
    good = feeds.course_ics(cat, course, "https://skole.example.dk/")
    monkeypatch.setattr(feeds, "_direct_head", lambda cat, name: b"BEGIN:VCALENDAR\r\nX-ANDET:1\r\n")
    cache: dict = {}
    assert feeds.course_ics(cat, course, "https://skole.example.dk/") == good
    assert feeds.course_ics(cat, course, "https://skole.example.dk/", cache=cache) == good
    assert cache["head_ok"] is False


def test_icalendar_writes_one_head_a_build(monkeypatch):
    cat = _catalogue(FIXTURES / "calendars")
    calls = []
    real = feeds._icalendar_head
    monkeypatch.setattr(feeds, "_icalendar_head", lambda cat, name: calls.append(name) or real(cat, name))
    cache: dict = {}
    for course in cat.courses.values():
        feeds.course_ics(cat, course, "https://skole.example.dk/", cache=cache)
    assert len(calls) == 1 and cache["head_ok"] is True
    feeds.course_ics(cat, course, "https://skole.example.dk/")  # without a build's cache: checked each time
    assert len(calls) == 2


# --- kurser.json, written directly --------------------------------------------------------


def _json_text(rng: random.Random) -> str:
    return "".join(rng.choice("ab æø\"\\/\n\r\t\x00\x1f\x7f\u2028\u2029😀漢<>&'") for _ in range(rng.randint(0, 12)))


def _json_value(rng: random.Random, depth: int = 0):
    kind = rng.randrange(9 if depth < 4 else 5)
    if kind == 0:
        return _json_text(rng)
    if kind == 1:
        return rng.choice([0, 1, -1, 12, 10_000, -(2**70), 2**64])
    if kind == 2:
        return rng.choice([True, False])
    if kind == 3:
        return None
    if kind == 4:
        return rng.choice(["", "x", "Håb"])
    if kind in (5, 6):
        return [_json_value(rng, depth + 1) for _ in range(rng.choice([0, 1, 2, 5]))]
    return {_json_text(rng): _json_value(rng, depth + 1)
            for _ in range(rng.choice([0, 1, 3, 6]))}


def test_json_is_written_as_json_writes_it():
    rng = random.Random(19)
    for _ in range(3000):
        value = _json_value(rng)
        expected = json.dumps(value, ensure_ascii=False, indent=2)
        assert feeds._json_text(value) == expected
        # An item of kurser.json's "courses" list: the same text, four spaces further in.
        assert feeds._json_text(value, "    ") == expected.replace("\n", "\n    ")


@pytest.mark.parametrize("odd", [1.5, (1, 2), {1: "a"}, {None: 1}, type("Sub", (str,), {})("x"), type("I", (int,), {})(3)])
def test_json_leaves_what_is_not_jsons_own_type_to_json(odd):
    with pytest.raises(TypeError):
        feeds._json_text({"a": [odd]})


def _kurser(cat, day):
    """kurser.json's data for ``day``, as json.dumps would be given it, and the view."""
    env = views.Env(cat, day, datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(ZONE)))
    data = {
        "version": feeds.JSON_VERSION,
        "generated": day.isoformat(),
        "school": {"name": cat.settings.name, "url": "https://skole.example.dk/", "contact": cat.settings.contact},
        "courses": [feeds._course_json(env, cat.courses[slug], "https://skole.example.dk") for slug in sorted(cat.courses)],
        "locations": {pid: feeds._location_json(cat, pid) for pid in sorted(cat.locations)},
    }
    return data, env


@pytest.mark.parametrize("fixture", ["portal", "hostile", "calendars", "states", "spec-example"])
def test_kurser_json_of_the_fixtures_is_jsons_own_text(fixture, monkeypatch):
    cat = _catalogue(FIXTURES / fixture)
    for day in (date(2026, 11, 22), date(2027, 6, 1)):
        data, env = _kurser(cat, day)
        expected = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        shared = Memo(100)
        with monkeypatch.context() as m:
            m.setattr(json, "dumps", None)  # written by _json_text alone
            assert feeds.courses_json(cat, env, "https://skole.example.dk") == expected
            assert feeds.courses_json(cat, env, "https://skole.example.dk", shared) == expected
            assert feeds.courses_json(cat, env, "https://skole.example.dk", shared) == expected
        assert shared.hits == len(cat.courses)


@pytest.mark.parametrize("odd", [1.5, (1.5, 2), "x"])
def test_kurser_json_with_a_value_only_json_writes(monkeypatch, odd):
    cat = _catalogue(FIXTURES / "portal")
    odd = type("Sub", (str,), {})(odd) if odd == "x" else odd  # a str subclass: marshal refuses it
    data, env = _kurser(cat, date(2027, 1, 1))
    data["courses"] = [{**course, "x": odd} for course in data["courses"]]
    expected = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    real = feeds._course_json
    monkeypatch.setattr(feeds, "_course_json", lambda env, course, site_url: {**real(env, course, site_url), "x": odd})
    assert "æ" in expected and feeds.courses_json(cat, env, "https://skole.example.dk/") == expected
    assert feeds.courses_json(cat, env, "https://skole.example.dk/", Memo(100)) == expected


def test_the_build_imports_icalendar_only_when_a_calendar_is_written():
    # A one-off build writes its feeds in its worker: its own process need not import
    # icalendar (about 50 ms) before it forks.
    import subprocess
    import sys

    hooks = Path(__file__).resolve().parents[2] / "hooks"
    code = ("import sys; import rskole.build, rskole.feeds; print('icalendar' in sys.modules); "
            "rskole.feeds._refresh(); print('icalendar' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=hooks, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
