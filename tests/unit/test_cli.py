"""The editors' commands in-process: `check` and `new` (scaffolding), without MkDocs."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from jsonschema import Draft7Validator

from helpers import LOCATIONS, TEACHERS, TERM, write
from rskole.catalogue import Paths, load
from rskole.cli import CliError, find_config, main, mkdocs_config
from rskole.model import SiteSettings
from rskole.scaffold import PLACEHOLDER_PROFESSIONAL, ScaffoldError, new_course, new_term, yaml_scalar
from rskole.schemas import all_schemas
from rskole.sources import load_markdown_file, load_yaml_file

MKDOCS_YML = """
site_name: Test
docs_dir: content
extra:
  portal:
    name: Recoveryskolen Test
    contact: kontakt@example.dk
"""
ENV = {"PORTAL_TODAY": "2026-11-22"}


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "site"
    write(root, {"mkdocs.yml": MKDOCS_YML, "courses/_teachers.yml": TEACHERS, "courses/_locations.yml": LOCATIONS,
                 "glossary/personlig-recovery.md": TERM})
    (root / "content").mkdir()
    return root


def problems(root: Path) -> list[str]:
    _, found = load(Paths(root), SiteSettings(name="Test", contact="kontakt@example.dk"), ZoneInfo("Europe/Copenhagen"))
    return [str(p) for p in found.sorted()]


def test_new_course_is_valid_as_written(root):
    path, warnings = new_course(root, "Håb og mod", environ=ENV)
    assert path == root / "courses" / "haab-og-mod.yml"
    assert warnings == []
    assert problems(root) == []
    data = load_yaml_file(path).data
    assert data["title"] == "Håb og mod"
    # the first teacher with lived experience, the first professional, the first place
    assert data["teachers"] == ["anne-madsen", "karsten-holm"]
    assert data["location"] == "vaerkstedet"
    assert data["sessions"][0]["date"] == "2026-12-20"
    assert Draft7Validator(all_schemas()["course.schema.json"]).is_valid(data)


def test_every_course_field_is_explained(root):
    path, _ = new_course(root, "Håb og mod", environ=ENV)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/course.schema.json"
    for key in ("title", "summary", "description", "learning_outcomes", "themes", "audiences", "teachers", "format",
                "location", "online_url", "capacity", "status", "registration", "url", "email", "phone", "deadline",
                "note", "glossary", "sessions", "date", "start", "end", "topic", "weekly", "except", "cancelled"):
        assert f"{key}:" in text, key
    assert "SKIFT" in text  # teachers and place are placeholders to change


@pytest.mark.parametrize("title, slug", [
    ("Håb og mod", "haab-og-mod"),
    ("Søvn, stress & ÆBLER", "soevn-stress-aebler"),
    ("  Kreativ   recovery  ", "kreativ-recovery"),
])
def test_slug_from_danish_title(root, title, slug):
    path, _ = new_course(root, title, environ=ENV)
    assert path.name == f"{slug}.yml"


@pytest.mark.parametrize("title", ['Recovery: en vej', 'Håb # 2', '"Citat" og mere', "- en liste?", "[1] true", "yes", "2027"])
def test_titles_that_need_quoting_stay_exact(root, title):
    path, _ = new_course(root, title, environ=ENV)
    assert load_yaml_file(path).data["title"] == title
    assert problems(root) == []


def test_yaml_scalar_plain_when_possible():
    assert yaml_scalar("Håb og mod") == "Håb og mod"
    assert yaml_scalar("Recovery: en vej") == '"Recovery: en vej"'


def test_course_in_a_subfolder(root):
    path, _ = new_course(root, "Søvn", folder="2027-foraar", environ=ENV)
    assert path == root / "courses" / "2027-foraar" / "soevn.yml"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schemas/course.schema.json\n")
    assert problems(root) == []


@pytest.mark.parametrize("folder", ["2027 forår", "_kladder", "../ude", "/tmp", "a/../b", ".skjult"])
def test_bad_folder_is_refused(root, folder):
    with pytest.raises(ScaffoldError, match="kan ikke bruges"):
        new_course(root, "Søvn", folder=folder, environ=ENV)


def test_never_overwrites(root):
    path, _ = new_course(root, "Håb", environ=ENV)
    path.write_text("mit eget indhold\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="findes allerede; den bliver ikke overskrevet"):
        new_course(root, "Håb", environ=ENV)
    with pytest.raises(ScaffoldError, match="Der findes allerede et kursus med navnet 'haab'"):
        new_course(root, "Håb", folder="2027-foraar", environ=ENV)
    assert path.read_text(encoding="utf-8") == "mit eget indhold\n"
    assert not (root / "courses" / "2027-foraar").exists()


def test_title_without_letters_is_refused(root):
    with pytest.raises(ScaffoldError, match="giver intet filnavn"):
        new_course(root, "!!!", environ=ENV)
    with pytest.raises(ScaffoldError, match="Skriv en titel"):
        new_term(root, "   ")


def test_missing_kinds_of_teacher_and_no_places(root):
    write(root, {"courses/_teachers.yml": "anne-madsen:\n  name: Anne\n  role: peer\n", "courses/_locations.yml": "{}\n"})
    path, warnings = new_course(root, "Håb", environ=ENV)
    data = load_yaml_file(path).data
    assert data["teachers"] == ["anne-madsen", PLACEHOLDER_PROFESSIONAL]
    assert data["format"] == "online" and "location" not in data
    assert any("professional" in w for w in warnings) and any("online" in w for w in warnings)


def test_new_term_is_valid_as_written(root):
    path, warnings = new_term(root, "Levede erfaringer")
    assert path == root / "glossary" / "levede-erfaringer.md" and warnings == []
    assert problems(root) == []
    meta = load_markdown_file(path).meta.data
    assert meta["term"] == "Levede erfaringer"
    assert Draft7Validator(all_schemas()["glossary-term.schema.json"]).is_valid(meta)
    for key in ("term", "forms", "see_also", "source"):
        assert f"{key}:" in path.read_text(encoding="utf-8")


def test_new_term_refuses_a_word_another_term_has(root):
    with pytest.raises(ScaffoldError, match="findes allerede; den bliver ikke overskrevet"):
        new_term(root, "Personlig recovery")
    with pytest.raises(ScaffoldError, match=r"findes allerede i ordbogen \(glossary/personlig-recovery.md\)"):
        new_term(root, "Personlige  Recovery")  # a form of the existing term


# --- the command line ------------------------------------------------------------------


def test_main_check_ok_and_broken(root, capsys):
    config = str(root / "mkdocs.yml")
    new_course(root, "Håb", environ=ENV)
    assert main(["check", "-f", config], environ=ENV) == 0
    out = capsys.readouterr()
    assert out.out == "Alt indhold er i orden: 1 kursus, 3 undervisere, 2 steder, 1 ord.\n" and out.err == ""

    path = root / "courses" / "haab.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nthemes:", "\ntemes:"), encoding="utf-8")
    assert main(["-f", config, "check"], environ=ENV) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "Tjekket fandt 1 fejl. Ret den, og kør tjekket igen."  # one misspelt key, one problem
    assert err[:-1] == problems(root)


def test_main_new_prints_where(root, capsys, monkeypatch):
    monkeypatch.chdir(root / "courses")  # mkdocs.yml is found in the folder above
    assert main(["new", "kursus", "Håb og mod"], environ=ENV) == 0
    assert "Oprettet kursusfil: courses/haab-og-mod.yml" in capsys.readouterr().out
    assert main(["new", "kursus", "Håb og mod"], environ=ENV) == 1
    assert "findes allerede" in capsys.readouterr().err
    assert main(["new", "ord", "Håb", "--mappe", "x"], environ=ENV) == 1


def test_courses_dir_from_settings(root, capsys):
    (root / "mkdocs.yml").write_text(MKDOCS_YML + "    courses_dir: kurser\n", encoding="utf-8")
    assert main(["-f", str(root / "mkdocs.yml"), "new", "kursus", "Håb"], environ=ENV) == 0
    assert (root / "kurser" / "haab.yml").is_file()


def test_no_mkdocs_yml(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CliError, match="Fandt ingen mkdocs.yml"):
        find_config()
    assert main(["check"]) == 1
    assert "Fandt ingen mkdocs.yml" in capsys.readouterr().err


def test_unusual_mkdocs_yml_falls_back_to_mkdocs(root, capsys):
    (root / "mkdocs.yml").write_text("site_name: Test\nextra: [1, 2]\n", encoding="utf-8")
    assert main(["check", "-f", str(root / "mkdocs.yml")], environ=ENV) == 1
    assert "mkdocs.yml: indstillingerne kan ikke læses" in capsys.readouterr().err


def test_env_tags_in_mkdocs_yml(root, monkeypatch):
    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("name: Recoveryskolen Test", "name: !ENV [SCHOOL, Standard]"),
                                     encoding="utf-8")
    monkeypatch.setenv("SCHOOL", "Fra miljøet")
    config = mkdocs_config(root / "mkdocs.yml")
    assert config["extra"]["portal"]["name"] == "Fra miljøet"


def test_schemas_command_check(tmp_path, root, capsys):
    assert main(["-f", str(root / "mkdocs.yml"), "schemas", "--check", "--out", str(tmp_path / "s")]) == 1
    assert main(["-f", str(root / "mkdocs.yml"), "schemas", "--out", str(tmp_path / "s")]) == 0
    assert main(["-f", str(root / "mkdocs.yml"), "schemas", "--check", "--out", str(tmp_path / "s")]) == 0
    written = json.loads((tmp_path / "s" / "course.schema.json").read_text(encoding="utf-8"))
    assert written == all_schemas()["course.schema.json"]


def test_check_falls_back_to_mkdocs_config_when_the_build_reads_more(root, capsys, monkeypatch):
    """If the build starts reading a setting the fast path does not fill in, the check
    still works: it loads mkdocs.yml with MkDocs itself."""
    from rskole.build import Build

    original = Build.from_mkdocs.__func__

    def reads_more(cls, config, environ=None):
        config["use_directory_urls"]  # not in the fast path's mapping: KeyError there
        return original(cls, config, environ)

    monkeypatch.setattr(Build, "from_mkdocs", classmethod(reads_more))
    assert main(["check", "-f", str(root / "mkdocs.yml")], environ=ENV) == 0
    assert capsys.readouterr().out.startswith("Alt indhold er i orden: 0 kurser, 3 undervisere")


def test_missing_watched_folder_fails_as_the_build_does(root, capsys):
    (root / "mkdocs.yml").write_text(MKDOCS_YML + "watch:\n  - courses\n  - glossary\n  - borte\n", encoding="utf-8")
    assert main(["check", "-f", str(root / "mkdocs.yml")], environ=ENV) == 1
    assert "mkdocs.yml: indstillingerne kan ikke læses" in capsys.readouterr().err
    (root / "borte").mkdir()
    assert main(["check", "-f", str(root / "mkdocs.yml")], environ=ENV) == 0


def test_main_check_github_format(root, capsys):
    config = str(root / "mkdocs.yml")
    new_course(root, "Håb", environ=ENV)
    path = root / "courses" / "haab.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nthemes:", "\ntemes:"), encoding="utf-8")
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("temes:"))
    assert main(["check", "--format", "github", "-f", config], environ={**ENV, "GITHUB_WORKSPACE": str(root)}) == 1
    out = capsys.readouterr()
    [annotation] = out.out.splitlines()
    assert annotation.startswith(f"::error file=courses/haab.yml,line={line}::ukendt felt 'temes' (mente du 'themes'?); ")
    assert out.err.splitlines()[:-1] == problems(root)  # the log keeps the plain lines


def test_github_annotation_escapes_what_github_would_read_as_syntax(tmp_path):
    from rskole.cli import github_annotation
    from rskole.problems import Problem

    (tmp_path / "courses").mkdir()
    (tmp_path / "courses" / "a,b:c.yml").write_text("x: 1\n")
    problem = Problem("courses/a,b:c.yml", 3, "100% forkert:\nnæste linje\r")
    assert github_annotation(problem, tmp_path, {}) == "::error file=courses/a%2Cb%3Ac.yml,line=3::100%25 forkert:%0Anæste linje%0D"
    whole = Problem("courses/a,b:c.yml", 0, "filen er tom")
    assert github_annotation(whole, tmp_path, {}) == "::error file=courses/a%2Cb%3Ac.yml::filen er tom"
    elsewhere = github_annotation(whole, tmp_path, {"GITHUB_WORKSPACE": str(tmp_path.parent)})
    assert elsewhere == f"::error file={tmp_path.name}/courses/a%2Cb%3Ac.yml::filen er tom"
    assert github_annotation(Problem("PORTAL_TODAY", 0, "'x' er ikke en dato"), tmp_path, {}) == "::error::PORTAL_TODAY: 'x' er ikke en dato"
