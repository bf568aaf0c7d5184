"""One build of the portal: load, generate pages, render their bodies, write feeds.

The MkDocs hook holds one ``Build`` between events. This module needs only the values
MkDocs passes (a config mapping, source URIs, HTML strings), not MkDocs itself.
"""

from __future__ import annotations

import html
import json
import os
import re
import zlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo

import jinja2
import markdown as md
import yaml
from markupsafe import Markup

from . import ahead, background, content, feeds, headers, indexing, jsonld, layout, memo, plain, qr, registry, routes, safety, sitemap, text, views, whitespace, writer
from .glossary import TermIndex, link
from .catalogue import Catalogue, Course, Paths, course_files, load, load_settings, today
from .sources import load_yaml_file
from .model import SiteSettings
from .registry import PageSpec
from .views import Env
from .problems import ContentError, Problems


def _line_finder(config_path: Path):
    """Find the line of a key of extra.portal in mkdocs.yml (for settings problems)."""
    try:
        lines = config_path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []

    def line_of(key: str) -> int:
        in_portal = False
        for i, line in enumerate(lines, 1):
            stripped = line.strip()
            if stripped.startswith("portal:"):
                in_portal = True
                if key == "portal":
                    return i
            elif in_portal and stripped.startswith(f"{key}:"):
                return i
        for i, line in enumerate(lines, 1):
            if line.strip().startswith(f"{key}:"):
                return i
        return 0

    return line_of


#: From this many generated pages a one-off build keeps its finished pages compressed
#: until MkDocs writes them (level 1: at 5,000 courses, 177 MB of pages in 31 MB, for
#: about 1.7 s of CPU time: compressing them took 0.8 s, reading them all once 0.4 s,
#: and a page is read twice).
PACK_FROM = 2_000


@dataclass(frozen=True)
class Finished:
    """A generated page, finished: what any engine needs to publish it."""

    spec: PageSpec
    #: The page's body as laid out, with the unindexed parts marked (``indexing``), in
    #: UTF-8 (``laid_out``), compressed when ``packed``: every page is finished before the
    #: first is published, and as bytes they take half the memory of text (one dash makes
    #: Python store a whole page in two bytes a character); each form is made when it is
    #: asked for.
    stored: bytes
    #: JSON-LD for the page's <head> ("" when none).
    head: str
    #: What search results say the page is (Material shows a page's tags with its results).
    tags: tuple[str, ...] = ()
    #: ``stored`` is zlib-compressed (a large site's one-off build: ``PACK_FROM``).
    packed: bool = False

    @property
    def laid_out(self) -> bytes:
        return zlib.decompress(self.stored) if self.packed else self.stored

    @property
    def html(self) -> str:
        """The page's body as published (the markers taken out of the bytes, which hold one
        byte a character, before the one decoding: a catalogue page can be megabytes)."""
        return indexing.published_bytes(self.laid_out).decode("utf-8")

    @property
    def page_html(self) -> str:
        """The page's body as the engine publishes it after search has read it: without
        the markers and the data-search-* attributes (worked on the bytes, decoded once)."""
        return indexing.without_search_attributes(indexing.published_bytes(self.laid_out)).decode("utf-8")

    @property
    def searched(self) -> bool:
        """Whether search indexes the page at all (its front matter says so to the engine)."""
        return not self.spec.search_exclude

    @property
    def search_html(self) -> str:
        """The part of the body that search indexes: the same index, less to parse. Nothing
        of a page search leaves out (the calendar and min plan are megabytes at 1,000
        courses: reading them for nothing was half of search's parsing)."""
        return indexing.indexed(self.laid_out.decode("utf-8")) if self.searched else ""

    @property
    def front_matter(self) -> dict[str, Any]:
        return front_matter(self.spec, self.tags)


