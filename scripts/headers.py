"""Print the portal's security headers for a built site, for nginx, Caddy or Netlify.

    .venv/bin/python scripts/headers.py nginx site/    # add_header lines
    .venv/bin/python scripts/headers.py caddy site/    # a Caddyfile header block
    .venv/bin/python scripts/headers.py netlify site/  # the _headers file the build writes

The headers are the ones the build wrote into site/_headers (its Content-Security-Policy
allows, by hash, exactly the inline scripts of the pages it wrote), in another format.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from rskole import headers  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("nginx", "caddy", "netlify"):
        sys.exit(__doc__)
    written = Path(sys.argv[2]) / "_headers"
    if not written.is_file():
        sys.exit(f"{written} is missing: build the site first (mkdocs build)")
    values = headers.parse_netlify(written.read_text(encoding="utf-8"))
    print(getattr(headers, sys.argv[1])(values), end="")
