"""MkDocs adapter for the recovery school portal.

Thin on purpose. The core (``rskole/`` beside this file, no MkDocs import) composes every
generated page, finished, before MkDocs renders any page; this module hands MkDocs those
pages as they are, links glossary words in the editors' own pages, and writes the feeds.
One build's state lives on one object, ``Adapter``, kept on that build's MkDocs config:
the module itself holds no mutable state, so ``mkdocs serve`` rebuilds start clean.

Event priorities are commented where they are not the default.
"""

from __future__ import annotations

import copy
import gc
import logging
import sys
from pathlib import Path

# MkDocs puts this folder on sys.path only while the hook file first runs: import the
# core package here, at the top, never inside an event.
from rskole import build as core
from rskole import collector, indexing, publish
from rskole.fragments import Fragments
from rskole.frames import Frames
from rskole.problems import ContentError

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import TableOfContents

try:
    from material.plugins.search.plugin import Parser as SearchParser
    from material.plugins.search.plugin import SearchIndex
except ImportError:  # another theme: MkDocs' own search reads the pages itself
    SearchParser = SearchIndex = None

#: Where a build's Adapter is kept on MkDocs' config (a name, not state).
KEY = "rskole_adapter"


class Adapter:
    """One build: the core's Build, its finished pages and the staging folder."""

    def __init__(self, build: core.Build, staging: tuple[Path, Path] | None):
        self.build = build
        #: (staging folder, real site folder) while a staged build runs.
        self.staging = staging
        #: URLs of the site's pages, and of those this build wrote (under --dirty, not all).
        self.pages: set[str] = set()
        self.built: set[str] = set()
        #: Layout the same on many pages, made once (the navigation, by folder).
        self.fragments = Fragments()
        #: Generated pages' whole layouts, made once a shape and filled in.
        self.frames = Frames()
        #: Whether Material's search index takes a generated page's sections through
        #: ``_indexed_as_read``, which hands search the page's indexed part only when
        #: search reads the page itself (compose's reading needs none).
        self.search_reads = False
        #: Source URIs of the pages the core's writer writes (MkDocs writes none of them).
        self.handed: set[str] = set()
        self.quiet = _WrittenElsewhere(self.handed)

    def fail(self, exc: ContentError):
        # Each problem on its own line, exactly "path:line: message", then one short error
        # that stops MkDocs without a traceback. The last good site stays as it was.
        if self.staging is not None:
            if self.build is not None:
                self.build.stop_ahead()
                self.build.stop_beside()  # it may be writing the feeds there
            publish.abandon(self.staging[0])
        print(exc.problems.report(), file=sys.stderr, flush=True)
        raise PluginError(str(exc))


class _WrittenElsewhere(logging.Filter):
    """MkDocs says "Page skipped ... Generated empty output" of a page whose HTML a plugin
    made empty: the pages the core's writer writes instead (``Build.finish_page``)."""

    def __init__(self, handed: set[str]):
        super().__init__()
        self.handed = handed

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith("Page skipped: '"):
            return True
        return message[len("Page skipped: '"):].partition("'")[0] not in self.handed


#: The loggers of the page loop: MkDocs', and ProperDocs' (its fork; names only: the
#: module holds no state).
PAGES_LOGGERS = ("mkdocs.commands.build", "properdocs.commands.build")


def _adapter(config) -> Adapter:
    return config[KEY]


def on_config(config):
    try:
        build = core.Build.from_mkdocs(config)
    except ContentError as exc:
        Adapter(None, None).fail(exc)
    staging = None
    site_dir = Path(config.site_dir)
    if publish.should_stage(site_dir):
        # MkDocs writes into a staging folder; the real site is replaced only on success.
        staging = (publish.begin(site_dir), site_dir)
        config.site_dir = str(staging[0])
    # A served site (mkdocs serve builds into its own folder, unstaged) keeps finished
    # pages for its next rebuild, in the core's content-keyed cache.
    build.keep_pages = staging is None
    if build.keep_pages:
        # A rebuild of the preview runs without Python's collector, which runs after it.
        collector.PREVIEW.build_starts()
    config[KEY] = Adapter(build, staging)
    # Every page's footer (the theme's own pages too, such as 404.html) shows help.
    config.extra["portal_footer"] = build.footer()
    return config


