"""`python -m rskole check` says exactly what `mkdocs build` says about content: the same
`path:line: message` lines in the same order, and the same exit status. And what
`python -m rskole new` makes builds."""

from __future__ import annotations

import os
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
}


def run_check(root, today=TODAY, config=None, cwd=None):
    env = dict(os.environ, PORTAL_TODAY=today, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root / "hooks"))
    cmd = [sys.executable, "-m", "rskole", "check", "-f", str(config or root / "mkdocs.yml")]
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
