"""An engine-neutral portal: the generated pages as an ordinary docs tree.

``python -m rskole compile DIR`` writes ``DIR/docs/`` (the editors' own pages, and every
generated page as Markdown with front matter whose body is the finished HTML), the feeds
beside them, and ``DIR/mkdocs.yml`` (the project's settings without ``hooks:``). A stock
engine that runs no hooks (Zensical, or MkDocs and ProperDocs without the hook) builds the
whole portal from it. What such an engine cannot do is listed in the README.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from .build import Build, source_of

#: Top-level keys of mkdocs.yml that point at the project and are rewritten or dropped.
_DROP = ("hooks", "watch")


def compile_site(build: Build, config_file: Path, out: Path) -> list[str]:
    """Write the compiled tree into ``out`` (emptied first). Returns the pages written."""
    build.load()
    finished = build.compose()
    docs = out / "docs"
    if out.exists():
        shutil.rmtree(out)
    docs_src = build.root / build.docs_dir
    shutil.copytree(docs_src, docs)
    written = []
    for src_uri, page in finished.items():
        # Engines without hooks cannot put JSON-LD in <head>: it is valid in the body too.
        body = f"{page.head}\n" if page.head else ""
        body += f'<div class="rs-generated">\n{page.html}\n</div>\n'
        # Written as <page>/index.md: engines that rewrite relative links in raw HTML
        # (Zensical) read them from the page's own folder, as the core wrote them.
        target = docs / _as_index(src_uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source_of(page.front_matter, body), encoding="utf-8")
        written.append(src_uri)
    home = docs / "index.md"
    if home.is_file():
        # The front page's next courses, after the editor's own text (a copy: the
        # editor's file is never changed).
        home.write_text(home.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
                        + f'<div class="rs-generated">\n{build.home_after("")}\n</div>\n', encoding="utf-8")
    build.write_feeds(docs)
    moved = {src: _as_index(src) for src in finished if _as_index(src) != src}
    (out / "mkdocs.yml").write_text(_settings(config_file.read_text(encoding="utf-8"), build, moved), encoding="utf-8")
    return written


def _as_index(src_uri: str) -> str:
    """'kalender.md' -> 'kalender/index.md' (the same URL with directory URLs)."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri
    return src_uri[: -len(".md")] + "/index.md"


def _settings(text: str, build: Build, moved: dict[str, str]) -> str:
    """The project's mkdocs.yml for the compiled tree: docs_dir and the theme folder point
    at the right places, no hooks, no watched folders, and the footer's data in extra."""
    lines = text.splitlines()
    out: list[str] = []
    skipping = False
    for line in lines:
        key = re.match(r"^([A-Za-z_][\w-]*):", line)
        if key:
            skipping = key.group(1) in _DROP
            if skipping:
                continue
            if key.group(1) == "docs_dir":
                out.append("docs_dir: docs")
                continue
        elif skipping and (line.startswith((" ", "\t", "-")) or not line.strip()):
            continue
        else:
            skipping = False
        nav_entry = re.match(r"^(\s*-\s*[^:]+:\s*)(\S+\.md)\s*$", line)
        if nav_entry and nav_entry.group(2) in moved:
            line = nav_entry.group(1) + moved[nav_entry.group(2)]
        match = re.match(r"^(\s+custom_dir:\s*)(\S+)\s*$", line)
        if match:
            line = match.group(1) + json.dumps(str((build.root / match.group(2)).resolve()))
        out.append(line)
        if re.match(r"^extra:\s*$", line):
            # JSON is YAML: the footer's data on one line, as the theme reads it.
            out.append("  portal_footer: " + json.dumps(build.footer(), ensure_ascii=False))
    if not any(re.match(r"^extra:\s*$", line) for line in out):
        out += ["extra:", "  portal_footer: " + json.dumps(build.footer(), ensure_ascii=False)]
    return "\n".join(out) + "\n"
