"""The editors' command line (rskole/cli.py) as an editor or a CI log sees it: the lines
printed, on which stream and in which order, the exit status, and the files written."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from helpers import LOCATIONS, TEACHERS, TERM, write
from rskole.cli import CliError, check, github_annotation, main, mkdocs_config, portal_folders
from rskole.problems import Problem
from sitekit import FIXTURES, REPO

SETTINGS = """
site_name: Test
{docs_dir}extra:
  portal:
    name: Recoveryskolen Test
    contact: kontakt@example.dk
"""
MKDOCS_YML = SETTINGS.format(docs_dir="docs_dir: content\n")
ENV = {"PORTAL_TODAY": "2026-11-22"}
COURSE = """
title: Håb
summary: Om håb.
description: Tekst.
themes: [hope]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
sessions: []
"""


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "site"
    write(root, {"mkdocs.yml": MKDOCS_YML, "courses/_teachers.yml": TEACHERS, "courses/_locations.yml": LOCATIONS,
                 "glossary/personlig-recovery.md": TERM})
    (root / "content").mkdir()
    return root


@pytest.fixture
def full_loads(monkeypatch):
    """The calls of MkDocs' full config loader (plugins, theme: slow), which still run."""
    import mkdocs.config

    calls = []
    original = mkdocs.config.load_config

    def counting(*args, **kwargs):
        calls.append(kwargs.get("config_file"))
        return original(*args, **kwargs)

    monkeypatch.setattr(mkdocs.config, "load_config", counting)
    return calls


def run(argv, environ=ENV):
    """main() as the editor runs it: the exit status; SystemExit (argparse) too."""
    try:
        return main(argv, environ=environ)
    except SystemExit as exc:
        return exc.code


# --- check: the fast reading of mkdocs.yml ------------------------------------------------


@pytest.mark.parametrize("docs_dir, watch", [("content", None), (None, None), ("content", ["courses", "glossary"])])
def test_check_of_an_ordinary_project_does_not_load_mkdocs_in_full(root, full_loads, capsys, docs_dir, watch):
    """mkdocs.yml is read with MkDocs' YAML loader only; the full loader (plugins, theme)
    would make every check seconds slower."""
    text = SETTINGS.format(docs_dir=f"docs_dir: {docs_dir}\n" if docs_dir else "")
    if watch:
        text += "watch:\n" + "".join(f"  - {w}\n" for w in watch)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    if not docs_dir:
        (root / "docs").mkdir()
    assert main(["check", "-f", str(root / "mkdocs.yml")], environ=ENV) == 0
    assert capsys.readouterr().out == "Alt indhold er i orden: 0 kurser, 3 undervisere, 2 steder, 1 ord.\n"
    assert full_loads == []


def test_mkdocs_yml_is_read_as_utf8_whatever_the_machines_encoding(root, monkeypatch):
    """As MkDocs reads it: an editor on a machine whose default encoding is not UTF-8
    (Windows) gets the school's name with its Danish letters."""
    import builtins

    from rskole import cli

    def windows_open(file, mode="r", buffering=-1, encoding=None, *args, **kwargs):
        if "b" not in mode:
            encoding = encoding or "cp1252"
        return builtins.open(file, mode, buffering, encoding, *args, **kwargs)

    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("Recoveryskolen Test", "Recoveryskolen Sønderborg"),
                                     encoding="utf-8")
    monkeypatch.setattr(cli, "open", windows_open, raising=False)
    assert mkdocs_config(root / "mkdocs.yml")["extra"]["portal"]["name"] == "Recoveryskolen Sønderborg"


@pytest.mark.parametrize("docs_dir", ["content", None])
def test_check_reads_pages_from_the_docs_dir_of_mkdocs_yml(root, capsys, docs_dir):
    (root / "mkdocs.yml").write_text(SETTINGS.format(docs_dir=f"docs_dir: {docs_dir}\n" if docs_dir else ""),
                                     encoding="utf-8")
    folder = docs_dir or "docs"
    write(root, {f"{folder}/kalender.md": "# Min kalender\n", "andet/kalender.md": "# Ikke i docs_dir\n"})
    assert main(["check", "-f", str(root / "mkdocs.yml")], environ=ENV) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{folder}/kalender.md:1: siden ligger, hvor portalen selv laver siden /kalender/; "
        "flyt eller omdøb filen (portalens egne sider kan ikke erstattes)")


