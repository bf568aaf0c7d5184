"""A build's feed files together (feeds.outputs), the Atom feed as a reader gets it, and kurser.json's parts."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from helpers import load_files
from rskole import feeds
from rskole.memo import Memo
from rskole.model import SiteSettings
from test_feeds import course_text, env_for

SITE = "https://skole.example.dk"  # without the trailing slash: every URL still gets exactly one
UTC = timezone.utc
CPH = ZoneInfo("Europe/Copenhagen")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def one(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/haab.yml": course_text()})
    assert not problems, problems.report()
    return cat


def vevents(ics: bytes) -> dict[str, bytes]:
    """Each VEVENT block as written, by UID."""
    out = {}
    for block in ics.split(b"BEGIN:VEVENT\r\n")[1:]:
        block = block.split(b"END:VEVENT\r\n")[0]
        uid = next(line for line in block.split(b"\r\n") if line.startswith(b"UID:"))
        out[uid[4:].decode()] = block
    return out


# --- feeds.outputs ------------------------------------------------------------------------


def test_outputs_are_the_calendars_kurser_json_and_the_feed(tmp_path):
    early = course_text().replace("2027-03-03", "2026-11-04")  # past on 2027-03-01: not in kalender.ics
    cat, problems = load_files(tmp_path, {"courses/haab.yml": course_text(), "courses/tidlig.yml": early})
    assert not problems, problems.report()
    env = env_for(cat)
    files = feeds.outputs(cat, env, tmp_path / "no-git", SITE)
    assert sorted(files) == ["feed.xml", "kalender.ics", "kurser.json", "kurser/haab.ics", "kurser/tidlig.ics"]
    assert files["kurser.json"] == feeds.courses_json(cat, env, SITE).encode("utf-8")
    root = ET.fromstring(files["feed.xml"])
    assert [e.findtext(ATOM + "id") for e in root.findall(ATOM + "entry")] == [
        "https://skole.example.dk/kurser/haab/", "https://skole.example.dk/kurser/tidlig/"]
    assert list(vevents(files["kalender.ics"])) == ["haab-20270303@skole.example.dk"]
    assert list(vevents(files["kurser/tidlig.ics"])) == ["tidlig-20261104@skole.example.dk"]


def test_a_rebuild_with_the_shared_memo_reuses_every_event(tmp_path, monkeypatch):
    text = course_text().replace('end: "12:00"}', 'end: "12:00", weekly: 3}')
    cat, problems = load_files(tmp_path, {"courses/haab.yml": text})
    assert not problems, problems.report()
    memo = Memo(100)
    written = []
    real = feeds._event_bytes
    monkeypatch.setattr(feeds, "_event_bytes", lambda *args, **kw: written.append(args[2].key) or real(*args, **kw))
    first = feeds.outputs(cat, env_for(cat), tmp_path / "no-git", SITE, shared=memo)
    assert written == ["20270303", "20270310", "20270317"]  # each session once, for both files
    kept = len(memo)
    pieces, entries = [], []
    real_json, real_sub = feeds._json_text, feeds._sub
    monkeypatch.setattr(feeds, "_json_text", lambda value, indent="": pieces.append(indent) or real_json(value, indent))
    monkeypatch.setattr(feeds, "_sub", lambda parent, tag, *a, **kw: entries.append(tag) or real_sub(parent, tag, *a, **kw))
    second = feeds.outputs(cat, env_for(cat), tmp_path / "no-git", SITE, shared=memo)
    assert second == first and len(written) == 3
    assert pieces == [""] and entries == []  # kurser.json's top level only; no course, no feed written again
    assert (memo.misses, memo.hits, len(memo)) == (kept, kept, kept)  # each entry made once, then found
    # A new description is in kurser.json only: the events are not written again.
    cat, problems = load_files(tmp_path, {"courses/haab.yml": text.replace("Kroppen.", "Kroppen og sindet.")})
    assert not problems, problems.report()
    third = feeds.outputs(cat, env_for(cat), tmp_path / "no-git", SITE, shared=memo)
    assert len(written) == 3 and third["kurser/haab.ics"] == first["kurser/haab.ics"]
    assert third["kurser.json"] != first["kurser.json"]
    assert third == feeds.outputs(cat, env_for(cat), tmp_path / "no-git", SITE)


def test_a_preview_dates_a_feed_without_courses_now(tmp_path):
    cat, problems = load_files(tmp_path, {})
    assert not problems, problems.report()
    memo = Memo(100)
    first = feeds.outputs(cat, env_for(cat), tmp_path / "no-git", SITE, shared=memo)["feed.xml"]
    later = env_for(cat, date(2027, 3, 2))
    again = feeds.outputs(cat, later, tmp_path / "no-git", SITE, shared=memo)["feed.xml"]
    assert again == feeds.outputs(cat, later, tmp_path / "no-git", SITE)["feed.xml"] != first


def test_a_copied_course_in_a_preview_has_its_own_events(tmp_path):
    """Two files with the same text are two courses: each event keeps its own UID and URL."""
    cat, problems = load_files(tmp_path, {"courses/haab.yml": course_text(), "courses/kopi.yml": course_text()})
    assert not problems, problems.report()
    memo = Memo(100)
    files = feeds.outputs(cat, env_for(cat), tmp_path / "no-git", SITE, shared=memo)
    assert list(vevents(files["kurser/kopi.ics"])) == ["kopi-20270303@skole.example.dk"]
    assert files == feeds.outputs(cat, env_for(cat), tmp_path / "no-git", SITE)
    assert files == feeds.outputs(cat, env_for(cat), tmp_path / "no-git", SITE, shared=memo)


def _git(root: Path, *args: str, when: str = "2026-11-02T10:00:00+01:00") -> None:
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-c", "user.email=a@b", "-c", "user.name=x", "-c", "commit.gpgsign=false", *args],
                   cwd=root, env=env, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_kalender_ics_has_each_event_exactly_as_in_its_courses_file(tmp_path):
    """A subscriber of kalender.ics and of a course's file sees one event, not two versions:
    the same DTSTAMP (the file's last commit) and the same SEQUENCE (its changes)."""
    root = tmp_path / "site"
    root.mkdir()
    _git(root, "init", "-q")
    load_files(root, {"courses/haab.yml": course_text()})
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "new", when="2026-11-02T10:00:00+01:00")
    cat, problems = load_files(root, {"courses/haab.yml": course_text().replace('"12:00"', '"12:30"')})
    assert not problems, problems.report()
    _git(root, "commit", "-q", "-am", "later", when="2026-12-05T14:15:16+01:00")

    files = feeds.outputs(cat, env_for(cat), root, SITE)
    own, merged = vevents(files["kurser/haab.ics"]), vevents(files["kalender.ics"])
    assert merged == own
    lines = own["haab-20270303@skole.example.dk"].split(b"\r\n")
    assert b"DTSTAMP:20261205T131516Z" in lines and b"SEQUENCE:1" in lines
    assert b"DTEND;TZID=Europe/Copenhagen:20270303T123000" in lines


