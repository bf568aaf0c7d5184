"""Print the portal's security headers for a built site, for nginx, Caddy or Netlify.

    .venv/bin/python scripts/headers.py nginx site/    # add_header lines
    .venv/bin/python scripts/headers.py caddy site/    # a Caddyfile header block
    .venv/bin/python scripts/headers.py netlify site/  # the _headers file the build writes
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from rskole import headers  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("nginx", "caddy", "netlify"):
        sys.exit(__doc__)
    site = Path(sys.argv[2])
    values = headers.security_headers(headers.policy(headers.inline_script_hashes(site)))
    print(getattr(headers, sys.argv[1])(values), end="")
