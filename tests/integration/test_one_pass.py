"""One pass: the core finishes every generated page once, before any page is rendered;
"Bruges i" does not depend on the order pages are processed; the adapter holds no state
of its own; an editor's page at a generated path is a located error."""

from __future__ import annotations

import ast
import os
import random
import sys

import pytest

from sitekit import REPO, make_project, run_build, site_files


def _config(root):
    from mkdocs.config import load_config

    sys.path.insert(0, str(root / "hooks"))
    os.environ["PORTAL_TODAY"] = "2027-03-01"
    return load_config(str(root / "mkdocs.yml"))


@pytest.fixture()
def project(tmp_path):
    return make_project(tmp_path / "p", "portal")


def _real_build(project, site, monkeypatch):
    """``mkdocs build`` of ``project`` into ``site`` in this process: its config."""
    from mkdocs.commands.build import build

    monkeypatch.setenv("PORTAL_TODAY", "2027-03-01")
    monkeypatch.syspath_prepend(str(project / "hooks"))
    config = _config(project)
    config["site_dir"] = str(site)
    build(config)
    return config


def test_every_generated_page_is_laid_out_exactly_once_in_a_real_build(project, tmp_path, monkeypatch):
    config = _real_build(project, tmp_path / "site", monkeypatch)
    adapter = config["rskole_adapter"]
    specs = adapter.build.specs
    assert len(specs) > 50
    assert adapter.build.renders == {src: 1 for src in specs}


def test_term_usage_is_the_same_whatever_the_order(project, monkeypatch):
    from rskole.build import Build

    monkeypatch.syspath_prepend(str(project / "hooks"))
    config = _config(project)
    reference = None
    for seed in range(4):
        b = Build.from_mkdocs(config, {"PORTAL_TODAY": "2027-03-01"})
        b.load()
        rng = random.Random(seed)
        items = list(b.specs.items())
        rng.shuffle(items)
        b.specs = dict(items)  # the engine's order of pages, shuffled
        pages = b.content_pages()
        rng.shuffle(pages)
        b._content = pages
        finished = b.compose()
        terms = {src: f.html for src, f in finished.items() if f.spec.kind == "term"}
        if reference is None:
            reference = terms
            # A term used in a course description and on a content page lists both.
            usage = b.usage["levede-erfaringer"]
            assert any(t.startswith("Kursus: ") for t in usage.values())
            assert any(not t.startswith("Kursus: ") for t in usage.values())
        assert terms == reference


def test_editor_page_at_a_generated_path_is_an_error(tmp_path):
    root = make_project(tmp_path / "p", "spec-example", files={"content/kurser/index.md": "# Mine kurser\n"})
    result = run_build(root)
    assert result.returncode == 1
    assert ("content/kurser/index.md:1: siden ligger, hvor portalen selv laver siden /kurser/; "
            "flyt eller omdøb filen (portalens egne sider kan ikke erstattes)") in result.stderr
    assert "Traceback" not in result.stderr


def test_the_adapter_holds_no_module_level_state():
    tree = ast.parse((REPO / "hooks" / "portal.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            value = node.value
            # Only constant names (a str key, or a tuple of them) may be bound at module
            # level, and an event made of two handlers (MkDocs' CombinedEvent, which holds
            # only the functions).
            combined = (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "CombinedEvent"
                        and all(isinstance(arg, ast.Name) for arg in value.args))
            names = isinstance(value, ast.Tuple) and all(
                isinstance(item, ast.Constant) and isinstance(item.value, str) for item in value.elts)
            assert combined or names or (isinstance(value, ast.Constant) and isinstance(value.value, str)), ast.dump(node)[:120]
        assert not isinstance(node, ast.Global)
    assert "global " not in (REPO / "hooks" / "portal.py").read_text(encoding="utf-8")


def test_mkdocs_runs_markdown_only_over_the_editors_pages(project, tmp_path, monkeypatch):
    """A generated page reaches MkDocs finished: no Markdown instance is built for it
    (MkDocs' Page.render builds one per page, with every extension, even for "")."""
    import markdown

    made = []
    real_init = markdown.Markdown.__init__

    def counting_init(self, *args, **kwargs):
        made.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "__init__", counting_init)
    config = _real_build(project, tmp_path / "site", monkeypatch)
    adapter = config["rskole_adapter"]
    editors_pages = len(adapter.build.content_pages())
    assert len(adapter.build.specs) > 50 and editors_pages > 3
    # One per editor's page (MkDocs), the core's own one for editors' fields, and the one
    # MkDocs' config check makes to try the extensions.
    assert len(made) == editors_pages + 2
    # And the generated pages are there, with the core's bodies.
    html = (tmp_path / "site" / "kurser" / "haab-i-hverdagen" / "index.html").read_text(encoding="utf-8")
    assert "Datoer og tider" in html


def test_the_worker_beside_mkdocs_gives_the_site_a_build_without_it_gives(project, tmp_path, monkeypatch):
    """A one-off build reads the generated pages for search as it composes them (on both
    of compose's processes), and its worker writes the feeds from when the term pages are
    composed (forced here: the fixture is too small for either). Every file, the search
    index and the feeds included, is the one a build without workers writes."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform: no worker")
    alone = run_build(project, today="2027-03-01", site=tmp_path / "alone")
    assert alone.returncode == 0, alone.stderr
    from rskole import background

    made = []

    class Recorded(background.Prefetch):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(background, "MINIMUM", 0)
    monkeypatch.setattr(background, "Prefetch", Recorded)
    # Who takes a page's indexed part, by process: only the worker should.
    import os

    from rskole.build import Finished

    taken = []
    indexed_part = Finished.search_html.fget

    def counted(page):
        taken.append(os.getpid())
        return indexed_part(page)

    monkeypatch.setattr(Finished, "search_html", property(counted))
    # When the term pages are laid out (alone, last in compose), the feeds' worker runs.
    from rskole.build import Build

    feeds_running_at_terms = []
    finish = Build._finish

    def noted(self, spec):
        if spec.kind == "term":
            feeds_running_at_terms.append(self._beside is not None and self._beside.working)
        return finish(self, spec)

    monkeypatch.setattr(Build, "_finish", noted)
    config = _real_build(project, tmp_path / "helped", monkeypatch)
    build = config["rskole_adapter"].build
    assert feeds_running_at_terms and all(feeds_running_at_terms)
    assert len(made) == 1  # the one beside MkDocs (compose's worker is a background.Meet)
    beside = made[0]
    # Every searched generated page was read as it was composed, and the index took each
    # reading (none is left); the worker beside MkDocs read none and wrote the feeds; nobody
    # took a finished page's indexed part to read it again.
    searched = [page for page in build.finished.values() if page.searched]
    assert 0 < len(searched) < len(build.finished)
    assert build.read_by_search == {}
    assert beside.from_worker == 1
    assert taken == []
    assert build._beside is None and multiprocessing.active_children() == []
    a, b = site_files(alone.site), site_files(tmp_path / "helped")
    assert sorted(a) == sorted(b)
    assert {"search/search_index.json", "kalender.ics", "kurser.json", "feed.xml"} <= set(a)
    assert [name for name in a if a[name] != b[name]] == []
