"""Reading git's answers (rskole.history): the log's format, file names as git writes
them, and a git that fails or hangs."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone

import pytest

from rskole import history


def test_windows_paths_are_asked_for_as_git_writes_them():
    assert history.normal("courses\\2027\\haab.yml") == "courses/2027/haab.yml"
    assert history.normal("./courses//haab.yml") == "courses/haab.yml"


def answer(monkeypatch, out: bytes | None, calls: list | None = None):
    def fake(root, args, stdin=None):
        if calls is not None:
            calls.append(args)
        return out
    monkeypatch.setattr(history, "_git", fake)


def test_log_reads_each_commits_files_newest_first(monkeypatch, tmp_path):
    out = (b"\x1e1790000000 " + b"b" * 40 + b"\0\n courses/haab.yml\0Xmas.md\0"
           b"\x1e1780000000 " + b"a" * 40 + b"\0\ncourses/haab.yml\0caf\xe9.md\0")
    calls: list = []
    answer(monkeypatch, out, calls)
    found = history.log(tmp_path, ["courses/haab.yml", "courses\\haab.yml", "Xmas.md"])
    b = history.Commit("b" * 40, datetime.fromtimestamp(1790000000, timezone.utc))
    a = history.Commit("a" * 40, datetime.fromtimestamp(1780000000, timezone.utc))
    # A name that is not UTF-8 does not stop the rest; a leading space or X is part of a name.
    assert found == {" courses/haab.yml": [b], "Xmas.md": [b], "courses/haab.yml": [a], "caf\ufffd.md": [a]}
    assert calls[0][-3:] == ["--", "Xmas.md", "courses/haab.yml"]  # each path asked for once


@pytest.mark.parametrize("out, sha", [(b"a" * 40 + b"\n", "a" * 40), (b"", None), (None, None)])
def test_head_is_the_commit_git_names(monkeypatch, tmp_path, out, sha):
    calls: list = []
    answer(monkeypatch, out, calls)
    assert history.head(tmp_path) == sha
    assert calls == [["rev-parse", "--verify", "-q", "HEAD"]]


def test_no_paths_no_git(monkeypatch, tmp_path):
    calls: list = []
    answer(monkeypatch, b"", calls)
    assert history.log(tmp_path, []) == {} and history.contents(tmp_path, []) == {}
    assert calls == []


def test_a_git_that_fails_after_writing_part_of_its_answer_gives_nothing(monkeypatch, tmp_path):
    partial = b"\x1e1790000000 " + b"b" * 40 + b"\0\ncourses/haab.yml\0"
    monkeypatch.setattr(subprocess, "run", lambda *a, **kw: subprocess.CompletedProcess(a[0], 128, partial, b"fatal"))
    assert history.log(tmp_path, ["courses/haab.yml"]) == {}


def test_a_git_that_hangs_is_given_up_on(monkeypatch, tmp_path):
    def hangs(cmd, timeout=None, **kw):
        # A real hung git would block the build forever without a timeout.
        assert timeout is not None and timeout <= 600, "no time limit on git"
        raise subprocess.TimeoutExpired(cmd, timeout)
    monkeypatch.setattr(subprocess, "run", hangs)
    assert history.log(tmp_path, ["courses/haab.yml"]) == {}


@pytest.mark.parametrize("error", [OSError("no git"), ValueError("embedded null byte")])
def test_no_git_at_all_gives_nothing(monkeypatch, tmp_path, error):
    def fails(*a, **kw):
        raise error
    monkeypatch.setattr(subprocess, "run", fails)
    assert history.contents(tmp_path, [("a" * 40, "x.yml")]) == {}
