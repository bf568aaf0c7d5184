"""Serving a built site on 127.0.0.1 for browser tests."""

from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlparse


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def serve(directory, not_found=None, headers: dict | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free port of 127.0.0.1; ``not_found`` is the 404 page;
    ``headers`` are sent with every response (as a host configured from deploy/ would)."""

    class Handler(_Quiet):
        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

        def send_error(self, code, message=None, explain=None):
            if code == 404 and not_found is not None:
                body = not_found.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().send_error(code, message, explain)

    handler = functools.partial(Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"




def guard_requests(ctx, foreign: list[str] | None = None) -> None:
    """Abort every request of a browser context that would leave 127.0.0.1, recording it
    in ``foreign``: the portal makes no request to any other host."""

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            if foreign is not None:
                foreign.append(route.request.url)
            route.abort()

    ctx.route("**/*", guard)
