"""Reading editors' files: UTF-8 text, YAML with a line for every value, front matter.

PyYAML's own loaders forget line numbers, accept duplicate keys silently and turn
unquoted ``10:00`` into the number 600 (YAML 1.1 sexagesimals). We compose the node
graph with PyYAML and build plain values from it ourselves, so that every value keeps
the line it was written on and every surprise becomes a located problem.
"""

from __future__ import annotations

import bisect
import errno
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


#: A file larger than this is refused before it is parsed (a course file is a few KB).
MAX_FILE_BYTES = 1_000_000
#: Nesting deeper than this is no content an editor writes, but a mistake or an attack.
MAX_DEPTH = 40
#: Values in one document: written (keys too), and built (each use of an alias again).
#: A course with 400 sessions has about 3,500; pure-Python YAML and pydantic take about
#: 1 KB and 20 µs per value (and per mistake), so this bounds a file's cost to ~1 s and
#: ~100 MB, where the 1 MB size limit alone allows 500,000 values ("1,1,1,...").
MAX_VALUES = 50_000

Path_ = tuple[Any, ...]


@dataclass
class Document:
    """A parsed YAML document: plain values, and the line each value was written on."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    #: Added to every YAML line (front matter starts after the opening ``---``).
    offset: int = 0
    #: What the editor wrote for each value YAML read as a number, true/false or empty
    #: (``9.00`` is the number 9.0): messages echo the editor's own text.
    written: dict[Path_, str] = field(default_factory=dict)
    #: The YAML text's lines (without the offset), for hints that look at the layout.
    source: list[str] = field(default_factory=list)

    def line(self, loc: Path_) -> int:
        """The line of ``loc`` or of the nearest enclosing value that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc] + self.offset
            loc = loc[:-1]
        return self.lines.get((), 1) + self.offset

    def source_line(self, line: int) -> str:
        """The text of file line ``line`` (as ``line()`` counts), or ''."""
        index = line - self.offset - 1
        return self.source[index] if 0 <= index < len(self.source) else ""


