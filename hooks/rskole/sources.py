"""Reading editors' files: UTF-8 text, YAML with a line for every value, front matter.

PyYAML's own loaders forget line numbers, accept duplicate keys silently and turn
unquoted ``10:00`` into the number 600 (YAML 1.1 sexagesimals). We compose the node
graph with PyYAML and build plain values from it ourselves, so that every value keeps
the line it was written on and every surprise becomes a located problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

#: A file larger than this is refused before it is parsed (a course file is a few KB).
MAX_FILE_BYTES = 1_000_000
#: Nesting deeper than this is no content an editor writes, but a mistake or an attack.
MAX_DEPTH = 40
#: Values built from one document, counting each use of an alias again.
MAX_VALUES = 200_000

Path_ = tuple[Any, ...]


@dataclass
class Document:
    """A parsed YAML document: plain values, and the line each value was written on."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    #: Added to every YAML line (front matter starts after the opening ``---``).
    offset: int = 0

    def line(self, loc: Path_) -> int:
        """The line of ``loc`` or of the nearest enclosing value that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc] + self.offset
            loc = loc[:-1]
        return self.lines.get((), 1) + self.offset


class SourceError(Exception):
    """A file that cannot be read as the editor meant it; carries a located problem."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2-like scalars: only true/false are booleans, no sexagesimals, and dates
    stay text so that the model reports an impossible date in plain words."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _Composer(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
}


