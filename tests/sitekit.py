"""Temporary projects made from the repository's hooks and theme, and building them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"



@dataclass
class BuildResult:
    root: Path
    site: Path
    returncode: int
    stdout: str
    stderr: str

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def problems(self) -> list[str]:
        """The located problem lines the build printed."""
        return [line for line in self.stderr.splitlines() if ":" in line and not line.startswith(("INFO", "ERROR", "WARNING", "Aborted"))]


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write test files: text is dedented (so it can be indented in a test), bytes as they are."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def make_project(root: Path, fixture: str | None = None, files: dict[str, str] | None = None, mkdocs_yml: str | None = None) -> Path:
    """A project folder with the repository's hooks and theme, and the given content."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "theme", root / "theme")
    if fixture:
        shutil.copytree(FIXTURES / fixture, root, dirs_exist_ok=True)
    write_files(root, files or {})
    if mkdocs_yml is not None:
        (root / "mkdocs.yml").write_text(textwrap.dedent(mkdocs_yml).lstrip("\n"), encoding="utf-8")
    for folder in ("content", "courses", "glossary"):
        (root / folder).mkdir(exist_ok=True)
    return root


def run_build(root: Path, today: str = "2026-11-22", strict: bool = True, site: Path | None = None, extra_env: dict | None = None) -> BuildResult:
    site = site or root / "site"
    env = dict(os.environ, PORTAL_TODAY=today, NO_MKDOCS_2_WARNING="1")
    env.update(extra_env or {})
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=root, timeout=300)
    return BuildResult(root, site, proc.returncode, proc.stdout, proc.stderr)




def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path in the site (for comparing two builds)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
