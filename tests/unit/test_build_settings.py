"""What a build reads of MkDocs' config (rskole.build.Build.from_mkdocs): the school's
settings, with problems at their line in mkdocs.yml, PORTAL_TODAY, and the folders."""

from __future__ import annotations

import types
from datetime import date, datetime
from pathlib import Path

import pytest

from rskole.build import Build
from rskole.problems import ContentError
from sitekit import write_files

MKDOCS = """site_name: Skolen
docs_dir: content
# timezone: a comment is no key
extra:
  generator: false
  portal:
    name: Skolen
    timezone: {zone}
    url: {url}
"""


def config(root: Path, extra: dict, **over) -> dict:
    base = {
        "config_file_path": str(root / "mkdocs.yml"),
        "extra": extra,
        "markdown_extensions": ["abbr", types.SimpleNamespace()],
        "mdx_configs": {"abbr": {}},
        "theme": types.SimpleNamespace(dirs=["/tema", "/material"]),
        "site_url": "https://fra-mkdocs.example.dk/",
        "repo_url": "https://github.com/skole/portal",
        "docs_dir": str(root / "content"),
    }
    return {**base, **over}


def problems(root: Path, extra, environ=None, text: str | None = None) -> list[str]:
    if text is not None:
        (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        Build.from_mkdocs(config(root, extra), environ or {"PORTAL_TODAY": "2027-02-01"})
    return [str(p) for p in err.value.problems.sorted()]


def test_a_build_takes_its_values_from_the_config(tmp_path):
    text = MKDOCS.format(zone="Europe/Copenhagen", url="https://skole.example.dk/")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    extra = {"portal": {"name": "Skolen", "url": "https://skole.example.dk/"}}
    build = Build.from_mkdocs(config(tmp_path, extra), {"PORTAL_TODAY": "2027-02-01"})
    assert (build.root, build.settings.name, build.zone.key) == (tmp_path, "Skolen", "Europe/Copenhagen")
    assert (build.today, build.now) == (date(2027, 2, 1), datetime(2027, 2, 1, tzinfo=build.zone))
    assert build.site_url == "https://skole.example.dk/"  # the school's own url wins over site_url
    assert build.repo_url == "https://github.com/skole/portal"
    assert (build.docs_dir, build.courses_dir, build.glossary_dir) == (tmp_path / "content", "courses", "glossary")
    assert build.theme_dirs == ["/tema", "/material"] and build.markdown_configs == {"abbr": {}}
    assert build.markdown_extensions[0] == "abbr" and len(build.markdown_extensions) == 2


def test_the_signature_follows_mkdocs_yml_and_the_extensions(tmp_path):
    extra = {"portal": {"name": "Skolen"}}
    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")

    def signature(**over):
        return Build.from_mkdocs(config(tmp_path, extra, **over), {"PORTAL_TODAY": "2027-02-01"}).signature

    first = signature()
    assert len(first) == 64 and signature() == first
    assert signature(markdown_extensions=["abbr"]) != first
    assert signature(mdx_configs={"toc": {}}) != first
    (tmp_path / "mkdocs.yml").write_text("site_name: B\n", encoding="utf-8")
    assert signature() != first


def test_defaults_without_folders_or_site_url(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    build = Build.from_mkdocs(config(tmp_path, {"portal": {"name": "Skolen"}}, site_url=None, repo_url=None), {})
    assert (build.courses_dir, build.glossary_dir, build.site_url, build.repo_url) == ("courses", "glossary", None, None)
    assert build.today == datetime.now(build.zone).date()


def test_a_missing_mkdocs_yml_still_builds(tmp_path):
    build = Build.from_mkdocs(config(tmp_path / "nowhere", {"portal": {"name": "Skolen"}}), {"PORTAL_TODAY": "2027-02-01"})
    assert build.settings.name == "Skolen" and build.signature


def test_an_unknown_time_zone_is_reported_at_its_line(tmp_path):
    text = MKDOCS.format(zone="Europe/Roskilde", url="https://skole.example.dk/")
    assert problems(tmp_path, {"portal": {"name": "Skolen", "timezone": "Europe/Roskilde"}}, text=text) == [
        "mkdocs.yml:8: extra.portal.timezone: 'Europe/Roskilde' er ikke en kendt tidszone; skriv fx Europe/Copenhagen"]


def test_a_wrong_setting_is_reported_at_its_line_in_portal(tmp_path):
    # "url:" also appears before portal: (site_url is not it); the one under portal: is.
    text = "site_name: Skolen\nurl: x\nextra:\n  portal:\n    name: Skolen\n    url: ikke en adresse\n"
    found = problems(tmp_path, {"portal": {"name": "Skolen", "url": "ikke en adresse"}}, text=text)
    assert len(found) == 1 and found[0].startswith("mkdocs.yml:6: extra.portal: ")


def test_an_unknown_setting_is_reported_at_portal_when_it_has_no_line(tmp_path):
    text = "site_name: Skolen\nextra:\n  portal:\n    name: Skolen\n"
    found = problems(tmp_path, {"portal": {"name": "Skolen", "kontakt": "x"}}, text=text)
    assert len(found) == 1 and found[0].startswith("mkdocs.yml:3: extra.portal: ")


def test_a_key_only_outside_portal_is_found_anywhere(tmp_path):
    text = "site_name: Skolen\ntimezone: Europe/Roskilde\n"
    assert problems(tmp_path, {"portal": {"name": "Skolen", "timezone": "Europe/Roskilde"}}, text=text)[0].startswith(
        "mkdocs.yml:2: ")


def test_missing_portal_settings_are_reported_at_extra(tmp_path):
    text = "site_name: Skolen\nextra:\n  generator: false\n"
    assert problems(tmp_path, {"generator": False}, text=text) == [
        "mkdocs.yml:2: mkdocs.yml mangler 'extra: portal:' med mindst 'name:' (skolens navn)"]
    assert problems(tmp_path, None, text="site_name: Skolen\n") == [
        "mkdocs.yml: mkdocs.yml mangler 'extra: portal:' med mindst 'name:' (skolens navn)"]


def test_a_wrong_portal_today_is_reported(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    assert problems(tmp_path, {"portal": {"name": "Skolen"}}, {"PORTAL_TODAY": "1. marts"}) == [
        "PORTAL_TODAY: PORTAL_TODAY='1. marts' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD"]


def test_load_counts_each_course_that_lists_a_term_as_a_use(tmp_path):
    from test_build_compose import FILES, new_build
    write_files(tmp_path, {**FILES, "courses/to.yml": FILES["courses/haab.yml"].replace("Håb & recovery", "To")})
    build = new_build(tmp_path)
    assert build.usage == {"chime": {}, "personlig-recovery": {"kurser/haab/": "Kursus: Håb & recovery", "kurser/to/": "Kursus: To"}}
    assert [p.src_uri for p in build.content_pages()] == ["aabne-doere.md", "index.md", "kontakt.md", "om/index.md"]


def test_load_reports_broken_content(tmp_path):
    from test_build_compose import FILES, new_build
    write_files(tmp_path, {**FILES, "courses/haab.yml": FILES["courses/haab.yml"].replace("themes:", "temes:")})
    with pytest.raises(ContentError) as err:
        new_build(tmp_path)
    assert any("courses/haab.yml:" in str(p) and "ukendt felt 'temes'" in str(p) for p in err.value.problems.sorted())
