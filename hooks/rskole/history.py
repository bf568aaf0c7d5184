"""What git knows about editors' files: when each was committed, and its earlier versions.

Two subprocesses per build at most, whatever the number of files: one ``git log`` for
every path, one ``git cat-file --batch`` for every earlier version asked for (a served
preview asks ``git rev-parse HEAD`` instead, while HEAD and what it keeps from an earlier
build are the same). Never
raises: without git, outside a repository or in a shallow clone, a file simply has less
(or no) history.
"""

from __future__ import annotations

import functools
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

UTC = timezone.utc


@dataclass(frozen=True)
class Commit:
    sha: str
    when: datetime  # committer date, UTC


@functools.lru_cache(maxsize=65536)  # asked for every course file, several times a build
def normal(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).as_posix()


def _git(root: Path, args: list[str], stdin: bytes | None = None) -> bytes | None:
    cmd = ["git", "--literal-pathspecs", "-c", "core.quotepath=off", *args]
    try:
        proc = subprocess.run(cmd, cwd=root, input=stdin, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def head(root: Path) -> str | None:
    """The commit HEAD names (None: no git, no repository or no commit yet)."""
    out = _git(Path(root), ["rev-parse", "--verify", "-q", "HEAD"])
    sha = out.decode("ascii", "replace").strip() if out else ""
    return sha or None


def log(root: Path, paths: list[str]) -> dict[str, list[Commit]]:
    """The commits that changed each path (relative to ``root``), newest first.

    Paths git does not know are missing from the answer; {} if git cannot answer.
    """
    wanted = sorted({normal(p) for p in paths})
    if not wanted:
        return {}
    out = _git(Path(root), ["log", "-z", "--format=%x1e%ct %H", "--name-only", "--no-renames", "--relative", "--", *wanted])
    if out is None:
        return {}
    found: dict[str, list[Commit]] = {}
    # Each commit is "\x1e<unix time> <sha>\0\n<name>\0<name>\0...", newest first.
    for chunk in out.decode("utf-8", "replace").split("\x1e"):
        head, _, names = chunk.partition("\0")
        stamp, _, sha = head.strip().partition(" ")
        if not stamp.isdigit() or not sha:
            continue
        commit = Commit(sha, datetime.fromtimestamp(int(stamp), UTC))
        for name in names.lstrip("\n").split("\0"):
            if name:
                found.setdefault(name, []).append(commit)
    return found


def contents(root: Path, versions: list[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
    """The bytes of each (commit sha, path relative to ``root``) in one ``git cat-file``.

    A version git cannot give (the commit deleted the file) is missing from the answer.
    """
    if not versions:
        return {}
    request = "".join(f"{sha}:./{normal(path)}\n" for sha, path in versions).encode("utf-8")
    out = _git(Path(root), ["cat-file", "--batch"], stdin=request)
    if out is None:
        return {}
    found: dict[tuple[str, str], bytes] = {}
    pos = 0
    for version in versions:
        end = out.find(b"\n", pos)
        if end < 0:
            break
        header = out[pos:end].split(b" ")
        pos = end + 1
        if len(header) != 3 or not header[2].isdigit():
            continue  # "<object> missing": no content follows
        size = int(header[2])
        if header[1] == b"blob":
            found[version] = out[pos:pos + size]
        pos += size + 1  # the content is followed by a newline
    return found