def _scalar(node: ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        return int(value)
    if tag == "tag:yaml.org,2002:float":
        return float(value)
    if tag == "tag:yaml.org,2002:null":
        return None
    raise SourceError(node.start_mark.line + 1, f"YAML-mærket '{tag}' er ikke tilladt her; skriv værdien som almindelig tekst")


def _build(doc_node: Node, offset: int = 0) -> Document:
    lines: dict[Path_, int] = {}
    count = 0

    def build(node: Node, loc: Path_, depth: int) -> Any:
        nonlocal count
        count += 1
        if count > MAX_VALUES:
            raise SourceError(
                node.start_mark.line + 1,
                "filen udfolder sig til alt for mange værdier (mange gentagne YAML-aliaser?); skriv indholdet ud uden aliaser",
            )
        if depth > MAX_DEPTH:
            raise SourceError(node.start_mark.line + 1, "filen er indlejret alt for dybt; så mange niveauer bruger indholdet aldrig")
        lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, ScalarNode):
            return _scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise SourceError(node.start_mark.line + 1, f"YAML-mærket '{node.tag}' er ikke tilladt her")
            return [build(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise SourceError(node.start_mark.line + 1, f"YAML-mærket '{node.tag}' er ikke tilladt her")
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise SourceError(key_node.start_mark.line + 1, "en nøgle skal være et enkelt ord, ikke en liste eller en opslagstabel")
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise SourceError(key_node.start_mark.line + 1, "YAML-fletning ('<<') er ikke tilladt; skriv felterne ud")
                key = _scalar(key_node)
                if isinstance(key, (int, float, bool)) or key is None:
                    key = key_node.value  # ids like "2027" are names, not numbers
                line = key_node.start_mark.line + 1
                if key in result:
                    first = lines[loc + (key,)] + offset
                    raise SourceError(line, f"nøglen '{key}' står to gange (første gang i linje {first}); slet den ene")
                # A value's line is its key's line: that is where an editor looks.
                lines[loc + (key,)] = line
                result[key] = build(value_node, loc + (key,), depth + 1)
            return result
        raise SourceError(node.start_mark.line + 1, "ukendt YAML-konstruktion")

    return Document(build(doc_node, (), 0), lines)


def parse_yaml(text: str, offset: int = 0) -> Document:
    """Parse one YAML document with line marks. Raises SourceError, never anything else."""
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SourceError(line + offset, f"YAML-syntaksfejl: {_explain_yaml(exc)}") from None
    except yaml.YAMLError as exc:
        raise SourceError(1, f"YAML-syntaksfejl: {exc}") from None
    except RecursionError:
        raise SourceError(1, "filen er indlejret alt for dybt; så mange niveauer bruger indholdet aldrig") from None
    finally:
        composer.dispose()
    if node is None:
        raise SourceError(1, "filen er tom")
    try:
        doc = _build(node, offset)
    except SourceError as exc:
        raise SourceError(exc.line + offset if exc.line else exc.line, exc.message) from None
    except RecursionError:
        raise SourceError(1 + offset, "filen er indlejret alt for dybt; så mange niveauer bruger indholdet aldrig") from None
    doc.offset = offset
    return doc


_YAML_PROBLEMS = {
    "mapping values are not allowed here": "et kolon står et sted, hvor YAML ikke venter det (mangler der et mellemrum efter kolon, eller skal teksten i anførselstegn?)",
    "could not find expected ':'": "der mangler et kolon efter en nøgle",
    "found character '\\t' that cannot start any token": "der er et tabulatortegn; brug mellemrum til indrykning",
    "found undefined alias": "der henvises til et YAML-alias, som ikke findes",
    "expected <block end>, but found '<block sequence start>'": "indrykningen passer ikke (en liste står forkert i forhold til linjerne over)",
    "expected <block end>, but found '-'": "indrykningen passer ikke (en liste står forkert i forhold til linjerne over)",
    "while scanning a quoted scalar": "et anførselstegn åbnes, men lukkes aldrig",
    "found unexpected end of stream": "filen slutter midt i en værdi (mangler et afsluttende anførselstegn eller en parentes?)",
    "expected ',' or ']'": "en liste i firkantede parenteser ('[...]') lukkes ikke med ']'",
    "expected ',' or '}'": "en opslagstabel i krøllede parenteser ('{...}') lukkes ikke med '}'",
    "but found another document": "filen indeholder flere YAML-dokumenter ('---'); der må kun være ét",
}


def _explain_yaml(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, plain in _YAML_PROBLEMS.items():
        if needle in text:
            return plain
    return (exc.problem or exc.context or "filen kan ikke læses som YAML").strip()


def read_text(path: Path) -> str:
    """Read an editor's file as UTF-8. Raises SourceError with the line of a bad byte."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(0, f"filen kan ikke læses ({exc.strerror})") from None
    if size > MAX_FILE_BYTES:
        raise SourceError(
            0, f"filen fylder {size / 1_000_000:.1f} MB; en indholdsfil må højst fylde {MAX_FILE_BYTES // 1000} KB"
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            line,
            "filen er ikke gemt som UTF-8 (der er et tegn, som ikke kan læses); gem den som UTF-8 i din editor",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]  # Windows editors add a byte-order mark; it means nothing here.
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SourceError(line, "filen indeholder et nul-tegn; er det en binær fil?")
    return text


def load_yaml_file(path: Path) -> Document:
    text = read_text(path)
    if not text.strip():
        raise SourceError(1, "filen er tom")
    return parse_yaml(text)


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


@dataclass
class MarkdownSource:
    meta: Document
    body: str
    #: 1-based line on which the body starts.
    body_line: int


def load_markdown_file(path: Path) -> MarkdownSource:
    """Split a Markdown file into YAML front matter (with lines) and body."""
    text = read_text(path)
    if not text.strip():
        raise SourceError(1, "filen er tom")
    match = _FRONT.match(text)
    if not match:
        raise SourceError(1, "filen skal begynde med front matter: en linje med '---', felterne (fx 'term: ...') og en linje med '---'")
    front = match.group(1)
    if not front.strip():
        raise SourceError(1, "front matter er tom; der skal i det mindste stå 'term: ...'")
    meta = parse_yaml(front, offset=1)
    body = text[match.end():]
    return MarkdownSource(meta, body, text[: match.end()].count("\n") + 1)


def problem(path: str, exc: SourceError) -> Problem:
    return Problem(path, exc.line, exc.message)
