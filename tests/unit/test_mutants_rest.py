"""Unit tests that kill mutmut survivors of the smaller core modules (issue 18).

Each test states what a visitor or an editor would notice if the code changed."""

from rskole import indexing


def test_a_dirty_rebuild_keeps_the_sections_of_a_page_it_did_not_build_again():
    # Search finds a heading of course B ("kurser/b/#sted") after only A was rebuilt.
    previous = [{"location": "kurser/a/", "title": "A"}, {"location": "kurser/b/", "title": "B"},
                {"location": "kurser/b/#sted", "title": "Sted"}]
    current = [{"location": "kurser/a/", "title": "A (ny)"}]
    merged = indexing.merge_entries(previous, current, {"kurser/a/"}, {"kurser/a/", "kurser/b/"})
    assert [e["title"] for e in merged] == ["B", "Sted", "A (ny)"]
