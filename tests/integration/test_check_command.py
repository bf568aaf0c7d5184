"""`python -m rskole check` says exactly what `mkdocs build` says about content: the same
`path:line: message` lines in the same order, and the same exit status. And what
`python -m rskole new` makes builds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from sitekit import REPO, run_build

TODAY = "2026-11-22"

# Broken projects (files on top of the spec-example fixture), each with several kinds of
# mistake, so that together they reach every layer: YAML, the models, cross-file rules,
# times, the glossary, file names and settings.
BROKEN: dict[str, dict] = {
    "keys-and-teachers": {
        "courses/brudt.yml": """
            title: Brudt
            summary: x
            description: y
            themes: [hoep]
            audiences: [citizens]
            teachers: [karsten-holm, anne-madsn]
            location: vaerksted
            sesions: []
        """,
        "glossary/chime.md": """
            ---
            term: CHIME
            see_also: [forbundenhed]
            ---
            Fem elementer.
        """,
    },
    "yaml-and-times": {
        "courses/syntaks.yml": "title: [Håb\nsummary: x\n",
        "courses/tider.yml": """
            title: Tider
            summary: x
            description: y
            themes: [hope]
            audiences: [citizens]
            teachers: [anne-madsen, karsten-holm]
            location: vaerkstedet
            sessions:
              - date: 2027-02-30
                start: "10:00"
                end: "12:00"
              - date: 2027-03-03
                start: "25:00"
                end: "12:00"
              - date: 2027-03-10
                start: "12:00"
                end: "10:00"
              - date: 2027-03-17
                start: "10:00"
                end: "12:00"
                weekly: 3
                except: [2027-03-18]
              - date: 2027-03-28
                start: "02:30"
                end: "04:00"
        """,
        "courses/dobbelt.yml": """
            title: En
            title: To
        """,
    },
    "files-and-places": {
        "courses/Håb Og Mod.yml": "title: x\n",
        "courses/2027-foraar/haab.yml": "title: x\n",
        "courses/noter.txt": "hej\n",
        "courses/_locations.yml": """
            vaerkstedet:
              name: Værkstedet
            Biblioteket:
              name: Biblioteket
              address: Bibliotekvej 1
        """,
        "courses/online.yml": """
            title: Online
            summary: x
            description: y
            themes: [hope]
            audiences: [professionals]
            teachers: [anne-madsen, karsten-holm]
            format: online
            location: vaerkstedet
            online_url: http://moede.example.dk
            capacity: 0
            registration:
              note: Skriv til os.
        """,
    },
    "glossary": {
        "glossary/ny.md": "Ingen front matter.\n",
        "glossary/tom.md": "---\nterm: Tom\n---\n",
        "glossary/Forkert Navn.md": "---\nterm: X\n---\nY.\n",
        "glossary/kopi.md": "---\nterm: Erfaringskompetence\nforms: [levede erfaringer]\n---\nKopi.\n",
        "glossary/noter.txt": "hej\n",
    },
    "teachers": {
        "courses/_teachers.yml": """
            anne-madsen:
              name: Anne Madsen
              role: peer-ish
            karsten-holm:
              role: professional
              titel: Psykolog
        """,
    },

    "editors-own-words": {
        "courses/dansk.yml": """
            title: Dansk
            summery: x
            description: |
              Om håb.
            Kurset er for alle: også pårørende
            themes: [haab]
            audiences: [borgere]
            teachers: [anne-madsen, karsten-holm]
            format: fremmøde
            location: vaerkstedet
            status: åben
            sessions:
              - date: 2027-03-03
                start: 9.00
                end: "12:00"
        """,
    },
}


def run_check(root, today=TODAY, config=None, cwd=None, args=(), **env_vars):
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_WORKSPACE"}  # as on an editor's machine
    env.update(PORTAL_TODAY=today, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root / "hooks"), **env_vars)
    cmd = [sys.executable, "-m", "rskole", "check", "-f", str(config or root / "mkdocs.yml"), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd or root, timeout=60)


def check_lines(stderr: str) -> list[str]:
    """The check's problem lines: everything but its closing summary line."""
    lines = stderr.splitlines()
    assert lines and lines[-1].startswith("Tjekket fandt "), stderr
    return lines[:-1]


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_check_says_what_the_build_says(project, case):
    root = project(files=BROKEN[case])
    build = run_build(root, today=TODAY)
    check = run_check(root)
    assert build.returncode == 1 and check.returncode == 1
    assert "Traceback" not in check.stderr + check.stdout
    assert build.problems(), build.stderr
    assert check_lines(check.stderr) == build.problems()
    assert check.stdout == ""


