"""The built calendar files read alike by a second, independent parser (vobject, which
reads time zones through dateutil), and SEQUENCE and sitemap dates from a git history."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import pytest
import vobject
from icalendar import Calendar

from sitekit import make_project, run_build

UTC = timezone.utc
SITES = ["spec-example", "hostile", "calendars"]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    built = {}
    for name in SITES:
        root = make_project(tmp_path_factory.mktemp(name) / "p", name)
        result = run_build(root)
        assert result.returncode == 0, result.stderr
        built[name] = result
    return built


def by_icalendar(data: bytes) -> dict[str, tuple]:
    return {str(e["UID"]): (e.decoded("DTSTART").astimezone(UTC), e.decoded("DTEND").astimezone(UTC),
                            str(e.get("STATUS")), int(e["SEQUENCE"]), str(e.get("LOCATION", "")))
            for e in Calendar.from_ical(data).walk("VEVENT")}


def by_vobject(text: str) -> dict[str, tuple]:
    cal = vobject.readOne(text)
    return {e.uid.value: (e.dtstart.value.astimezone(UTC), e.dtend.value.astimezone(UTC), e.status.value,
                          int(e.sequence.value), e.location.value if hasattr(e, "location") else "")
            for e in cal.contents.get("vevent", [])}


# Reads every file given, in a row, in one fresh process: vobject keeps the first
# VTIMEZONE it reads for a TZID and applies it to every later file of the process.
READER = """
import json, sys
from datetime import timezone
import vobject
out = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        cal = vobject.readOne(handle.read())
    out[path] = {e.uid.value: [e.dtstart.value.astimezone(timezone.utc).isoformat(),
                               e.dtend.value.astimezone(timezone.utc).isoformat(), e.status.value,
                               int(e.sequence.value), e.location.value if hasattr(e, "location") else ""]
                 for e in cal.contents.get("vevent", [])}