@pytest.mark.parametrize("extra_yml", ["extra: [1, 2]\n", "watch:\n  - borte\n"])
def test_settings_mkdocs_refuses_are_refused(root, extra_yml):
    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("extra:", "ekstra:") + extra_yml, encoding="utf-8")
    with pytest.raises(CliError, match=r"^mkdocs\.yml: indstillingerne kan ikke læses: "):
        mkdocs_config(root / "mkdocs.yml")


def test_portal_settings_that_are_no_mapping_mean_the_default_folders(root):
    config = {"config_file_path": str(root / "mkdocs.yml"), "extra": {"portal": "Recoveryskolen"}}
    assert portal_folders(config) == (root.resolve(), "courses", "glossary")


# --- check: what it says ------------------------------------------------------------------


@pytest.mark.parametrize("files, summary", [
    ({"courses/_teachers.yml": "anne-madsen:\n  name: Anne\n  role: peer\n",
      "courses/_locations.yml": "vaerkstedet:\n  name: Værkstedet\n  address: Eksempelvej 12\n",
      "glossary/chime.md": "---\nterm: CHIME\n---\nFem elementer.\n"},
     "0 kurser, 1 underviser, 1 sted, 2 ord"),
    ({"courses/haab.yml": COURSE}, "1 kursus, 3 undervisere, 2 steder, 1 ord"),
])
def test_check_counts_in_danish(root, files, summary):
    write(root, files)
    out, err = io.StringIO(), io.StringIO()
    assert check(root / "mkdocs.yml", ENV, out=out, err=err) == 0
    assert (out.getvalue(), err.getvalue()) == (f"Alt indhold er i orden: {summary}.\n", "")


def test_check_with_several_problems(root):
    write(root, {"courses/haab.yml": COURSE.replace("themes:", "temes:").replace("summary:", "sumary:")})
    out, err = io.StringIO(), io.StringIO()
    assert check(root / "mkdocs.yml", ENV, out=out, err=err) == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 3 and all(line.startswith("courses/haab.yml:") for line in lines[:2])
    assert lines[-1] == "Tjekket fandt 2 fejl. Ret dem, og kør tjekket igen."
    assert out.getvalue() == ""