# --- Atom ---------------------------------------------------------------------------------


def test_atom_feed_as_a_feed_reader_gets_it(one):
    # Dates may be keyed by slug as well as by path.
    dates = {"haab": (datetime(2026, 5, 1, 8, tzinfo=UTC), datetime(2026, 6, 2, 9, 30, tzinfo=UTC))}
    assert feeds.atom_feed(one, dates, SITE, env_for(one)) == """\
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
  <id>https://skole.example.dk/feed.xml</id>
  <title>Test – kurser</title>
  <updated>2026-06-02T09:30:00Z</updated>
  <link rel="self" type="application/atom+xml" href="https://skole.example.dk/feed.xml" />
  <link rel="alternate" type="text/html" href="https://skole.example.dk/kurser/" />
  <author>
    <name>Test</name>
  </author>
  <entry>
    <id>https://skole.example.dk/kurser/haab/</id>
    <title>Krop og sind</title>
    <link rel="alternate" type="text/html" href="https://skole.example.dk/kurser/haab/" />
    <published>2026-05-01T08:00:00Z</published>
    <updated>2026-06-02T09:30:00Z</updated>
    <summary>Om krop og sind.</summary>
  </entry>
</feed>
"""


def test_atom_feed_without_courses_is_dated_now(tmp_path):
    cat, problems = load_files(tmp_path, {})
    assert not problems, problems.report()
    root = ET.fromstring(feeds.atom_feed(cat, {}, SITE, env_for(cat)).encode("utf-8"))
    assert root.findall(ATOM + "entry") == []
    assert root.findtext(ATOM + "updated") == "2027-02-28T23:00:00Z"  # 2027-03-01 00:00 in Copenhagen


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Nuuk"])
def test_atom_dates_are_utc_whatever_the_build_machines_zone(one, machine_zone, zone):
    machine_zone(zone)
    dates = {"courses/haab.yml": (datetime(2026, 5, 1, 10, tzinfo=CPH), datetime(2026, 12, 24, 18, tzinfo=CPH))}
    entry = ET.fromstring(feeds.atom_feed(one, dates, SITE, env_for(one)).encode("utf-8")).find(ATOM + "entry")
    assert entry.findtext(ATOM + "published") == "2026-05-01T08:00:00Z"
    assert entry.findtext(ATOM + "updated") == "2026-12-24T17:00:00Z"


