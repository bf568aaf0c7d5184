"""MkDocs adapter for the recovery school portal. Thin on purpose: the logic lives in
``rskole/`` beside this file, as plain functions that tests call without a build.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs puts this folder on sys.path only while the hook file first runs: import the
# core package here, at the top, never inside an event.
from rskole import build as core
from rskole import publish
from rskole.problems import ContentError

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import TableOfContents

# One build at a time: the state of the current build, reset in on_config.
_build: core.Build | None = None
# (staging folder, real site folder) while a staged build runs.
_staging: tuple[Path, Path] | None = None


def on_config(config):
    global _build, _staging
    _staging = None
    try:
        _build = core.Build.from_mkdocs(config)
    except ContentError as exc:
        _fail(exc)
    # Every page's footer (also the theme's own pages, such as 404.html) shows help.
    config.extra["portal_footer"] = _build.footer()
    site_dir = Path(config.site_dir)
    if publish.should_stage(site_dir):
        # MkDocs writes into a staging folder; the real site is replaced only on success.
        staging = publish.begin(site_dir)
        _staging = (staging, site_dir)
        config.site_dir = str(staging)
    return config


def on_files(files: Files, config) -> Files:
    try:
        _build.load()
    except ContentError as exc:
        _fail(exc)
    for spec, content in _build.generated_files():
        if files.get_file_from_path(spec.src_uri) is not None:
            files.remove(files.get_file_from_path(spec.src_uri))
        file = File.generated(config, spec.src_uri, content=content)
        if spec.source:
            file.edit_uri = _build.edit_uri(spec.source)
        if not spec.in_nav:
            # Detail pages are reached from index pages, not listed one by one in the
            # navigation (that makes MkDocs' cost grow with the square of the pages).
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    return files


# Late: after other plugins have rendered the page, before search indexes it (search
# reads page.content in on_page_context).
@event_priority(-50)
def on_page_content(html: str, page, config, files) -> str:
    if _build.hides_toc(page.file.src_uri):
        # The template lays out a generated page; a table of contents made from the
        # editor's Markdown alone would be partial (and Material renders half of it).
        page.toc = TableOfContents([])
    return _build.page_content(page.file.src_uri, page.url, html, page.title)


# After search (priority 0) has indexed page.content: lay the generated page out.
@event_priority(-100)
def on_page_context(context, page, config, nav):
    full = _build.full_content(page.file.src_uri, page.url)
    if full is not None:
        page.content = full
    context.update(_build.page_extras(page.file.src_uri, page.url))
    return context


def on_post_page(output, page, config):
    _build.note_output(output)
    # The page is written; its HTML need not stay in memory until the build ends.
    if _build.specs.get(page.file.src_uri) is not None:
        page.content = None
    return output


def on_post_template(output_content, template_name, config):
    _build.note_output(output_content)  # 404.html and other theme pages
    return output_content


# Last of all post-build work: search writes its index in on_post_build too, and the
# staged site may only be swapped in when everything is written.
@event_priority(-100)
def on_post_build(config):
    global _staging
    _build.write_feeds(Path(config.site_dir))
    _build.write_headers(Path(config.site_dir))
    if _staging is not None:
        staging, site_dir = _staging
        publish.finish(staging, site_dir)
        config.site_dir = str(site_dir)
        _staging = None


def on_build_error(error):
    if _staging is not None:
        publish.abandon(_staging[0])


def _fail(exc: ContentError):
    # Each problem on its own line, exactly "path:line: message", then one short error
    # that stops MkDocs without a traceback.
    report = exc.problems.report()
    print(report, file=sys.stderr, flush=True)
    raise PluginError(str(exc))