class SourceError(Exception):
    """A file that cannot be read as the editor meant it; carries a located problem."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message

    def __reduce__(self):
        # As it was made (the file may be read in another process: ``background.Stream``).
        return (type(self), (self.line, self.message))


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


class _Mark:
    """A position in the file. PyYAML's own Mark keeps six attributes in a dict, and it
    makes two for every token, event and node: a 1 MB file of small values would take
    hundreds of MB. We use only the line and the position."""

    __slots__ = ("index", "line", "column")
    name = buffer = pointer = None

    def __init__(self, index: int, line: int, column: int):
        self.index, self.line, self.column = index, line, column

    def get_snippet(self, *args, **kwargs) -> None:
        return None

    def __str__(self) -> str:
        return f"line {self.line + 1}, column {self.column + 1}"


class _Composer(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    def __init__(self, stream: str, line_of=lambda mark: mark.line + 1):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)
        self.line_of = line_of
        self.depth = 0
        self.nodes = 0

    def get_mark(self) -> _Mark:
        return _Mark(self.index, self.line, self.column)

    def compose_node(self, parent, index):
        # PyYAML composes recursively: stop at MAX_DEPTH (the root is 0, as in _build)
        # with the line where it happens, long before Python's recursion limit. And stop
        # at MAX_VALUES values written: a 1 MB file of "1," is half a million of them.
        self.depth += 1
        self.nodes += 1
        try:
            if self.depth > MAX_DEPTH + 1:
                raise SourceError(self.line_of(self.peek_event().start_mark), _TOO_DEEP)
            if self.nodes > MAX_VALUES:
                raise SourceError(
                    self.line_of(self.peek_event().start_mark),
                    f"filen har mere end {number(MAX_VALUES)} værdier; så mange bruger indholdet aldrig",
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
}


#: Longer integers are no count, date or phone an editor writes (and Python refuses
#: to convert more than 4300 digits).
_MAX_DIGITS = 100


def _scalar(node: ScalarNode, line: int) -> Any:
    tag, value = node.tag, node.value
    if tag == "tag:yaml.org,2002:str":
        return _text(value, line)
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        if len(value) > _MAX_DIGITS:
            raise SourceError(line, f"tallet har {len(value)} cifre; så lange tal bruges aldrig (skal det være tekst, så sæt det i anførselstegn)")
        return int(value)
    if tag == "tag:yaml.org,2002:float":
        return float(value)
    if tag == "tag:yaml.org,2002:null":
        return None
    raise SourceError(line, f"YAML-mærket '{tag}' er ikke tilladt her; skriv værdien som almindelig tekst")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str, line: int) -> str:
    """Text from the file; a \\u escape may have made a half of a UTF-16 pair (JSON's way
    of writing an emoji): a pair becomes its character, a lone half is an error."""
    if not _SURROGATE.search(value):
        return value
    value = value.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
    lone = _SURROGATE.search(value)
    if lone:
        raise SourceError(
            line, f"teksten indeholder koden \\u{ord(lone.group()):04x}, som ikke er et tegn; slet den, eller skriv tegnet selv"
        )
    return value


class _Lines:
    """Line numbers as an editor's text editor counts them.

    PyYAML also starts a new line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (which
    come along when text is copied from Word or a web page, and which editors do not
    show as line breaks); then a line is counted from the mark's position instead.
    """

    def __init__(self, text: str):
        self.last = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        exotic = any(c in text for c in "\x85\u2028\u2029")
        self.breaks = [m.start() for m in re.finditer("\n", text)] if exotic else None

    def __call__(self, mark) -> int:
        line = mark.line + 1 if self.breaks is None else bisect.bisect_left(self.breaks, mark.index) + 1
        return min(line, self.last)  # the end of the file is on its last line


def _build(doc_node: Node, line_of: _Lines, offset: int = 0) -> Document:
    lines: dict[Path_, int] = {}
    written: dict[Path_, str] = {}
    count = 0
    open_nodes: set[int] = set()  # the lists and mappings being built, to catch '&a [*a]'

    def build(node: Node, loc: Path_, depth: int) -> Any:
        nonlocal count
        count += 1
        line = line_of(node.start_mark)
        if count > MAX_VALUES:
            # An alias's node carries the line of its anchor; the top-level field being
            # built is where the expansion is written.
            raise SourceError(
                lines.get(loc[:1], line),
                f"filen udfolder sig til mere end {number(MAX_VALUES)} værdier (mange gentagne YAML-aliaser, '*navn'?); skriv indholdet ud uden aliaser",
            )
        if depth > MAX_DEPTH:
            raise SourceError(line, _TOO_DEEP)
        lines.setdefault(loc, line)
        if isinstance(node, ScalarNode):
            value = _scalar(node, line)
            if not isinstance(value, str):
                written[loc] = node.value
            return value
        if id(node) in open_nodes:
            raise SourceError(lines.get(loc[:-1], line), "et YAML-alias ('*navn') henviser til den liste eller opslagstabel, det selv står i; skriv værdierne ud")
        open_nodes.add(id(node))
        try:
            return build_collection(node, loc, depth, line)
        finally:
            open_nodes.discard(id(node))

    def build_collection(node: Node, loc: Path_, depth: int, line: int) -> Any:
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise SourceError(line, f"YAML-mærket '{node.tag}' er ikke tilladt her")
            return [build(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise SourceError(line, f"YAML-mærket '{node.tag}' er ikke tilladt her")
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key_line = line_of(key_node.start_mark)
                if not isinstance(key_node, ScalarNode):
                    raise SourceError(key_line, "en nøgle skal være et enkelt ord, ikke en liste eller en opslagstabel")
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise SourceError(key_line, "YAML-fletning ('<<') er ikke tilladt; skriv felterne ud")
                key = _scalar(key_node, key_line)
                if isinstance(key, (int, float, bool)) or key is None:
                    key = key_node.value  # ids like "2027" are names, not numbers
                if key in result:
                    first = lines[loc + (key,)] + offset
                    raise SourceError(key_line, f"nøglen '{key}' står to gange (første gang i linje {first}); slet den ene")
                # A value's line is its key's line: that is where an editor looks.
                lines[loc + (key,)] = key_line
                result[key] = build(value_node, loc + (key,), depth + 1)
            return result
        raise SourceError(line, "ukendt YAML-konstruktion")

    return Document(build(doc_node, (), 0), lines, written=written)


_TOO_DEEP = f"filen er indlejret alt for dybt (mere end {MAX_DEPTH} niveauer af lister og felter inden i hinanden); så mange niveauer bruger indholdet aldrig"


try:  # libyaml, when PyYAML was built with it: composes about six times faster
    from yaml._yaml import CParser as _CParser

    class _FastComposer(_CParser, _Resolver):
        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            _Resolver.__init__(self)
except ImportError:  # pragma: no cover - the pure-Python composer does everything alone
    _FastComposer = None

_FAST_MAX_INDENT = re.compile(r"^ {200}", re.M)


def _fast_node(text: str):
    """The node graph from libyaml, or None to use the pure-Python path.

    Used only for text whose line numbers libyaml counts as editors do (plain "\n"
    line ends) and whose nesting is shallow (libyaml composes recursively in C, with no
    depth limit of its own). Any problem goes to the pure-Python path, which words it."""
    if _FastComposer is None or any(c in text for c in "\r\x85\u2028\u2029"):
        return None
    if text.count("[") + text.count("{") > 500 or _FAST_MAX_INDENT.search(text):
        return None
    composer = _FastComposer(text)
    try:
        return composer.get_single_node()
    except (yaml.YAMLError, RecursionError, ValueError, UnicodeError):
        # libyaml refused or could not compose it: the pure-Python path words the problem.
        return None
    finally:
        composer.dispose()


def parse_yaml(text: str, offset: int = 0) -> Document:
    """Parse one YAML document with line marks. Raises SourceError, never anything else."""
    line_of = _Lines(text)
    node = _fast_node(text)
    if node is not None:
        return _document(node, line_of, offset, text)
    composer = None
    try:
        composer = _Composer(text, line_of)  # the reader checks every character here
        node = composer.get_single_node()
    except SourceError as exc:
        raise SourceError(exc.line + offset, exc.message) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        raise SourceError(
            line + offset,
            f"linjen indeholder et usynligt tegn, som ikke må stå i filen (U+{code:04X}); slet det "
            "(sådanne tegn kommer ofte med, når tekst kopieres fra Word eller en e-mail)",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = _mark(exc)
        line = line_of(mark) if mark else 1
        message = f"YAML-syntaksfejl: {_explain_yaml(exc, text)}"
        lines = text.split("\n")
        if looks_like_prose(lines[line - 1].strip() if line <= len(lines) else "") and follows_text_block(lines, line):
            message += f"; {INDENT_HINT}"
        raise SourceError(line + offset, message) from None
    except yaml.YAMLError:
        raise SourceError(1 + offset, f"YAML-syntaksfejl: {_YAML_UNKNOWN}") from None
    except RecursionError:
        raise SourceError(1 + offset, _TOO_DEEP) from None
    finally:
        if composer is not None:
            composer.dispose()
    if node is None:
        raise SourceError(1 + offset, "filen er tom" if not offset else "front matter er tom; der skal i det mindste stå 'term: ...'")
    return _document(node, line_of, offset, text)


def _document(node: Node, line_of: _Lines, offset: int, text: str) -> Document:
    """Plain values with lines from a composed node graph (either composer's)."""
    try:
        doc = _build(node, line_of, offset)
    except SourceError as exc:
        raise SourceError(exc.line + offset if exc.line else exc.line, exc.message) from None
    except RecursionError:
        raise SourceError(1 + offset, _TOO_DEEP) from None
    doc.offset = offset
    doc.source = text.split("\n")
    return doc


def _mark(exc: yaml.MarkedYAMLError):
    """Where the editor should look: where an unclosed quote or bracket was opened, or
    the key that lacks its colon (PyYAML notices that a line later), else where PyYAML
    noticed the problem."""
    context = exc.context or ""
    if exc.context_mark is not None and any(
        what in context for what in ("quoted scalar", "flow sequence", "flow mapping", "simple key")
    ):
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


_YAML_UNKNOWN = "filen kan ikke læses som YAML her; tjek indrykning, kolon og anførselstegn"

#: PyYAML's messages (context and problem) -> plain Danish; the first match wins.
_YAML_PROBLEMS = [
    ("mapping values are not allowed here", "et kolon står et sted, hvor YAML ikke venter det (mangler der et mellemrum efter kolon, eller skal teksten i anførselstegn?)"),
    ("could not find expected ':'", "der mangler et kolon efter en nøgle"),
    ("found character '\\t' that cannot start any token", "der er et tabulatortegn; brug mellemrum til indrykning"),
    ("that cannot start any token", "en værdi begynder med et tegn, som YAML ikke tillader først (fx @ eller `); sæt teksten i anførselstegn"),
    ("found undefined alias", "der henvises til et YAML-alias ('*navn'), som ikke findes; sæt teksten i anførselstegn, hvis stjernen skal stå der"),
    ("found duplicate anchor", "det samme YAML-anker ('&navn') står to gange"),
    ("expected <block end>, but found '<block sequence start>'", "indrykningen passer ikke (en liste står forkert i forhold til linjerne over)"),
    ("expected <block end>, but found '-'", "indrykningen passer ikke (en liste står forkert i forhold til linjerne over)"),
    ("expected <block end>, but found '<scalar>'", "der står tekst efter en værdi i anførselstegn, eller indrykningen passer ikke; sæt hele værdien i anførselstegn"),
    ("expected <block end>", "indrykningen passer ikke (en linje står længere inde eller ude end linjerne over)"),
    ("sequence entries are not allowed here", "en linje, der begynder med '- ', står et sted, hvor der ikke kan begynde en liste (tjek indrykningen)"),
    ("mapping keys are not allowed here", "et spørgsmålstegn ('? ') først i en værdi har en særlig betydning i YAML; sæt teksten i anførselstegn"),
    ("found unexpected document separator", "en linje med '---' eller '...' står midt i en tekst i anførselstegn (mangler et afsluttende anførselstegn?)"),
    ("while scanning a double-quoted scalar", "en omvendt skråstreg ('\\') i tekst i dobbelte anførselstegn skal efterfølges af et gyldigt tegn; brug enkelte anførselstegn, eller skriv '\\\\'"),
    ("while scanning a quoted scalar", "et anførselstegn åbnes, men lukkes aldrig"),
    ("found unexpected end of stream", "filen slutter midt i en værdi (mangler et afsluttende anførselstegn eller en parentes?)"),
    ("expected ',' or ']'", "en liste i firkantede parenteser ('[...]') lukkes ikke med ']'"),
    ("expected ',' or '}'", "en opslagstabel i krøllede parenteser ('{...}') lukkes ikke med '}'"),
    ("while parsing a flow", "en liste eller opslagstabel i parenteser ('[...]' eller '{...}') er ikke skrevet rigtigt"),
    ("but found another document", "filen indeholder flere YAML-dokumenter ('---'); der må kun være ét"),
    ("expected '<document start>'", "indrykningen passer ikke: linjen står længere ude end filens første linje (felterne øverst i filen skal alle begynde helt ude til venstre)"),
    ("directive", "en linje, der begynder med '%', læses som et YAML-direktiv; sæt teksten i anførselstegn"),
    ("YAML document", "en linje, der begynder med '%', læses som et YAML-direktiv; sæt teksten i anførselstegn"),
    ("tag handle", "et udråbstegn ('!') først i en værdi læses som et YAML-mærke; sæt teksten i anførselstegn"),
    (" tag", "et udråbstegn ('!') først i en værdi læses som et YAML-mærke; sæt teksten i anførselstegn"),
    ("anchor", "'&' eller '*' først i en værdi læses som et YAML-anker eller -alias; sæt teksten i anførselstegn"),
    ("alias", "'&' eller '*' først i en værdi læses som et YAML-anker eller -alias; sæt teksten i anførselstegn"),
    ("block scalar", "'|' eller '>' først i en værdi indleder en tekstblok; skriv teksten på linjerne under, indrykket, eller sæt den i anførselstegn"),
    ("expected the node content", "der mangler en værdi her (fx to kommaer efter hinanden, eller en værdi efter '&', '!' eller '-')"),
]


def _explain_yaml(exc: yaml.MarkedYAMLError, source: str = "") -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    if "expected '<document start>'" in text and re.search(r"^\.\.\.[ \t]*$", source, re.M):
        return "en linje med '...' afslutter YAML-dokumentet, men der står mere efter den; slet linjen med '...'"
    for needle, plain in _YAML_PROBLEMS:
        if needle in text:
            return plain
    return _YAML_UNKNOWN


INDENT_HINT = "linjen hører måske til teksten ovenfor: ryk den ind med mellemrum som linjerne over"

_KEY_LINE = re.compile(r"^((?:- +)*)([^\s#'\"-][^:#]*?|'[^']*'|\"[^\"]*\"):(?:[ \t]+(.*))?$")
_BLOCK_INDICATOR = re.compile(r"^[|>][-+0-9]*(?:[ \t]+#.*)?$")
_STRUCTURE = re.compile(r"^(?:- |-$|[^\s:#]+:(?:\s|$))")


def looks_like_prose(key: str) -> bool:
    """A key no one would name a field: words with spaces, a capital letter first, or
    sentence punctuation ("Kurset er for alle")."""
    key = key.strip()
    return bool(key) and (key[0].isupper() or bool(_PROSE.search(key)))


_PROSE = re.compile(r"[^\W\d_]\s+[^\W\d_]|[^\W\d_][.,!?;]")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def follows_text_block(lines: list[str], line: int) -> bool:
    """Whether 1-based ``line`` comes right after a text written over several lines
    (``description: |`` and its indented lines, or a text continued on indented lines)
    by a field at the same indentation: then an unindented line of prose there most
    likely lost its indentation and belongs to that text."""
    if not 1 <= line <= len(lines):
        return False
    column = _indent(lines[line - 1])
    continued = 0
    only_text = True
    for above in reversed(lines[: line - 1]):
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        if _indent(above) > column:
            continued += 1
            only_text = only_text and not _STRUCTURE.match(above.strip())
            continue
        stripped = above[_indent(above):]
        key = _KEY_LINE.match(stripped)
        if not key or _indent(above) + len(key.group(1)) != column:
            return False
        value = (key.group(3) or "").strip()
        if _BLOCK_INDICATOR.match(value):
            return True
        return bool(value) and continued > 0 and only_text
    return False


def number(n: int) -> str:
    """'200.000': Danish writes thousands with a dot."""
    return f"{n:,}".replace(",", ".")


def _size(n: int) -> str:
    """'1 MB', '50,3 MB', '800 KB' (Danish decimal comma)."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}".replace(".", ",").removesuffix(",0") + " MB"
    return f"{max(1, round(n / 1000))} KB"


def _line_at(data: bytes, index: int) -> int:
    """The line of byte ``index``; CRLF, CR and LF each end a line."""
    before = data[:index]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def _os_problem(exc: OSError) -> str:
    """The operating system's reason, in Danish (its own words are English)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "filen kan ikke læses, fordi der ikke er adgang til den; tjek filens rettigheder"
    if exc.errno == errno.ENOENT:
        return "filen findes ikke længere (blev den flyttet eller slettet under bygningen?)"
    if exc.errno == errno.EISDIR:
        return "det er en mappe, ikke en fil"
    return f"filen kan ikke læses (systemets fejlkode {exc.errno})"


def read_text(path: Path) -> str:
    """Read an editor's file as UTF-8, with every line ending as '\\n'.

    Raises SourceError with the line of a bad byte. Reads at most MAX_FILE_BYTES (+1),
    whatever the file claims to be.
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
            size = len(raw)
            if size > MAX_FILE_BYTES:
                size = max(size, handle.seek(0, 2))
    except OSError as exc:
        raise SourceError(0, _os_problem(exc)) from None
    if size > MAX_FILE_BYTES:
        limit = _size(MAX_FILE_BYTES)
        shown = _size(size) if _size(size) != limit else f"lidt over {limit}"
        raise SourceError(0, f"filen fylder {shown}; en indholdsfil må højst fylde {limit}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            _line_at(raw, exc.start),
            "filen er ikke gemt som UTF-8 (der er et tegn, som ikke kan læses); gem den som UTF-8 i din editor",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]  # Windows editors add a byte-order mark; it means nothing here.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line endings
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
    if not match and re.match(r"---[ \t]*\n", text):
        raise SourceError(1, "front matter begynder med '---' i linje 1, men ingen linje med '---' afslutter den; skriv '---' på linjen efter felterne")
    if not match:
        raise SourceError(1, "filen skal begynde med front matter: en linje med '---', felterne (fx 'term: ...') og en linje med '---'")
    front = match.group(1)
    if not front.strip():
        raise SourceError(1, "front matter er tom; der skal i det mindste stå 'term: ...'")
    meta = parse_yaml(front, offset=1)
    body = text[match.end():]
    return MarkdownSource(meta, body, text[: match.end()].count("\n") + 1)
