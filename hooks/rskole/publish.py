"""A failed or interrupted build never touches the last good site.

MkDocs cleans ``site_dir`` before it knows whether the content is valid, and writes
page by page. We point MkDocs at a staging folder beside the site instead, and only
when the whole build (feeds and search index included) has succeeded do we swap the
staging folder in. A build that fails, or is killed with SIGINT/SIGTERM, leaves the
previous site as it was: byte for byte.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def staging_for(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.building")


def _old_for(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.old")


def should_stage(site_dir: Path) -> bool:
    """``mkdocs serve`` builds into its own temporary folder that nobody else reads;
    staging there would only break its --dirty rebuilds."""
    return not (site_dir.name.startswith("mkdocs_") and site_dir.parent == Path(tempfile.gettempdir()))


def begin(site_dir: Path) -> Path:
    """Prepare an empty staging folder (a killed build may have left one) and return it."""
    staging = staging_for(site_dir)
    if staging.exists():
        shutil.rmtree(staging)
    staging.parent.mkdir(parents=True, exist_ok=True)
    return staging


def finish(staging: Path, site_dir: Path) -> None:
    """Put the finished build in place of the old site."""
    old = _old_for(site_dir)
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        os.rename(site_dir, old)
    os.rename(staging, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def abandon(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