def test_check_github_writes_annotations_to_its_output(root, monkeypatch):
    """The annotations go to the given stream, with the file relative to the workspace
    given in the environment passed in (not the process's)."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    write(root, {"courses/haab.yml": COURSE.replace("themes:", "temes:")})
    out, err = io.StringIO(), io.StringIO()
    environ = {**ENV, "GITHUB_WORKSPACE": str(root.parent)}
    assert check(root / "mkdocs.yml", environ, out=out, err=err, output="github") == 1
    assert out.getvalue().startswith("::error file=site/courses/haab.yml,line=4::ukendt felt 'temes'")
    assert err.getvalue().splitlines()[-1] == "Tjekket fandt 1 fejl. Ret den, og kør tjekket igen."


@pytest.mark.parametrize("argv", [["check"], ["check", "--format", "github"]])
def test_check_uses_the_environment_it_is_given(root, capsys, argv):
    assert main([*argv, "-f", str(root / "mkdocs.yml")], environ={"PORTAL_TODAY": "i går"}) == 1
    assert "PORTAL_TODAY: " in capsys.readouterr().err


def test_fallback_to_mkdocs_config_keeps_the_environment(root, capsys, monkeypatch):
    """When the build reads a setting the fast reading lacks, MkDocs' config is used,
    with the same PORTAL_TODAY."""
    from rskole.build import Build

    original = Build.from_mkdocs.__func__

    def reads_more(cls, config, environ=None):
        config["use_directory_urls"]
        return original(cls, config, environ)

    monkeypatch.setattr(Build, "from_mkdocs", classmethod(reads_more))
    assert main(["check", "-f", str(root / "mkdocs.yml")], environ={"PORTAL_TODAY": "i går"}) == 1
    assert "PORTAL_TODAY: " in capsys.readouterr().err


def test_annotation_reads_the_process_environment_by_default(tmp_path, monkeypatch):
    write(tmp_path, {"courses/haab.yml": "x: 1\n"})
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path.parent))
    assert github_annotation(Problem("courses/haab.yml", 2, "fejl"), tmp_path) == \
        f"::error file={tmp_path.name}/courses/haab.yml,line=2::fejl"


def test_annotation_for_a_file_outside_the_workspace(tmp_path):
    write(tmp_path, {"courses/haab.yml": "x: 1\n"})
    (tmp_path / "content").mkdir()
    environ = {"GITHUB_WORKSPACE": str(tmp_path / "content")}
    assert github_annotation(Problem("courses/haab.yml", 2, "fejl"), tmp_path, environ) == \
        "::error file=../courses/haab.yml,line=2::fejl"


# --- the order of the lines in a CI log -----------------------------------------------------


class Log:
    """stdout and stderr as a CI runner's log shows them: stderr line by line, stdout
    block-buffered (a pipe), so its lines appear only when flushed."""

    def __init__(self):
        self.text = ""
        self.out = self._Stream(self, line_buffered=False)
        self.err = self._Stream(self, line_buffered=True)

    class _Stream(io.TextIOBase):
        def __init__(self, log, line_buffered):
            self.log, self.line_buffered, self.pending = log, line_buffered, ""

        def writable(self):
            return True

        def write(self, s):
            self.pending += s
            if self.line_buffered and "\n" in s:
                self.flush()
            return len(s)

        def flush(self):
            self.log.text += self.pending
            self.pending = ""

    def close(self) -> str:
        self.out.flush()
        self.err.flush()
        return self.text


def test_annotations_come_before_the_plain_lines_in_the_log(root):
    write(root, {"courses/haab.yml": COURSE.replace("themes:", "temes:")})
    log = Log()
    assert check(root / "mkdocs.yml", {**ENV, "GITHUB_WORKSPACE": str(root)}, out=log.out, err=log.err,
                 output="github") == 1
    lines = log.close().splitlines()
    assert lines[0].startswith("::error file=courses/haab.yml,line=4::") and lines[1].startswith("courses/haab.yml:4:")


def test_command_error_annotation_comes_before_the_plain_line(tmp_path, monkeypatch):
    log = Log()
    monkeypatch.setattr(sys, "stdout", log.out)
    monkeypatch.setattr(sys, "stderr", log.err)
    missing = tmp_path / "mkdocs.yml"
    assert main(["check", "--format", "github", "-f", str(missing)]) == 1
    assert log.close() == f"::error::Filen {missing} findes ikke.\nFilen {missing} findes ikke.\n"


@pytest.mark.parametrize("argv", [["check"], ["-f", "{missing}", "check"], ["check", "-f", "{missing}"]])
def test_command_errors_in_plain_format_print_no_annotation(tmp_path, monkeypatch, capsys, argv):
    monkeypatch.chdir(tmp_path)
    missing = str(tmp_path / "borte.yml")
    assert main([a.replace("{missing}", missing) for a in argv]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err in (f"Filen {missing} findes ikke.\n",
                       f"Fandt ingen mkdocs.yml i {tmp_path.resolve()} eller mapperne over den. Kør kommandoen i "
                       "portalens mappe, eller angiv filen med -f sti/til/mkdocs.yml.\n")


# --- help and usage -----------------------------------------------------------------------

HELP = {
    (): """\
Brug: python -m rskole [-h] [-f FIL] {check,new,schemas,compile} ...

Recoveryskolens værktøjer til redaktører: tjek indholdet, og lav nye kurser og ord.

argumenter:
  {check,new,schemas,compile}
    check               tjek alle kurser, undervisere, steder og ord med byggets egne fejlbeskeder
    new                 lav en ny kursusfil eller et nyt ord ud fra en skabelon med forklaringer
    schemas             (for udviklere) skriv JSON-skemaerne i schemas/ ud fra modellerne
    compile             (for udviklere) skriv portalen som en almindelig docs-mappe, som en motor
                        uden hooks kan bygge

valgmuligheder:
  -h, --help            vis denne hjælp
  -f FIL, --config-file FIL
                        portalens mkdocs.yml (ellers findes den i mappen eller mapperne over)
""",
    ("check",): """\
Brug: python -m rskole check [-h] [--format {tekst,github}]

Tjekker courses/ og glossary/ præcis som byggeriet gør, og skriver hver fejl som 'fil:linje:
besked'.

valgmuligheder:
  -h, --help            vis denne hjælp
  --format {tekst,github}
                        tekst: 'fil:linje: besked' (standard); github: en GitHub Actions-kommando
                        pr. fejl ('::error file=...,line=...::besked'), så fejlen vises ved filen
                        og linjen på GitHub
""",
    ("new",): """\
Brug: python -m rskole new [-h] [--mappe MAPPE] {kursus,ord} titel

argumenter:
  {kursus,ord}   kursus: courses/<navn>.yml; ord: glossary/<navn>.md
  titel          titlen på dansk, fx "Håb og mod"; filnavnet laves ud fra den (æ→ae, ø→oe, å→aa)