def on_files(files: Files, config) -> Files:
    adapter = _adapter(config)
    build = adapter.build
    if adapter.staging is not None:
        # MkDocs has emptied the staging folder: the pages' files can be made there while
        # the content is read (the last good site is elsewhere, untouched).
        build.start_ahead(Path(config.site_dir))
    if not build.keep_pages:
        # The feeds are written while the term pages are composed (MkDocs has emptied the
        # folder they go in), and search's reading of each generated page as it is composed.
        build.feeds_dir = Path(config.site_dir)
        if _material_index(config) is not None:
            build.search_reader = _sections
    try:
        build.load()
        # One pass: every generated page is finished here, before MkDocs renders any.
        build.compose()
    except ContentError as exc:
        adapter.fail(exc)
    for spec, source in build.generated_files():
        file = File.generated(config, spec.src_uri, content=source)
        if spec.source:
            file.edit_uri = build.edit_uri(spec.source)
        if not spec.in_nav:
            # Detail pages are reached from index pages, not listed one by one in the
            # navigation (that makes MkDocs' cost grow with the square of the pages).
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    for file in files.documentation_pages():
        # MkDocs asks only under --dirty (mkdocs serve --dirty): a generated page counts as
        # modified always, an editor's page when its own file is newer. Both are asked of
        # the core instead: rewritten when what the page is made of changed.
        file.is_modified = _is_modified(build, file)
    index = _material_index(config)
    if index is not None:
        # Material's search takes a generated page's sections as compose read them.
        index.add_entry_from_context = _indexed_as_read(index, build)
        adapter.search_reads = True
    return files


def _material_index(config):
    """Material's search index of this build (None: another search, or none)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    return index if SearchIndex is not None and isinstance(index, SearchIndex) else None


def _sections(html: str) -> list:
    """Search's parser's sections of ``html``, each section's title and text pieces joined
    into one (the index joins them: the same entries). A one-off build keeps every page's
    sections until MkDocs lays the page out, and the pieces (a tag, a word run) were most
    of their memory, and of the pickling from compose's worker."""
    parser = SearchParser()
    parser.feed(html)
    parser.close()
    for section in parser.data:
        # An empty title stays empty: search then gives the section the page's title.
        section.title = ["".join(section.title)] if section.title else []
        section.text = ["".join(section.text)]
    return parser.data


def _indexed_as_read(index, build: core.Build):
    """Material's SearchIndex.add_entry_from_context (9.8.2), with a generated page's
    sections as a one-off build's compose read them (``Build.read_by_search``): the same
    steps, the same entries. A page not read (a served preview) is read by search itself,
    from its indexed part."""
    own = index.add_entry_from_context

    def add_entry_from_context(page) -> None:
        search = page.meta.get("search") or {}
        finished = build.finished.get(page.file.src_uri)
        if search.get("exclude") or finished is None:
            return own(page)
        sections = build.read_by_search.pop(page.file.src_uri, None)  # read once: let it go
        if sections is None:
            page.content = finished.search_html  # search reads the page itself
            return own(page)
        for section in sections:
            if not section.is_excluded():
                index.create_entry_for_section(section, page.toc, page.url, page)

    return add_entry_from_context


def _is_modified(build: core.Build, file: File):
    def is_modified() -> bool:
        source = None if file.generated_by else file.content_bytes
        return not build.unchanged(file.src_uri, file.abs_dest_path, source)

    return is_modified


def on_env(env, config, files):
    adapter = _adapter(config)
    # Every page of the site by the URL search gives it (its Page exists by now).
    adapter.pages = {file.page.url for file in files.documentation_pages() if file.page is not None}
    # A served preview compiles the theme's templates once, not on every rebuild.
    code = adapter.build.template_code
    if code is not None and env.bytecode_cache is None:
        env.bytecode_cache = code
    # The theme's partials/nav.html asks for the navigation through this, and main.html
    # for the blocks it keeps by folder, when they are there.
    env.globals["portal_navigation"] = adapter.fragments.navigation
    env.globals["portal_kept"] = adapter.fragments.block
    if _frames_apply(config):
        _lay_out_in_frames(adapter, env)
    # MkDocs lays out the pages next: a one-off build's writer finishes and writes them.
    if adapter.build.start_writer(len(files.documentation_pages())):
        for name in PAGES_LOGGERS:
            logging.getLogger(name).addFilter(adapter.quiet)
    return env


#: What a page's layout is given: MkDocs' get_context, and the adapter's JSON-LD. A frame
#: is used only when there is nothing else: anything else may differ from page to page.
FRAMED_CONTEXT = ("base_url", "build_date_utc", "config", "extra_css", "extra_javascript",
                  "mkdocs_version", "nav", "page", "pages", "portal_head")
#: Values a frame holds that the theme escapes or strips (rskole/frames.py: ``inert``).
INERT_HOLES = ("title", "description", "canonical")
#: Front matter that is a hole, or that Material's templates do not read (search's own).
UNSHAPED_META = ("title", "description", "tags", "search")


