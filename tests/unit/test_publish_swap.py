"""A build is swapped in only when it has succeeded (rskole.publish)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from rskole import publish


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_staging_is_a_hidden_folder_beside_the_site(tmp_path):
    assert publish.staging_for(tmp_path / "site") == tmp_path / ".site.building"


@pytest.mark.parametrize("site, staged", [
    (Path(tempfile.gettempdir()) / "mkdocs_abc123", False),     # mkdocs serve's own folder
    (Path(tempfile.gettempdir()) / "site", True),
    (Path(tempfile.gettempdir()) / "x" / "mkdocs_abc123", True),
    (Path("/srv/mkdocs_site"), True),
    (Path("/srv/site"), True),
])
def test_only_a_served_preview_is_not_staged(site, staged):
    assert publish.should_stage(site) is staged


def test_begin_empties_what_a_killed_build_left(tmp_path):
    left = tmp_path / "ud" / ".site.building"
    left.mkdir(parents=True)
    (left / "half.html").write_text("halv")
    staging = publish.begin(tmp_path / "ud" / "site")
    assert staging == left and not staging.exists() and staging.parent.is_dir()
    assert publish.begin(tmp_path / "ny" / "site").parent.is_dir()  # the site's folder is made


def test_finish_puts_the_new_build_in_place_and_leaves_nothing_behind(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("gammel")
    (tmp_path / ".site.old").mkdir()  # left by an interrupted swap
    (tmp_path / ".site.old" / "x").write_text("x")
    staging = publish.begin(site)
    staging.mkdir()
    (staging / "index.html").write_text("ny")
    publish.finish(staging, site)
    assert tree(site) == {"index.html": "ny"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_first_build_has_no_old_site_to_move(tmp_path):
    site = tmp_path / "site"
    staging = publish.begin(site)
    staging.mkdir()
    (staging / "index.html").write_text("ny")
    publish.finish(staging, site)
    assert tree(site) == {"index.html": "ny"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_abandon_removes_the_staging_folder_and_keeps_the_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("gammel")
    staging = publish.begin(site)
    (staging / "a").mkdir(parents=True)
    (staging / "a" / "b.html").write_text("halv")
    publish.abandon(staging)
    publish.abandon(staging)  # twice, or never begun: no error
    assert not staging.exists() and tree(site) == {"index.html": "gammel"}


def test_begin_makes_every_missing_folder_above_the_site(tmp_path):
    staging = publish.begin(tmp_path / "a" / "b" / "site")
    assert staging == tmp_path / "a" / "b" / ".site.building" and staging.parent.is_dir()
