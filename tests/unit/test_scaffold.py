"""New course and glossary files (rskole/scaffold.py): what the editor finds in the file
that was written, and the Danish messages when it cannot be written."""

from __future__ import annotations

import builtins
from datetime import date, timedelta

import pytest

from helpers import LOCATIONS, TEACHERS, TERM, write
from rskole import scaffold
from rskole.scaffold import ScaffoldError, new_course, new_term
from rskole.sources import load_markdown_file, load_yaml_file

ENV = {"PORTAL_TODAY": "2026-11-22"}  # first session 2026-12-20, deadline 2026-12-13, skipped 2027-01-03


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "site"
    write(root, {"courses/_teachers.yml": TEACHERS, "courses/_locations.yml": LOCATIONS,
                 "glossary/personlig-recovery.md": TERM})
    return root


def lines(path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def has_block(path, *block: str) -> bool:
    """The file holds these lines, one after the other."""
    text = lines(path)
    return any(text[i:i + len(block)] == list(block) for i in range(len(text)))


def first_session(path) -> str:
    return str(load_yaml_file(path).data["sessions"][0]["date"])


# --- the course file -------------------------------------------------------------------


@pytest.mark.parametrize("courses_dir", ["courses", "kurser"])
def test_course_file_names_its_own_address_folder_and_people(root, courses_dir):
    if courses_dir != "courses":
        write(root, {f"{courses_dir}/_teachers.yml": TEACHERS, f"{courses_dir}/_locations.yml": LOCATIONS})
    path, _ = new_course(root, "Håb  og mod", courses_dir=courses_dir, environ=ENV)
    assert lines(path)[2] == "# Nyt kursus: Håb og mod"
    assert f"# - Filnavnet er kursets adresse på siden: {courses_dir}/haab-og-mod.yml bliver /kurser/haab-og-mod/" in lines(path)
    assert has_block(path,
                     f"# Underviserne: id'er fra {courses_dir}/_teachers.yml. Mindst én med rollen peer eller relative",
                     "# (levede erfaringer) og mindst én med rollen professional (fagprofessionel). (Påkrævet)",
                     "# SKIFT dem ud med kursets egne undervisere: her står Anne Madsen og Karsten Holm,")
    assert has_block(path,
                     "# Kursusform: in-person (fremmøde), online eller hybrid (fremmøde eller online).",
                     "format: in-person",
                     "",
                     f"# Stedet: et id fra {courses_dir}/_locations.yml. Påkrævet ved in-person og hybrid; slet linjen ved online.",
                     "# SKIFT det ud med kursets eget sted: her står Værkstedet, det første sted i filen.",
                     "location: vaerkstedet")


def test_example_dates_follow_today(root):
    """Four weeks ahead for the first session; the commented deadline a week before it,
    and the commented example of a skipped date two weeks after it."""
    path, _ = new_course(root, "Håb", environ=ENV)
    assert first_session(path) == "2026-12-20"
    assert "#   deadline: 2026-12-13            # sidste dag for tilmelding, ÅÅÅÅ-MM-DD" in lines(path)
    assert "    # except: [2027-01-03]        # med weekly: datoer, der springes over (fx en helligdag)" in lines(path)


def test_today_from_the_process_environment(root, monkeypatch):
    monkeypatch.setenv("PORTAL_TODAY", " 2027-01-10 ")
    path, _ = new_course(root, "Håb", environ=None)
    assert first_session(path) == "2027-02-07"


@pytest.mark.parametrize("environ", [{}, {"PORTAL_TODAY": ""}, {"PORTAL_TODAY": "i morgen"}])
def test_no_or_unreadable_today_means_the_real_today(root, environ):
    before = date.today()
    path, _ = new_course(root, "Håb", environ=environ)
    assert first_session(path) in {(before + timedelta(days=28)).isoformat(),
                                   (date.today() + timedelta(days=28)).isoformat()}


def test_teacher_with_lived_experience_can_be_a_relative(root):
    write(root, {"courses/_teachers.yml": "karsten-holm:\n  name: Karsten Holm\n  role: professional\n"
                                           "inge-berg:\n  name: Inge Berg\n  role: relative\n"})
    path, warnings = new_course(root, "Håb", environ=ENV)
    assert load_yaml_file(path).data["teachers"] == ["inge-berg", "karsten-holm"] and warnings == []


def test_broken_entries_are_passed_over_not_the_rest(root):
    write(root, {"courses/_teachers.yml": "ole:\n  name: Ole\n  role: chef\n" + TEACHERS,
                 "courses/_locations.yml": "lokalet:\n  navn: Lokalet\n" + LOCATIONS})
    path, warnings = new_course(root, "Håb", environ=ENV)
    data = load_yaml_file(path).data
    assert (data["teachers"], data["location"], warnings) == (["anne-madsen", "karsten-holm"], "vaerkstedet", [])


@pytest.mark.parametrize("teachers, shown", [
    ("anne-madsen:\n  name: Anne\n  role: peer\n", "her står Anne og ?,"),
    ("karsten-holm:\n  name: Karsten\n  role: professional\n", "her står ? og Karsten,"),
])
def test_missing_teachers_are_explained(root, teachers, shown):
    write(root, {"kurser/_teachers.yml": teachers, "kurser/_locations.yml": "{}\n"})
    path, warnings = new_course(root, "Håb", courses_dir="kurser", environ=ENV)
    assert f"# SKIFT dem ud med kursets egne undervisere: {shown}" in lines(path)
    assert warnings == [
        "kurser/_teachers.yml har ikke både en underviser med rollen peer eller relative og en med rollen "
        "professional; skriv de rigtige id'er under 'teachers', før kurset kan bygges.",
        "kurser/_locations.yml har ingen steder; kurset er oprettet som online.",
    ]
    assert has_block(path,
                     "# Kursusform: in-person (fremmøde), online eller hybrid (fremmøde eller online).",
                     "# Der er ingen steder i kurser/_locations.yml endnu, så kurset står som online.",
                     "# Ved in-person og hybrid: skriv 'location: <id>' med et id fra _locations.yml.",
                     "format: online")


def test_quoted_title_keeps_danish_letters_readable(root):
    path, _ = new_course(root, "Håb: én vej", environ=ENV)
    assert 'title: "Håb: én vej"' in lines(path)


# Quote characters force quotes only when they open the title (the last two are
# mutmut's spelling of a changed test for the opening quote).
@pytest.mark.parametrize("title", ["Mor's hus", 'Det "gode" liv', "XX'XX", 'XX"XX'])
def test_quotes_inside_a_title_need_no_quoting(root, title):
    path, _ = new_course(root, title, environ=ENV)
    assert f"title: {title}" in lines(path)
    assert load_yaml_file(path).data["title"] == title


def test_files_are_utf8_whatever_the_machines_encoding(root, monkeypatch):
    """An editor on a machine whose default encoding is not UTF-8 (Windows) still gets
    files the build reads: the scaffold always writes UTF-8."""
    def windows_open(file, mode="r", buffering=-1, encoding=None, *args, **kwargs):
        return builtins.open(file, mode, buffering, encoding or "cp1252", *args, **kwargs)

    monkeypatch.setattr(scaffold, "open", windows_open, raising=False)
    course, _ = new_course(root, "Søvn og håb", environ=ENV)
    term, _ = new_term(root, "Levede erfaringer på én gang")
    assert load_yaml_file(course).data["title"] == "Søvn og håb"
    assert load_markdown_file(term).meta.data["term"] == "Levede erfaringer på én gang"


# --- folders ---------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["2027-foraar/hold-a", "2027-foraar\\hold-a", "2027-foraar//hold-a/"])
def test_course_in_nested_subfolders(root, folder):
    path, _ = new_course(root, "Søvn", folder=folder, environ=ENV)
    assert path == root / "courses" / "2027-foraar" / "hold-a" / "soevn.yml" and path.is_file()
    assert lines(path)[0] == "# yaml-language-server: $schema=../../../schemas/course.schema.json"


@pytest.mark.parametrize("folder, suggestion", [
    ("Hold A/Forår 2027", "hold-a/foraar-2027"),
    ("/tmp", "tmp"),
    ("!!!", "2027-foraar"),
])
def test_bad_folder_message_suggests_a_name(root, folder, suggestion):
    with pytest.raises(ScaffoldError) as exc:
        new_course(root, "Søvn", folder=folder, environ=ENV)
    assert str(exc.value) == (f"Mappenavnet '{folder}' kan ikke bruges; brug små bogstaver a-z, tal og bindestreger, "
                              f"fx '{suggestion}'.")


# --- refusals --------------------------------------------------------------------------


@pytest.mark.parametrize("make, what", [(new_course, "kurset"), (new_term, "ordet")])
def test_empty_title_message(root, make, what):
    with pytest.raises(ScaffoldError) as exc:
        make(root, " \t ")
    assert str(exc.value) == f'Skriv en titel på {what}, fx "Håb og mod".'


def test_existing_course_messages_name_the_file(root):
    write(root, {"kurser/_teachers.yml": TEACHERS, "kurser/2027-foraar/haab.yml": "title: Håb\n"})
    with pytest.raises(ScaffoldError) as exc:
        new_course(root, "Håb", courses_dir="kurser", folder="2027-foraar", environ=ENV)
    assert str(exc.value) == ("Filen kurser/2027-foraar/haab.yml findes allerede; den bliver ikke overskrevet. "
                              "Vælg en anden titel, eller ret den eksisterende fil.")
    with pytest.raises(ScaffoldError) as exc:
        new_course(root, "Håb", courses_dir="kurser", environ=ENV)
    assert str(exc.value) == ("Der findes allerede et kursus med navnet 'haab' (kurser/2027-foraar/haab.yml); to kurser "
                              "kan ikke have samme filnavn, heller ikke i hver sin mappe. Vælg en anden titel, eller ret "
                              "den eksisterende fil.")
    assert not (root / "kurser" / "haab.yml").exists()


# --- the glossary file ------------------------------------------------------------------


@pytest.mark.parametrize("glossary_dir", ["glossary", "indhold/ordbog"])
def test_term_file_names_its_file_and_folder(root, glossary_dir):
    path, warnings = new_term(root, "Levede  erfaringer", glossary_dir=glossary_dir)
    assert path == root / glossary_dir / "levede-erfaringer.md" and warnings == []
    assert lines(path)[1] == (f"# Nyt ord i mini-ordbogen ({glossary_dir}/levede-erfaringer.md). "
                              'Filen er lavet med "new ord" og kan bygges,')
    assert f"# Beslægtede ord: filnavne i {glossary_dir}/ uden .md. (Valgfri)" in lines(path)
    assert load_markdown_file(path).meta.data["term"] == "Levede erfaringer"


def test_existing_term_file_message(root):
    with pytest.raises(ScaffoldError) as exc:
        new_term(root, "Personlig recovery")
    assert str(exc.value) == ("Filen glossary/personlig-recovery.md findes allerede; den bliver ikke overskrevet. "
                              "Ret den eksisterende fil i stedet.")


@pytest.mark.parametrize("existing, title", [
    ("---\nterm: CHIME-modellen\n---\nFem elementer.\n", "chime-modellen"),  # another file's term
    ("---\nterm: Levet liv\nforms: levede liv\n---\nTekst.\n", "Levede  Liv"),  # a single form, not a list
])
def test_word_of_another_term_is_refused(root, existing, title):
    write(root, {"glossary/eksisterende.md": existing})
    with pytest.raises(ScaffoldError) as exc:
        new_term(root, title)
    assert str(exc.value) == (f"Ordet '{' '.join(title.split())}' findes allerede i ordbogen (glossary/eksisterende.md); "
                              "et ord kan kun høre til ét opslag. Ret den eksisterende fil i stedet.")


def test_broken_glossary_files_do_not_hide_a_later_duplicate(root):
    """Files the check reports itself (bad YAML, front matter that is a list, forms that
    are a number) are passed over, and the search goes on to the later files."""
    write(root, {"glossary/a-syntaks.md": "---\nterm: [Håb\n---\nTekst.\n",
                 "glossary/b-liste.md": "---\n- Håb\n---\nTekst.\n",
                 "glossary/c-tal.md": "---\nterm: Tal\nforms: 5\n---\nTekst.\n"})
    with pytest.raises(ScaffoldError, match=r"findes allerede i ordbogen \(glossary/personlig-recovery.md\)"):
        new_term(root, "Personlige recovery")
    path, _ = new_term(root, "Håb")
    assert path.is_file()