print(json.dumps(out))
"""


def read_in_one_process(paths) -> dict[str, dict[str, list]]:
    proc = subprocess.run([sys.executable, "-c", READER, *map(str, paths)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def as_json(read: dict[str, tuple]) -> dict[str, list]:
    return {uid: [v[0].isoformat(), v[1].isoformat(), *v[2:]] for uid, v in read.items()}


@pytest.mark.parametrize("name", SITES)
def test_every_calendar_file_reads_alike_in_one_process(sites, name):
    """Each site's calendar files read in a row in one vobject process (a client that
    subscribes to several courses): each event at the same instants, status, SEQUENCE
    and place as icalendar reads it, and at the instants kurser.json gives."""
    site = sites[name].site
    files = sorted((site / "kurser").glob("*.ics")) + [site / "kalender.ics"]
    assert len(files) >= 2
    for order in (files, files[::-1]):  # every file also read after every other
        read = read_in_one_process(order)
        for path in order:
            assert read[str(path)] == as_json(by_icalendar(path.read_bytes())), path.name
    courses = json.loads((site / "kurser.json").read_text(encoding="utf-8"))["courses"]
    read = read_in_one_process(files)
    for course in courses:
        starts = sorted(v[0] for v in read[str(site / "kurser" / f"{course['slug']}.ics")].values())
        assert starts == sorted(datetime.fromisoformat(s["start"]).astimezone(UTC).isoformat() for s in course["sessions"])
    assert sum(len(v) for v in read.values()) >= 3


def test_calendar_files_have_no_method_and_one_shared_vtimezone(sites):
    zones = set()
    for name in SITES:
        for path in list((sites[name].site / "kurser").glob("*.ics")) + [sites[name].site / "kalender.ics"]:
            text = path.read_text(encoding="utf-8")
            assert "\r\nMETHOD:" not in text and "\r\nORGANIZER" not in text
            assert text.count("BEGIN:VTIMEZONE") == 1
            if name == "calendars":
                zones.add(text[text.index("BEGIN:VTIMEZONE"):text.index("END:VTIMEZONE")])
    # The calendars site spans 2026-2028: one VTIMEZONE with every switch in every file.
    [zone] = zones
    for onset in ("20261025T030000", "20270328T020000", "20281029T030000"):
        assert onset in zone


def test_sitemap_without_git_has_no_lastmod(sites):
    text = (sites["calendars"].site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://recoveryskolen.example.dk/kurser/efteraar-2026/</loc>" in text
    assert "<lastmod>" not in text
    assert gzip.decompress((sites["calendars"].site / "sitemap.xml.gz").read_bytes()).decode() == text


# --- A project in git ---------------------------------------------------------------------


def git(root, *args, when="2026-11-01T10:00:00+01:00"):
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-c", "user.email=a@b", "-c", "user.name=x", "-c", "commit.gpgsign=false", *args],
                   cwd=root, env=env, check=True, capture_output=True)


def sequences(site) -> dict[str, int]:
    return {uid.split("@")[0]: v[3] for uid, v in by_vobject((site / "kurser" / "foraar-2028.ics").read_text(encoding="utf-8")).items()}


def lastmods(site) -> dict[str, str | None]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    return {u.findtext("s:loc", namespaces=ns).split("example.dk/")[1]: u.findtext("s:lastmod", namespaces=ns)
            for u in root.findall("s:url", ns)}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_sequence_and_sitemap_dates_from_git(tmp_path):
    root = make_project(tmp_path / "p", "calendars")
    git(root, "init", "-q")
    (root / ".gitignore").write_text("site*/\n.site.building/\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first", when="2026-11-01T10:00:00+01:00")
    (root / "content" / "om" / "index.md").write_text("# Om skolen\n\nAlle kan deltage, gratis.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "about page", when="2026-11-10T23:30:00+01:00")

    a = run_build(root, site=tmp_path / "a")
    b = run_build(root, site=tmp_path / "b")
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    for name in ("kurser/foraar-2028.ics", "kalender.ics", "kurser.json", "feed.xml", "sitemap.xml", "sitemap.xml.gz"):
        assert (a.site / name).read_bytes() == (b.site / name).read_bytes(), name
    assert set(sequences(a.site).values()) == {0}
    dates = lastmods(a.site)
    assert dates["kurser/foraar-2028/"] == "2026-11-01"
    assert dates["om/"] == "2026-11-10"  # the commit's day in the site's zone (22:30 UTC)
    assert dates["undervisere/anne-madsen/"] == "2026-11-01" and dates["ordbog/chime/"] == "2026-11-01"
    assert dates[""] == "2026-11-01"  # content/index.md
    for page in ("kurser/", "kalender/", "temaer/", "steder/"):
        assert dates[page] is None, page  # made from many files, or from the date

    # The session on the library day moves to 13:00, the last one is no longer cancelled.
    course = root / "courses" / "foraar-2028.yml"
    text = course.read_text(encoding="utf-8")
    text = re.sub(r'(- date: 2028-03-22\n    start: )"10:00"', r'\1"13:00"', text)
    text = re.sub(r'(- date: 2028-03-22\n    start: "13:00"\n    end: )"12:00"', r'\1"15:00"', text)
    course.write_text(text.replace("    cancelled: true\n", ""), encoding="utf-8")
    git(root, "commit", "-q", "-am", "move a session", when="2026-11-20T09:00:00+01:00")
    c = run_build(root, site=tmp_path / "c")
    assert c.returncode == 0, c.stderr
    assert sequences(c.site) == {"foraar-2028-20280315": 0, "foraar-2028-20280322": 1,
                                 "foraar-2028-20280329": 0, "foraar-2028-20280405": 1}
    assert lastmods(c.site)["kurser/foraar-2028/"] == "2026-11-20"
    # The other files did not change: neither did their events.
    assert (c.site / "kurser" / "efteraar-2026.ics").read_bytes() == (a.site / "kurser" / "efteraar-2026.ics").read_bytes()