# A GitHub Actions workflow command: "::error file=F,line=L::message" (properties optional).
WORKFLOW_COMMAND = re.compile(r"::error(?: (?P<props>[^:]*))?::(?P<message>.*)")


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse_annotation(line: str) -> tuple[str | None, int | None, str]:
    """(file, line, message) of one workflow command; fails on anything else."""
    match = WORKFLOW_COMMAND.fullmatch(line)
    assert match, f"not a GitHub Actions workflow command: {line!r}"
    props = {}
    for prop in (match["props"] or "").split(","):
        if prop:
            key, _, value = prop.partition("=")
            assert key in ("file", "line") and key not in props, line
            props[key] = unescape(value)
    assert "\n" not in match["message"] and "\r" not in match["message"]
    return props.get("file"), int(props["line"]) if "line" in props else None, unescape(match["message"])


def plain(problem_line: str) -> tuple[str, int | None, str]:
    """(file, line, message) of a 'path:line: message' line (line None for a whole file)."""
    match = re.fullmatch(r"(?P<path>.+?):(?P<line>\d+): (?P<message>.*)", problem_line)
    if match:
        return match["path"], int(match["line"]), match["message"]
    path, _, message = problem_line.partition(": ")
    return path, None, message


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_github_format_annotates_every_problem_on_its_file_and_line(project, case):
    root = project(files=BROKEN[case])
    text = run_check(root)
    github = run_check(root, args=["--format", "github"])
    assert github.returncode == 1 and "Traceback" not in github.stderr + github.stdout
    annotations = [parse_annotation(line) for line in github.stdout.splitlines()]
    expected = [plain(line) for line in check_lines(text.stderr)]
    assert annotations == expected
    assert all((root / path).is_file() for path, _, _ in annotations)
    # The plain lines still go to the log: GitHub shows at most 10 annotations per step.
    assert github.stderr == text.stderr


def test_github_format_names_files_from_the_repository_root(project):
    root = project(files=BROKEN["editors-own-words"])
    github = run_check(root, args=["--format", "github"], GITHUB_WORKSPACE=str(root.parent))
    files = {parse_annotation(line)[0] for line in github.stdout.splitlines()}
    assert files == {f"{root.name}/courses/dansk.yml"}


def test_github_format_without_a_file(project):
    github = run_check(project(), today="i morgen", args=["--format", "github"])
    assert github.returncode == 1
    assert [parse_annotation(line) for line in github.stdout.splitlines()] == [
        (None, None, "PORTAL_TODAY: PORTAL_TODAY='i morgen' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD")
    ]


def test_editors_own_words_get_one_located_problem_each(project):
    root = project(files=BROKEN["editors-own-words"])
    assert check_lines(run_check(root).stderr) == [
        "courses/dansk.yml:2: ukendt felt 'summery' (mente du 'summary'?); tilladte felter: title, summary, description, "
        "learning_outcomes, themes, audiences, teachers, format, location, online_url, online_url_public, capacity, "
        "status, drop_in, registration, glossary, sessions",
        "courses/dansk.yml:5: ukendt felt 'Kurset er for alle'; linjen hører måske til teksten ovenfor: "
        "ryk den ind med mellemrum som linjerne over",
        "courses/dansk.yml:6: 'themes': 'haab' er ikke et CHIME-tema (mente du 'hope' (håb og optimisme)?); mulige værdier: "
        "connectedness (forbundethed), hope (håb og optimisme), identity (identitet), meaning (mening), empowerment",
        "courses/dansk.yml:7: 'audiences': 'borgere' er ikke en målgruppe (mente du 'citizens' (borgere)?); mulige værdier: "
        "citizens (borgere), relatives (pårørende), professionals (fagprofessionelle)",
        "courses/dansk.yml:9: 'format': 'fremmøde' er ikke en kursusform (mente du 'in-person' (fremmøde)?); mulige værdier: "
        "in-person (fremmøde), online, hybrid (fremmøde eller online)",
        "courses/dansk.yml:11: 'status': 'åben' er ikke en status (mente du 'open' (åben)?); mulige værdier: "
        "open (åben), waitlist (venteliste), full (fuldt booket), cancelled (aflyst)",
        "courses/dansk.yml:14: 'start': '9.00' er ikke et klokkeslæt; skriv klokkeslættet som \"09:00\"",
    ]


def test_check_from_another_folder_gives_the_same_paths(project, tmp_path):
    root = project(files=BROKEN["keys-and-teachers"])
    here = run_check(root)
    elsewhere = run_check(root, cwd=tmp_path)
    assert here.stderr == elsewhere.stderr and elsewhere.returncode == 1