#: The versions of mkdocs-material whose templates were read for what a frame's shape must
#: hold (every ``page.*`` they read). Another version lays every page out in full, and the
#: build tests that count filled pages fail until its templates are read again.
FRAMED_MATERIAL = ("9.8.2",)


def _frames_apply(config) -> bool:
    """Frames are for the Material whose layout was read, with no plugin or hook but search
    and this one (another may add to a page's layout, as the tags plugin does)."""
    others = [name for name, plugin in config.plugins.items()
              if name not in ("search", "material/search") and getattr(plugin, "__file__", None) != __file__]
    return (getattr(config.theme, "name", None) == "material" and not others
            and _material_version() in FRAMED_MATERIAL)


def _material_version() -> str | None:
    try:
        from material import __version__
    except ImportError:
        return None
    return __version__


def _lay_out_in_frames(adapter: Adapter, env) -> None:
    """MkDocs lays every page out with main.html's ``render``: a generated page of a known
    shape is laid out as its frame filled in (rskole/frames.py), every other page as before."""
    template = env.get_template("main.html")
    own = template.render

    def render(*args, **kwargs) -> str:
        context = dict(*args, **kwargs)
        shape = _shape(adapter, context)
        if shape is None:
            return own(context)
        page = context["page"]
        values = {"title": page.title, "content": page.content}
        if "description" in page.meta:
            values["description"] = page.meta["description"]
        if page.canonical_url is not None:
            values["canonical"] = page.canonical_url
        if "portal_head" in context:
            values["head"] = str(context["portal_head"])
        return adapter.frames.lay_out(shape, values, tuple(n for n in INERT_HOLES if n in values),
                                      lambda: own(context), lambda v: own(_with_values(context, v)))

    template.render = render


def _shape(adapter: Adapter, context: dict):
    """What a generated page's layout depends on besides its holes (None: not framed)."""
    page = context.get("page")
    if page is None or not set(context) <= set(FRAMED_CONTEXT):
        return None
    if page.file.src_uri not in adapter.build.finished or not isinstance(page.content, str):
        return None
    folder = adapter.fragments.folder(page, context["nav"])
    # An edit link is the page's own, and Material rewrites it ("edit" -> "raw"): a page
    # with one (a site with repo_url) is laid out in full. So is a body with its own <h1>
    # (Material then adds none, and a frame's marker body has none).
    if (folder is None or page.is_homepage or len(page.toc) or page.previous_page is not None
            or page.next_page is not None or page.ancestors or page.edit_url or "<h1" in page.content):
        return None
    meta = tuple(sorted((key, repr(value)) for key, value in page.meta.items() if key not in UNSHAPED_META))
    return (folder, meta, "title" in page.meta, "description" in page.meta, page.canonical_url is not None,
            "portal_head" in context)


def _with_values(context: dict, values: dict) -> dict:
    """``context`` with another page's values in the holes (a copy: the page is untouched)."""
    page = copy.copy(context["page"])
    page.title = values["title"]
    page.meta = dict(page.meta)
    if "title" in page.meta:  # Material shows a meta title as it is, else the title stripped
        page.meta["title"] = values["title"]
    if "description" in values:
        page.meta["description"] = values["description"]
    if "canonical" in values:
        page.canonical_url = values["canonical"]
    page.content = values["content"]
    out = dict(context, page=page)
    if "head" in values:
        out["portal_head"] = core.Markup(values["head"])
    return out


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.src_uri not in _adapter(config).build.finished:
        return markdown
    # A generated page's source is front matter only: nothing for Markdown to do. MkDocs'
    # Page.render would still build a Markdown instance with every extension to convert
    # "" (0.38 ms a page, timeit with the portal's extensions): the page gets what that
    # gives, directly.
    page.render = _rendered_empty(page)
    return ""


def _rendered_empty(page):
    def render(config, files) -> None:
        # What mkdocs 1.6's Page.render leaves on a page whose Markdown is "".
        page.content = ""
        page.toc = TableOfContents([])
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    return render


# Late: after other plugins have changed the page's HTML. An editor's page gets its
# glossary links. A generated page's body is the core's, handed over in on_page_context:
# MkDocs renders every page's content before it builds the first, and keeping each
# generated page's text on its Page until then was the largest part of a build's memory.
@event_priority(-50)
def on_page_content(html: str, page, config, files) -> str:
    build = _adapter(config).build
    finished = build.finished.get(page.file.src_uri)
    if finished is None:
        # Search results say what an editor's page is, unless the editor chose tags.
        page.meta.setdefault("tags", build.content_tags())
        return build.link_content(page.url, html)
    if finished.spec.hide_toc:
        # The template lays out a generated page; it has no table of contents of its own.
        page.toc = TableOfContents([])
    return ""


