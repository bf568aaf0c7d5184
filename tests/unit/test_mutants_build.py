"""What the other build tests let pass (issue 18): rskole.build's preview bookkeeping, the
front page's courses, the feeds' fallback address and sitemap, and rskole.compile's tree
(nested pages, folders the editors already have, UTF-8 whatever the machine's locale).

No git here: ``history.log`` is replaced, so no test starts a subprocess."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from rskole import feeds, history, memo
from rskole.build import _write
from rskole.compile import compile_site
from sitekit import write_files
from test_build_compose import COURSE, FILES, new_build

MEMOS = (memo.PAGES, memo.WRITTEN, memo.MARKDOWN, memo.EVENTS, memo.VIEWS)


@pytest.fixture(autouse=True)
def no_git_and_fresh_memos(monkeypatch):
    monkeypatch.setattr(history, "log", lambda root, paths: {})
    for cache in MEMOS:
        cache.clear()
    yield
    for cache in MEMOS:
        cache.clear()


def latin1_locale(monkeypatch):
    """Files opened without an encoding are read and written as Latin-1."""
    real = io.text_encoding
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: real(encoding or "latin-1"))


# --- rskole.build ------------------------------------------------------------------------


def test_write_creates_every_missing_folder(tmp_path):
    target = tmp_path / "site" / "kurser" / "haab.ics"
    _write(target, b"BEGIN:VCALENDAR")
    assert target.read_bytes() == b"BEGIN:VCALENDAR"


def test_a_generated_pages_digest_changes_with_its_front_matter_alone(tmp_path):
    # Its title is the page's <title>: a --dirty rebuild must write the page again.
    write_files(tmp_path, FILES)
    page = new_build(tmp_path).compose()["kalender.md"]
    retitled = dataclasses.replace(page, spec=dataclasses.replace(page.spec, title="Andet navn"))
    assert retitled.html == page.html and retitled.head == page.head
    first, second = new_build(tmp_path), new_build(tmp_path)
    first.finished = {"kalender.md": page}
    second.finished = {"kalender.md": retitled}
    assert first.page_digest("kalender.md") != second.page_digest("kalender.md")


def test_a_served_rebuild_rewrites_an_editors_page_exactly_when_its_source_changed(tmp_path):
    write_files(tmp_path, FILES)
    dest = tmp_path / "site" / "kontakt" / "index.html"
    dest.parent.mkdir(parents=True)
    dest.write_text("<p>Kontakt</p>", encoding="utf-8")
    first = new_build(tmp_path)
    first.keep_pages = True
    first.written("kontakt.md", str(dest), "# Kontakt\n")
    same = new_build(tmp_path)
    assert same.unchanged("kontakt.md", str(dest), "# Kontakt\n")
    edited = new_build(tmp_path)
    assert not edited.unchanged("kontakt.md", str(dest), "# Skriv til os\n")


def five_courses(root: Path) -> None:
    write_files(root, FILES)
    write_files(root, {f"courses/kursus-{i}.yml": COURSE.replace("Håb & recovery", f"Kursus {i}")
                       for i in range(2, 6)})


def test_the_front_page_shows_at_most_four_courses(tmp_path):
    five_courses(tmp_path)
    build = new_build(tmp_path)
    build.compose()
    html = build.home_after("")
    assert "Se alle 5 kommende kurser" in html
    assert len(set(re.findall(r'<a href="(kurser/[^"/]+/)">', html))) == 4


def test_the_front_pages_courses_link_relative_to_the_page_they_are_on(tmp_path):
    write_files(tmp_path, FILES)
    build = new_build(tmp_path)
    build.compose()
    assert '<a href="haab/">Håb &amp; recovery</a>' in build.home_after("kurser/")
    assert '<a href="kurser/haab/">Håb &amp; recovery</a>' in build.home_after("")


def test_feeds_without_a_site_address_point_at_localhost(tmp_path):
    write_files(tmp_path, FILES)
    build = new_build(tmp_path, site_url=None)
    build.compose()
    build.write_feeds(tmp_path / "site")
    ics = (tmp_path / "site" / "kurser" / "haab.ics").read_text(encoding="utf-8")
    assert "http://localhost/kurser/haab/" in ics and "HTTP://" not in ics


def served(root: Path):
    build = new_build(root)
    build.keep_pages = True
    build.compose()
    return build


def test_a_served_build_shares_its_events_and_a_built_site_does_not(tmp_path):
    write_files(tmp_path, FILES)
    build = new_build(tmp_path)
    build.compose()
    build.write_feeds(tmp_path / "site")
    assert len(memo.EVENTS) == 0
    served(tmp_path).write_feeds(tmp_path / "served")
    assert len(memo.EVENTS) > 0


def test_a_served_build_replaces_a_feed_it_did_not_write(tmp_path):
    write_files(tmp_path, FILES)
    stale = tmp_path / "site" / "kurser" / "haab.ics"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"from an earlier mkdocs serve")
    served(tmp_path).write_feeds(tmp_path / "site")
    assert b"SUMMARY:H\xc3\xa5b & recovery" in stale.read_bytes()


def test_a_served_rebuild_writes_again_every_feed_that_went_missing(tmp_path):
    write_files(tmp_path, FILES)
    build = served(tmp_path)
    site = tmp_path / "site"
    build.write_feeds(site)
    names = list(feeds.outputs(build.catalogue, build.env, build.root, build.site_url))
    assert len(names) > 2
    for name in names[1:]:  # the first is unchanged, the others deleted
        (site / name).unlink()
    served(tmp_path).write_feeds(site)
    assert all((site / name).is_file() for name in names)


def test_the_sitemap_gets_each_pages_last_commit_day_in_the_sites_zone(tmp_path, monkeypatch):
    write_files(tmp_path, FILES)
    # 23:30 UTC is the next day in Copenhagen (and in no zone west of UTC).
    late = history.Commit("abc", datetime(2027, 1, 10, 23, 30, tzinfo=timezone.utc))
    monkeypatch.setattr(history, "log", lambda root, paths: {p: [late] for p in paths})
    monkeypatch.setenv("TZ", "America/New_York")
    import time
    time.tzset()
    try:
        build = new_build(tmp_path, site_url="https://example.dk/skole/")
        build.compose()
        site = tmp_path / "site"
        site.mkdir()
        (site / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<url><loc>https://example.dk/skole/kurser/haab/</loc></url>"
            "<url><loc>https://example.dk/skole/kontakt/</loc></url></urlset>", encoding="utf-8")
        build.write_feeds(site)
    finally:
        monkeypatch.undo()
        time.tzset()
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert xml.count("<lastmod>2027-01-11</lastmod>") == 2, xml


# --- rskole.compile ----------------------------------------------------------------------


def fake_finished(build, pages: dict[str, str]):
    """``compose`` giving the pages named, each with its own text."""
    real = build.finished or build.compose()
    some = next(iter(real.values()))
    finished = {src: dataclasses.replace(some, spec=dataclasses.replace(some.spec, src_uri=src, title=title),
                                         stored=f"<p>{title}</p>".encode(), head="")
                for src, title in pages.items()}
    build.compose = lambda: finished
    return finished


def test_compile_writes_a_page_whose_folders_do_not_exist_yet_and_into_editors_folders(tmp_path):
    # One test for one compile (mutmut runs only the tests that call the mutated function).
    root = tmp_path / "project"
    write_files(root, {**FILES, "mkdocs.yml": "site_name: Skolen\n", "content/kurser/billede.md": "# Billede\n"})
    build = new_build(root)
    fake_finished(build, {"tema/kurser/haab.md": "Håb", "kurser/index.md": "Alle kurser"})
    out = tmp_path / "out"
    assert sorted(compile_site(build, root / "mkdocs.yml", out)) == ["kurser/index.md", "tema/kurser/haab.md"]
    assert "<p>Håb</p>" in (out / "docs" / "tema" / "kurser" / "haab" / "index.md").read_text(encoding="utf-8")
    assert "<p>Alle kurser</p>" in (out / "docs" / "kurser" / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("ending", ["    kode  ", "Vi ses i rum X"])
def test_compile_writes_utf8_whatever_the_locale_and_keeps_the_front_pages_text(tmp_path, monkeypatch, ending):
    root = tmp_path / "project"
    write_files(root, {**FILES, "mkdocs.yml": "site_name: Skolen Æbleø\n",
                       "content/index.md": f"Velkommen på Åbne døre.\n\n{ending}\n\n\n"})
    build = new_build(root)
    build.compose()
    latin1_locale(monkeypatch)
    out = tmp_path / "out"
    compile_site(build, root / "mkdocs.yml", out)
    page = (out / "docs" / "kurser" / "haab" / "index.md").read_bytes().decode("utf-8")
    assert "Håb &amp; recovery" in page or "Håb & recovery" in page
    home = (out / "docs" / "index.md").read_bytes().decode("utf-8")
    assert home.startswith(f'Velkommen på Åbne døre.\n\n{ending}\n\n<div class="rs-generated">\n')
    assert "Håb &amp; recovery" in home
    settings = (out / "mkdocs.yml").read_bytes().decode("utf-8")
    assert settings.startswith("site_name: Skolen Æbleø\n")


def test_a_served_rebuild_links_a_terms_new_forms_on_cached_pages(tmp_path):
    write_files(tmp_path, FILES)
    first = served(tmp_path)
    assert 'data-rs-term="chime">mere</a>' not in first.finished["kurser/haab.md"].html
    write_files(tmp_path, {"glossary/chime.md": FILES["glossary/chime.md"].replace("term: CHIME\n",
                                                                                   "term: CHIME\nforms: [mere]\n")})
    second = served(tmp_path)
    assert 'data-rs-term="chime">mere</a>' in second.finished["kurser/haab.md"].html


def test_compiled_settings_keep_what_comes_before_the_first_key(tmp_path):
    from rskole.compile import _settings
    from test_compile_tree import fake_build

    out = _settings("---\n\n  # Skolens indstillinger\nsite_name: Skolen\n", fake_build(tmp_path), {})
    assert out.startswith("---\n\n  # Skolens indstillinger\nsite_name: Skolen\nextra:\n")


# --- laying out pages ----------------------------------------------------------------------


def composed(root: Path, files: dict | None = None):
    write_files(root, {**FILES, **(files or {})})
    build = new_build(root)
    build.compose()
    return build


def test_the_search_index_gets_each_generated_pages_text(tmp_path):
    page = composed(tmp_path).finished["kurser/haab.md"]
    assert '<p class="rs-lead">Hvad giver' in page.search_html


def test_a_page_without_text_of_its_own_starts_with_the_portals_markup(tmp_path):
    build = composed(tmp_path)
    for src_uri in ("kalender.md", "steder/vaerkstedet.md"):
        assert build.finished[src_uri].html.lstrip().startswith("<"), src_uri


def test_a_course_links_a_term_that_has_the_courses_own_slug(tmp_path):
    course = COURSE.replace("Om personlig recovery.", "Om CHIME.")
    build = composed(tmp_path, {"courses/chime.yml": course})
    assert re.search(r'Om <a [^>]*data-rs-term="chime">CHIME</a>', build.finished["kurser/chime.md"].html)


# CHIME only in the description (not in the outcomes, nor in the course's glossary list).
ONLY_IN_DESCRIPTION = {"courses/haab.yml": COURSE.replace("learning_outcomes: [Du ved mere om personlig recovery og CHIME.]",
                                                          "learning_outcomes: [Du ved mere.]")
                       .replace("Om personlig recovery.", "Om CHIME.")}


def test_bruges_i_lists_a_course_that_uses_the_term_only_in_its_description(tmp_path):
    build = composed(tmp_path, ONLY_IN_DESCRIPTION)
    assert build.usage["chime"].get("kurser/haab/") == "Kursus: Håb & recovery"
    assert 'href="../../kurser/haab/">Kursus: Håb &amp; recovery</a>' in build.finished["ordbog/chime.md"].html


def test_a_served_rebuild_from_the_cache_still_counts_a_courses_description(tmp_path):
    write_files(tmp_path, {**FILES, **ONLY_IN_DESCRIPTION})
    served(tmp_path)
    second = served(tmp_path)
    assert memo.PAGES.hits > 0
    assert second.usage["chime"].get("kurser/haab/") == "Kursus: Håb & recovery"


def test_the_glossary_links_definitions_from_its_own_folder_once_per_page(tmp_path):
    haab = "---\nterm: Håb\n---\nEt ord i personlig recovery.\n"
    html = composed(tmp_path, {"glossary/haab.md": haab}).finished["ordbog/index.md"].html
    links = re.findall(r'<a class="rs-term" href="([^"]*)"[^>]*data-rs-term="personlig-recovery"', html)
    assert links == ["personlig-recovery/"]


def test_generated_pages_link_relative_to_their_own_folder(tmp_path):
    html = composed(tmp_path).finished["kurser/haab.md"].html
    assert 'href="../../undervisere/anne-madsen/"' in html


def test_a_served_rebuild_shows_a_new_description_and_new_times(tmp_path):
    write_files(tmp_path, FILES)
    served(tmp_path)
    write_files(tmp_path, {"courses/haab.yml": COURSE.replace("Om personlig recovery.", "Om mod og personlig recovery.")})
    assert "Om mod og" in served(tmp_path).finished["kurser/haab.md"].html
    write_files(tmp_path, {"courses/haab.yml": COURSE.replace('"10:00"', '"09:30"')})
    assert "9.30" in served(tmp_path).finished["kurser/haab.md"].html


@pytest.mark.parametrize("target, page, expected", [
    ("om", "om/", "../om"),
    ("om", "om/x/", "../../om"),
])
def test_relative_url_to_a_file_named_like_the_pages_folder(target, page, expected):
    from rskole.build import relative_url

    assert relative_url(target, page) == expected


# --- Markdown fields -------------------------------------------------------------------------


def markdown_build(root: Path, extensions: list, configs: dict):
    write_files(root, FILES)
    build = new_build(root)
    build.markdown_extensions, build.markdown_configs, build._md = extensions, configs, None
    return build


def test_markdown_fields_follow_the_extensions_settings(tmp_path):
    build = markdown_build(tmp_path, ["smarty"], {"smarty": {"smart_dashes": False}})
    assert build.markdown("Før -- efter") == "<p>Før -- efter</p>"


def test_builds_without_a_signature_do_not_share_markdown(tmp_path):
    plain = markdown_build(tmp_path / "a", [], {})
    plain.signature = ""
    assert plain.markdown("Før -- efter") == "<p>Før -- efter</p>"
    smart = markdown_build(tmp_path / "b", ["smarty"], {})
    smart.signature = ""
    assert smart.markdown("Før -- efter") in ("<p>Før &ndash; efter</p>", "<p>Før – efter</p>")


def test_an_inline_field_over_two_lines_loses_its_paragraph(tmp_path):
    build = markdown_build(tmp_path, [], {})
    assert build.inline_markdown("Du ved mere\nom *håb*.") == "Du ved mere\nom <em>håb</em>."


# --- settings ------------------------------------------------------------------------------


def signature_with(root: Path, extensions: list) -> str:
    from rskole.build import Build
    from test_build_compose import config

    write_files(root, FILES)
    cfg = config(root)
    cfg["markdown_extensions"] = extensions
    return Build.from_mkdocs(cfg, {"PORTAL_TODAY": "2027-02-01"}).signature


def test_the_signature_names_each_extension_by_module_and_class(tmp_path):
    # Extensions handed over as objects: the same class gives the same signature in every
    # rebuild; another class, in the same module or of the same name in another, another.
    Ext = type("Ext", (), {"__module__": "skolens.udvidelser"})
    Other = type("Andet", (), {"__module__": "skolens.udvidelser"})
    Moved = type("Ext", (), {"__module__": "andre.udvidelser"})
    first = signature_with(tmp_path, [Ext()])
    assert signature_with(tmp_path, [Ext()]) == first
    assert signature_with(tmp_path, [Other()]) != first
    assert signature_with(tmp_path, [Moved()]) != first
    assert signature_with(tmp_path, ["abbr"]) != signature_with(tmp_path, ["toc"])


def test_a_settings_problem_is_reported_at_its_line_whatever_the_locale(tmp_path, monkeypatch):
    from test_build_settings import problems

    # "Å" is C3 85 in UTF-8; read as Latin-1, 0x85 would be a line break of its own.
    text = "site_name: Åbne døre\nextra:\n  portal:\n    name: Skolen\n    timezone: Europe/Roskilde\n"
    latin1_locale(monkeypatch)
    assert problems(tmp_path, {"portal": {"name": "Skolen", "timezone": "Europe/Roskilde"}}, text=text) == [
        "mkdocs.yml:5: extra.portal.timezone: 'Europe/Roskilde' er ikke en kendt tidszone; skriv fx Europe/Copenhagen"]


def test_a_settings_problem_without_mkdocs_yml_is_still_reported(tmp_path):
    from test_build_settings import problems

    found = problems(tmp_path, {"portal": {"name": "Skolen", "timezone": "Europe/Roskilde"}})
    assert len(found) == 1 and "Europe/Roskilde" in found[0]


def test_the_calendar_page_offers_a_webcal_subscription_at_the_sites_address(tmp_path):
    assert "webcal://skole.example.dk/kalender.ics" in composed(tmp_path).finished["kalender.md"].html


def test_an_unknown_time_zone_is_reported_alone_before_portal_today_is_read(tmp_path):
    from test_build_settings import problems

    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    assert problems(tmp_path, {"portal": {"name": "Skolen", "timezone": "Europe/Roskilde"}}, {"PORTAL_TODAY": "1. marts"}) == [
        "mkdocs.yml: extra.portal.timezone: 'Europe/Roskilde' er ikke en kendt tidszone; skriv fx Europe/Copenhagen"]