@pytest.mark.parametrize("edit, today", [
    (("    contact: kontakt@example.dk", "    contact: kontakt@example.dk\n    timezone: Europe/Kobenhavn"), TODAY),
    (("    contact: kontakt@example.dk", "    contact: kontakt@example.dk\n    navn: X"), TODAY),
    (("  portal:\n    name: Recoveryskolen Eksempel\n", "  portal:\n"), TODAY),
    (("  portal:", "  portl:"), TODAY),
    (None, "i morgen"),
])
def test_settings_problems_are_the_builds(project, edit, today):
    root = project()
    if edit:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        assert edit[0] in text
        (root / "mkdocs.yml").write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    build = run_build(root, today=today)
    check = run_check(root, today=today)
    assert build.returncode == 1 and check.returncode == 1
    lines = [line for line in build.stderr.splitlines() if not line.startswith(("INFO", "ERROR", "WARNING", "Aborted"))]
    assert lines, build.stderr
    assert check_lines(check.stderr) == lines


def test_valid_content_passes_with_counts(project):
    root = project()
    build = run_build(root, today=TODAY)
    check = run_check(root)
    assert build.returncode == 0 and check.returncode == 0, check.stderr
    assert check.stdout == "Alt indhold er i orden: 1 kursus, 2 undervisere, 2 steder, 5 ord.\n"
    assert check.stderr == ""


def test_the_sample_site_passes_quickly(project):
    root = project("portal")
    env = dict(os.environ, PYTHONPATH=str(REPO / "hooks"), NO_MKDOCS_2_WARNING="1", PORTAL_TODAY=TODAY)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "rskole", "check"], capture_output=True, text=True, env=env, cwd=root, timeout=60)
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    courses = [p for p in (root / "courses").rglob("*.yml") if not p.name.startswith("_")]
    terms = list((root / "glossary").glob("*.md"))
    assert proc.stdout.startswith(f"Alt indhold er i orden: {len(courses)} kurser, ")
    assert proc.stdout.rstrip().endswith(f"{len(terms)} ord.")
    # "Well under a second" on a quiet machine (~0.4 s); generous here for loaded CI runners.
    assert elapsed < 5, elapsed


def test_check_script_runs_the_check(project):
    root = project("portal")
    proc = subprocess.run(["bash", str(REPO / "scripts" / "check.sh"), "-f", str(root / "mkdocs.yml")], capture_output=True,
                          text=True, timeout=60, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PORTAL_TODAY=TODAY), cwd="/")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Alt indhold er i orden: ")


def run_new(root, *args):
    env = dict(os.environ, PORTAL_TODAY=TODAY, PYTHONPATH=str(root / "hooks"))
    return subprocess.run([sys.executable, "-m", "rskole", "new", *args], capture_output=True, text=True,
                          env=env, cwd=root, timeout=60)


def test_scaffolded_files_build(project):
    root = project()
    course = run_new(root, "kursus", "Håb og mod")
    nested = run_new(root, "kursus", "Søvn og stress", "--mappe", "2027-foraar")
    term = run_new(root, "ord", "Håbets kraft")
    assert (course.returncode, nested.returncode, term.returncode) == (0, 0, 0), course.stderr + nested.stderr + term.stderr
    assert "Oprettet kursusfil: courses/haab-og-mod.yml" in course.stdout
    assert (root / "courses" / "2027-foraar" / "soevn-og-stress.yml").is_file()
    assert (root / "glossary" / "haabets-kraft.md").is_file()

    assert run_check(root).returncode == 0
    result = run_build(root, today=TODAY)
    assert result.returncode == 0, result.stderr
    page = result.html("kurser/haab-og-mod/index.html")
    assert "<h1>Håb og mod</h1>" in page
    assert "Anne Madsen" in page and "Karsten Holm" in page and "Værkstedet" in page
    assert "<h1>Søvn og stress</h1>" in result.html("kurser/soevn-og-stress/index.html")
    assert "Håbets kraft" in result.html("ordbog/haabets-kraft/index.html")


def test_scaffold_refuses_to_overwrite(project):
    root = project()
    before = (root / "courses" / "haab.yml").read_bytes()
    again = run_new(root, "kursus", "Håb")
    assert again.returncode == 1
    assert "courses/haab.yml findes allerede; den bliver ikke overskrevet" in again.stderr
    assert (root / "courses" / "haab.yml").read_bytes() == before
    elsewhere = run_new(root, "kursus", "Håb", "--mappe", "2027-foraar")
    assert elsewhere.returncode == 1
    assert "der findes allerede et kursus med navnet 'haab' (courses/haab.yml)" in elsewhere.stderr.lower()
    assert not (root / "courses" / "2027-foraar").exists()
