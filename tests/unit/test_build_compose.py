"""One build of a tiny portal without MkDocs (rskole.build): the pages ``compose`` finishes,
"Bruges i" on term pages, front matter, JSON-LD, feeds, headers and the preview caches.

The project is composed once per module (about half a second); tests that change a
build make their own ``Build`` from the same files."""

from __future__ import annotations

import json
import random
import re
import types
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

from helpers import LOCATIONS, TEACHERS, TERM
from rskole import memo
from rskole.build import Build, front_matter, relative_url, source_of
from rskole.problems import ContentError
from rskole.registry import PageSpec
from sitekit import write_files

THEME = Path(__file__).resolve().parents[2] / "theme"
SITE = "https://skole.example.dk/"

COURSE = """
title: Håb & recovery
summary: Hvad giver "håb"?
description: |
  Om personlig recovery. Læs mere på [Sundhed.dk](https://www.sundhed.dk/borger/).
learning_outcomes: [Du ved mere om personlig recovery og CHIME.]
themes: [hope]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
glossary: [personlig-recovery]
sessions:
  - date: 2027-03-03
    start: "10:00"
    end: "12:00"
"""

CHIME = """---
term: CHIME
---
Fem elementer i personlig recovery og i CHIME.
"""

FILES = {
    "mkdocs.yml": "site_name: Skolen\n",
    "courses/_teachers.yml": TEACHERS.replace("  role: peer", "  role: peer\n  bio: Anne fortæller om CHIME."),
    "courses/_locations.yml": LOCATIONS,
    "courses/haab.yml": COURSE,
    "glossary/personlig-recovery.md": TERM,
    "glossary/chime.md": CHIME,
    # The front page has no title of its own: MkDocs calls it "Home".
    "content/index.md": "Velkommen. Om personlig recovery.\n",
    "content/om/index.md": "---\ntitle: Om skolen\n---\n# Overskrift\n\nVi bruger CHIME.\n",
    "content/aabne-doere.md": "Åbne døre og CHIME.\n",
    "content/kontakt.md": "# Skriv <em>til</em> os\n\nOm personlig recovery.\n",
    # Hidden folders are not published: their terms are used nowhere.
    "content/.skjult/hemmelig.md": "# Hemmelig\n\nCHIME og personlig recovery.\n",
}


def config(root: Path, repo_url: str | None = None, site_url: str | None = SITE) -> dict:
    """What ``Build.from_mkdocs`` reads of MkDocs' config."""
    return {
        "config_file_path": str(root / "mkdocs.yml"),
        "extra": {"portal": {"name": "Skolen", "contact": "kontakt@example.dk"}},
        "markdown_extensions": [],
        "mdx_configs": {},
        "theme": types.SimpleNamespace(dirs=[str(THEME)]),
        "site_url": site_url,
        "repo_url": repo_url,
        "docs_dir": str(root / "content"),
    }


def new_build(root: Path, **kw) -> Build:
    build = Build.from_mkdocs(config(root, **kw), {"PORTAL_TODAY": "2027-02-01"})
    build.load()
    return build


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    # The process-wide caches may hold Markdown rendered by earlier tests: start empty,
    # so that this module's builds do the work they are tested for.
    for cache in (memo.PAGES, memo.WRITTEN, memo.MARKDOWN, memo.EVENTS, memo.VIEWS):
        cache.clear()
    root = tmp_path_factory.mktemp("portal")
    write_files(root, FILES)
    return root


@pytest.fixture(scope="module")
def built(project) -> Build:
    build = new_build(project, repo_url="https://github.com/skole/portal")
    build.compose()
    return build


def usage_list(html: str) -> list[tuple[str, str]]:
    """The links of a term page's "Bruges i" section: (href, text)."""
    section = html.split('<h2 id="bruges-i">Bruges i</h2>', 1)[1]
    return re.findall(r'<li><a href="([^"]*)">([^<]*)</a></li>', section)


def test_the_composed_site_as_a_whole(built):
    """Every check below of the composed pages, run in the first test that uses them:
    mutmut runs, for a mutant, only the tests that called the mutated function, and the
    module's one shared compose is counted for this test alone."""
    for check in (test_every_generated_page_is_finished_once,
                  test_bruges_i_lists_the_courses_and_content_pages_that_use_the_term_in_danish_order,
                  test_a_term_is_not_linked_on_its_own_page_but_other_terms_are,
                  test_the_course_page_links_each_term_once_and_shows_print_addresses,
                  test_a_teacher_bio_links_terms_without_counting_as_a_use,
                  test_the_glossary_links_definitions_to_other_terms_only,
                  test_course_list_structured_data_lists_the_course,
                  test_the_front_matter_of_finished_pages,
                  test_generated_files_are_the_finished_pages_front_matter):
        check(built)
    for args in STRUCTURED:
        test_structured_data_of_the_pages_search_engines_read(built, *args)
    for src_uri in WITHOUT_STRUCTURED_DATA:
        test_other_pages_have_no_structured_data(built, src_uri)


