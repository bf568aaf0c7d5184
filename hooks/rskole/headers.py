"""Security headers for the static site, with a Content-Security-Policy its own pages meet.

mkdocs-material puts a few small inline scripts in every page (they differ only by the
page's depth); the policy allows exactly those, by hash, and nothing else inline. The
hashes are taken from the built site, so the policy always matches what is served.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_DATA_TYPES = ("application/ld+json", "application/json")


def script_hashes(html: str) -> set[str]:
    """CSP hash sources of the executable inline scripts of one page."""
    found = set()
    for attrs, body in _SCRIPT.findall(html):
        if "src=" in attrs or any(t in attrs for t in _DATA_TYPES):
            continue
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        found.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return found


def policy(script_hashes: list[str]) -> str:
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes) if script_hashes else "script-src 'self'",
        "style-src 'self'",
        # Material's stylesheet draws its icons from data: SVG masks.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def security_headers(csp: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp,
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def netlify(headers: dict[str, str]) -> str:
    """The ``_headers`` file read by Netlify and Cloudflare Pages from the site's root."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def nginx(headers: dict[str, str]) -> str:
    """Lines for an nginx ``server`` or ``location`` block."""
    return "".join(f'add_header {name} "{value}" always;\n' for name, value in headers.items())


def caddy(headers: dict[str, str]) -> str:
    """A Caddyfile ``header`` block."""
    inner = "".join(f'\t{name} "{value}"\n' for name, value in headers.items())
    return "header {\n" + inner + "}\n"


def parse_netlify(text: str) -> dict[str, str]:
    """The headers of the ``/*`` block of a ``_headers`` file (for tests and tools)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("  ") and ":" in line:
            name, value = line.strip().split(":", 1)
            out[name.strip()] = value.strip()
    return out
