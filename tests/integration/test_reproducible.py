"""Two builds of the same content give the same bytes in every file of the site.

The performance work (issue 17) caches and reorders work; this is what keeps it honest:
the sample portal is built twice, in two fresh processes, into two folders, and every
file of the two sites is compared byte for byte (pages, search index, feeds, calendars,
sitemap, headers, assets).
"""

from __future__ import annotations

from pathlib import Path

from sitekit import make_project, run_build, site_files as _files


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path):
    root = make_project(tmp_path / "project", fixture="portal")
    first = run_build(root, site=tmp_path / "site-1")
    assert first.returncode == 0, first.stderr
    second = run_build(root, site=tmp_path / "site-2")
    assert second.returncode == 0, second.stderr
    a, b = _files(first.site), _files(second.site)
    assert sorted(a) == sorted(b)
    # A real site: pages, feeds and the search index are all there.
    for name in ("index.html", "kurser/index.html", "kalender.ics", "kurser.json", "feed.xml",
                 "search/search_index.json", "sitemap.xml", "_headers"):
        assert name in a
    assert len([n for n in a if n.endswith("index.html")]) > 20
    differ = [name for name in a if a[name] != b[name]]
    assert differ == []


def test_the_navigation_laid_out_once_per_folder_is_the_navigation_material_lays_out(tmp_path):
    """theme/partials/nav.html hands the navigation of pages outside it to
    rskole/fragments.py, which lays it out once per folder. The same project with
    Material's own partials/nav.html gives the same bytes in every file."""
    import material

    ours = make_project(tmp_path / "ours", fixture="portal")
    theirs = make_project(tmp_path / "theirs", fixture="portal")
    material_nav = Path(material.__file__).parent / "templates" / "partials" / "nav.html"
    (theirs / "theme" / "partials" / "nav.html").write_bytes(material_nav.read_bytes())
    a_build, b_build = run_build(ours, site=tmp_path / "site-ours"), run_build(theirs, site=tmp_path / "site-theirs")
    assert a_build.returncode == 0 and b_build.returncode == 0, a_build.stderr + b_build.stderr
    a, b = _files(a_build.site), _files(b_build.site)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    # Pages outside the navigation, in folders of their own, were compared.
    assert {"kurser/haab-i-hverdagen/index.html", "ordbog/chime/index.html"} <= set(a)
    assert a["kurser/haab-i-hverdagen/index.html"].count(b'class="md-nav md-nav--primary"') == 1


def test_blocks_kept_by_folder_are_the_blocks_every_page_lays_out(tmp_path):
    """theme/main.html hands its styles, scripts, configuration, header and footer to
    rskole/fragments.py, which lays each out once per folder (the header with a hole for
    the title). The same project laying them out on every page gives the same bytes in
    every file."""
    ours = make_project(tmp_path / "ours", fixture="portal")
    theirs = make_project(tmp_path / "theirs", fixture="portal")
    main = theirs / "theme" / "main.html"
    text = main.read_text(encoding="utf-8")
    assert text.count("portal_kept is defined") == 5
    main.write_text(text.replace("portal_kept is defined", "false"), encoding="utf-8")
    # Editors' pages outside the navigation, in one folder: with and without a table of
    # contents (the skip link), with and without a meta title (the title shown).
    for project in (ours, theirs):
        notes = project / "content" / "noter"
        notes.mkdir()
        (notes / "a.md").write_text("# Første note\n\nTekst.\n\n## Et afsnit\n\nMere.\n", encoding="utf-8")
        (notes / "b.md").write_text("Tekst uden overskrifter.\n", encoding="utf-8")
        (notes / "c.md").write_text("---\ntitle: Note med titel\n---\n\n# Overskrift\n\nTekst.\n", encoding="utf-8")
        (notes / "d.md").write_text("---\ntitle: Anden note med titel\n---\n\nTekst.\n", encoding="utf-8")
        (notes / "e.md").write_text("# Femte note\n\nTekst.\n", encoding="utf-8")
    a_build, b_build = run_build(ours, site=tmp_path / "site-ours"), run_build(theirs, site=tmp_path / "site-theirs")
    assert a_build.returncode == 0 and b_build.returncode == 0, a_build.stderr + b_build.stderr
    a, b = _files(a_build.site), _files(b_build.site)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    # Pages of one folder: each header shows its own title.
    for name, title in [("noter/a/index.html", "Første note"), ("noter/e/index.html", "Femte note"),
                        ("noter/d/index.html", "Anden note med titel"),("kurser/haab-i-hverdagen/index.html", "Håb i hverdagen"),
                        ("kurser/soevn-og-hvile/index.html", "Søvn, hvile og gode rutiner")]:
        page = a[name].decode("utf-8")
        topic = page.split('data-md-component="header-topic"', 1)[1].split("</span>", 1)[0]
        assert title in topic, (name, topic)