def test_atom_feed_drops_noncharacters_xml_cannot_carry(one):
    cat = dataclasses.replace(one, settings=SiteSettings(name="Skolen\ufffe i \uffffbyen", timezone="Europe/Copenhagen"))
    root = ET.fromstring(feeds.atom_feed(cat, {}, SITE, env_for(cat)).encode("utf-8"))
    assert root.findtext(ATOM + "title") == "Skolen i byen – kurser"
    assert root.find(ATOM + "author").findtext(ATOM + "name") == "Skolen i byen"


# --- kurser.json ----------------------------------------------------------------------------

PLACES = """
vaerkstedet:
  name: Værkstedet
  address: Eksempelvej 12, 4000 Roskilde
  accessibility: Niveaufri adgang og handicaptoilet.
  directions: Bus 202 til Eksempelvej.
biblioteket:
  name: Biblioteket
  address: Bibliotekvej 1, 4000 Roskilde
"""


def test_kurser_json_gives_every_detail_of_a_place(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/_locations.yml": PLACES, "courses/haab.yml": course_text()})
    assert not problems, problems.report()
    data = json.loads(feeds.courses_json(cat, env_for(cat), SITE))
    workshop = {"id": "vaerkstedet", "name": "Værkstedet", "address": "Eksempelvej 12, 4000 Roskilde",
                "accessibility": "Niveaufri adgang og handicaptoilet.", "directions": "Bus 202 til Eksempelvej."}
    assert data["courses"][0]["location"] == workshop
    assert data["locations"] == {
        "biblioteket": {"id": "biblioteket", "name": "Biblioteket", "address": "Bibliotekvej 1, 4000 Roskilde",
                        "accessibility": None, "directions": None},
        "vaerkstedet": workshop,
    }


def test_kurser_json_registration_without_deadline(tmp_path):
    reg = "\n  email: tilmelding@example.dk"
    cat, problems = load_files(tmp_path, {"courses/reg.yml": course_text(registration=reg)})
    assert not problems, problems.report()
    course = json.loads(feeds.courses_json(cat, env_for(cat), SITE))["courses"][0]
    assert course["registration"] == {"url": None, "email": "tilmelding@example.dk", "phone": None,
                                      "deadline": None, "note": None}


def test_kurser_json_course_as_an_app_reads_it(tmp_path):
    text = course_text(
        learning_outcomes="[At tale om håb]", glossary="[personlig-recovery]", capacity="12", format="hybrid",
        online_url="https://moede.example.dk/x", online_url_public="true", status="waitlist",
        registration='\n  email: tilmelding@example.dk\n  phone: "+45 11 22 33 44"\n  note: Husk tolk.',
    ).replace('end: "12:00"}', 'end: "12:00", topic: Håb i hverdagen}')
    cat, problems = load_files(tmp_path, {"courses/haab.yml": text})
    assert not problems, problems.report()
    written = feeds.courses_json(cat, env_for(cat), SITE)
    # Two spaces of indentation, Danish letters as written, one final newline.
    assert written.startswith('{\n  "version": 1,\n  "generated": "2027-03-01",\n  "school": {\n    "name": "Test",\n')
    assert written.endswith("\n}\n") and '"Håb og optimisme"' in written
    assert json.loads(written)["courses"] == [{
        "slug": "haab",
        "url": "https://skole.example.dk/kurser/haab/",
        "ics_url": "https://skole.example.dk/kurser/haab.ics",
        "title": "Krop og sind",
        "summary": "Om krop og sind.",
        "description": "Kroppen.",
        "learning_outcomes": ["At tale om håb"],
        "themes": ["hope", "identity"],
        "theme_names": ["Håb og optimisme", "Identitet"],
        "audiences": ["citizens"],
        "format": "hybrid",
        "status": "waitlist",
        "registration_state": "waitlist",
        "registration_label": "Venteliste",
        "registration_message": "Kurset er fuldt, men der er en venteliste.",
        "drop_in": False,
        "upcoming": True,
        "capacity": 12,
        "registration": {"url": None, "email": "tilmelding@example.dk", "phone": "+45 11 22 33 44",
                         "deadline": None, "note": "Husk tolk."},
        "teachers": [{"id": "anne-madsen", "name": "Anne Madsen", "role": "peer", "title": None},
                     {"id": "karsten-holm", "name": "Karsten Holm", "role": "professional", "title": None}],
        "location": {"id": "vaerkstedet", "name": "Værkstedet", "address": "Eksempelvej 12, 4000 Roskilde",
                     "accessibility": None, "directions": None},
        "online_url": "https://moede.example.dk/x",
        "glossary": ["personlig-recovery"],
        "sessions": [{"start": "2027-03-03T10:00:00+01:00", "end": "2027-03-03T12:00:00+01:00",
                      "topic": "Håb i hverdagen", "location": None, "cancelled": False}],
    }]


# --- kalender.ics on its own ----------------------------------------------------------------


def test_kalender_ics_dates_and_sequences_each_event(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/haab.yml": course_text(),
                                          "courses/sen.yml": course_text().replace("2027-03-03", "2027-04-07")})
    assert not problems, problems.report()
    now = datetime(2027, 2, 1, 12, tzinfo=CPH)
    ics = feeds.calendar_ics(cat, [cat.courses["haab"], cat.courses["sen"]], SITE, now=now,
                             stamps={"sen": datetime(2027, 1, 15, 9, 30, tzinfo=UTC)},
                             sequences={("haab", "20270303"): 4})
    events = {str(e["UID"]): e for e in Calendar.from_ical(ics).walk("VEVENT")}
    haab, sen = events["haab-20270303@skole.example.dk"], events["sen-20270407@skole.example.dk"]
    # DTSTAMP: the course's own stamp (its file's last commit), else `now`.
    assert haab.decoded("DTSTAMP") == datetime(2027, 2, 1, 11, tzinfo=UTC)
    assert sen.decoded("DTSTAMP") == datetime(2027, 1, 15, 9, 30, tzinfo=UTC)
    assert (int(haab["SEQUENCE"]), int(sen["SEQUENCE"])) == (4, 0)


