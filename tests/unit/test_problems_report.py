"""What an editor reads when the build refuses their files: every problem once, one per
line, in file order, and the one-line summary the build stops with."""

from __future__ import annotations

from rskole.problems import ContentError, Problem, Problems


def _problems() -> Problems:
    problems = Problems()
    problems.add("courses/b.yml", 3, "'title' mangler")
    problems.add("courses/a.yml", 7, "ukendt felt 'sesions'")
    problems.add("courses/a.yml", 0, "filnavnet kan ikke bruges")
    problems.add("courses/b.yml", 3, "'title' mangler")  # the same mistake found twice
    return problems


def test_report_is_one_located_problem_per_line_in_file_order():
    assert _problems().report() == (
        "courses/a.yml: filnavnet kan ikke bruges\n"
        "courses/a.yml:7: ukendt felt 'sesions'\n"
        "courses/b.yml:3: 'title' mangler"
    )


def test_content_error_counts_each_problem_once():
    error = ContentError(_problems())
    assert str(error) == "Indholdet har 3 fejl; siden blev ikke bygget. Ret fejlene ovenfor og prøv igen."
    assert error.problems.report().count("\n") == 2


def test_problems_from_another_run_are_kept():
    problems = Problems()
    problems.extend([Problem("glossary/x.md", 2, "feltet 'term' mangler")])
    other = Problems()
    other.add("courses/_teachers.yml", 0, "filen mangler")
    problems.extend(other)
    assert len(problems) == 2 and problems
    assert not Problems()
    assert problems.report() == "courses/_teachers.yml: filen mangler\nglossary/x.md:2: feltet 'term' mangler"


def test_problems_on_one_line_are_in_alphabetical_order():
    problems = Problems()
    problems.add("courses/a.yml", 4, "'status': 'åben' er ikke en status")
    problems.add("courses/a.yml", 4, "'format': 'fysisk' er ikke en kursusform")
    problems.add("courses/a.yml", 10, "feltet 'end' mangler")
    assert problems.report() == (
        "courses/a.yml:4: 'format': 'fysisk' er ikke en kursusform\n"
        "courses/a.yml:4: 'status': 'åben' er ikke en status\n"
        "courses/a.yml:10: feltet 'end' mangler"
    )
