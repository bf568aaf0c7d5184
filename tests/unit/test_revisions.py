"""SEQUENCE from the course file's git history (rskole.revisions, rskole.history)."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar
from zoneinfo import ZoneInfo

from helpers import load_files
from rskole import catalogue, feeds, history, memo, revisions, views
from rskole.model import CourseSpec
from rskole.schedule import expand

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

SITE = "https://recoveryskolen.example.dk/"
ZONE = ZoneInfo("Europe/Copenhagen")


COURSE = """
title: Håb og recovery
summary: Hvad giver håb?
description: Om håb.
themes: [hope]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
sessions:
  - date: 2027-03-03
    start: "10:00"
    end: "12:00"
    weekly: 3
"""


class Repo:
    """A git repository in a temporary folder, the project in a subfolder of it."""

    def __init__(self, top: Path):
        self.top = top
        self.root = top / "site"
        self.root.mkdir(parents=True)
        self.clock = 0
        self.git("init", "-q", str(top))

    def git(self, *args: str) -> None:
        self.clock += 1
        when = f"2026-11-{self.clock:02d}T10:00:00+01:00"
        env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
                   GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        subprocess.run(["git", "-c", "user.email=a@b", "-c", "user.name=x", "-c", "commit.gpgsign=false", *args],
                       cwd=self.root, env=env, check=True, capture_output=True)

    def write(self, text: str, commit: bool = True):
        cat, problems = load_files(self.root, {"courses/haab.yml": text})
        assert not problems, problems.report()
        if commit:
            self.git("add", ".")
            self.git("commit", "-q", "-m", "edit")
        return cat

    def sequences(self, cat) -> dict[str, int]:
        """SEQUENCE of each event of the course file, from what the build writes."""
        env = views.Env(cat, date(2027, 1, 1), datetime(2027, 1, 1, tzinfo=cat.zone))
        ics = feeds.outputs(cat, env, self.root, SITE)["kurser/haab.ics"]
        return {str(e["UID"]).split("@")[0]: int(e["SEQUENCE"]) for e in Calendar.from_ical(ics).walk("VEVENT")}

    def ics(self, cat) -> bytes:
        env = views.Env(cat, date(2027, 1, 1), datetime(2027, 1, 1, tzinfo=cat.zone))
        return feeds.outputs(cat, env, self.root, SITE)["kurser/haab.ics"]


@pytest.fixture(autouse=True)
def no_parsed_versions():
    """Earlier versions are parsed once per process: each test parses its own."""
    memo.OLD_VERSIONS.clear()
    memo.REVISIONS.clear()
    yield
    memo.OLD_VERSIONS.clear()
    memo.REVISIONS.clear()


@pytest.fixture
def repo(tmp_path):
    return Repo(tmp_path / "repo")


def test_a_new_course_starts_at_zero_and_a_rebuild_changes_nothing(repo):
    cat = repo.write(COURSE)
    assert repo.sequences(cat) == {"haab-20270303": 0, "haab-20270310": 0, "haab-20270317": 0}
    assert repo.ics(cat) == repo.ics(repo.write(COURSE, commit=False))


def test_sequence_rises_when_time_place_or_status_changes(repo):
    repo.write(COURSE)
    # A new time for the whole series.
    cat = repo.write(COURSE.replace('end: "12:00"', 'end: "12:30"'))
    assert repo.sequences(cat) == {"haab-20270303": 1, "haab-20270310": 1, "haab-20270317": 1}
    # One session moves to another place, another is cancelled.
    moved = COURSE.replace('end: "12:00"', 'end: "12:30"').replace("    weekly: 3\n", "    weekly: 3\n    except: [2027-03-10, 2027-03-17]\n") + """\
  - {date: 2027-03-10, start: "10:00", end: "12:30", location: biblioteket}
  - {date: 2027-03-17, start: "10:00", end: "12:30", cancelled: true}
