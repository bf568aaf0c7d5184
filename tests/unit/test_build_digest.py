"""``mkdocs serve --dirty``: a rebuild rewrites a page exactly when what it shows has
changed (rskole.build.Build.page_digest, unchanged, written)."""

from __future__ import annotations

import shutil

from sitekit import write_files
from test_build_compose import FILES, THEME
from test_build_preview import fresh_memos, served  # noqa: F401 (fixture)


def test_a_new_course_title_alone_rewrites_the_course_page(tmp_path):
    write_files(tmp_path, FILES)
    before = served(tmp_path).page_digest("kurser/haab.md")
    # The title is in the page's <title> and <h1> (front matter), not in its body.
    write_files(tmp_path, {"courses/haab.yml": FILES["courses/haab.yml"].replace("Håb & recovery", "Håb og mod")})
    assert served(tmp_path).page_digest("kurser/haab.md") != before


def test_an_edited_template_rewrites_the_editors_pages_too(tmp_path):
    write_files(tmp_path, FILES)
    theme = tmp_path / "theme"
    shutil.copytree(THEME / "portal", theme / "portal")
    before = served(tmp_path, theme).page_digest("om/index.md", FILES["content/om/index.md"])
    (theme / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    assert served(tmp_path, theme).page_digest("om/index.md", FILES["content/om/index.md"]) != before


def test_a_changed_front_matter_alone_rewrites_an_editors_page(tmp_path):
    # As the adapter asks: unchanged() before the page is written, then written().
    write_files(tmp_path, FILES)
    dest = tmp_path / "site" / "om" / "index.html"
    dest.parent.mkdir(parents=True)
    dest.write_text("x")
    first = served(tmp_path)
    source = FILES["content/om/index.md"]
    assert not first.unchanged("om/index.md", str(dest), source)
    first.written("om/index.md", str(dest), source)
    same = served(tmp_path)
    assert same.unchanged("om/index.md", str(dest), source)
    retitled = source.replace("title: Om skolen", "title: Om os")
    write_files(tmp_path, {"content/om/index.md": retitled})
    assert not served(tmp_path).unchanged("om/index.md", str(dest), retitled)


def test_a_retitled_editors_page_rewrites_the_pages_whose_navigation_shows_it(tmp_path):
    write_files(tmp_path, FILES)
    before = served(tmp_path).page_digest("steder/biblioteket.md")
    # Only the front matter's title changes: the navigation of every page shows it.
    write_files(tmp_path, {"content/om/index.md": FILES["content/om/index.md"].replace("title: Om skolen", "title: Om os")})
    assert served(tmp_path).page_digest("steder/biblioteket.md") != before
