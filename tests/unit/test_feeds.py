"""Calendar files, kurser.json, the Atom feed and git dates (rskole.feeds)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from helpers import COURSE, load_files
from rskole import feeds, views

SITE = "https://recoveryskolen.example.dk/"
UTC = timezone.utc
CPH = ZoneInfo("Europe/Copenhagen")
ATOM = "{http://www.w3.org/2005/Atom}"

HEAD = """
title: Krop og sind
summary: Om krop og sind.
description: Kroppen.
themes: [hope, identity]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
"""

# Sessions at 10:00 local around the summer-time switches of 2027 and 2028.
SWITCHES = HEAD + """
sessions:
  - date: 2027-03-17
    start: "10:00"
    end: "12:00"
    weekly: 4
    except: [2027-03-24]
  - {date: 2027-03-28, start: "10:00", end: "12:00"}
  - {date: 2027-10-27, start: "10:00", end: "12:00"}
  - {date: 2027-10-31, start: "10:00", end: "12:00"}
  - {date: 2027-11-03, start: "10:00", end: "12:00", cancelled: true, topic: Aflyst gang}
  - {date: 2028-03-22, start: "10:00", end: "12:00"}
  - {date: 2028-03-26, start: "10:00", end: "12:00", location: biblioteket}
  - {date: 2028-03-29, start: "10:00", end: "12:00"}
  - {date: 2028-10-25, start: "10:00", end: "12:00"}
  - {date: 2028-10-29, start: "10:00", end: "12:00"}
  - {date: 2028-11-01, start: "10:00", end: "12:00"}