def test_calendars_without_any_session_still_share_one_vtimezone(tmp_path):
    """With no session anywhere, the VTIMEZONE's year comes from a date (here each file's
    mtime, outside git); every calendar file of the build must still carry the same one."""
    cat, problems = load_files(tmp_path, {"courses/a.yml": course_text().split("sessions:")[0] + "sessions: []\n",
                                          "courses/b.yml": course_text().split("sessions:")[0] + "sessions: []\n"})
    assert not problems, problems.report()
    for name, year in (("a", 2024), ("b", 2025)):
        when = datetime(year, 6, 1, tzinfo=UTC).timestamp()
        os.utime(tmp_path / "courses" / f"{name}.yml", (when, when))
    files = feeds.outputs(cat, env_for(cat), tmp_path, SITE)
    zones = {name: data[data.index(b"BEGIN:VTIMEZONE"):data.index(b"END:VTIMEZONE")]
             for name, data in files.items() if name.endswith(".ics")}
    assert sorted(zones) == ["kalender.ics", "kurser/a.ics", "kurser/b.ics"]
    assert len(set(zones.values())) == 1


@pytest.mark.parametrize("edit", ["session-place", "course-place", "summary", "session", "site", "stamp", "title", "status",
                                  "online", "private-link", "cancel-session", "topic"])