def test_every_generated_page_is_finished_once(built):
    assert set(built.finished) == set(built.specs)
    assert "kurser/haab.md" in built.finished and "ordbog/chime.md" in built.finished
    assert set(built.renders.values()) == {1}


def test_bruges_i_lists_the_courses_and_content_pages_that_use_the_term_in_danish_order(built):
    # "Aabne doere" (from the file name) sorts as Å, after O; the course's title is escaped.
    assert usage_list(built.finished["ordbog/chime.md"].html) == [
        ("../../kurser/haab/", "Kursus: Håb &amp; recovery"), ("../../om/", "Om skolen"), ("../../aabne-doere/", "Aabne doere")]
    # The front page without a title is "Home"; a heading's markup is not in the title.
    assert usage_list(built.finished["ordbog/personlig-recovery.md"].html) == [
        ("../../", "Home"), ("../../kurser/haab/", "Kursus: Håb &amp; recovery"), ("../../kontakt/", "Skriv til os")]


def test_a_term_is_not_linked_on_its_own_page_but_other_terms_are(built):
    html = built.finished["ordbog/chime.md"].html
    assert 'href="../personlig-recovery/"' in html
    assert 'data-rs-term="chime"' not in html


def test_the_course_page_links_each_term_once_and_shows_print_addresses(built):
    html = built.finished["kurser/haab.md"].html
    # The description links "personlig recovery"; the outcome then links only CHIME.
    assert html.count('data-rs-term="personlig-recovery"') == 1
    assert ('<li>Du ved mere om personlig recovery og <a class="rs-term" href="../../ordbog/chime/" '
            'title="Fem elementer i personlig recovery og i CHIME." data-rs-term="chime">CHIME</a>.</li>') in html
    assert ('<a href="https://www.sundhed.dk/borger/">Sundhed.dk</a><span class="rs-print-url" data-search-exclude="1">'
            ' (www.sundhed.dk/<wbr>borger)</span>') in html


def test_a_teacher_bio_links_terms_without_counting_as_a_use(built):
    html = built.finished["undervisere/anne-madsen.md"].html
    assert '<a class="rs-term" href="../../ordbog/chime/"' in html
    assert "../../undervisere/anne-madsen/" not in dict(usage_list(built.finished["ordbog/chime.md"].html))


def test_the_glossary_links_definitions_to_other_terms_only(built):
    html = built.finished["ordbog/index.md"].html
    assert 'data-rs-term="personlig-recovery"' in html
    assert 'data-rs-term="chime"' not in html


def ld(head: str) -> dict:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', head, re.S)
    assert match, head
    return json.loads(match.group(1))


STRUCTURED = [
    ("kurser/haab.md", "Course", "Håb & recovery"),
    ("ordbog/chime.md", "DefinedTerm", "CHIME"),
    ("ordbog/index.md", "DefinedTermSet", "Mini-ordbog"),
    ("kurser/index.md", "ItemList", "Kurser"),
]


@pytest.mark.parametrize("src_uri, kind, name", STRUCTURED)
def test_structured_data_of_the_pages_search_engines_read(built, src_uri, kind, name):
    data = ld(built.finished[src_uri].head)
    assert (data["@type"], data["name"]) == (kind, name)
    assert data["@id"] == SITE + built.specs[src_uri].url


WITHOUT_STRUCTURED_DATA = ["arkiv.md", "kalender.md", "undervisere/anne-madsen.md", "steder/vaerkstedet.md",
                           "temaer/hope.md", "min-plan.md"]


@pytest.mark.parametrize("src_uri", WITHOUT_STRUCTURED_DATA)
def test_other_pages_have_no_structured_data(built, src_uri):
    assert built.finished[src_uri].head == ""