"""

# (local date, UTC hour of the 10:00 start): 09 in winter time, 08 in summer time.
EXPECTED_UTC = [
    ("2027-03-17", 9), ("2027-03-28", 8), ("2027-03-31", 8), ("2027-04-07", 8),
    ("2027-10-27", 8), ("2027-10-31", 9), ("2027-11-03", 9),
    ("2028-03-22", 9), ("2028-03-26", 8), ("2028-03-29", 8),
    ("2028-10-25", 8), ("2028-10-29", 9), ("2028-11-01", 9),
]

HOSTILE_TITLE = 'Krop, sind; og\\nmere </script> & \\"citat\\" \\\\ slut'
HOSTILE_TITLE_TEXT = 'Krop, sind; og\nmere </script> & "citat" \\ slut'


def course_text(head: str = HEAD, **fields: str) -> str:
    """A course file: HEAD with some top-level lines replaced or added, and one session."""
    lines = [l for l in head.strip("\n").splitlines() if l.split(":", 1)[0] not in fields]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + '\nsessions:\n  - {date: 2027-03-03, start: "10:00", end: "12:00"}\n'


def env_for(cat, day: date = date(2027, 3, 1)) -> views.Env:
    return views.Env(cat, day, datetime.combine(day, datetime.min.time(), tzinfo=cat.zone))


@pytest.fixture
def switches(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/skift.yml": SWITCHES})
    assert not problems, problems.report()
    return cat


def parse(ics: bytes) -> Calendar:
    return Calendar.from_ical(ics)


def events(ics: bytes) -> list:
    return list(parse(ics).walk("VEVENT"))


# --- iCalendar ----------------------------------------------------------------------------


def test_course_ics_parses_with_calendar_properties(switches):
    cal = parse(feeds.course_ics(switches, switches.courses["skift"], SITE))
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    # No METHOD: an iTIP PUBLISH would require an ORGANIZER (RFC 5546); a feed is no iTIP message.
    assert "METHOD" not in cal and "ORGANIZER" not in feeds.course_ics(switches, switches.courses["skift"], SITE).decode()
    assert str(cal["PRODID"])
    assert str(cal["X-WR-CALNAME"]) == "Krop og sind – Test"
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Copenhagen"


def test_weekly_series_with_except_gives_one_event_per_session(switches):
    evs = events(feeds.course_ics(switches, switches.courses["skift"], SITE))
    assert len(evs) == len(EXPECTED_UTC) == len(switches.courses["skift"].sessions)
    assert "20270324" not in {e.decoded("DTSTART").strftime("%Y%m%d") for e in evs}


def test_local_times_keep_their_utc_instants_across_summer_time(switches):
    evs = events(feeds.course_ics(switches, switches.courses["skift"], SITE))
    got = [(e.decoded("DTSTART").date().isoformat(), e.decoded("DTSTART").astimezone(UTC).hour) for e in evs]
    assert got == EXPECTED_UTC
    for e in evs:
        assert (e.decoded("DTEND") - e.decoded("DTSTART")) == timedelta(hours=2)


def test_times_are_written_as_local_time_with_tzid(switches):
    text = feeds.course_ics(switches, switches.courses["skift"], SITE).decode()
    assert "DTSTART;TZID=Europe/Copenhagen:20270328T100000\r\n" in text
    assert "DTEND;TZID=Europe/Copenhagen:20281101T120000\r\n" in text
    assert not re.search(r"^DT(START|END)[:;].*Z\r?$", text, re.M)


def test_vtimezone_is_present_and_its_onsets_are_in_offset_from(switches):
    cal = parse(feeds.course_ics(switches, switches.courses["skift"], SITE))
    zones = list(cal.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/Copenhagen"]
    onsets = []
    for sub in zones[0].subcomponents:
        offset_from, offset_to = sub.TZOFFSETFROM, sub.TZOFFSETTO
        if offset_from == offset_to:
            continue
        for local in [sub.DTSTART] + [d for d, _ in sub.rdates]:
            # RFC 5545: the onset is local time in TZOFFSETFROM.
            instant = (local - offset_from).replace(tzinfo=UTC)
            assert (instant - timedelta(seconds=1)).astimezone(CPH).utcoffset() == offset_from
            assert instant.astimezone(CPH).utcoffset() == offset_to
            onsets.append(instant)
    assert sorted(onsets) == [
        datetime(2027, 3, 28, 1, tzinfo=UTC), datetime(2027, 10, 31, 1, tzinfo=UTC),
        datetime(2028, 3, 26, 1, tzinfo=UTC), datetime(2028, 10, 29, 1, tzinfo=UTC),
    ]


def test_cancelled_session_and_cancelled_course(switches, tmp_path):
    evs = events(feeds.course_ics(switches, switches.courses["skift"], SITE))
    status = {e.decoded("DTSTART").date().isoformat(): str(e["STATUS"]) for e in evs}
    assert status.pop("2027-11-03") == "CANCELLED"
    assert set(status.values()) == {"CONFIRMED"}

    cat, problems = load_files(tmp_path / "c", {"courses/aflyst.yml": course_text(status="cancelled")})
    assert not problems, problems.report()
    assert [str(e["STATUS"]) for e in events(feeds.course_ics(cat, cat.courses["aflyst"], SITE))] == ["CANCELLED"]


def test_uids_are_stable_across_builds_and_unique(tmp_path):
    outputs = []
    for build in ("a", "b"):
        cat, problems = load_files(tmp_path / build, {"courses/skift.yml": SWITCHES})
        assert not problems, problems.report()
        outputs.append(feeds.course_ics(cat, cat.courses["skift"], SITE))
    assert outputs[0] == outputs[1]
    uids = [str(e["UID"]) for e in events(outputs[0])]
    assert len(set(uids)) == len(uids)
    assert uids[0] == "skift-20270317@recoveryskolen.example.dk"


def test_two_sessions_on_one_day_get_distinct_uids(tmp_path):
    text = HEAD + 'sessions:\n  - {date: 2027-03-03, start: "10:00", end: "12:00"}\n  - {date: 2027-03-03, start: "13:00", end: "15:00"}\n'
    cat, problems = load_files(tmp_path, {"courses/dobbelt.yml": text})
    assert not problems, problems.report()
    uids = [str(e["UID"]) for e in events(feeds.course_ics(cat, cat.courses["dobbelt"], SITE))]
    assert uids == ["dobbelt-20270303@recoveryskolen.example.dk", "dobbelt-20270303-2@recoveryskolen.example.dk"]


def test_event_text_fields(switches):
    evs = events(feeds.course_ics(switches, switches.courses["skift"], SITE))
    by_day = {e.decoded("DTSTART").date().isoformat(): e for e in evs}
    first = by_day["2027-03-17"]
    assert str(first["SUMMARY"]) == "Krop og sind"
    assert str(by_day["2027-11-03"]["SUMMARY"]) == "Krop og sind – Aflyst gang"
    assert str(first["LOCATION"]) == "Værkstedet, Eksempelvej 12, 4000 Roskilde"
    assert str(by_day["2028-03-26"]["LOCATION"]) == "Biblioteket, Bibliotekvej 1, 4000 Roskilde"
    assert str(first["URL"]) == SITE + "kurser/skift/"
    assert str(first["DESCRIPTION"]) == "Om krop og sind.\n\n" + SITE + "kurser/skift/"
    assert int(first["SEQUENCE"]) == 0
    # Without `now`, DTSTAMP is derived from the content, in UTC.
    assert first.decoded("DTSTAMP") == datetime(2027, 3, 17, 9, tzinfo=UTC)


def test_now_sets_dtstamp(switches):
    now = datetime(2026, 12, 1, 12, 30, tzinfo=CPH)
    evs = events(feeds.course_ics(switches, switches.courses["skift"], SITE, now=now))
    assert {e.decoded("DTSTAMP") for e in evs} == {datetime(2026, 12, 1, 11, 30, tzinfo=UTC)}


LINK = "https://moede.example.dk/krop-hemmelig"


def online_courses(tmp_path, public: bool):
    extra = {"online_url_public": "true"} if public else {}
    online = course_text(format="online", online_url=LINK, **extra).replace("location: vaerkstedet\n", "")
    bare_online = course_text(format="online").replace("location: vaerkstedet\n", "")
    hybrid = course_text(format="hybrid", online_url=LINK, **extra)
    cat, problems = load_files(tmp_path, {"courses/online.yml": online, "courses/bare.yml": bare_online, "courses/hybrid.yml": hybrid})
    assert not problems, problems.report()
    return cat


def everything(cat) -> bytes:
    """Every feed output of the catalogue (no git here: tmp_path is outside any repository)."""
    return b"".join(feeds.outputs(cat, env_for(cat), Path("/nonexistent"), SITE).values())


def test_private_online_link_is_in_no_feed(tmp_path):
    cat = online_courses(tmp_path, public=False)
    where = {slug: str(events(feeds.course_ics(cat, c, SITE))[0]["LOCATION"]) for slug, c in cat.courses.items()}
    assert where == {
        "online": "Online",
        "bare": "Online",
        "hybrid": "Værkstedet, Eksempelvej 12, 4000 Roskilde / online",
    }
    out = everything(cat)
    assert b"moede.example.dk" not in out and b"hemmelig" not in out
    data = json.loads(feeds.courses_json(cat, env_for(cat), SITE))
    assert {c["slug"]: c["online_url"] for c in data["courses"]} == {"bare": None, "hybrid": None, "online": None}


def test_public_online_link_is_published(tmp_path):
    cat = online_courses(tmp_path, public=True)
    where = {slug: str(events(feeds.course_ics(cat, c, SITE))[0]["LOCATION"]) for slug, c in cat.courses.items()}
    assert where == {
        "online": LINK,
        "bare": "Online",
        "hybrid": "Værkstedet, Eksempelvej 12, 4000 Roskilde / online",
    }
    data = json.loads(feeds.courses_json(cat, env_for(cat), SITE))
    assert {c["slug"]: c["online_url"] for c in data["courses"]} == {"bare": None, "hybrid": LINK, "online": LINK}


def test_hostile_text_is_escaped_and_folded(tmp_path):
    long_title = ("Æblegrød, sovs; og ø " * 12)[:200]
    cat, problems = load_files(tmp_path, {
        "courses/farlig.yml": course_text(title=f'"{HOSTILE_TITLE}"', summary='"Komma, semikolon; og\\nlinjeskift."'),
        "courses/lang.yml": course_text(title=f'"{long_title}"'),
    })
    assert not problems, problems.report()
    for slug, title in (("farlig", HOSTILE_TITLE_TEXT), ("lang", long_title.strip())):
        raw = feeds.course_ics(cat, cat.courses[slug], SITE)
        lines = raw.split(b"\r\n")
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        assert max(len(line) for line in lines) <= 75  # octets, not characters
        event = events(raw)[0]
        assert str(event["SUMMARY"]) == title
    raw = feeds.course_ics(cat, cat.courses["farlig"], SITE).decode()
    # icalendar reads X- properties raw, so the escaping is checked on the written line.
    assert 'X-WR-CALNAME:Krop\\, sind\\; og mere </script> & "citat" \\\\ slut – Test\r\n' in raw
    assert "SUMMARY:Krop\\, sind\\; og\\nmere </script> & \"citat\" \\\\ slut" in raw
    assert str(events(raw.encode())[0]["DESCRIPTION"]).startswith("Komma, semikolon; og\nlinjeskift.")


def test_calendar_ics_merges_courses_in_time_order(switches, tmp_path):
    cat, problems = load_files(tmp_path / "k", {"courses/skift.yml": SWITCHES, "courses/haab.yml": COURSE})
    assert not problems, problems.report()
    raw = feeds.calendar_ics(cat, [cat.courses["skift"], cat.courses["haab"]], SITE)
    cal = parse(raw)
    assert str(cal["X-WR-CALNAME"]) == "Test"
    evs = list(cal.walk("VEVENT"))
    assert len(evs) == len(EXPECTED_UTC) + 1
    starts = [e.decoded("DTSTART") for e in evs]
    assert starts == sorted(starts)
    assert "haab-20270303@recoveryskolen.example.dk" in {str(e["UID"]) for e in evs}
    assert len(list(cal.walk("VTIMEZONE"))) == 1
    assert raw == feeds.calendar_ics(cat, [cat.courses["haab"], cat.courses["skift"]], SITE)


def test_calendar_without_sessions_is_still_valid(tmp_path):
    text = HEAD + "sessions: []\n"
    cat, problems = load_files(tmp_path, {"courses/snart.yml": text})
    assert not problems, problems.report()
    cal = parse(feeds.calendar_ics(cat, [cat.courses["snart"]], SITE, now=datetime(2027, 1, 5, tzinfo=CPH)))
    assert not list(cal.walk("VEVENT"))
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]


# --- kurser.json --------------------------------------------------------------------------


def test_courses_json(switches, tmp_path):
    past = course_text().replace("2027-03-03", "2026-01-07")
    cat, problems = load_files(tmp_path / "j", {"courses/skift.yml": SWITCHES, "courses/gammel.yml": past,
                                                "courses/farlig.yml": course_text(title=f'"{HOSTILE_TITLE}"')})
    assert not problems, problems.report()
    text = feeds.courses_json(cat, env_for(cat), SITE)
    data = json.loads(text)
    assert data["version"] == 1
    assert data["generated"] == "2027-03-01"
    assert data["school"] == {"name": "Test", "url": SITE, "contact": "kontakt@example.dk"}
    assert [c["slug"] for c in data["courses"]] == ["farlig", "gammel", "skift"]
    by_slug = {c["slug"]: c for c in data["courses"]}
    skift = by_slug["skift"]
    assert skift["url"] == SITE + "kurser/skift/"
    assert skift["ics_url"] == SITE + "kurser/skift.ics"
    assert skift["themes"] == ["hope", "identity"]
    assert skift["theme_names"][1] == "Identitet"
    assert skift["upcoming"] is True and skift["registration_state"] == "open"
    assert by_slug["gammel"]["upcoming"] is False and by_slug["gammel"]["registration_state"] == "ended"
    assert by_slug["farlig"]["title"] == HOSTILE_TITLE_TEXT
    assert skift["teachers"][0] == {"id": "anne-madsen", "name": "Anne Madsen", "role": "peer", "title": None}
    assert skift["location"]["id"] == "vaerkstedet" and skift["registration"] is None
    offset = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
    assert all(offset.match(s["start"]) and offset.match(s["end"]) for s in skift["sessions"])
    assert skift["sessions"][0]["start"] == "2027-03-17T10:00:00+01:00"
    assert skift["sessions"][1]["start"] == "2027-03-28T10:00:00+02:00"
    assert [s["cancelled"] for s in skift["sessions"]].count(True) == 1
    assert {s["location"] for s in skift["sessions"]} == {None, "biblioteket"}
    assert "biblioteket" in data["locations"]
    assert "Håb og optimisme" in text  # ensure_ascii=False: Danish letters as written
    assert text == feeds.courses_json(cat, env_for(cat), SITE)


def test_courses_json_registration(tmp_path):
    reg = "\n  url: https://tilmeld.example.dk/x\n  deadline: 2027-02-24\n  note: Husk tolk."
    cat, problems = load_files(tmp_path, {"courses/reg.yml": course_text(registration=reg)})
    assert not problems, problems.report()
    course = json.loads(feeds.courses_json(cat, env_for(cat), SITE))["courses"][0]
    assert course["registration"] == {"url": "https://tilmeld.example.dk/x", "email": None, "phone": None,
                                      "deadline": "2027-02-24", "note": "Husk tolk."}
    assert course["registration_state"] == "closed"


# --- Atom ---------------------------------------------------------------------------------


def test_atom_feed_is_newest_first_and_well_formed(tmp_path):
    cat, problems = load_files(tmp_path, {
        "courses/a.yml": course_text(), "courses/b.yml": course_text(),
        "courses/c.yml": course_text(title=f'"{HOSTILE_TITLE}"'),
    })
    assert not problems, problems.report()
    dates = {
        "courses/a.yml": (datetime(2026, 5, 1, tzinfo=UTC), datetime(2026, 9, 1, tzinfo=UTC)),
        "courses/b.yml": (datetime(2026, 8, 1, tzinfo=UTC), datetime(2026, 8, 2, tzinfo=UTC)),
        "courses/c.yml": (datetime(2026, 6, 1, tzinfo=UTC), datetime(2026, 6, 1, tzinfo=UTC)),
    }
    xml = feeds.atom_feed(cat, dates, SITE, env_for(cat))
    assert xml.startswith('<?xml version="1.0" encoding="utf-8"?>')
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == ATOM + "feed"
    assert root.findtext(ATOM + "title") == "Test – kurser"
    assert root.findtext(ATOM + "updated") == "2026-09-01T00:00:00Z"
    assert root.findtext(ATOM + "id")
    self_links = [l.get("href") for l in root.findall(ATOM + "link") if l.get("rel") == "self"]
    assert self_links == [SITE + "feed.xml"]
    entries = root.findall(ATOM + "entry")
    assert [e.findtext(ATOM + "published") for e in entries] == [
        "2026-08-01T00:00:00Z", "2026-06-01T00:00:00Z", "2026-05-01T00:00:00Z"]
    assert entries[1].findtext(ATOM + "title") == HOSTILE_TITLE_TEXT
    assert "</script>" not in xml
    first = entries[0]
    assert first.find(ATOM + "link").get("href") == SITE + "kurser/b/"
    assert first.find(ATOM + "link").get("rel") == "alternate"
    assert first.findtext(ATOM + "id") == SITE + "kurser/b/"
    assert first.findtext(ATOM + "updated") == "2026-08-02T00:00:00Z"
    assert first.findtext(ATOM + "summary") == "Om krop og sind."
    assert xml == feeds.atom_feed(cat, dates, SITE, env_for(cat))


def test_atom_feed_drops_characters_xml_cannot_carry(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/a.yml": course_text(title='"Klokke\\a og tab\\t"')})
    assert not problems, problems.report()
    root = ET.fromstring(feeds.atom_feed(cat, {}, SITE, env_for(cat)).encode("utf-8"))
    assert root.find(ATOM + "entry").findtext(ATOM + "title") == "Klokke og tab"


# --- git dates ----------------------------------------------------------------------------


def _stamp(path: Path, when: datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


def test_git_dates_fall_back_to_mtime_outside_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "courses").mkdir()
    path = tmp_path / "courses" / "a.yml"
    path.write_text("x")
    when = datetime(2026, 4, 5, 6, 7, 8, tzinfo=UTC)
    _stamp(path, when)
    assert feeds.git_dates(tmp_path, ["courses/a.yml"]) == {"courses/a.yml": (when, when)}
    # A missing file or a missing git never raises.
    assert feeds.git_dates(tmp_path, ["courses/findes-ikke.yml"])["courses/findes-ikke.yml"] == (feeds.EPOCH, feeds.EPOCH)
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    assert feeds.git_dates(tmp_path, ["courses/a.yml"]) == {"courses/a.yml": (when, when)}
    assert feeds.git_dates(tmp_path / "no-such-dir", ["a.yml"])["a.yml"] == (feeds.EPOCH, feeds.EPOCH)
    assert feeds.git_dates(tmp_path, []) == {}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_dates_read_history_in_one_call(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    root = repo / "site"  # the project is a subfolder of the repository
    (root / "courses" / "2027").mkdir(parents=True)

    def git(*args: str, when: str | None = None) -> None:
        env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
        if when:
            env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        subprocess.run(["git", "-c", "user.email=a@b", "-c", "user.name=x", "-c", "commit.gpgsign=false", *args],
                       cwd=root, env=env, check=True, capture_output=True)

    git("init", "-q", str(repo))
    (root / "courses" / "a.yml").write_text("1")
    (root / "courses" / "2027" / "b c.yml").write_text("1")
    git("add", ".")
    git("commit", "-q", "-m", "first", when="2027-01-10T10:00:00+01:00")
    (root / "courses" / "a.yml").write_text("2")
    (root / "courses" / "d.yml").write_text("1")
    git("add", ".")
    git("commit", "-q", "-m", "second", when="2027-02-20T12:30:00+01:00")
    (root / "courses" / "untracked.yml").write_text("1")
    untracked_time = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    _stamp(root / "courses" / "untracked.yml", untracked_time)

    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **kw: calls.append(a) or real_run(*a, **kw))
    first, second = datetime(2027, 1, 10, 9, tzinfo=UTC), datetime(2027, 2, 20, 11, 30, tzinfo=UTC)
    got = feeds.git_dates(root, ["courses/a.yml", "courses/2027/b c.yml", "courses/d.yml", "courses/untracked.yml"])
    assert got == {
        "courses/a.yml": (first, second),
        "courses/2027/b c.yml": (first, first),
        "courses/d.yml": (second, second),
        "courses/untracked.yml": (untracked_time, untracked_time),
    }
    assert len(calls) == 1


def vtimezone_bytes(ics: bytes) -> bytes:
    text = ics.decode()
    return text[text.index("BEGIN:VTIMEZONE"):text.rindex("END:VTIMEZONE")].encode()


def test_every_file_has_one_identical_vtimezone_for_all_the_sites_years(tmp_path):
    early = course_text().replace("2027-03-03", "2026-11-04")
    late = course_text().replace("2027-03-03", "2028-06-07")
    cat, problems = load_files(tmp_path, {"courses/tidlig.yml": early, "courses/sen.yml": late,
                                          "courses/snart.yml": HEAD + "sessions: []\n"})
    assert not problems, problems.report()
    files = feeds.outputs(cat, env_for(cat), tmp_path / "no-git", SITE)
    ics = {name: data for name, data in files.items() if name.endswith(".ics")}
    assert set(ics) == {"kurser/tidlig.ics", "kurser/sen.ics", "kurser/snart.ics", "kalender.ics"}
    zones = {vtimezone_bytes(data) for data in ics.values()}
    assert len(zones) == 1
    for data in ics.values():
        assert data.count(b"BEGIN:VTIMEZONE") == 1
    [zone] = parse(files["kurser/tidlig.ics"]).walk("VTIMEZONE")
    onsets = sorted(local for sub in zone.subcomponents if sub.TZOFFSETFROM != sub.TZOFFSETTO
                    for local in [sub.DTSTART] + [d for d, _ in sub.rdates])
    # 2026 to 2028: every switch, so a 2026 event read with the 2028 file's zone is right too.
    assert [d.strftime("%Y-%m") for d in onsets] == ["2026-03", "2026-10", "2027-03", "2027-10", "2028-03", "2028-10"]
    assert feeds.site_years(cat) == (2026, 2027, 2028)