@dataclass
class Build:
    root: Path
    settings: SiteSettings
    zone: ZoneInfo
    today: date
    now: datetime
    markdown_extensions: list = field(default_factory=list)
    markdown_configs: dict = field(default_factory=dict)
    theme_dirs: list[str] = field(default_factory=list)
    site_url: str | None = None
    repo_url: str | None = None
    docs_dir: Path = Path("content")
    courses_dir: str = "courses"
    glossary_dir: str = "glossary"
    #: What the site's Markdown depends on besides the text: mkdocs.yml's bytes (its
    #: extensions and their settings) and the extensions' names. Keys the shared caches.
    signature: str = ""
    #: Keep finished pages in the process-wide cache (``memo.PAGES``) for the next build:
    #: set by the adapter for ``mkdocs serve``, whose rebuilds run in the same process.
    keep_pages: bool = False

    catalogue: Catalogue | None = None
    env: Env | None = None
    specs: dict[str, PageSpec] = field(default_factory=dict)
    term_index: TermIndex | None = None
    #: src_uri -> the finished page (``compose``).
    finished: dict[str, "Finished"] = field(default_factory=dict)
    #: src_uri -> how many times its body was laid out (always 1: tests count).
    renders: dict[str, int] = field(default_factory=dict)
    #: slug -> {page url: page title} of the courses and content pages that use the term.
    usage: dict[str, dict[str, str]] = field(default_factory=dict)
    #: CSP hash sources of the inline scripts in the pages written so far.
    script_hashes: set[str] = field(default_factory=set)
    #: The engine's search reading of a page's indexed part (``Finished.search_html``), set
    #: by the adapter before ``compose``: a one-off build then reads each page as it is
    #: composed, on both processes, into ``read_by_search``.
    search_reader: Callable[[str], Any] | None = None
    #: src_uri -> what ``search_reader`` made of the page (a one-off build's, by ``compose``).
    read_by_search: dict[str, Any] = field(default_factory=dict)
    #: Where a one-off build writes its feeds, when the engine's folder is ready for them
    #: as ``compose`` begins (set by the adapter): they are written while the term pages
    #: are composed.
    feeds_dir: Path | None = None
    _jinja: jinja2.Environment | None = None
    _content: list | None = None
    _md: md.Markdown | None = None
    #: Whether the site's Markdown extensions let plain paragraphs skip Markdown (plain.applies).
    _plain: bool | None = None
    _site_digest: str | None = None
    _catalogue_digest: str | None = None
    _content_digest: str | None = None
    _course_digests: dict = field(default_factory=dict)
    #: Each glossary term's short definition, the title of every link to it.
    _term_titles: dict = field(default_factory=dict)
    #: A one-off build's pages other than the term pages, and the terms' definitions, made
    #: by a second process (``background``).
    _prefetch: background.Meet | None = None
    #: The worker that writes a one-off build's feeds from the term pages on, while the
    #: engine lays the pages out (``_start_feeds``).
    _beside: background.Prefetch | None = None
    #: The pages' files made ahead in a staged one-off build (``start_ahead``).
    _ahead: ahead.Ahead | None = None
    #: What finishes and writes a one-off build's pages as the engine lays them out.
    _writer: writer.Writer | None = None
    #: The kept views this build used, by id: (view, digest) (``memo.pickled``'s ``known``).
    _known: dict = field(default_factory=dict)
    _digests: dict = field(default_factory=dict)

    # --- setting up --------------------------------------------------------------------

    @classmethod
    def from_mkdocs(cls, config: Any, environ: dict | None = None) -> "Build":
        config_path = Path(config["config_file_path"])
        root = config_path.parent
        rel = config_path.name
        extra = dict(config["extra"] or {})
        settings, zone, problems = load_settings(extra, rel, _line_finder(config_path))
        p = Problems()
        p.extend(problems)
        if settings is None or zone is None:
            raise ContentError(p)
        try:
            day, now = today(zone, environ)
        except ValueError as exc:
            p.add("PORTAL_TODAY", 0, str(exc))
            raise ContentError(p) from None
        if p:
            raise ContentError(p)
        repo_url = config.get("repo_url")
        try:
            config_bytes = config_path.read_bytes()
        except OSError:
            config_bytes = b""
        names = [e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}"
                 for e in config["markdown_extensions"]]
        return cls(
            root=root,
            settings=settings,
            zone=zone,
            today=day,
            now=now,
            markdown_extensions=list(config["markdown_extensions"]),
            markdown_configs=dict(config["mdx_configs"]),
            theme_dirs=list(config["theme"].dirs),
            site_url=settings.url or config.get("site_url"),
            repo_url=repo_url,
            # courses/ and glossary/ are the content model's folders (SiteSettings accepts
            # no other); the fields stay for the core's callers and tests.
            docs_dir=Path(config["docs_dir"]),
            signature=memo.digest(config_bytes, repr(names), repr(sorted(config["mdx_configs"]))),
        )

    def footer(self) -> dict:
        """What every page's footer shows (the school's contact and the crisis line)."""
        return views.footer_view(self.settings)

    def load(self) -> Catalogue:
        """Read and validate every editor file; raise ContentError with all problems.

        A one-off build has a second process parse the course files, in the order they
        are validated, while it validates the ones before (``background.Stream``): the
        YAML is about half of loading them. A served preview keeps what it read instead."""
        paths = Paths(self.root, self.courses_dir, self.glossary_dir)
        reading = None if self.keep_pages else background.Stream(load_yaml_file, course_files(paths))
        try:
            catalogue, problems = load(paths, self.settings, self.zone, parsed=memo.COURSES if self.keep_pages else None,
                                       read=reading.get if reading is not None else load_yaml_file)
        finally:
            if reading is not None:
                reading.close()
        if problems:
            raise ContentError(problems)
        self.catalogue = catalogue
        self.env = Env(catalogue, self.today, self.now, self.markdown, self.inline_markdown, self.site_url,
                       qr=qr.qr_svg if self.keep_pages else qr.code_svg,
                       keeper=self._keep_view if self.keep_pages else None)
        self.specs = {spec.src_uri: spec for spec in registry.page_specs(catalogue)}
        clashes = Problems()
        for page in self.content_pages():
            if page.src_uri in self.specs:
                where = Path(os.path.relpath(self.root / self.docs_dir / page.src_uri, self.root)).as_posix()
                clashes.add(where, 1, f"siden ligger, hvor portalen selv laver siden /{routes.url_of(page.src_uri)}; "
                                      "flyt eller omdøb filen (portalens egne sider kan ikke erstattes)")
        if clashes:
            raise ContentError(clashes)
        self.term_index = TermIndex.from_terms(catalogue.terms.values())
        self.usage = {slug: {} for slug in catalogue.terms}
        for course in catalogue.courses.values():
            for slug in course.spec.glossary:
                self.usage[slug][routes.url_of(routes.course_uri(course.slug))] = views.usage_title(course)
        return catalogue

    def _start_prefetch(self) -> None:
        """A one-off build hands work to a second process (``background``), in the order
        ``compose`` asks for it: every page but the term pages whole (the course pages,
        the catalogue's lists, the calendar, the teachers', places' and themes' pages:
        what they are made of is in the catalogue; a course page's glossary uses come back
        with it), and each term's definition. Started by ``compose``, which stops it: a
        build that only loads (``rskole check``) starts none.

        The worker makes them from the first, and the build, rather than wait for a
        result, from the last back (``background.Meet``): they meet in the middle."""
        tasks = []
        for spec in self._compose_order():
            if spec.kind != "term":
                tasks.append(("page", spec.src_uri))
            elif spec.body:
                # A term page lists the pages that use the term: the build lays it out
                # once it has every other page.
                tasks.append(("md", spec.body))
        self._prefetch = background.Meet({"md": self._markdown_here, "page": self._made}, tasks)

    def _compose_order(self) -> list[PageSpec]:
        # Term pages last: by then every page that uses a term has been read ("Bruges i").
        return sorted(self.specs.values(), key=lambda spec: spec.kind == "term")

    # --- pages ---------------------------------------------------------------------------

    def searched_whole(self) -> dict[str, frozenset[str]]:
        """The pages search takes as one entry each, by URL, with the ids of their
        template's own headings (``indexing.whole_pages``)."""
        return {spec.url: spec.search_whole for spec in self.specs.values()
                if spec.search_whole is not None and not spec.search_exclude}

    def generated_files(self) -> list[tuple[PageSpec, str]]:
        """(spec, source) for every generated page: front matter only. The body is the
        finished page, which the engine is handed as it is (no Markdown run over it)."""
        return [(page.spec, source_of(page.front_matter, readable=False)) for page in self.finished.values()]

    def edit_uri(self, source: str) -> str | None:
        """The edit link of a generated page: the editor's own file, not the virtual page.

        MkDocs joins ``repo_url + edit_uri + file.edit_uri`` and edit_uri points into
        docs_dir, so the path is written relative to docs_dir ("../courses/haab.yml").
        """
        if not self.repo_url:
            return None
        return Path(os.path.relpath(self.root / source, self.docs_dir)).as_posix()

    @property
    def jinja(self) -> jinja2.Environment:
        if self._jinja is None:
            self._jinja = layout.Environment(
                loader=jinja2.FileSystemLoader(self.theme_dirs),
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                bytecode_cache=self.template_code,
            )
        return self._jinja

    @property
    def template_code(self) -> jinja2.BytecodeCache | None:
        """Where a served preview keeps compiled templates between rebuilds (else None)."""
        return memo.TEMPLATES if self.keep_pages else None

    def render(self, template: str, page_url: str, **ctx: Any) -> str:
        def url(target: str) -> str:
            return relative_url(target, page_url)

        return self.jinja.get_template(template).render(url=url, site=self.settings, **ctx)

    def link_terms(self, html: str, page_url: str, once: set[str], skip: frozenset = frozenset(),
                   record: str | None = None, used_out: set[str] | None = None) -> str:
        """Link glossary words in rendered HTML; ``record`` is the page's title when its use
        of a term should be listed on the term's page ("Bruges i"); ``used_out`` collects
        the terms linked."""
        linked_html, used = link(
            html, self.term_index,
            href_for=lambda slug: relative_url(routes.url_of(routes.term_uri(slug)), page_url),
            title_for=self._term_title,
            skip=skip, once=once,
        )
        if record is not None:
            for slug in used:
                self.usage[slug].setdefault(page_url, record)
        if used_out is not None:
            used_out.update(used)
        return linked_html

    def _term_title(self, slug: str) -> str:
        """A term's short definition as its links' title: made once a build, not once a
        link (a course page links about ten terms, from the same 200)."""
        title = self._term_titles.get(slug)
        if title is None:
            title = self._term_titles[slug] = text.short_text(self.catalogue.terms[slug])
        return title

    # --- One pass: every generated page finished before any page is rendered -----------

    def compose(self) -> dict[str, "Finished"]:
        """Lay out every generated page, once, in an order that makes "Bruges i" complete
        by construction: editors' content pages and every other page are read for the
        terms they use before any term page is laid out. Nothing here depends on the
        order in which an engine later processes pages."""
        if not self.keep_pages:
            self._start_prefetch()
        try:
            for page in self.content_pages():
                # Rendered with the site's own Markdown extensions, only to learn its terms.
                rendered = self._md_convert(page.markdown)
                self.link_terms(rendered, page.url, set(), record=page.title(rendered))
            order = self._compose_order()
            finished = {spec.src_uri: self._finish(spec) for spec in order if spec.kind != "term"}
            # The term pages are laid out here alone (they wait for every use of a term):
            # the feeds, which need only the catalogue, are written meanwhile.
            self._start_feeds()
            finished.update((spec.src_uri, self._finish(spec)) for spec in order if spec.kind == "term")
            self.finished = finished
        finally:
            if self._prefetch is not None:
                self._prefetch.close()
                self._prefetch = None
        return self.finished

    def content_pages(self) -> list[content.ContentPage]:
        """The editors' Markdown pages in docs_dir (what the engine renders itself)."""
        if self._content is None:
            self._content = content.pages(self.root / self.docs_dir)
        return self._content

    def _finish(self, spec: PageSpec) -> "Finished":
        page_url = spec.url
        record = views.usage_title(self.catalogue.courses[spec.key]) if spec.kind == "course" else None
        ctx = None
        key = None
        if self.keep_pages and spec.kind == "course":
            # A course page's values are made of its course and the site around it, and of
            # where now falls among the course's instants (views.epoch): keyed by those, a
            # rebuild makes no view for a course that did not change.
            course = self.catalogue.courses[spec.key]
            key = memo.digest(self._site_key(), memo.pickled(spec), self._course_digest(course),
                              repr(views.epoch(self.env, course)))
        elif self.keep_pages:
            # Everything the laid-out body depends on: the page, its template's values,
            # the site (settings, Markdown, templates, glossary) and, for a term page,
            # who uses the term. The same key gives the same bytes.
            ctx = views.context(self.env, spec)
            usage = views.usage_list(self.env, self.usage.get(spec.key, {})) if spec.kind == "term" else None
            key = memo.digest(self._site_key(), memo.pickled(spec), memo.pickled(ctx, self._known), memo.pickled(usage))
        if key is not None:
            laid_out, used = memo.PAGES.get(
                key, lambda: self._lay_out(spec, ctx if ctx is not None else views.context(self.env, spec), record))
            if record is not None:
                for slug in used:
                    self.usage[slug].setdefault(page_url, record)
        elif spec.kind != "term" and self._prefetch is not None:
            # Made by the worker, or here when the build got there first (``_made``); a
            # course page's glossary uses are recorded here, in the order of the pages.
            body, compressed, head, tags, used, read = self._prefetch.get("page", spec.src_uri)
            if record is not None:
                for slug in used:
                    self.usage[slug].setdefault(page_url, record)
            if compressed != self._packed:
                body = zlib.decompress(body) if compressed else zlib.compress(body, 1)
            self.renders[spec.src_uri] = self.renders.get(spec.src_uri, 0) + 1
            if read is not None:
                self.read_by_search[spec.src_uri] = read
            return Finished(spec, body, head, tags, self._packed)
        else:
            laid_out, _ = self._lay_out(spec, views.context(self.env, spec), record)
            if self._prefetch is not None and (read := self._read(spec, laid_out)) is not None:
                self.read_by_search[spec.src_uri] = read  # a term page, in a one-off build
        self.renders[spec.src_uri] = self.renders.get(spec.src_uri, 0) + 1
        return Finished(spec, zlib.compress(laid_out, 1) if self._packed else laid_out, self._structured_data(spec) or "",
                        tuple(views.search_tags(self.env, spec)), self._packed)

    def _read(self, spec: PageSpec, laid_out: bytes) -> Any:
        """The engine's search reading of a laid-out page (None: no reader, or a page search
        leaves out): ``Finished.search_html`` of it, read."""
        if self.search_reader is None or spec.search_exclude:
            return None
        return self.search_reader(indexing.indexed(laid_out.decode("utf-8")))

    @property
    def _packed(self) -> bool:
        """Whether a finished page is kept compressed (a large site's one-off build)."""
        return not self.keep_pages and len(self.specs) >= PACK_FROM

    def _made(self, src_uri: str) -> tuple[bytes, bool, str, tuple[str, ...], tuple[str, ...], Any]:
        """A page other than a term page, as either process makes it (``background``): its
        body laid out, whether that is compressed, its head, its search tags, the
        glossary terms it links (which the build records under "Bruges i" for a course
        page when it takes the page) and search's reading of it (``_read``). Nothing here
        changes the build.

        Compressed in the worker whatever the site's size: the calendar and min plan are
        megabytes at 1,000 courses, and a result reaches the build through a pipe its
        process reads between its own work (uncompressed, the worker waited 0.2 s to hand
        them over). Made in the build's own process, it is compressed only if it is kept so."""
        spec = self.specs[src_uri]
        laid_out, used = self._lay_out(spec, views.context(self.env, spec), None)
        compressed = background.in_worker() or self._packed
        return (zlib.compress(laid_out, 1) if compressed else laid_out, compressed, self._structured_data(spec) or "",
                tuple(views.search_tags(self.env, spec)), tuple(sorted(used)), self._read(spec, laid_out))

    def _lay_out(self, spec: PageSpec, ctx: dict, record: str | None) -> tuple[bytes, frozenset[str]]:
        """A generated page's body, laid out (UTF-8), and the glossary terms linked in it."""
        page_url = spec.url
        once: set[str] = set()
        used: set[str] = set()
        skip = frozenset([spec.key]) if spec.kind == "term" else frozenset()
        # The body is an editor's Markdown field (description, bio, definition).
        body = Markup(text.with_print_addresses(self.link_terms(self.markdown(spec.body), page_url, once, skip, record, used))
                      if spec.body else "")
        if spec.kind == "course":
            ctx["course"]["learning_outcomes"] = [
                Markup(self.link_terms(self.inline_markdown(o), page_url, once, record=record, used_out=used))
                for o in self.catalogue.courses[spec.key].spec.learning_outcomes]
        if spec.kind == "glossary":
            for letter in ctx["letters"]:
                for term in letter["terms"]:
                    term["definition_html"] = Markup(self.link_terms(term["definition_html"], page_url, once, frozenset([term["slug"]])))
        html_out = self.render(f"portal/{spec.kind}.html", page_url, body=body, **ctx)
        if spec.kind == "term":
            html_out += self.render("portal/term_usage.html", page_url,
                                    pages=views.usage_list(self.env, self.usage.get(spec.key, {})))
        return html_out.encode("utf-8"), frozenset(used)

    def _site_key(self) -> str:
        """What every generated page depends on besides its own values (once per build)."""
        if self._site_digest is None:
            stamps = []
            for folder in self.theme_dirs[:1]:  # the site's custom_dir; the theme's own files do not change
                for path in sorted(Path(folder).rglob("*")):
                    if path.is_file():
                        st = path.stat()
                        stamps.append(f"{path}:{st.st_mtime_ns}:{st.st_size}")
            terms = [(slug, repr(t.spec), t.body) for slug, t in sorted(self.catalogue.terms.items())]
            # Not the build's clock: what a page shows of today and now reaches it only
            # through its view (``ctx``), which is in every page's key. With the clock in
            # here, a preview without PORTAL_TODAY would rebuild every page on every edit.
            self._site_digest = memo.digest(self.signature, repr(self.settings), repr(self.site_url),
                                            "\n".join(stamps), repr(terms), repr(self.theme_dirs))
        return self._site_digest

    def _catalogue_key(self) -> str:
        """What a course's JSON-LD depends on besides the course (once per build)."""
        if self._catalogue_digest is None:
            cat = self.catalogue
            self._catalogue_digest = memo.digest(memo.pickled(cat.settings), memo.pickled(cat.teachers),
                                                 memo.pickled(cat.locations), cat.zone.key, repr(self.site_url))
        return self._catalogue_digest

    def _course_digest(self, course: Course) -> str:
        """Everything a course's views, page and JSON-LD are made of besides the clock: the
        course, the catalogue around it (teachers, places, settings) and the site (its
        glossary, Markdown, templates and address). Once per course and build."""
        if course.slug not in self._course_digests:
            self._course_digests[course.slug] = memo.digest(self._site_key(), self._catalogue_key(), memo.pickled(course))
        return self._course_digests[course.slug]

    def _keep_view(self, kind: str, course: Course, epoch: tuple[int, int], make):
        """views.Env.keeper in a served preview: a course's view by its digest and epoch.
        Each view is digested once, when made; a page key names it by that digest."""
        def made():
            view = make()
            return view, memo.digest(memo.pickled(view, self._known))

        view, digest = memo.VIEWS.get((kind, self._course_digest(course), epoch), made)
        self._known[id(view)] = (view, digest)
        return view

    # --- mkdocs serve --dirty: which pages a rebuild must write again --------------------

    def page_digest(self, src_uri: str, source: str | bytes | None = None) -> str:
        """Everything a page's published HTML depends on, as one digest: the site (settings,
        Markdown, templates, glossary, the editors' pages, which give the navigation its
        titles) and the page itself (a generated page: its front matter, body and head; an
        editor's page: its source and, for the front page, the courses it shows)."""
        if src_uri in self._digests:
            return self._digests[src_uri]
        finished = self.finished.get(src_uri)
        if finished is not None:
            own = (repr(finished.front_matter), finished.laid_out, finished.head)
        else:
            own = (source or "", self.home_after(routes.url_of(src_uri)) if src_uri == "index.md" else "")
        self._digests[src_uri] = memo.digest(self._site_key(), self._content_key(), src_uri, *own)
        return self._digests[src_uri]

    def _content_key(self) -> str:
        if self._content_digest is None:
            # The front matter too: its title is the page's title in every page's navigation.
            self._content_digest = memo.digest(*(f"{p.src_uri}\n{p.meta!r}\n{p.markdown}" for p in self.content_pages()))
        return self._content_digest

    def unchanged(self, src_uri: str, dest: str, source: str | bytes | None = None) -> bool:
        """True when this process last wrote ``dest`` from a page with the same digest and
        the file is still there: a ``--dirty`` rebuild may leave it as it is."""
        return memo.WRITTEN.peek(dest) == self.page_digest(src_uri, source) and os.path.isfile(dest)

    def written(self, src_uri: str, dest: str, source: str | bytes | None = None) -> None:
        """Note what was written at ``dest`` (in a served preview: ``keep_pages``). A one-off
        build lets go of a generated page's body once it is written: nothing reads it again,
        and its memory goes to the pages still to come, the search index and the feeds."""
        if self.keep_pages:
            memo.WRITTEN.put(dest, self.page_digest(src_uri, source))
        elif (page := self.finished.get(src_uri)) is not None:
            self.finished[src_uri] = replace(page, stored=b"", packed=False)

    def content_tags(self) -> list[str]:
        """What search results say an editor's own page is ("Side")."""
        return views.search_tags(self.env, None)

    def link_content(self, page_url: str, html_in: str) -> str:
        """An editor's content page as the engine rendered it, with glossary words linked
        (the same links ``compose`` counted for "Bruges i")."""
        return self.link_terms(html_in, page_url, set())

    def home_after(self, page_url: str) -> str:
        """What the front page shows after the editor's text: the next courses."""
        upcoming = [views.course_card(self.env, c) for c in self.env.active()[:4]]
        return indexing.published(self.render("portal/home.html", page_url, courses=upcoming, total=len(self.env.active())))

    def _structured_data(self, spec: PageSpec | None) -> str | None:
        if spec is None or self.env is None:
            return None
        if spec.kind == "course":
            course = self.catalogue.courses[spec.key]
            if not self.keep_pages:
                return jsonld.script(jsonld.course(self.env, course, self.site_url))
            # A served preview: the same course among the same teachers, places and
            # settings gives the same JSON-LD (it says nothing about today).
            return memo.STRUCTURED.get(self._course_digest(course),
                                       lambda: jsonld.script(jsonld.course(self.env, course, self.site_url)))
        if spec.kind == "term":
            return jsonld.script(jsonld.term(self.env, self.catalogue.terms[spec.key], self.site_url))
        if spec.kind == "glossary":
            return jsonld.script(jsonld.term_set(self.env, self.site_url))
        if spec.kind == "courses":
            return jsonld.script(jsonld.course_list(self.env, self.env.listed(), self.site_url))
        return None

    # --- The site's files ------------------------------------------------------------------

    def start_ahead(self, site_dir: Path) -> None:
        """While this build reads the content, a forked process makes the folders and
        empty files of the course and term pages and the courses' calendar files in
        ``site_dir`` (an empty folder the engine writes the site into), where file
        creation costs more than writing (``ahead``). Not in a served preview, whose
        rebuilds write into files that are there."""
        if self.keep_pages or self._ahead is not None:
            return
        self._ahead = ahead.Ahead(ahead.planned(Paths(self.root, self.courses_dir, self.glossary_dir), site_dir))

    def tidy_ahead(self) -> None:
        """Once every file is written: remove what was made ahead and not written."""
        if self._ahead is not None:
            self._ahead.tidy()
            self._ahead = None

    def stop_ahead(self) -> None:
        """A failed build: stop making files (its folder is removed)."""
        if self._ahead is not None:
            self._ahead.stop()
            self._ahead = None

    # --- While the engine lays out the pages ---------------------------------------------

    def _start_feeds(self) -> None:
        """A large one-off build's feeds, written by a worker beside the build from here on
        into ``feeds_dir`` (``background.Prefetch``): compose's other process has finished
        its share of the pages, and the term pages left are laid out in this one; the
        worker goes on while the engine lays out the pages. Not in a served preview: its
        caches keep that work."""
        if self.feeds_dir is None or self.keep_pages or self._beside is not None or len(self.specs) < background.MINIMUM:
            return
        self._beside = background.Prefetch({"feeds": self._write_feed_files}, [("feeds", str(self.feeds_dir))],
                                           minimum=1, alone=frozenset({"feeds"}))

    def stop_beside(self) -> None:
        if self._beside is not None:
            self._beside.close()
            self._beside = None

    def write_feeds(self, site_dir: Path) -> None:
        """Calendar files, kurser.json and the Atom feed, next to the pages; sitemap lastmod from git.

        Written by the worker when one runs (``_start_feeds``): the files are the same
        whichever process writes them, and none of them passes between the two. Without
        one (a small site, a preview, a failed worker) the build writes them itself."""
        written = None
        if self._beside is not None and self._beside.working:
            written = self._beside.get("feeds", str(site_dir))
        self.stop_beside()
        if written is None:
            self._write_feed_files(str(site_dir))
        sitemap.update(site_dir, self.root, self.docs_dir, self.specs.values(), self.site_url, self.zone)

    def _write_feed_files(self, site_dir: str) -> int:
        """Write the feeds; the number of files. In a served preview (``keep_pages``)
        each event is serialised once per content across rebuilds, and a file whose
        bytes this process already wrote there is left alone."""
        outputs = feeds.outputs(self.catalogue, self.env, self.root, self.site_url or "http://localhost/",
                                shared=memo.EVENTS if self.keep_pages else None)
        for name, data in outputs.items():
            path = Path(site_dir) / name
            if self.keep_pages:
                key = memo.digest(data)
                if memo.WRITTEN.peek(str(path)) == key and path.is_file():
                    continue
                _write(path, data)
                memo.WRITTEN.put(str(path), key)
            else:
                _write(path, data)
        return len(outputs)

    def start_writer(self, pages: int) -> bool:
        """A one-off build's pages, once laid out by the engine, are finished and written
        by a forked process (``writer``): ``finish_page``. Not in a served preview. Whether
        one runs."""
        if not self.keep_pages and self._writer is None:
            self._writer = writer.Writer(pages)
        return self._writer is not None and self._writer.working

    def finish_page(self, dest: str, html: str) -> str | None:
        """A page as the engine laid it out for ``dest``: None when the writer writes it,
        else the page as the engine should write it (its indentation left out, its
        scripts' hashes noted)."""
        if self._writer is not None and self._writer.hand_over(dest, html):
            return None
        html = whitespace.compact(html)
        self.note_output(html)
        return html

    def finish_writer(self) -> None:
        """Once every page is laid out: wait until the writer has written them all."""
        if self._writer is not None:
            self.script_hashes |= self._writer.close()
            self._writer = None

    def note_output(self, html: str) -> None:
        """Collect the inline scripts' hashes of every page as it is written (for the CSP),
        instead of reading the whole site back afterwards."""
        self.script_hashes |= headers.script_hashes(html)

    def write_headers(self, site_dir: Path) -> None:
        """``_headers`` (Netlify, Cloudflare Pages) with a CSP that the built pages meet.
        deploy/ shows the same headers for nginx and Caddy (scripts/headers.py prints them)."""
        policy = headers.policy(sorted(self.script_hashes))
        _write(site_dir / "_headers", headers.netlify(headers.security_headers(policy)).encode("utf-8"))

    # --- Markdown outside MkDocs' page pipeline (bios, definitions, outcomes) ----------

    def _md_convert(self, source: str) -> str:
        if self._plain is None:
            self._plain = plain.applies(self.markdown_extensions, self.markdown_configs)
        if self._plain and (html_out := plain.paragraphs(source)) is not None:
            return html_out  # plain paragraphs: the same HTML Markdown would give
        if self._md is None:
            self._md = md.Markdown(extensions=self.markdown_extensions, extension_configs=self.markdown_configs)
        self._md.reset()
        return self._md.convert(source)

    def markdown(self, source: str) -> str:
        """An editor's Markdown field as sanitized HTML (the same source and site give the
        same HTML: kept in a cache shared by the builds of a ``mkdocs serve``; a one-off
        build renders each field once anyway and keeps nothing)."""
        if self._prefetch is not None:
            return self._prefetch.get("md", source)
        if not self.keep_pages or not self.signature:
            return self._markdown_here(source)
        return memo.MARKDOWN.get((self.signature, source), lambda: self._markdown_here(source))

    def _markdown_here(self, source: str) -> str:
        if self._plain is None:
            self._plain = plain.applies(self.markdown_extensions, self.markdown_configs)
        if self._plain and (html_out := plain.paragraphs(source)) is not None and safety.keeps_plain(html_out):
            return html_out  # plain paragraphs, which the sanitizer would give back as they are
        return safety.clean(self._md_convert(source))

    def inline_markdown(self, text: str) -> str:
        html = self.markdown(text)
        match = re.fullmatch(r"\s*<p>(.*)</p>\s*", html, re.S)
        return Markup(match.group(1) if match else html)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def front_matter(spec: PageSpec, tags: tuple[str, ...] = ()) -> dict[str, Any]:
    """A generated page's front matter. mkdocs-material prints page titles and descriptions
    without escaping them (in <title>, <h1>, the header and <meta content="...">): editors'
    text is escaped here."""
    meta: dict[str, Any] = {"title": html.escape(spec.title, quote=True)}
    if spec.description:
        meta["description"] = html.escape(spec.description, quote=True)
    if spec.hide_toc:
        meta["hide"] = ["toc"]
    if spec.search_boost:
        meta["search"] = {"boost": spec.search_boost}
    if spec.search_exclude:
        meta["search"] = {"exclude": True}
    if tags:
        meta["tags"] = list(tags)
    return meta


#: What PyYAML will not read raw in a double-quoted string, or reads as a line break.
_YAML_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def source_of(meta: dict[str, Any], body: str = "", *, readable: bool = True) -> str:
    """A Markdown file with YAML front matter.

    ``readable=False`` writes the front matter as JSON, which YAML reads as the same
    values (a flow mapping of double-quoted strings), in a fiftieth of the time of
    ``yaml.safe_dump``: what the engine is handed. ``rskole compile`` writes files people
    read."""
    if readable:
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    else:
        front = _YAML_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(meta, ensure_ascii=False)) + "\n"
    return f"---\n{front}---\n\n{body}"


def relative_url(target: str, page_url: str) -> str:
    """``target`` (site-root-relative, e.g. 'kurser/haab/') as seen from ``page_url``."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith(("#", "/")):
        return target
    base = page_url.split("/")[:-1] if page_url else []
    parts = target.split("/")
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    rel = [".."] * (len(base) - common) + parts[common:]
    result = "/".join(rel)
    return result or "./"