valgmuligheder:
  -h, --help     vis denne hjælp
  --mappe MAPPE  for kurser: en undermappe i courses/, fx 2027-foraar
""",
    ("schemas",): """\
Brug: python -m rskole schemas [-h] [--check] [--out OUT]

valgmuligheder:
  -h, --help  vis denne hjælp
  --check     skriv intet; afslut med status 1, hvis skemaerne ikke passer til modellerne
  --out OUT   mappen, skemaerne skrives i (ellers schemas/ ved siden af mkdocs.yml)
""",
    ("compile",): """\
Brug: python -m rskole compile [-h] MAPPE

Skriver MAPPE/docs/ med alle portalens sider og feeds og MAPPE/mkdocs.yml uden hooks.

argumenter:
  MAPPE       mappen, der skrives i (tømmes først)

valgmuligheder:
  -h, --help  vis denne hjælp
""",
}


@pytest.fixture
def wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps the help at the terminal's width


@pytest.mark.parametrize("command", list(HELP), ids=lambda c: " ".join(c) or "main")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_is_danish(wide, capsys, command, flag):
    assert run([*command, flag]) == 0
    _same_help(capsys.readouterr().out, HELP[command])


def test_no_command_prints_the_help(wide, capsys):
    assert run([]) == 2
    _same_help(capsys.readouterr().out, HELP[()])


def _same_help(out: str, expected: str) -> None:
    """The help exactly as Python 3.11's argparse lays it out (what setup and CI use).
    Python 3.13 writes an option's value name once ("-f, --config-file FIL"): there, every
    Danish word must still be there, in the same order."""
    if sys.version_info < (3, 13):
        assert out == expected
    else:
        words = [w for w in expected.split() if not w.startswith(("-", "FIL", "{", "MAPPE"))]
        found = [w for w in out.split() if w in set(words)]
        assert found == words


@pytest.mark.parametrize("argv, usage, message", [
    (["check", "--format", "json"], "check [-h] [--format {tekst,github}]",
     "--format: ugyldigt valg: 'json' (vælg mellem 'tekst', 'github')"),
    (["new", "bog", "Håb"], "new [-h] [--mappe MAPPE] {kursus,ord} titel",
     "{kursus,ord}: ugyldigt valg: 'bog' (vælg mellem 'kursus', 'ord')"),
    (["new", "kursus"], "new [-h] [--mappe MAPPE] {kursus,ord} titel", "dette mangler: titel"),
    (["compile"], "compile [-h] MAPPE", "dette mangler: MAPPE"),
    (["check", "--mappe", "x"], "[-h] [-f FIL] {check,new,schemas,compile} ...", "ukendte argumenter: --mappe x"),
    (["check", "-f"], "check [-h] [--format {tekst,github}]", "-f/--config-file: der mangler en værdi"),
])
def test_wrong_use_is_explained_in_danish(wide, capsys, argv, usage, message):
    assert run(argv) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == (f"Brug: python -m rskole {usage}\n"
                       f"Kommandoen kan ikke bruges sådan: {message}\nSe 'python -m rskole --help'.\n")


# --- new ----------------------------------------------------------------------------------


def test_new_course_prints_what_to_do_next(root, capsys):
    assert main(["-f", str(root / "mkdocs.yml"), "new", "kursus", "Søvn", "--mappe", "2027-foraar"],
                environ={"PORTAL_TODAY": "2027-01-10"}) == 0
    assert capsys.readouterr().out == (
        "Oprettet kursusfil: courses/2027-foraar/soevn.yml\n"
        "Åbn filen, og skift eksemplerne ud med det rigtige indhold (kommentarerne forklarer hvert felt).\n"
        "Tjek bagefter alt indhold med: bash scripts/check.sh\n")
    assert "  - date: 2027-02-07" in (root / "courses" / "2027-foraar" / "soevn.yml").read_text(encoding="utf-8")


def test_new_course_prints_the_warnings(root, capsys):
    (root / "courses" / "_locations.yml").write_text("{}\n", encoding="utf-8")
    assert main(["-f", str(root / "mkdocs.yml"), "new", "kursus", "Søvn"], environ=ENV) == 0
    assert capsys.readouterr().out.splitlines()[3:] == [
        "OBS: courses/_locations.yml har ingen steder; kurset er oprettet som online."]


def test_new_term_in_the_glossary_folder_of_the_settings(root, capsys):
    (root / "mkdocs.yml").write_text(MKDOCS_YML + "    glossary_dir: ordbog\n", encoding="utf-8")
    assert main(["-f", str(root / "mkdocs.yml"), "new", "ord", "Levede erfaringer"], environ=ENV) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Oprettet ord: ordbog/levede-erfaringer.md"
    assert (root / "ordbog" / "levede-erfaringer.md").is_file()


def test_new_term_refuses_a_folder(root, capsys):
    assert main(["-f", str(root / "mkdocs.yml"), "new", "ord", "Håb", "--mappe", "2027"], environ=ENV) == 1
    out = capsys.readouterr()
    assert (out.out, out.err) == ("", "--mappe bruges kun til kurser; alle ord ligger direkte i glossary/.\n")
    assert not (root / "glossary" / "haab.md").exists()


# --- schemas ------------------------------------------------------------------------------


def test_schemas_next_to_mkdocs_yml(root, capsys):
    from rskole.schemas import all_schemas

    config, folder = str(root / "mkdocs.yml"), root / "schemas"
    names = sorted(all_schemas())
    assert len(names) > 1
    assert main(["-f", config, "schemas", "--check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Skemaerne i {folder} passer ikke til modellerne: ")
    assert sorted(err.split(": ", 1)[1].split(". Kør")[0].split(", ")) == names
    assert err.endswith(". Kør 'PYTHONPATH=hooks python -m rskole schemas', og commit filerne.\n")

    assert main(["-f", config, "schemas"]) == 0
    assert sorted(capsys.readouterr().out.splitlines()) == sorted(f"Skrev {folder / name}" for name in names)
    assert main(["-f", config, "schemas"]) == 0
    assert capsys.readouterr().out == f"Skemaerne i {folder} var allerede opdaterede.\n"
    assert main(["-f", config, "schemas", "--check"]) == 0
    assert capsys.readouterr().out == f"Skemaerne i {folder} passer til modellerne.\n"


# --- compile ------------------------------------------------------------------------------


@pytest.fixture
def portal(tmp_path):
    """The spec-example portal with settings MkDocs loads without the project's hooks."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "spec-example", root, ignore=shutil.ignore_patterns("mkdocs.yml"))
    (root / "mkdocs.yml").write_text(
        "site_name: Recoveryskolen Eksempel\ndocs_dir: content\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'theme'}\n  language: da\n"
        "extra:\n  portal:\n    name: Recoveryskolen Eksempel\n    contact: kontakt@example.dk\n", encoding="utf-8")
    return root


