"""A course file with invalid parts still gets every other check (rskole.catalogue._salvage).

The editor sees all the mistakes of a file in one build: the invalid values, and what the
valid rest of the file says wrongly about teachers, places and the glossary.
"""

from __future__ import annotations

import pytest

from helpers import problems_of

HEAD = """title: Håb
summary: Om håb.
description: Tekst.
themes: [hope]
audiences: [citizens]
teachers: [anne-madson, karsten-holm]
location: vaerkstedet
"""

TEACHER = "courses/haab.yml:6: underviseren 'anne-madson' findes ikke i courses/_teachers.yml (mente du 'anne-madsen'?)"

# Line 8 is "sessions:"; the first session starts on line 9 and the second on line 12.
SECOND = """  - date: 2027-03-10
    start: "10:00"
    end: "12:00"
    location: bibliotek
"""
PLACE = "courses/haab.yml:15: stedet 'bibliotek' findes ikke i courses/_locations.yml (mente du 'biblioteket'?)"


@pytest.mark.parametrize("first, problem", [
    # A value inside the session is wrong.
    ('  - date: 2027-02-30\n    start: "10:00"\n    end: "12:00"\n',
     "courses/haab.yml:9: 'date': datoen 2027-02-30 findes ikke i kalenderen"),
    # The session itself is no mapping.
    ("  - 2027-03-03\n  - x\n  - y\n",
     "courses/haab.yml:9: 'sessions' skal være en opslagstabel med felter"),
], ids=["invalid-date", "not-a-mapping"])
def test_the_valid_sessions_of_a_course_with_an_invalid_one_are_still_checked(tmp_path, first, problem):
    problems = problems_of(tmp_path, {"courses/haab.yml": HEAD + "sessions:\n" + first + SECOND})
    assert TEACHER in problems
    assert any(p.startswith(problem) for p in problems), problems
    # The place is reported on the line of the session that names it, not of the invalid one.
    assert PLACE in problems


def test_sessions_that_are_no_list_still_leave_the_rest_checked(tmp_path):
    problems = problems_of(tmp_path, {"courses/haab.yml": HEAD + "sessions: 5\n"})
    assert TEACHER in problems
    assert any(p.startswith("courses/haab.yml:8: ") and "'sessions'" in p for p in problems), problems
