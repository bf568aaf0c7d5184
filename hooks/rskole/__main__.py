"""``python -m rskole`` (with ``PYTHONPATH=hooks``): the editors' commands in cli.py."""

from .cli import main

raise SystemExit(main())