def test_compile_writes_the_tree_and_says_how_many_pages(portal, tmp_path, capsys):
    out = tmp_path / "ud"
    assert main(["-f", str(portal / "mkdocs.yml"), "compile", str(out)], environ={"PORTAL_TODAY": "2027-03-01"}) == 0
    generated = [p for p in (out / "docs").rglob("*.md") if p != out / "docs" / "index.md"
                 and 'class="rs-generated"' in p.read_text(encoding="utf-8")]
    assert capsys.readouterr().out == f"Skrev {len(generated)} sider og feeds i {out}.\n"
    assert (out / "docs" / "kurser" / "haab" / "index.md").is_file() and (out / "mkdocs.yml").is_file()


@pytest.mark.parametrize("target", [".", ".."])
def test_compile_refuses_the_project_and_its_parents(portal, capsys, target):
    out = f"{portal}/{target}"
    assert main(["-f", str(portal / "mkdocs.yml"), "compile", out], environ=ENV) == 1
    assert capsys.readouterr().err == f"{Path(out)} er projektets egen mappe; vælg en anden mappe at skrive i.\n"
    assert (portal / "courses" / "haab.yml").is_file()


@pytest.mark.parametrize("environ, line", [
    ({"PORTAL_TODAY": "i går"}, "PORTAL_TODAY: "),
    ({"PORTAL_TODAY": "2027-03-01", "BROKEN": "1"}, "courses/haab.yml:"),
])
def test_compile_reports_broken_content(portal, tmp_path, capsys, environ, line):
    if "BROKEN" in environ:
        course = portal / "courses" / "haab.yml"
        course.write_text(course.read_text(encoding="utf-8").replace("\nthemes:", "\ntemes:"), encoding="utf-8")
    out = tmp_path / "ud"
    assert main(["-f", str(portal / "mkdocs.yml"), "compile", str(out)], environ=environ) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(line)
    assert not out.exists()
