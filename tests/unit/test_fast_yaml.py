"""libyaml (fast path) and the pure-Python composer read every file the same way."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import rskole.sources as sources
from sitekit import REPO

# Every editor-style YAML file of the fixtures (the fixture portal's mkdocs.yml has a
# !!python tag for MkDocs' own loader, which the editors' loader rightly refuses).
FILES = sorted(p for p in (REPO / "tests" / "fixtures").rglob("*.yml") if p.relative_to(REPO).as_posix() != "tests/fixtures/portal/mkdocs.yml")


def both(text: str):
    fast = sources.parse_yaml(text)
    saved, sources._FastComposer = sources._FastComposer, None
    try:
        slow = sources.parse_yaml(text)
    finally:
        sources._FastComposer = saved
    return fast, slow


@pytest.mark.skipif(sources._FastComposer is None, reason="PyYAML without libyaml")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_same_values_and_lines(path):
    fast, slow = both(sources.read_text(path))
    assert fast.data == slow.data and fast.lines == slow.lines


@pytest.mark.skipif(sources._FastComposer is None, reason="PyYAML without libyaml")
@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "title: Håb", "start: 10:00", "date: 2027-02-30", "x: no", "n: 007", "f: 1.5e3", "- a", "  - b", "k: [1, 2",
    "k: {a: 1}", "t: !!str 5", "a: &x [1]", "b: *x", "q: 'it''s'", 'd: "\\u00e6"', "k:", "  nested: 1", "# note",
    "", "   ", "key with space: v", "? complex", ": v", "dup: 1", "dup: 2", "x: |", "  block", "tab:\tv",
]), max_size=12))
def test_same_result_or_fallback_on_arbitrary_lines(lines):
    text = "\n".join(lines) + "\n"
    try:
        fast = sources.parse_yaml(text)
    except sources.SourceError as exc:
        fast = ("error", exc.line, exc.message)
    saved, sources._FastComposer = sources._FastComposer, None
    try:
        try:
            slow = sources.parse_yaml(text)
        except sources.SourceError as exc:
            slow = ("error", exc.line, exc.message)
    finally:
        sources._FastComposer = saved
    if sources._fast_node(text) is None:
        assert fast == slow  # libyaml did not compose it: the pure-Python path did both
    elif not isinstance(slow, tuple):
        assert not isinstance(fast, tuple) and fast.data == slow.data and fast.lines == slow.lines
    # else: libyaml accepts a little more than PyYAML's scanner (a tab after a colon);
    # what it reads is then checked like any other file.
