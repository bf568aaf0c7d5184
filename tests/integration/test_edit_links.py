"""Each generated page's edit button opens the editor's own file."""

from __future__ import annotations

from sitekit import run_build


def test_edit_links_point_at_editor_files(project):
    root = project()
    text = (root / "mkdocs.yml").read_text()
    text = text.replace("docs_dir: content\n", "docs_dir: content\nrepo_url: https://github.com/example/portal\nedit_uri: edit/main/content/\n")
    text = text.replace("  font: false\n", "  font: false\n  features:\n    - content.action.edit\n")
    (root / "mkdocs.yml").write_text(text)
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    base = "https://github.com/example/portal/edit/main/"
    assert f'href="{base}courses/haab.yml"' in result.html("kurser/haab/index.html")
    assert f'href="{base}courses/_teachers.yml"' in result.html("undervisere/anne-madsen/index.html")
    assert f'href="{base}courses/_locations.yml"' in result.html("steder/vaerkstedet/index.html")
    assert f'href="{base}glossary/chime.md"' in result.html("ordbog/chime/index.html")
    assert f'href="{base}content/index.md"' in result.html("index.html")
    # pages made from many files have no single file to edit
    assert f'href="{base}' not in result.html("kurser/index.html")