FRAMES_SCRIPT = '''
import json, logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").setLevel(logging.ERROR)
config = load_config(sys.argv[1] + "/mkdocs.yml", site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build(config)
frames = config["rskole_adapter"].frames
print(json.dumps({"filled": frames.filled, "refused": frames.refused, "shapes": len(frames._kept)}))
'''


def _without_frames(project: Path) -> None:
    hook = project / "hooks" / "portal.py"
    text = hook.read_text(encoding="utf-8")
    assert text.count("    if _frames_apply(config):\n") == 1
    hook.write_text(text.replace("    if _frames_apply(config):\n", "    if False:\n"), encoding="utf-8")


def test_a_site_with_edit_links_lays_its_pages_out_as_material_does(tmp_path):
    """With repo_url, a page of an editor's file has its own edit link, which Material
    rewrites: such pages are laid out in full, and every file is the same as without frames."""
    ours = make_project(tmp_path / "ours", fixture="portal")
    theirs = make_project(tmp_path / "theirs", fixture="portal")
    _without_frames(theirs)
    for project in (ours, theirs):
        config = project / "mkdocs.yml"
        config.write_text("repo_url: https://git.example.dk/skolen/portal\nedit_uri: edit/main/content/\n"
                          + config.read_text(encoding="utf-8"), encoding="utf-8")
    a_build, b_build = run_build(ours, site=tmp_path / "site-ours"), run_build(theirs, site=tmp_path / "site-theirs")
    assert a_build.returncode == 0 and b_build.returncode == 0, a_build.stderr + b_build.stderr
    a, b = _files(a_build.site), _files(b_build.site)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert b"https://git.example.dk/skolen/portal/edit/main/courses/" in a["kurser/haab-i-hverdagen/index.html"]


def test_pages_filled_into_frames_are_the_pages_material_lays_out(tmp_path):
    """hooks/portal.py lays the generated pages of one shape out once, with holes for their
    own values, and fills each in (rskole/frames.py). The same project laying out every
    page in full gives the same bytes in every file, a course whose title has characters
    that escaping changes among them."""
    import json
    import os
    import subprocess
    import sys

    ours = make_project(tmp_path / "ours", fixture="portal")
    theirs = make_project(tmp_path / "theirs", fixture="portal")
    _without_frames(theirs)
    for project in (ours, theirs):
        cafe = (project / "courses" / "recovery-cafe.yml").read_text(encoding="utf-8")
        (project / "courses" / "mad-og-psyke.yml").write_text(
            cafe.replace("title: Recovery-café i Café Lyset", "title: Mad & psyke – \"spis med\""), encoding="utf-8")
        # A no-break space, which tag stripping (Material's <title> of a page without a
        # meta title) makes a space.
        (project / "courses" / "kl-ti.yml").write_text(
            cafe.replace("title: Recovery-café i Café Lyset", 'title: "Café kl.\\u00a010"'), encoding="utf-8")
    a_build, b_build = run_build(ours, site=tmp_path / "site-ours"), run_build(theirs, site=tmp_path / "site-theirs")
    assert a_build.returncode == 0 and b_build.returncode == 0, a_build.stderr + b_build.stderr
    a, b = _files(a_build.site), _files(b_build.site)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    # Those courses' pages were laid out in full: their titles are not inert.
    assert "<title>Mad &amp; psyke – &quot;spis med&quot; - " in a["kurser/mad-og-psyke/index.html"].decode("utf-8")
    assert "<title>Café kl.\u00a010 - " in a["kurser/kl-ti/index.html"].decode("utf-8")
    # And the frames were used: most generated pages were filled in, none refused.
    env = dict(os.environ, PORTAL_TODAY="2026-11-22", NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-c", FRAMES_SCRIPT, str(ours), str(tmp_path / "site-count")],
                          capture_output=True, text=True, env=env, cwd=ours, timeout=300)
    assert proc.returncode == 0, proc.stderr
    used = json.loads(proc.stdout.strip().splitlines()[-1])
    assert used["refused"] == 0 and used["shapes"] >= 4
    assert used["filled"] >= len([n for n in a if n.startswith(("kurser/", "ordbog/")) and n.endswith("/index.html")]) // 2, used
