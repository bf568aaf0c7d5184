"""The compiled docs tree without a subprocess (rskole.compile): the pages as index.md
files with front matter, the front page's courses, the feeds, and mkdocs.yml rewritten
for an engine without hooks."""

from __future__ import annotations

import json
import types
from pathlib import Path

import pytest
import yaml

from rskole.compile import _as_index, _settings, compile_site
from sitekit import write_files
from test_build_compose import FILES, new_build

FOOTER = {"school": "Skolen", "crisis": [{"text": "Ring 112 ·", "href": None}]}


def fake_build(root: Path):
    """What ``_settings`` reads of a build: its root and the footer."""
    return types.SimpleNamespace(root=root, footer=lambda: FOOTER)


@pytest.mark.parametrize("src_uri, target", [
    ("kalender.md", "kalender/index.md"),
    ("kurser/haab.md", "kurser/haab/index.md"),
    ("kurser/index.md", "kurser/index.md"),
    ("index.md", "index.md"),
    ("ordbog/index.md", "ordbog/index.md"),
    ("myindex.md", "myindex/index.md"),
])
def test_each_page_keeps_its_url_as_a_folder(src_uri, target):
    assert _as_index(src_uri) == target


MKDOCS_YML = """site_name: Skolen
docs_dir: content
theme:
  name: material
  custom_dir: theme
  language: da
hooks:
  - hooks/portal.py

watch:
\t- courses
  - glossary
nav:
  - Forside: index.md
  - Kalender: kalender.md
  - Kurser:
      - Alle kurser: kurser/index.md
      - Håb: kurser/haab.md
extra:
  generator: false
"""


def test_settings_for_an_engine_without_hooks(tmp_path):
    moved = {"kalender.md": "kalender/index.md", "kurser/haab.md": "kurser/haab/index.md"}
    out = _settings(MKDOCS_YML, fake_build(tmp_path), moved)
    assert out == f"""site_name: Skolen
docs_dir: docs
theme:
  name: material
  custom_dir: {json.dumps(str((tmp_path / "theme").resolve()))}
  language: da
nav:
  - Forside: index.md
  - Kalender: kalender/index.md
  - Kurser:
      - Alle kurser: kurser/index.md
      - Håb: kurser/haab/index.md
extra:
  portal_footer: {json.dumps(FOOTER, ensure_ascii=False)}
  generator: false
"""
    data = yaml.safe_load(out)
    assert data["extra"]["portal_footer"] == FOOTER and "hooks" not in data and "watch" not in data


def test_settings_without_extra_get_one_for_the_footer(tmp_path):
    out = _settings("site_name: Skolen\nhooks: [hooks/portal.py]\nwatch:\n- courses\n", fake_build(tmp_path), {})
    assert out == "site_name: Skolen\nextra:\n  portal_footer: " + json.dumps(FOOTER, ensure_ascii=False) + "\n"


def test_settings_keep_keys_that_only_start_like_dropped_ones(tmp_path):
    text = "hooks_note: 1\nwatcher: 2\nmarkdown_extensions:\n  - toc\nextra:\n  a: 1\n"
    out = _settings(text, fake_build(tmp_path), {})
    assert yaml.safe_load(out) == {"hooks_note": 1, "watcher": 2, "markdown_extensions": ["toc"],
                                   "extra": {"portal_footer": FOOTER, "a": 1}}


def page_of(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def test_compile_writes_the_whole_tree(tmp_path):
    # One test for one compile: mutmut runs, for a mutant, only the tests that called the
    # mutated function, and a shared fixture would count for the first of them only.
    root = tmp_path / "project"
    write_files(root, {**FILES, "mkdocs.yml": "site_name: Skolen\ndocs_dir: content\nhooks:\n  - hooks/portal.py\n"
                       "nav:\n  - Kalender: kalender.md\n"})
    out = tmp_path / "out"
    (out / "stale").mkdir(parents=True)  # emptied first
    build = new_build(root)
    written = compile_site(build, root / "mkdocs.yml", out)

    # Every generated page, as <page>/index.md with its front matter and its body.
    assert sorted(written) == sorted(build.finished)
    assert not (out / "stale").exists()
    front, body = page_of(out / "docs" / "kurser" / "haab" / "index.md")
    assert front == build.finished["kurser/haab.md"].front_matter
    page = build.finished["kurser/haab.md"]
    assert body == f'\n{page.head}\n<div class="rs-generated">\n{page.html}\n</div>\n'
    # A page without structured data starts with its body.
    _, body = page_of(out / "docs" / "kalender" / "index.md")
    assert body == f'\n<div class="rs-generated">\n{build.finished["kalender.md"].html}\n</div>\n'
    assert (out / "docs" / "kurser" / "index.md").is_file() and not (out / "docs" / "kurser" / "index" / "index.md").exists()

    # The editors' pages copied; the front page's copy ends with the next courses.
    assert (out / "docs" / "om" / "index.md").read_text(encoding="utf-8") == FILES["content/om/index.md"]
    home = (out / "docs" / "index.md").read_text(encoding="utf-8")
    assert home == (FILES["content/index.md"].rstrip("\n") + '\n\n<div class="rs-generated">\n'
                    + build.home_after("") + "\n</div>\n")
    assert 'href="kurser/haab/"' in home
    assert (root / "content" / "index.md").read_text(encoding="utf-8") == FILES["content/index.md"]

    # The feeds beside the pages, and the settings for an engine without hooks.
    assert "SUMMARY:Håb & recovery" in (out / "docs" / "kurser" / "haab.ics").read_text(encoding="utf-8")
    assert (out / "docs" / "kurser.json").is_file()
    settings = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert settings == {"site_name": "Skolen", "docs_dir": "docs", "nav": [{"Kalender": "kalender/index.md"}],
                        "extra": {"portal_footer": build.footer()}}
