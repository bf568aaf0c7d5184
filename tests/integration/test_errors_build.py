"""A wrong file fails the build with every located problem, and no traceback."""

from __future__ import annotations

import hashlib

from sitekit import run_build


BROKEN = {
    "courses/haab.yml": None,  # replaced below
}


def test_broken_files_fail_with_all_problems(project):
    root = project(files={
        "courses/brudt.yml": """
            title: Brudt
            summary: x
            description: y
            themes: [hope]
            audiences: [citizens]
            teachers: [karsten-holm]
            location: vaerkstedet
            sesions: []
        """,
        "glossary/chime.md": """
            ---
            term: CHIME
            see_also: [forbundenhed]
            ---
            Fem elementer.
        """,
    })
    for strict in (True, False):
        result = run_build(root, strict=strict)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        assert "courses/brudt.yml:6: kurset har ingen underviser med levede erfaringer" in result.stderr
        assert "courses/brudt.yml:8: ukendt felt 'sesions' (mente du 'sessions'?)" in result.stderr
        assert "glossary/chime.md:3: see_also nævner 'forbundenhed', som ikke er et ord i ordbogen" in result.stderr


def test_bad_settings_fail_located(project):
    root = project()
    text = (root / "mkdocs.yml").read_text().replace("    contact: kontakt@example.dk", "    contact: kontakt@example.dk\n    timezone: Europe/Kobenhavn")
    (root / "mkdocs.yml").write_text(text)
    result = run_build(root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml:18: extra.portal.timezone: 'Europe/Kobenhavn' er ikke en kendt tidszone" in result.stderr


def test_bad_portal_today_fails_plainly(project):
    result = run_build(project(), today="i morgen")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "PORTAL_TODAY: PORTAL_TODAY='i morgen' er ikke en dato" in result.stderr


def digest(root):
    out = {}
    for folder in ("courses", "glossary", "content"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                out[str(path.relative_to(root))] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    return out


def test_build_never_changes_editor_files(project):
    root = project()
    before = digest(root)
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    assert digest(root) == before
    # and nothing was generated into the editors' folders
    assert not (root / "content" / "kurser").exists()