def test_course_list_structured_data_lists_the_course(built):
    assert ld(built.finished["kurser/index.md"].head)["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "url": SITE + "kurser/haab/"}]


def test_the_front_matter_of_finished_pages(built):
    course = built.finished["kurser/haab.md"]
    assert course.front_matter == {
        "title": "Håb &amp; recovery", "description": "Hvad giver &quot;håb&quot;?", "hide": ["toc"],
        "tags": ["Kursus", "Næste gang: onsdag den 3. marts 2027, kl.\xa010.00\u2060–\u206012.00"]}
    assert built.finished["ordbog/chime.md"].front_matter["search"] == {"boost": 3.0}
    assert built.finished["kalender.md"].front_matter["search"] == {"exclude": True}
    assert built.finished["steder/vaerkstedet.md"].front_matter["tags"] == ["Sted"]


@pytest.mark.parametrize("spec, meta", [
    (PageSpec("a.md", "courses", None, "A <b>", description='"x" & y', search_exclude=True),
     {"title": "A &lt;b&gt;", "description": "&quot;x&quot; &amp; y", "hide": ["toc"], "search": {"exclude": True}}),
    (PageSpec("b.md", "term", "b", "B", search_boost=3.0, hide_toc=False), {"title": "B", "search": {"boost": 3.0}}),
    (PageSpec("c.md", "place", "c", "C's", hide_toc=False), {"title": "C&#x27;s"}),
])
def test_front_matter_escapes_editors_text_and_sets_search(spec, meta):
    assert front_matter(spec) == meta
    assert front_matter(spec, ("Sted",)) == {**meta, "tags": ["Sted"]}


def test_source_of_is_markdown_with_yaml_front_matter():
    meta = {"title": "Håb og " + "meget " * 1000 + "mere", "hide": ["toc"]}
    source = source_of(meta, "<p>x</p>")
    front, body = re.fullmatch(r"---\n(.*)---\n\n(.*)", source, re.S).groups()
    assert body == "<p>x</p>"
    assert yaml.safe_load(front) == meta
    # Danish letters as they are, keys in their order, a long title on one line.
    assert front.startswith("title: Håb og meget") and front.count("\n") == 3
    assert source_of({"title": "A"}) == "---\ntitle: A\n---\n\n"


def test_generated_files_are_the_finished_pages_front_matter(built):
    files = dict((spec.src_uri, source) for spec, source in built.generated_files())
    assert set(files) == set(built.finished)
    for src_uri, source in files.items():
        # What MkDocs reads of the file: the front matter's values, and no body.
        assert get_data(source) == ("", built.finished[src_uri].front_matter)
    assert files["kurser/haab.md"] == source_of(built.finished["kurser/haab.md"].front_matter, readable=False)


#: Text PyYAML reads in its own way: quotes, escapes, a colon and a hash, control
#: characters, the line breaks YAML has besides "\n", a byte order mark, emoji.
AWKWARD = ['"', "\\", "\\n", "\n", "\t", ": ", " #", "'", "\x00", "\x07", "\x7f", "\x85", "\x9f", "\u00a0",
           "\u2028", "\u2029", "\ufeff", "\ufffd", "😀", "Æ", "&amp;", "{", "}", "[", "]", ",", "- ", "!", "*", "%", "@", "`"]


def test_the_engines_front_matter_reads_back_as_the_same_values_whatever_the_text():
    rng = random.Random(17)
    for _ in range(2_000):
        def text() -> str:
            return "".join(rng.choice(AWKWARD + list("abc æøå 12")) for _ in range(rng.randint(0, 12)))
        meta = {"title": text(), "description": text(), "hide": ["toc"], "tags": [text(), text()],
                "search": rng.choice([{"boost": 2}, {"boost": 0.5}, {"exclude": True}])}
        source = source_of(meta, readable=False)
        assert get_data(source) == ("", meta), repr(meta)
        # As MkDocs reads it with PyYAML's pure-Python loader too (no libyaml).
        assert yaml.load(source.split("---\n")[1], yaml.SafeLoader) == meta


@pytest.mark.parametrize("target, page, expected", [
    ("kurser/haab/", "kurser/haab/", "./"),
    ("kurser/", "kurser/haab/", "../"),
    ("ordbog/chime/", "kurser/haab/", "../../ordbog/chime/"),
    ("kurser/haab.ics", "kurser/haab/", "../haab.ics"),
    ("kurser/haab/", "", "kurser/haab/"),
    ("", "om/", "../"),
    ("", "", "./"),
    ("kurser/", "kurser/", "./"),
    ("kurser/haab/", "kurser/", "haab/"),
    ("a/b/c/", "a/x/", "../b/c/"),
    ("https://example.dk/", "kurser/", "https://example.dk/"),
    ("mailto:a@b.dk", "kurser/", "mailto:a@b.dk"),
    ("#top", "kurser/", "#top"),
    ("/kurser/", "om/", "/kurser/"),
])
def test_relative_url(target, page, expected):
    assert relative_url(target, page) == expected


def test_edit_link_points_at_the_editors_file_from_docs_dir(built, project):
    assert built.edit_uri("courses/haab.yml") == "../courses/haab.yml"
    assert new_build(project).edit_uri("courses/haab.yml") is None  # no repo_url: no edit link


def test_front_page_shows_the_next_courses(built):
    html = built.home_after("")
    assert '<a href="kurser/haab/">Håb &amp; recovery</a>' in html
    assert '<a class="md-button md-button--primary" href="kurser/">Se alle 1 kommende kurser</a>' in html


def test_content_pages_are_tagged_side_and_their_terms_linked(built):
    assert built.content_tags() == ["Side"]
    html = built.link_content("om/", "<p>CHIME og CHIME.</p>")
    assert html == ('<p><a class="rs-term" href="../ordbog/chime/" title="Fem elementer i personlig recovery og i CHIME." '
                    'data-rs-term="chime">CHIME</a> og CHIME.</p>')


def test_footer_has_the_schools_contact(built):
    footer = built.footer()
    assert footer["school"] == "Skolen"
    assert "kontakt@example.dk" in json.dumps(footer["contact"])


@pytest.mark.parametrize("signature", ["", "sig"])
def test_markdown_fields_are_sanitised_and_inline_ones_lose_their_paragraph(project, signature):
    build = new_build(project)
    build.signature = signature
    assert build.markdown("Hej *dig*<script>alert(1)</script>") == "<p>Hej <em>dig</em></p>"
    assert build.inline_markdown("Hej *dig*") == "Hej <em>dig</em>"
    assert build.inline_markdown("- a\n- b") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"


def test_write_feeds_writes_calendars_and_lists_beside_the_pages(built, tmp_path):
    built.write_feeds(tmp_path)
    ics = (tmp_path / "kurser" / "haab.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Håb & recovery" in ics and "DTSTART;TZID=Europe/Copenhagen:20270303T100000" in ics
    courses = json.loads((tmp_path / "kurser.json").read_text(encoding="utf-8"))
    assert "haab" in json.dumps(courses)
    assert not (tmp_path / "sitemap.xml").exists()  # no sitemap from MkDocs: none is made


def test_the_headers_allow_exactly_the_inline_scripts_written(project, tmp_path):
    build = new_build(project)
    build.note_output("<p>no script</p>")
    build.write_headers(tmp_path)
    assert "script-src 'self';" in (tmp_path / "_headers").read_text(encoding="utf-8")
    build.note_output("<script>var b=2</script>")
    build.note_output('<script>var a=1</script><script src="x.js"></script>')
    build.write_headers(tmp_path)
    text = (tmp_path / "_headers").read_text(encoding="utf-8")
    assert text.startswith("/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-")
    hashes = re.search(r"script-src 'self' ([^;]*);", text).group(1).split(" ")
    assert len(hashes) == 2 and hashes == sorted(hashes)
    assert "  X-Frame-Options: DENY\n" in text


def test_a_content_page_where_the_portal_makes_a_page_is_refused(project, tmp_path):
    write_files(tmp_path, {**FILES, "content/kalender.md": "# Min kalender\n"})
    with pytest.raises(ContentError) as err:
        new_build(tmp_path)
    assert [str(p) for p in err.value.problems.sorted()] == [
        "content/kalender.md:1: siden ligger, hvor portalen selv laver siden /kalender/; "
        "flyt eller omdøb filen (portalens egne sider kan ikke erstattes)"]


# --- mkdocs serve: the caches shared by the builds of one process ----------------------


@pytest.fixture
def fresh_memos():
    for cache in (memo.PAGES, memo.WRITTEN, memo.MARKDOWN, memo.EVENTS, memo.VIEWS):
        cache.clear()
    yield
    for cache in (memo.PAGES, memo.WRITTEN, memo.MARKDOWN, memo.EVENTS, memo.VIEWS):
        cache.clear()


def served(root: Path) -> Build:
    build = new_build(root)
    build.keep_pages = True
    build.signature = "mkdocs.yml"
    build.compose()
    return build


def test_a_served_rebuild_gives_the_same_pages_and_bruges_i_from_the_cache(project, built, fresh_memos):
    first = served(project)
    assert len(memo.PAGES) == len(first.finished)
    second = served(project)
    assert memo.PAGES.hits == len(first.finished)
    for src_uri, page in first.finished.items():
        assert second.finished[src_uri] == page
        assert page.html == built.finished[src_uri].html
    # The course page came from the cache: it still counts as a use of its terms.
    assert second.usage == built.usage
    assert dict(second.generated_files()) == dict(built.generated_files())


def test_a_served_rebuild_redoes_the_page_whose_file_changed(tmp_path, fresh_memos):
    write_files(tmp_path, FILES)
    first = served(tmp_path)
    write_files(tmp_path, {"courses/haab.yml": COURSE.replace("Håb & recovery", "Håb og mod").replace('"håb"', "mod")})
    second = served(tmp_path)
    assert '<p class="rs-lead">Hvad giver mod?</p>' in second.finished["kurser/haab.md"].html
    assert usage_list(second.finished["ordbog/chime.md"].html)[0] == ("../../kurser/haab/", "Kursus: Håb og mod")
    assert second.finished["steder/biblioteket.md"] == first.finished["steder/biblioteket.md"]
    assert second.page_digest("steder/biblioteket.md") == first.page_digest("steder/biblioteket.md")
    assert second.page_digest("kurser/haab.md") != first.page_digest("kurser/haab.md")
    # The front page shows the course: its digest changes with it, another page's does not.
    assert second.page_digest("index.md", "Velkommen") != first.page_digest("index.md", "Velkommen")
    assert second.page_digest("om/index.md", "x") == first.page_digest("om/index.md", "x")
    # An editor's page: its own source too (the build gives each page one source).
    assert second.page_digest("kontakt.md", "y") != first.page_digest("kontakt.md", "x")


def test_a_page_digest_changes_with_the_editors_pages_and_the_templates(tmp_path, fresh_memos):
    write_files(tmp_path, FILES)
    before = served(tmp_path).page_digest("steder/biblioteket.md")
    write_files(tmp_path, {"content/om/index.md": "---\ntitle: Om os\n---\n"})
    assert served(tmp_path).page_digest("steder/biblioteket.md") != before  # the navigation's titles changed


def test_dirty_rebuild_leaves_a_written_page_alone_only_while_it_is_there(project, tmp_path, fresh_memos):
    build = served(project)
    dest = tmp_path / "steder" / "biblioteket" / "index.html"
    dest.parent.mkdir(parents=True)
    assert not build.unchanged("steder/biblioteket.md", str(dest))
    dest.write_text("x")
    build.written("steder/biblioteket.md", str(dest))
    assert build.unchanged("steder/biblioteket.md", str(dest))
    assert not build.unchanged("steder/vaerkstedet.md", str(dest))
    dest.unlink()
    assert not build.unchanged("steder/biblioteket.md", str(dest))


def test_a_one_off_build_remembers_nothing(built, tmp_path, fresh_memos):
    built.written("steder/biblioteket.md", str(tmp_path / "x.html"))
    assert len(memo.WRITTEN) == 0 and len(memo.PAGES) == 0


def test_served_feeds_are_written_again_only_when_changed_or_gone(project, tmp_path, fresh_memos):
    build = served(project)
    build.write_feeds(tmp_path)
    ics = tmp_path / "kurser" / "haab.ics"
    original = ics.read_bytes()
    ics.write_bytes(b"stale")  # what this process wrote there is known: left alone
    build.write_feeds(tmp_path)
    assert ics.read_bytes() == b"stale"
    ics.unlink()
    build.write_feeds(tmp_path)
    assert ics.read_bytes() == original


def test_a_finished_page_is_kept_in_utf8_and_published_without_its_markers(built):
    from rskole import indexing

    page = built.finished["kurser/haab.md"]
    assert isinstance(page.laid_out, bytes)
    laid_out = page.laid_out.decode("utf-8")
    assert indexing.START in laid_out  # the course page marks what search leaves out
    assert page.html == indexing.published(laid_out) and indexing.START not in page.html
    assert page.search_html == indexing.indexed(laid_out) and len(page.search_html) < len(page.html)
    assert page.page_html == indexing.without_search_attributes(page.html) and "data-search-" not in page.page_html


def test_search_is_handed_nothing_of_a_page_it_leaves_out(built):
    calendar = built.finished["kalender.md"]
    assert calendar.spec.search_exclude and not calendar.searched
    assert calendar.front_matter["search"] == {"exclude": True}  # what the engine is told
    assert calendar.search_html == "" and "rs-" in calendar.html
    course = built.finished["kurser/haab.md"]
    assert course.searched and course.search_html


def test_a_one_off_build_lets_go_of_a_page_once_it_is_written(project, tmp_path):
    build = new_build(project)
    build.compose()
    kept = build.finished["ordbog/chime.md"]
    assert build.finished["kurser/haab.md"].laid_out
    build.written("kurser/haab.md", str(tmp_path / "kurser" / "haab" / "index.html"))
    assert build.finished["kurser/haab.md"].laid_out == b""
    assert build.finished["ordbog/chime.md"] is kept  # pages not written yet are kept


def test_only_a_served_preview_keeps_the_qr_codes_it_made(project):
    from rskole import qr

    build = new_build(project)
    build.load()
    # A one-off build makes each code once (here, or in the worker) and keeps none.
    url = "https://skole.example.dk/kurser/haab/"
    qr.qr_svg.cache_clear()
    assert build.env.qr is qr.code_svg and build.env.qr(url) == qr.qr_svg.__wrapped__(url)
    assert qr.qr_svg.cache_info().currsize == 0
    build.keep_pages = True
    build.load()
    assert build.env.qr is qr.qr_svg
    url = "https://skole.example.dk/kurser/haab/"
    assert qr.code_svg(url) == qr.qr_svg(url)


def test_a_large_sites_pages_wait_compressed_and_read_the_same(project, monkeypatch, tmp_path):
    from rskole import build as core

    plain = new_build(project)
    plain.compose()
    monkeypatch.setattr(core, "PACK_FROM", 1)
    packed = new_build(project)
    packed.compose()
    page = packed.finished["kurser/haab.md"]
    assert page.packed and len(page.stored) < len(page.laid_out)
    for src_uri, finished in plain.finished.items():
        other = packed.finished[src_uri]
        assert not finished.packed and other.packed
        assert (other.laid_out, other.html, other.page_html, other.search_html) == (
            finished.laid_out, finished.html, finished.page_html, finished.search_html)
    # Written: let go, as an unpacked page is.
    packed.written("kurser/haab.md", str(tmp_path / "x.html"))
    assert packed.finished["kurser/haab.md"].laid_out == b""
    # A served preview keeps its pages as they are (it asks for them again on every rebuild).
    preview = new_build(project)
    preview.keep_pages = True
    preview.load()
    preview.compose()
    assert not any(f.packed for f in preview.finished.values())


def test_bruges_i_tells_courses_of_the_same_title_apart_by_their_first_day(tmp_path, fresh_memos):
    # The same course in two semesters: two links "Kursus: Håb & recovery" would lead to
    # two pages with nothing to say which is which.
    autumn = COURSE.replace("2027-03-03", "2027-09-01")
    write_files(tmp_path, {**FILES, "courses/haab-efteraar.yml": autumn})
    build = new_build(tmp_path)
    build.compose()
    assert usage_list(build.finished["ordbog/personlig-recovery.md"].html) == [
        ("../../", "Home"),
        ("../../kurser/haab/", "Kursus: Håb &amp; recovery (fra 3. marts 2027)"),
        ("../../kurser/haab-efteraar/", "Kursus: Håb &amp; recovery (fra 1. september 2027)"),
        ("../../kontakt/", "Skriv til os")]
    # A title used once is said as it is.
    write_files(tmp_path, {"courses/haab-efteraar.yml": autumn.replace("Håb & recovery", "Håb om efteråret")})
    alone = new_build(tmp_path)
    alone.compose()
    assert ("../../kurser/haab/", "Kursus: Håb &amp; recovery") in usage_list(alone.finished["ordbog/personlig-recovery.md"].html)


def test_a_served_rebuild_redoes_bruges_i_when_a_same_titled_course_moves(tmp_path, fresh_memos):
    write_files(tmp_path, {**FILES, "courses/haab-efteraar.yml": COURSE.replace("2027-03-03", "2027-09-01")})
    first = served(tmp_path)
    assert "(fra 1. september 2027)" in first.finished["ordbog/personlig-recovery.md"].html
    write_files(tmp_path, {"courses/haab-efteraar.yml": COURSE.replace("2027-03-03", "2027-09-08")})
    second = served(tmp_path)
    html = second.finished["ordbog/personlig-recovery.md"].html
    assert "(fra 8. september 2027)" in html and "(fra 1. september 2027)" not in html