# Before search (priority 0) reads page.content: a generated page hands search only the
# part it indexes (the same index, less HTML to parse). With Material's index, that is
# done where search reads the page (``_indexed_as_read``): not when compose has read it.
@event_priority(50)
def _hand_to_search(context, page, config, nav):
    adapter = _adapter(config)
    finished = adapter.build.finished.get(page.file.src_uri)
    if finished is not None and not adapter.search_reads:
        page.content = finished.search_html
    return context


# After search has indexed page.content: the whole page goes in, with the data-search-*
# attributes removed as search removes them from what it read.
@event_priority(-50)
def _publish(context, page, config, nav):
    build = _adapter(config).build
    finished = build.finished.get(page.file.src_uri)
    if finished is not None:
        page.content = finished.page_html
    if finished is not None and finished.head:
        context["portal_head"] = core.Markup(finished.head)
    if page.file.src_uri == "index.md":
        context["portal_after"] = core.Markup(build.home_after(page.url))
    return context


on_page_context = CombinedEvent(_hand_to_search, _publish)


def on_post_page(output, page, config):
    adapter = _adapter(config)
    adapter.built.add(page.url)
    build = adapter.build
    # The page's HTML is in ``output`` now; its content need not stay in memory (first:
    # a catalogue page can be megabytes, and compacting it makes another copy).
    page.content = None
    file = page.file
    # The theme's indentation between tags shows as nothing (about a ninth of a page); the
    # inline scripts' hashes go into the CSP. Done, and the page written, by the core's
    # writer when one runs: MkDocs then gets "" and writes nothing.
    finished = build.finish_page(file.abs_dest_path, output)
    if finished is None:
        adapter.handed.add(file.src_uri)
    build.written(file.src_uri, file.abs_dest_path, None if file.generated_by else file.content_bytes)
    return "" if finished is None else finished


def on_post_template(output_content, template_name, config):
    _adapter(config).build.note_output(output_content)  # 404.html and other theme pages
    return output_content


# Priority 50: before search (priority 0) writes its index, in every build. A page's tags
# stay on its own entry only (indexing.tags_on_pages_only); a course is one entry
# (indexing.whole_pages); no space between blocks (indexing.tight); the index is written
# in UTF-8 (indexing.in_utf8); a --dirty rebuild's index is merged page by page
# (Material's own merge can drop every page that was not built again).
@event_priority(50)
def _finish_search_index(config):
    adapter = _adapter(config)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None or not hasattr(index, "entries"):
        return
    entries = indexing.whole_pages(indexing.tags_on_pages_only(index.entries), adapter.build.searched_whole())
    index.entries = indexing.tight(entries)
    if SearchIndex is not None and isinstance(index, SearchIndex):
        # Material writes the index with every letter beyond ASCII escaped.
        own = index.generate_search_index
        index.generate_search_index = lambda prev: indexing.in_utf8(own(prev))
    previous = getattr(search, "search_index_prev", None)
    if previous is None or not index.entries:
        return
    index.entries = indexing.merge_entries(previous.entries, index.entries, adapter.built, adapter.pages)
    search.search_index_prev = None  # merged: Material adds nothing more


# Last of all post-build work: search writes its index in on_post_build too, and the
# staged site may only be swapped in when everything is written.
@event_priority(-100)
def _write_outputs(config):
    adapter = _adapter(config)
    adapter.build.finish_writer()
    for name in PAGES_LOGGERS:
        logging.getLogger(name).removeFilter(adapter.quiet)
    adapter.build.write_feeds(Path(config.site_dir))
    adapter.build.write_headers(Path(config.site_dir))
    adapter.build.tidy_ahead()
    if adapter.staging is not None:
        staging, site_dir = adapter.staging
        publish.finish(staging, site_dir)
        config.site_dir = str(site_dir)
        adapter.staging = None
    if adapter.build.keep_pages:
        collector.PREVIEW.build_ends()


on_post_build = CombinedEvent(_finish_search_index, _write_outputs)


# Default priority (no other plugin's work depends on it): a failed rebuild of the preview
# has ended too, and Python's collector may run after it. MkDocs gives this event no
# config; the schedule is the process's (a one-off build never started it: nothing then).
def on_build_error(error):
    collector.PREVIEW.build_ends()


# Last: MkDocs calls this as its process ends (after mkdocs build, gh-deploy, or when
# mkdocs serve stops). Python's collector would go over everything the build holds
# several times while the interpreter shuts down (about 0.45 s at 1,000 courses, against
# 0.05 s for a bare MkDocs site); frozen, it is only freed.
@event_priority(-100)
def on_shutdown():
    gc.freeze()
