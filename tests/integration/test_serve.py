"""Live preview: `mkdocs serve` rebuilds when an editor saves a course file, prints a
broken file's located problems in the terminal, and recovers when the file is fixed.

The server listens on 127.0.0.1 only, every wait is bounded, and the server is always
stopped, whatever happens.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitekit import make_project

START_TIMEOUT = 60
CHANGE_TIMEOUT = 30

# Never through a proxy: the request must stay on the loopback interface.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str | None:
    """The page's HTML, or None while the server is not answering (starting, or stuck
    on a failed rebuild, which MkDocs holds requests for)."""
    try:
        with _OPENER.open(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


class Server:
    def __init__(self, root: Path, logs: Path):
        self.root = root
        self.port = free_port()
        self.stdout = logs / "serve.out"
        self.stderr = logs / "serve.err"
        env = dict(os.environ, PORTAL_TODAY="2026-11-22", NO_MKDOCS_2_WARNING="1")
        self._out = open(self.stdout, "w", encoding="utf-8")
        self._err = open(self.stderr, "w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"],
            cwd=root, env=env, stdout=self._out, stderr=self._err,
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def log(self) -> str:
        return self.stderr.read_text(encoding="utf-8")

    def wait_for(self, what: str, check, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            if self.proc.poll() is not None:
                pytest.fail(f"mkdocs serve stopped (status {self.proc.returncode}) while waiting for {what}:\n{self.log()}")
            time.sleep(0.2)
        pytest.fail(f"timed out after {timeout} s waiting for {what}:\n{self.log()}")

    def page_shows(self, path: str, text: str) -> bool:
        html = fetch(self.url(path))
        return html is not None and text in html

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._out.close()
        self._err.close()


def build_times(log: str) -> list[float]:
    return [float(t) for t in re.findall(r"Documentation built in ([0-9.]+) seconds", log)]


def test_serve_rebuilds_on_edit_shows_errors_and_recovers(tmp_path, record_property):
    root = make_project(tmp_path / "project", "spec-example")
    course = root / "courses" / "haab.yml"
    original = course.read_text(encoding="utf-8")
    server = Server(root, tmp_path)
    try:
        server.wait_for("the first build", lambda: server.page_shows("kurser/haab/", "<title>Håb og recovery"), START_TIMEOUT)

        # An editor changes the title and saves: the served page follows.
        started = time.monotonic()
        course.write_text(original.replace("title: Håb og recovery", "title: Håb og mod"), encoding="utf-8")
        server.wait_for("the edited title", lambda: server.page_shows("kurser/haab/", "<title>Håb og mod"), CHANGE_TIMEOUT)
        seen_after = time.monotonic() - started
        record_property("edit_visible_after_s", round(seen_after, 2))
        record_property("rebuild_s", build_times(server.log())[-1])

        # A misspelt key: the located problem appears in the terminal, and the server lives on.
        broken = original.replace("title: Håb og recovery", "title: Håb og mod").replace("\nthemes:", "\ntemes:")
        course.write_text(broken, encoding="utf-8")
        expected = "courses/haab.yml:7: ukendt felt 'temes' (mente du 'themes'?)"
        server.wait_for("the located error", lambda: expected in server.log(), CHANGE_TIMEOUT)
        assert "feltet 'themes' mangler" not in server.log()  # one mistake, one error
        assert "Traceback" not in server.log()
        assert server.proc.poll() is None

        # Fixed: the server builds again and serves the page with the new text.
        course.write_text(original.replace("title: Håb og recovery", "title: Håb og tillid"), encoding="utf-8")
        server.wait_for("recovery after the fix", lambda: server.page_shows("kurser/haab/", "<title>Håb og tillid"), CHANGE_TIMEOUT)
        assert server.page_shows("kurser/", "Håb og tillid")
    finally:
        server.stop()


def test_serve_stops_when_the_first_build_fails(tmp_path):
    """MkDocs' own behaviour, documented for editors: a server started on broken content
    prints the located problems and exits with status 1 (fix, then start it again)."""
    root = make_project(tmp_path / "project", "spec-example")
    course = root / "courses" / "haab.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("\nthemes:", "\ntemes:"), encoding="utf-8")
    server = Server(root, tmp_path)
    try:
        server.proc.wait(timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"mkdocs serve kept running on broken content:\n{server.log()}")
    finally:
        server.stop()
    assert server.proc.returncode == 1
    assert "courses/haab.yml:7: ukendt felt 'temes' (mente du 'themes'?)" in server.log()
    assert "Traceback" not in server.log()
