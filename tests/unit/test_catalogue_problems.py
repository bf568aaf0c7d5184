"""Editor mistakes in the layout of courses/ and glossary/, each as one located problem (rskole.catalogue.load)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from sitekit import write_files

from rskole.catalogue import Paths, load
from rskole.model import SiteSettings
from helpers import COURSE, LOCATIONS, TEACHERS, TERM, load_files, problems_of

GLOSSARY_TERM = "---\nterm: Håb\n---\nTekst.\n"


@pytest.mark.parametrize("files, expected", [
    ({"courses/_teachers.yml": "- anne-madsen\n"},
     ["courses/_teachers.yml:1: filen skal være en opslagstabel: et id pr. underviser efterfulgt af kolon og felterne indrykket under"]),
    ({"courses/_locations.yml": "- vaerkstedet\n"},
     ["courses/_locations.yml:1: filen skal være en opslagstabel: et id pr. sted efterfulgt af kolon og felterne indrykket under"]),
    ({"glossary/noter.txt": "x"},
     ["glossary/noter.txt: ordbogen læser kun Markdown-filer (.md); omdøb filen eller flyt den ud af glossary/"]),
    ({"courses/noter.txt": "x"},
     ["courses/noter.txt: i courses/ må der kun ligge kursusfiler (.yml); flyt filen, eller giv den et navn, der begynder med _"]),
    ({"glossary/haab.md": "---\nterm: Håb\nsee_also: [haab]\n---\nTekst.\n"},
     ["glossary/haab.md:3: see_also henviser til ordet selv ('haab'); fjern det"]),
    ({"glossary/haab.md": "---\nterm: Håb\n---\n  \n"},
     ["glossary/haab.md:4: ordet har ingen definition; skriv den under front matter"]),
    ({"glossary/a/haab.md": GLOSSARY_TERM, "glossary/b/haab.md": GLOSSARY_TERM.replace("Håb", "Håbet")},
     ["glossary/b/haab.md: ordet 'haab' findes allerede i glossary/a/haab.md; to filer kan ikke have samme navn"]),
    ({"courses/haab.yml": COURSE.replace("location: vaerkstedet", "format: online\nlocation: vaerkstedet")},
     ["courses/haab.yml:8: kurset er online, men har et sted ('location'); fjern 'location', eller skriv 'format: hybrid'"]),
    ({"courses/haab.yml": COURSE.replace("location: vaerkstedet", "location: vaerkstedet\nonline_url: https://m.example.dk/x")},
     ["courses/haab.yml:8: kurset er med fremmøde, men har et onlinelink; skriv 'format: hybrid', eller fjern 'online_url'"]),
    # An unreadable teachers file has its own problem; the courses get none per teacher.
    ({"courses/_teachers.yml": "anne: [", "courses/haab.yml": COURSE},
     ["courses/_teachers.yml:1: YAML-syntaksfejl: en liste eller opslagstabel i parenteser ('[...]' eller '{...}') er ikke skrevet rigtigt"]),
    # An empty one is a list of no teachers.
    ({"courses/_teachers.yml": "{}\n", "courses/haab.yml": COURSE},
     ["courses/haab.yml:6: underviseren 'anne-madsen' findes ikke i courses/_teachers.yml",
      "courses/haab.yml:6: underviseren 'karsten-holm' findes ikke i courses/_teachers.yml"]),
], ids=["teachers-not-a-mapping", "places-not-a-mapping", "glossary-not-markdown", "courses-not-yaml", "see-also-itself",
        "no-definition", "same-term-in-two-folders", "online-with-place", "in-person-with-link", "teachers-unreadable",
        "teachers-empty"])
def test_layout_mistakes(tmp_path, files, expected):
    assert problems_of(tmp_path, files) == expected


def test_missing_places_file(tmp_path):
    files = {"courses/_teachers.yml": TEACHERS, "glossary/personlig-recovery.md": TERM, "courses/haab.yml": COURSE}
    assert problems_of(tmp_path, files, defaults=False) == [
        "courses/_locations.yml: filen mangler; den skal liste hvert sted med et id",
        "courses/haab.yml:7: stedet 'vaerkstedet' findes ikke i courses/_locations.yml",
    ]


def test_hidden_and_underscore_files_are_no_content_and_yaml_is_a_course(tmp_path):
    cat, problems = load_files(tmp_path, {
        "courses/_kladder/x.yml": "x: [", "courses/.git/y.yml": "x: [", "glossary/_kladde.md": "x", "glossary/.x/y.md": "y",
        "courses/haab.yaml": COURSE,
    })
    assert not problems, problems.report()
    assert list(cat.courses) == ["haab"] and cat.courses["haab"].path == "courses/haab.yaml"
    assert list(cat.terms) == ["personlig-recovery"]


def test_a_file_with_more_than_50_problems_shows_the_first_50_and_says_so(tmp_path):
    sessions = "".join(f'  - {{date: 2027-02-3{i % 2}, start: "10:00", end: "12:00"}}\n' for i in range(60))
    problems = problems_of(tmp_path, {"courses/haab.yml": COURSE.split("sessions:")[0] + "sessions:\n" + sessions})
    assert len(problems) == 51
    assert problems[0] == "courses/haab.yml: filen har 60 fejl; her vises de første 50. Ret dem, og byg igen for at se resten"
    assert problems[1] == "courses/haab.yml:9: 'date': datoen 2027-02-30 findes ikke i kalenderen"
    assert problems[-1] == "courses/haab.yml:58: 'date': datoen 2027-02-31 findes ikke i kalenderen"


@pytest.mark.parametrize("extra, expected", [
    ("drop_in: true\nregistration:\n  email: t@example.dk",
     "courses/haab.yml:12: kurset har 'drop_in: true' (man skal ikke melde sig til), men også 'registration'; fjern den ene"),
    ("drop_in: true\nstatus: waitlist",
     "courses/haab.yml:13: kurset har 'drop_in: true', så det kan ikke have status 'waitlist'; skriv 'status: open' eller 'status: cancelled'"),
], ids=["registration", "waitlist"])
def test_drop_in_course_that_also_asks_for_sign_up(tmp_path, extra, expected):
    assert problems_of(tmp_path, {"courses/haab.yml": COURSE.strip("\n") + "\n" + extra + "\n"}) == [expected]


def test_course_nobody_can_be_reached_about_is_reported_on_its_title_line(tmp_path):
    # The title on line 3; a school without contact.
    text = "summary: Hvad giver håb?\ndescription: Om håb.\n" + "\n".join(
        l for l in COURSE.strip("\n").splitlines() if not l.startswith(("summary:", "description:"))) + "\n"
    assert text.splitlines()[2] == "title: Håb og recovery"
    write_files(tmp_path, {"courses/_teachers.yml": TEACHERS, "courses/_locations.yml": LOCATIONS, "courses/haab.yml": text})
    _, problems = load(Paths(tmp_path), SiteSettings(name="Test"), ZoneInfo("Europe/Copenhagen"))
    assert [str(p) for p in problems.sorted()] == [
        "courses/haab.yml:3: kurset har ingen tilmelding, og skolen har ingen kontakt i mkdocs.yml, så ingen kan melde sig til; "
        "skriv 'registration:' med url, email eller phone, skriv 'drop_in: true', eller sæt 'contact' under extra.portal"]


def test_a_teacher_whose_entry_is_invalid_is_reported_once_in_the_teachers_file(tmp_path):
    teachers = TEACHERS.replace("role: peer", "role: kollega")
    problems = problems_of(tmp_path, {"courses/_teachers.yml": teachers, "courses/haab.yml": COURSE})
    assert [p.split(":")[0] for p in problems] == ["courses/_teachers.yml"]


def test_only_the_first_50_unknown_teachers_get_a_hint(tmp_path):
    ids = [f"anne-madsen-{i}" for i in range(51)]
    text = COURSE.replace("teachers: [anne-madsen, karsten-holm]", f"teachers: [{', '.join(ids)}, karsten-holm]")
    problems = problems_of(tmp_path, {"courses/haab.yml": text})
    # 51 problems: the file shows 50 of them, in order of their text ('anne-madsen-9' is left out).
    assert problems[0] == "courses/haab.yml: filen har 51 fejl; her vises de første 50. Ret dem, og byg igen for at se resten"
    unknown = [p for p in problems if "underviseren" in p]
    assert len(unknown) == 50
    assert unknown[0] == "courses/haab.yml:6: underviseren 'anne-madsen-0' findes ikke i courses/_teachers.yml (mente du 'anne-madsen'?)"
    assert "courses/haab.yml:6: underviseren 'anne-madsen-50' findes ikke i courses/_teachers.yml" in unknown