"""
    cat = repo.write(moved)
    assert repo.sequences(cat) == {"haab-20270303": 1, "haab-20270310": 2, "haab-20270317": 2}
    before = repo.ics(cat)
    # Text that is no part of the event's time, place or status: no new SEQUENCE ...
    cat = repo.write(moved.replace("Om håb.", "Om håb og mod."))
    assert repo.sequences(cat) == {"haab-20270303": 1, "haab-20270310": 2, "haab-20270317": 2}
    # ... and building again without a change gives the same bytes.
    assert repo.ics(cat) == repo.ics(cat)
    assert before != repo.ics(cat)  # the DTSTAMP follows the last commit
    # The whole course cancelled: every event that was not cancelled already.
    cat = repo.write(moved.replace("Om håb.", "Om håb og mod.") + "status: cancelled\n")
    assert repo.sequences(cat) == {"haab-20270303": 2, "haab-20270310": 3, "haab-20270317": 2}


def test_an_uncommitted_change_already_counts(repo):
    repo.write(COURSE)
    cat = repo.write(COURSE.replace('start: "10:00"', 'start: "09:30"'), commit=False)
    assert set(repo.sequences(cat).values()) == {1}
    # Committing the same change does not count it twice.
    cat = repo.write(COURSE.replace('start: "10:00"', 'start: "09:30"'))
    assert set(repo.sequences(cat).values()) == {1}


def test_an_unreadable_old_version_is_skipped(repo):
    repo.write(COURSE)
    (repo.root / "courses" / "haab.yml").write_text("title: [ødelagt\n", encoding="utf-8")
    repo.git("add", ".")
    repo.git("commit", "-q", "-m", "broken")
    cat = repo.write(COURSE.replace('start: "10:00"', 'start: "09:30"'))
    assert set(repo.sequences(cat).values()) == {1}


def test_count_compares_with_the_last_version_that_had_the_event():
    a, b = ("10:00",), ("11:00",)
    assert revisions.count([{"x": a}, {}, {"x": a}, {"x": b}, {"x": b}]) == {"x": 1}
    assert revisions.count([{"x": a, "y": a}, {"x": b}, {"x": a, "y": b}]) == {"x": 2, "y": 1}


def test_history_reads_every_version_in_two_processes(repo, monkeypatch):
    repo.write(COURSE)
    cat = repo.write(COURSE.replace('end: "12:00"', 'end: "12:30"'))
    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **kw: calls.append(a[0][3:5]) or real_run(*a, **kw))
    commits = history.log(repo.root, ["courses/haab.yml", "courses/_teachers.yml", "courses/findes-ikke.yml"])
    assert [len(commits[p]) for p in ("courses/haab.yml", "courses/_teachers.yml")] == [2, 1]
    assert "courses/findes-ikke.yml" not in commits
    versions = [(c.sha, "courses/haab.yml") for c in commits["courses/haab.yml"]] + [(commits["courses/haab.yml"][0].sha, "courses/nej.yml")]
    blobs = history.contents(repo.root, versions)
    assert len(blobs) == 2 and b'end: "12:30"' in blobs[versions[0]] and b'end: "12:00"' in blobs[versions[1]]
    assert revisions.sequences(repo.root, cat, commits)[("haab", "20270303")] == 1
    assert len(calls) == 3  # log, cat-file, and cat-file again for sequences


def test_a_rebuild_asks_git_only_for_versions_it_has_not_read(repo, monkeypatch):
    repo.write(COURSE)
    cat = repo.write(COURSE.replace('end: "12:00"', 'end: "12:30"'))
    asked = []
    real = history.contents
    monkeypatch.setattr(history, "contents", lambda root, wanted: asked.append(list(wanted)) or real(root, wanted))
    first = revisions.sequences(repo.root, cat)
    assert first[("haab", "20270303")] == 1 and len(asked[-1]) == 2
    assert revisions.sequences(repo.root, cat) == first and asked[-1] == []
    # A new commit: only its version is read.
    cat = repo.write(COURSE)
    assert revisions.sequences(repo.root, cat)[("haab", "20270303")] == 2
    assert len(asked[-1]) == 1
    # One commit, two folders: the same (commit, path) is another file from each.
    (repo.top / "courses").mkdir()
    (repo.top / "courses" / "haab.yml").write_text(COURSE, encoding="utf-8")
    (repo.root / "courses" / "haab.yml").write_text(COURSE.replace('start: "10:00"', 'start: "07:00"'), encoding="utf-8")
    repo.git("add", "-A", str(repo.top))
    repo.git("commit", "-q", "-m", "both")
    commits = {"courses/haab.yml": history.log(repo.root, ["courses/haab.yml"])["courses/haab.yml"][:1]}
    cat = repo.write(COURSE, commit=False)
    assert set(revisions.sequences(repo.root, cat, commits).values()) == {1}  # 07:00, now 10:00
    assert revisions.sequences(repo.top, cat, commits) == {}  # 10:00, now 10:00
    assert len(asked[-1]) == 1


def test_a_version_with_the_text_read_now_is_not_parsed_again(repo, monkeypatch):
    parsed = []
    real = revisions._old_version
    monkeypatch.setattr(revisions, "_old_version", lambda data, zone: parsed.append(data) or real(data, zone))
    repo.write(COURSE)
    cat = repo.write(COURSE.replace('end: "12:00"', 'end: "12:30"'))
    assert cat.digests["courses/haab.yml"] == catalogue.text_digest(COURSE.replace('end: "12:00"', 'end: "12:30"').lstrip("\n"))
    assert set(repo.sequences(cat).values()) == {1}
    assert parsed == [COURSE.lstrip("\n").encode("utf-8")]  # the first version; the second is the file as read
    # Without the catalogue's digests every version is parsed, to the same numbers.
    memo.REVISIONS.clear()
    assert repo.sequences(dataclasses.replace(cat, digests={})) == repo.sequences(cat)
    assert len(parsed) == 2


def test_a_version_git_did_not_give_is_asked_for_again(tmp_path, monkeypatch):
    commits = fake_history(monkeypatch, [at("10:00"), None, at("09:30")])
    asked = []
    real = history.contents
    monkeypatch.setattr(history, "contents", lambda root, wanted: asked.append(sorted(wanted)) or real(root, wanted))
    cat, _ = load_files(tmp_path, {"courses/haab.yml": COURSE})
    assert set(revisions.sequences(tmp_path, cat, commits).values()) == {2}
    assert set(revisions.sequences(tmp_path, cat, commits).values()) == {2}
    assert asked == [[("sha0", "courses/haab.yml"), ("sha1", "courses/haab.yml"), ("sha2", "courses/haab.yml")],
                     [("sha1", "courses/haab.yml")]]


def test_a_preview_reads_the_log_again_only_when_head_moves(repo, monkeypatch):
    cat = repo.write(COURSE)
    shared = memo.Memo(100)
    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **kw: calls.append(a[0][4]) or real_run(*a, **kw))

    def build(cat, shared=shared):
        env = views.Env(cat, date(2027, 1, 1), datetime(2027, 1, 1, tzinfo=cat.zone))
        calls.clear()
        return feeds.outputs(cat, env, repo.root, SITE, shared=shared)

    first = build(cat)
    assert calls == ["rev-parse", "log", "cat-file"]
    assert build(cat) == first and calls == ["rev-parse"]
    # An uncommitted edit: the same commits, and the edit shows as in a fresh build.
    cat = repo.write(COURSE.replace('start: "10:00"', 'start: "09:30"'), commit=False)
    edited = build(cat)
    assert calls == ["rev-parse"]
    assert edited == build(cat, None) and edited != first
    # A commit moves HEAD: the log is read again (and only the new version).
    cat = repo.write(COURSE.replace('start: "10:00"', 'start: "09:30"'))
    committed = build(cat)
    assert calls == ["rev-parse", "log", "cat-file"]
    assert committed == build(cat, None) and committed != edited


def test_a_preview_keeps_the_log_of_each_folder_apart(repo):
    """The same HEAD and the same file names, seen from the repository's top and from
    the project in a subfolder: two logs (git names files relative to the folder)."""
    (repo.top / "courses").mkdir()
    (repo.top / "courses" / "haab.yml").write_text(COURSE, encoding="utf-8")
    repo.git("add", "-A", str(repo.top))
    repo.git("commit", "-q", "-m", "top")
    cat = repo.write(COURSE)  # the subfolder's, a day later
    top, problems = load_files(repo.top, {})
    assert not problems, problems.report()
    shared = memo.Memo(100)
    day = date(2027, 1, 1)
    for root, catalogue_ in ((repo.root, cat), (repo.top, top)):
        env = views.Env(catalogue_, day, datetime(2027, 1, 1, tzinfo=ZONE))
        assert feeds.outputs(catalogue_, env, root, SITE, shared=shared) == feeds.outputs(catalogue_, env, root, SITE)


def test_a_preview_follows_a_rewritten_history(repo):
    """Another history with the same last commit date and the same file now: only the
    SEQUENCE tells them apart."""
    def commit_at(when: str, text: str) -> None:
        (repo.root / "courses" / "haab.yml").write_text(text, encoding="utf-8")
        env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
                   GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        for args in (["add", "-A", "."], ["commit", "-q", "-m", when]):
            subprocess.run(["git", "-c", "user.email=a@b", "-c", "user.name=x", "-c", "commit.gpgsign=false", *args],
                           cwd=repo.root, env=env, check=True, capture_output=True)

    cat = repo.write(COURSE, commit=False)
    commit_at("2026-11-20T10:00:00+01:00", COURSE)
    env = views.Env(cat, date(2027, 1, 1), datetime(2027, 1, 1, tzinfo=cat.zone))
    shared = memo.Memo(100)
    first = feeds.outputs(cat, env, repo.root, SITE, shared=shared)
    repo.git("checkout", "-q", "--orphan", "other")
    commit_at("2026-11-10T10:00:00+01:00", COURSE.replace('start: "10:00"', 'start: "09:30"'))
    commit_at("2026-11-20T10:00:00+01:00", COURSE)
    rewritten = feeds.outputs(cat, env, repo.root, SITE, shared=shared)
    assert rewritten == feeds.outputs(cat, env, repo.root, SITE) != first
    assert b"SEQUENCE:1" in rewritten["kurser/haab.ics"] and b"SEQUENCE:1" not in first["kurser/haab.ics"]


def test_a_preview_keeps_no_empty_log(repo, monkeypatch):
    cat = repo.write(COURSE)
    shared = memo.Memo(100)
    env = views.Env(cat, date(2027, 1, 1), datetime(2027, 1, 1, tzinfo=cat.zone))
    real = history.log
    monkeypatch.setattr(history, "log", lambda root, paths: {})  # git failed this once
    failed = feeds.outputs(cat, env, repo.root, SITE, shared=shared)
    monkeypatch.setattr(history, "log", real)
    assert feeds.outputs(cat, env, repo.root, SITE, shared=shared) == feeds.outputs(cat, env, repo.root, SITE) != failed


def test_no_git_means_sequence_zero(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    cat, problems = load_files(tmp_path, {"courses/haab.yml": COURSE})
    assert not problems
    assert revisions.sequences(tmp_path, cat) == {}
    assert history.log(tmp_path / "findes-ikke", ["a.yml"]) == {}


def test_an_old_version_with_windows_line_endings_is_read(repo):
    (repo.root / "courses").mkdir(parents=True, exist_ok=True)
    (repo.root / "courses" / "haab.yml").write_bytes(COURSE.replace("\n", "\r\n").encode("utf-8"))
    repo.git("add", ".")
    repo.git("commit", "-q", "-m", "crlf")
    cat = repo.write(COURSE.replace('start: "10:00"', 'start: "09:30"'))
    assert repo.sequences(cat) == {"haab-20270303": 1, "haab-20270310": 1, "haab-20270317": 1}


def fake_history(monkeypatch, versions: list[bytes | None]) -> dict:
    """Commits of courses/haab.yml (newest first, as git log gives them) whose contents
    are ``versions`` (oldest first; None: the commit deleted the file)."""
    commits = [history.Commit(f"sha{i}", datetime(2026, 11, 1 + i)) for i in range(len(versions))]
    blobs = {(c.sha, "courses/haab.yml"): v for c, v in zip(commits, versions) if v is not None}
    monkeypatch.setattr(history, "contents", lambda root, wanted: {k: blobs[k] for k in wanted if k in blobs})
    return {"courses/haab.yml": commits[::-1]}


def at(start: str) -> bytes:
    return COURSE.replace('start: "10:00"', f'start: "{start}"').encode("utf-8")


def test_a_version_in_which_the_file_was_deleted_is_skipped(tmp_path, monkeypatch):
    commits = fake_history(monkeypatch, [at("10:00"), None, at("09:30")])
    cat, _ = load_files(tmp_path, {"courses/haab.yml": COURSE})
    # 10:00, (deleted), 09:30, and now 10:00 again: two changes.
    assert set(revisions.sequences(tmp_path, cat, commits).values()) == {2}


def test_an_event_that_changed_and_is_gone_now_has_no_sequence(tmp_path, monkeypatch):
    weekly = COURSE.encode("utf-8")
    commits = fake_history(monkeypatch, [weekly, weekly.replace(b'end: "12:00"', b'end: "12:30"')])
    cat, _ = load_files(tmp_path, {"courses/haab.yml": COURSE.replace("weekly: 3", "weekly: 2")})
    # The third Wednesday changed once and is no longer held; the other two changed twice.
    assert revisions.sequences(tmp_path, cat, commits) == {("haab", "20270303"): 2, ("haab", "20270310"): 2}


def signature_of(text: str) -> dict:
    spec = CourseSpec.model_validate(yaml.safe_load(text))
    sessions, problems = expand(list(spec.sessions), ZONE, [0] * len(spec.sessions))
    assert not problems
    return revisions.signatures(spec, sessions)


ONLINE = COURSE.replace("location: vaerkstedet\n", "format: online\nonline_url: https://meet.example.dk/a\nonline_url_public: true\n")


@pytest.mark.parametrize("before, after, changed", [
    (ONLINE, ONLINE.replace("meet.example.dk/a", "meet.example.dk/b"), True),     # a new public link: a new LOCATION
    (ONLINE.replace("true", "false"), ONLINE.replace("true", "false").replace("/a", "/b"), False),  # a private one is not shown
    (ONLINE.replace("true", "false"), ONLINE, True),                              # the link made public
])
def test_the_online_link_counts_only_where_the_calendar_shows_it(before, after, changed):
    counts = revisions.count([signature_of(before), signature_of(after)])
    assert counts == ({"20270303": 1, "20270310": 1, "20270317": 1} if changed else {})


def test_contents_keeps_what_it_read_before_a_short_answer_and_after_a_missing_one(tmp_path, monkeypatch):
    versions = [("a" * 40, "x.yml"), ("b" * 40, "y.yml"), ("c" * 40, "z.yml"), ("d" * 40, "w.yml")]
    out = (b"aaaa:./x.yml missing\n" + b"b" * 40 + b" blob 3\nA\nB\n" + b"c" * 40 + b" blob 0\n\n")
    monkeypatch.setattr(history, "_git", lambda root, args, stdin=None: out)
    assert history.contents(tmp_path, versions) == {versions[1]: b"A\nB", versions[2]: b""}


def test_a_session_moved_from_one_place_to_another_counts():
    moved = COURSE.replace("    weekly: 3\n", "    location: biblioteket\n")
    counts = revisions.count([signature_of(moved), signature_of(moved.replace("biblioteket", "vaerkstedet"))])
    assert counts == {"20270303": 1}