def test_after_an_edit_a_rebuild_with_the_shared_memo_writes_what_a_fresh_build_writes(tmp_path, edit):
    """mkdocs serve keeps the memo across rebuilds: an edit must never leave an old event."""
    text = course_text().replace('end: "12:00"}', 'end: "12:00"}\n  - {date: 2027-03-10, start: "10:00", end: "12:00", location: biblioteket}')
    files = {"courses/haab.yml": text}
    cat, problems = load_files(tmp_path, files)
    assert not problems, problems.report()
    memo, site = Memo(100), SITE
    first = feeds.outputs(cat, env_for(cat), tmp_path, site, shared=memo)
    if edit.endswith("place"):
        # A new address for the second session's own place, or for the course's place.
        moved = "biblioteket" if edit == "session-place" else "vaerkstedet"
        files["courses/_locations.yml"] = "".join(
            f"{pid}:\n  name: {name}\n  address: {'Nyvej 2, 4000 Roskilde' if pid == moved else address}\n"
            for pid, name, address in (("biblioteket", "Biblioteket", "Bibliotekvej 1, 4000 Roskilde"),
                                       ("vaerkstedet", "Værkstedet", "Eksempelvej 12, 4000 Roskilde")))
    elif edit == "summary":
        files["courses/haab.yml"] = text.replace("Om krop og sind.", "Om krop, sind og håb.")
    elif edit == "session":
        files["courses/haab.yml"] = text.replace('2027-03-10, start: "10:00"', '2027-03-10, start: "09:00"')
    elif edit == "site":
        site = "https://ny.example.dk/"
    elif edit == "title":
        files["courses/haab.yml"] = text.replace("title: Krop og sind", "title: Krop, sind; og \\\\ mere")
    elif edit == "status":
        files["courses/haab.yml"] = text + "status: cancelled\n"
    elif edit.endswith(("online", "link")):
        public = "false" if edit == "private-link" else "true"
        files["courses/haab.yml"] = text.replace("location: vaerkstedet\n", "format: hybrid\nlocation: vaerkstedet\n"
                                                 f"online_url: https://moede.example.dk/a\nonline_url_public: {public}\n")
        if edit == "private-link":
            # Public first, then private: the calendars must drop the link.
            cat, problems = load_files(tmp_path, {**files, "courses/haab.yml": files["courses/haab.yml"].replace("false", "true")})
            assert not problems, problems.report()
            feeds.outputs(cat, env_for(cat), tmp_path, site, shared=memo)
    elif edit == "cancel-session":
        files["courses/haab.yml"] = text.replace("location: biblioteket}", "location: biblioteket, cancelled: true}")
    elif edit == "topic":
        files["courses/haab.yml"] = text.replace("location: biblioteket}", "location: biblioteket, topic: Ny; emne}")
    cat, problems = load_files(tmp_path, files)
    assert not problems, problems.report()
    if edit == "stamp":
        when = datetime(2026, 12, 24, 12, tzinfo=UTC).timestamp()
        os.utime(tmp_path / "courses" / "haab.yml", (when, when))
    fresh = feeds.outputs(cat, env_for(cat), tmp_path, site)
    assert fresh != first
    assert feeds.outputs(cat, env_for(cat), tmp_path, site, shared=memo) == fresh


# --- single events --------------------------------------------------------------------------


def test_without_a_site_url_uids_still_have_a_domain(one):
    [event] = Calendar.from_ical(feeds.course_ics(one, one.courses["haab"], "")).walk("VEVENT")
    assert str(event["UID"]) == "haab-20270303@localhost"


def test_a_session_of_an_online_course_held_at_a_place_gives_the_place(tmp_path):
    text = course_text(format="online").replace("location: vaerkstedet\n", "").replace(
        'end: "12:00"}', 'end: "12:00"}\n  - {date: 2027-03-10, start: "10:00", end: "12:00", location: biblioteket}')
    cat, problems = load_files(tmp_path, {"courses/online.yml": text})
    assert not problems, problems.report()
    where = [str(e.get("LOCATION")) for e in Calendar.from_ical(feeds.course_ics(cat, cat.courses["online"], SITE)).walk("VEVENT")]
    assert where == ["Online", "Biblioteket, Bibliotekvej 1, 4000 Roskilde"]


@pytest.mark.parametrize("zone", ["UTC", "Atlantic/Reykjavik"])
def test_a_site_in_a_utc_zone_keeps_dtstamp_and_sequence(tmp_path, machine_zone, zone):
    # icalendar writes these events in UTC, so they are written by icalendar, not directly;
    # DTSTAMP is UTC on a build machine in another zone too.
    machine_zone("Asia/Tokyo")
    cat, problems = load_files(tmp_path, {"courses/haab.yml": course_text()}, zone=zone)
    assert not problems, problems.report()
    ics = feeds.course_ics(cat, cat.courses["haab"], SITE, now=datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC),
                           sequences={("haab", "20270303"): 2})
    lines = ics.split(b"\r\n")
    assert b"DTSTART:20270303T100000Z" in lines
    assert b"DTSTAMP:20270102T030405Z" in lines and b"SEQUENCE:2" in lines


def test_one_cache_for_files_with_different_stamps(one):
    """A build passes one cache to every file; each file still gets its own DTSTAMP."""
    cache: dict = {}
    course = one.courses["haab"]
    own = feeds.course_ics(one, course, SITE, cache=cache)
    merged = feeds.calendar_ics(one, [course], SITE, now=datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC), cache=cache)
    assert b"DTSTAMP:20270303T090000Z\r\n" in own  # the session's start, without a stamp
    assert b"DTSTAMP:20270102T030405Z\r\n" in merged


def test_a_site_url_with_a_path_keeps_it(one):
    # Only slashes are trimmed from the end of the site URL (here a path ending in X).
    [event] = Calendar.from_ical(feeds.course_ics(one, one.courses["haab"], "https://example.dk/RSX//")).walk("VEVENT")
    assert str(event["URL"]) == "https://example.dk/RSX/kurser/haab/"
