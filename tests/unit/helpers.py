"""Load a small project from a dict of files, without MkDocs."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from rskole.catalogue import Paths, load
from sitekit import write_files as write
from rskole.model import SiteSettings

TEACHERS = """
anne-madsen:
  name: Anne Madsen
  role: peer
karsten-holm:
  name: Karsten Holm
  role: professional
inge-berg:
  name: Inge Berg
  role: relative
"""

LOCATIONS = """
vaerkstedet:
  name: Værkstedet
  address: Eksempelvej 12, 4000 Roskilde
biblioteket:
  name: Biblioteket
  address: Bibliotekvej 1, 4000 Roskilde
"""

COURSE = """
title: Håb og recovery
summary: Hvad giver håb?
description: Om håb.
themes: [hope]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
sessions:
  - date: 2027-03-03
    start: "10:00"
    end: "12:00"
"""

TERM = """---
term: Personlig recovery
forms: [personlige recovery]
---
En proces.
"""




def load_files(root: Path, files: dict[str, str | bytes], defaults: bool = True, zone: str = "Europe/Copenhagen"):
    base = {"courses/_teachers.yml": TEACHERS, "courses/_locations.yml": LOCATIONS, "glossary/personlig-recovery.md": TERM} if defaults else {}
    base.update(files)
    write(root, base)
    return load(Paths(root), SiteSettings(name="Test", timezone=zone, contact="kontakt@example.dk"), ZoneInfo(zone))


def problems_of(root: Path, files: dict[str, str | bytes], **kw) -> list[str]:
    _, problems = load_files(root, files, **kw)
    return [str(p) for p in problems.sorted()]


def jsonld_nodes(document) -> tuple[dict[str, dict], list[str]]:
    """A JSON-LD document's described nodes (an object with ``@id`` and more), by their
    @id, and its references (an object with ``@id`` alone), in document order."""
    nodes: dict[str, dict] = {}
    refs: list[str] = []

    def walk(value):
        if isinstance(value, dict):
            if "@id" in value:
                if set(value) == {"@id"}:
                    refs.append(value["@id"])
                else:
                    nodes[value["@id"]] = value
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    return nodes, refs


def unresolved_references(document) -> list[str]:
    """The ``@id`` references in a JSON-LD document that no node of the same document
    describes."""
    nodes, refs = jsonld_nodes(document)
    return [ref for ref in refs if ref not in nodes]
