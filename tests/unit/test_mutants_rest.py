"""Unit tests that kill mutmut survivors of the smaller core modules (issue 18).

Each test states what a visitor or an editor would notice if the code changed."""

from datetime import datetime, timezone

import pytest

from rskole import history, indexing
from rskole.sources import INDENT_HINT, SourceError, parse_yaml


def test_a_dirty_rebuild_keeps_the_sections_of_a_page_it_did_not_build_again():
    # Search finds a heading of course B ("kurser/b/#sted") after only A was rebuilt.
    previous = [{"location": "kurser/a/", "title": "A"}, {"location": "kurser/b/", "title": "B"},
                {"location": "kurser/b/#sted", "title": "Sted"}]
    current = [{"location": "kurser/a/", "title": "A (ny)"}]
    merged = indexing.merge_entries(previous, current, {"kurser/a/"}, {"kurser/a/", "kurser/b/"})
    assert [e["title"] for e in merged] == ["B", "Sted", "A (ny)"]



def test_search_leaves_out_a_marked_part_that_opens_the_page():
    # A page (or a fragment) that begins with a left-out part: its dates are not indexed.
    html = indexing.START + "<dl><dt>Næste gang</dt></dl>" + indexing.END + "<h1>Kursus</h1>"
    assert indexing.indexed(html) == "<h1>Kursus</h1>"

def test_a_commits_first_file_keeps_a_leading_x(monkeypatch, tmp_path):
    # A courses folder named "Xtra": the first file git names in a commit is read whole,
    # so the course's feed dates come from its commits.
    sha = "c" * 40
    out = b"\x1e1790000000 " + sha.encode() + b"\0\nXtra/haab.yml\0Xtra/mod.yml\0"
    monkeypatch.setattr(history, "_git", lambda root, args, stdin=None: out)
    commit = history.Commit(sha, datetime.fromtimestamp(1790000000, timezone.utc))
    assert history.log(tmp_path, ["Xtra/haab.yml", "Xtra/mod.yml"]) == {
        "Xtra/haab.yml": [commit], "Xtra/mod.yml": [commit]}


def test_a_list_on_the_line_under_its_key_is_no_text_to_indent_into():
    # "themes:" then a bracketed list: the prose line after it did not lose its
    # indentation from a text, so the editor is not told to indent it.
    text = "title: Håb\nthemes:\n  [hope, community]\nKurset er for alle.\n"
    with pytest.raises(SourceError) as caught:
        parse_yaml(text)
    assert caught.value.line == 4
    assert INDENT_HINT not in caught.value.message


def test_every_generated_page_with_what_visitors_and_search_see(tmp_path):
    # test_registry_pages makes its pages in a module-scoped fixture, which mutmut does not
    # count as a call from its tests: here page_specs runs in the test itself, and the
    # same checks are made on its answer.
    import test_registry_pages as reg
    from helpers import load_files
    from rskole.registry import page_specs

    cat, problems = load_files(tmp_path, {
        "courses/haab.yml": reg.COURSE, "courses/_teachers.yml": reg.TEACHERS,
        "glossary/chime.md": "---\nterm: CHIME\n---\nFem *elementer*.\n\nMere tekst.\n"})
    assert not problems, problems.report()
    specs = page_specs(cat)
    reg.test_the_portals_own_pages_come_first_in_the_navigations_order(specs)
    for row in reg.FIXED:
        reg.test_each_of_the_portals_own_pages(specs, *row)
    reg.test_a_course_page(specs)
    reg.test_teacher_pages(specs, "undervisere/anne-madsen.md", "Anne Madsen", "Anne fortæller.", "Recoverymentor")
    reg.test_teacher_pages(specs, "undervisere/karsten-holm.md", "Karsten Holm", "", "Fagprofessionel underviser")
    reg.test_place_and_theme_pages(specs)
    reg.test_a_term_page_is_boosted_in_search(specs)
    reg.test_pages_of_each_kind_are_sorted_by_id(specs)
    # A theme's page has no text of its own above its list of courses.
    assert not any(s.body for s in specs if s.kind == "theme")


def test_a_capitalised_term_after_a_self_closed_skipped_element_is_a_name():
    # "<svg/> Empowerment": the skipped element stands in the sentence, so the capitalised
    # word after it is not at a sentence's start and reads as a name: no term link.
    from rskole.glossary import TermIndex, link

    index = TermIndex.build([("empowerment", ["Empowerment"])])
    html, found = link("<p>Vi ser <svg/> Empowerment på scenen.</p><p><svg/> Empowerment.</p>",
                       index, lambda slug: f"/ordbog/{slug}/", lambda slug: slug)
    assert found == set() and "rs-term" not in html
