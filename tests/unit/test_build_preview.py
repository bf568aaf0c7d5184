"""A served preview (``mkdocs serve``) keeps finished pages between rebuilds: a rebuild
must still show every change an editor or developer makes outside the page's own file
(a glossary definition, a template, mkdocs.yml's Markdown settings)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rskole import memo
from sitekit import write_files
from test_build_compose import FILES, THEME, config
from rskole.build import Build


@pytest.fixture(autouse=True)
def fresh_memos():
    for cache in (memo.PAGES, memo.WRITTEN, memo.SOURCES, memo.MARKDOWN, memo.EVENTS):
        cache.clear()
    yield
    for cache in (memo.PAGES, memo.WRITTEN, memo.SOURCES, memo.MARKDOWN, memo.EVENTS):
        cache.clear()


def served(root: Path, theme: Path = THEME, extensions: list | None = None) -> Build:
    """One rebuild of ``mkdocs serve``: from the files as they are now."""
    cfg = config(root)
    cfg["theme"].dirs = [str(theme)]
    cfg["markdown_extensions"] = extensions or []
    build = Build.from_mkdocs(cfg, {"PORTAL_TODAY": "2027-02-01"})
    build.keep_pages = True
    build.load()
    build.compose()
    return build


def test_a_changed_definition_changes_the_tooltips_on_course_pages(tmp_path):
    write_files(tmp_path, FILES)
    assert 'title="Fem elementer i personlig recovery og i CHIME."' in served(tmp_path).finished["kurser/haab.md"].html
    write_files(tmp_path, {"glossary/chime.md": FILES["glossary/chime.md"].replace("Fem elementer", "De fem dele")})
    assert 'title="De fem dele i personlig recovery og i CHIME."' in served(tmp_path).finished["kurser/haab.md"].html


def test_an_edited_template_shows_on_the_next_rebuild(tmp_path):
    write_files(tmp_path, FILES)
    theme = tmp_path / "theme"
    shutil.copytree(THEME / "portal", theme / "portal")
    before = served(tmp_path, theme).finished["steder/biblioteket.md"].html
    place = theme / "portal" / "place.html"
    place.write_text(place.read_text(encoding="utf-8") + "<p>Ny linje</p>\n", encoding="utf-8")
    after = served(tmp_path, theme).finished["steder/biblioteket.md"].html
    assert "Ny linje" not in before and after.endswith("</p>\n<p>Ny linje</p>")


def test_new_markdown_settings_change_the_editors_text(tmp_path):
    write_files(tmp_path, {**FILES, "courses/haab.yml": FILES["courses/haab.yml"].replace(
        "  Om personlig recovery.", "  Om personlig recovery.\n  Hver onsdag.")})
    plain = served(tmp_path).finished["kurser/haab.md"].html
    (tmp_path / "mkdocs.yml").write_text("site_name: Skolen\nmarkdown_extensions: [nl2br]\n", encoding="utf-8")
    broken = served(tmp_path, extensions=["nl2br"]).finished["kurser/haab.md"].html
    assert "recovery</a>.\nHver onsdag." in plain
    assert "recovery</a>.<br>\nHver onsdag." in broken
