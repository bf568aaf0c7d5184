"""Editors' commands: ``python -m rskole check | new | schemas`` (with ``PYTHONPATH=hooks``).

``check`` validates every course, teacher, place and glossary file with the build's own
code: the same ``path:line: message`` lines the build prints (hooks/portal.py's _fail),
in the same order, and the same exit status, without rendering a page.

Everything an editor reads here is Danish; the code and its comments are English.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Sequence, TextIO

CONFIG_NAME = "mkdocs.yml"


class CliError(Exception):
    """A problem with the command itself (no mkdocs.yml, a file that exists): exit 1."""


# --- mkdocs.yml ---------------------------------------------------------------------------


def find_config(start: Path | None = None) -> Path:
    """mkdocs.yml in ``start`` (default: the working directory) or the nearest folder above."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    raise CliError(
        f"Fandt ingen {CONFIG_NAME} i {start} eller mapperne over den. "
        f"Kør kommandoen i portalens mappe, eller angiv filen med -f sti/til/{CONFIG_NAME}."
    )


def mkdocs_config(config_file: Path) -> Any:
    """What ``Build.from_mkdocs`` reads of MkDocs' config, as MkDocs would give it.

    Fast path: read mkdocs.yml with MkDocs' own YAML loader (``!ENV`` tags and
    ``INHERIT`` work as in a build) and fill in only the keys the content check uses.
    Anything unusual (a ``!relative`` tag, ``extra`` that is no mapping, a YAML error, a
    missing ``docs_dir`` or ``watch`` path) falls back to MkDocs' full ``load_config``, so
    the check fails where the build fails.
    """
    try:
        from mkdocs.utils.yaml import get_yaml_loader, yaml_load

        with open(config_file, "rb") as fd:
            data = yaml_load(fd, get_yaml_loader())
        extra = data.get("extra") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(extra, (dict, type(None))):
            raise ValueError("unusual mkdocs.yml")
    except Exception:
        return _full_mkdocs_config(config_file)
    root = config_file.parent
    folders = [data.get("docs_dir") or "docs", *(data.get("watch") or [])]
    if not all(isinstance(f, str) and (root / f).exists() for f in folders):
        # MkDocs refuses to build when docs_dir or a watched path is missing: say so too.
        return _full_mkdocs_config(config_file)
    return {
        "config_file_path": str(config_file),
        "extra": extra or {},
        "markdown_extensions": [],
        "mdx_configs": {},
        "theme": SimpleNamespace(dirs=[]),
        "site_url": data.get("site_url"),
        "repo_url": data.get("repo_url"),
        "docs_dir": str(root / str(data.get("docs_dir") or "docs")),
    }


def _full_mkdocs_config(config_file: Path) -> Any:
    from mkdocs import exceptions
    from mkdocs.config import load_config

    try:
        return load_config(config_file=str(config_file))
    except exceptions.MkDocsException as exc:  # ConfigurationError, or Abort after logging the errors
        raise CliError(f"{config_file.name}: indstillingerne kan ikke læses: {exc}") from None


def portal_folders(config: Any) -> tuple[Path, str, str]:
    """(project root, courses folder, glossary folder) as the build finds them."""
    root = Path(config["config_file_path"]).resolve().parent
    portal = (config["extra"] or {}).get("portal") or {}
    if not isinstance(portal, dict):
        portal = {}
    return root, str(portal.get("courses_dir", "courses")), str(portal.get("glossary_dir", "glossary"))


# --- check --------------------------------------------------------------------------------


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


#: Output formats of ``check``: editors' plain lines, or GitHub Actions annotations.
FORMATS = ("tekst", "github")


def _escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub Actions reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Any, root: Path, environ: dict | None = None) -> str:
    """One problem as a GitHub Actions workflow command, ``::error file=...,line=...::message``,
    so that it shows on the file and line in the commit and pull request views.

    The file is given relative to the repository (``GITHUB_WORKSPACE``, else the folder
    of mkdocs.yml); a problem that is no file's (``PORTAL_TODAY``) names no file."""
    environ = os.environ if environ is None else environ
    path = root / problem.path
    if not path.exists():
        return f"::error::{_escape_data(str(problem))}"
    workspace = Path(environ.get("GITHUB_WORKSPACE") or root).resolve()
    try:
        rel = path.resolve().relative_to(workspace).as_posix()
    except ValueError:
        rel = Path(os.path.relpath(path.resolve(), workspace)).as_posix()
    props = f"file={_escape_property(rel)}"
    if problem.line:
        props += f",line={problem.line}"
    return f"::error {props}::{_escape_data(problem.message)}"


def check(config_file: Path, environ: dict | None = None, out: TextIO | None = None, err: TextIO | None = None,
          output: str = "tekst") -> int:
    """Validate all content as the build does. Returns the exit status (0 or 1).

    ``output="github"`` also writes each problem to ``out`` as a GitHub Actions
    annotation; ``err`` gets the same ``path:line: message`` lines either way."""
    from .build import Build
    from .problems import ContentError

    out = out or sys.stdout
    err = err or sys.stderr
    try:
        try:
            build = Build.from_mkdocs(mkdocs_config(config_file), environ)
        except (KeyError, AttributeError, TypeError):
            # The build now reads a setting the fast path does not fill in: use MkDocs' own.
            build = Build.from_mkdocs(_full_mkdocs_config(config_file), environ)
        catalogue = build.load()
    except ContentError as exc:
        n = len(exc.problems.sorted())
        if output == "github":
            root = config_file.parent
            for problem in exc.problems.sorted():
                print(github_annotation(problem, root, environ), file=out, flush=True)
        # Exactly what hooks/portal.py's _fail prints, then a short line of our own. Also
        # with annotations: GitHub shows at most 10 of them per step, the log shows all.
        print(exc.problems.report(), file=err, flush=True)
        print(f"Tjekket fandt {_count(n, 'fejl', 'fejl')}. Ret {'den' if n == 1 else 'dem'}, og kør tjekket igen.", file=err)
        return 1
    print(
        "Alt indhold er i orden: "
        f"{_count(len(catalogue.courses), 'kursus', 'kurser')}, "
        f"{_count(len(catalogue.teachers), 'underviser', 'undervisere')}, "
        f"{_count(len(catalogue.locations), 'sted', 'steder')}, "
        f"{_count(len(catalogue.terms), 'ord', 'ord')}.",
        file=out,
    )
    return 0


# --- the command line ---------------------------------------------------------------------


_ARGPARSE_DA = [
    ("the following arguments are required", "dette mangler"),
    ("unrecognized arguments", "ukendte argumenter"),
    ("invalid choice", "ugyldigt valg"),
    ("choose from", "vælg mellem"),
    ("expected one argument", "der mangler en værdi"),
    ("argument ", ""),
]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="Brug: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Danish headings (editors read the help)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, add_help=False, formatter_class=_Formatter, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "valgmuligheder"
        self.add_argument("-h", "--help", action="help", help="vis denne hjælp")

    def error(self, message: str):
        for english, danish in _ARGPARSE_DA:
            message = message.replace(english, danish)
        self.print_usage(sys.stderr)
        self.exit(2, f"Kommandoen kan ikke bruges sådan: {message}\nSe 'python -m rskole --help'.\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m rskole",
        description="Recoveryskolens værktøjer til redaktører: tjek indholdet, og lav nye kurser og ord.",
    )
    parser.add_argument("-f", "--config-file", type=Path, metavar="FIL", help=f"portalens {CONFIG_NAME} (ellers findes den i mappen eller mapperne over)")
    commands = parser.add_subparsers(dest="command", metavar="{check,new,schemas,compile}", parser_class=_Parser)

    check = commands.add_parser(
        "check", help="tjek alle kurser, undervisere, steder og ord med byggets egne fejlbeskeder",
        description="Tjekker courses/ og glossary/ præcis som byggeriet gør, og skriver hver fejl som 'fil:linje: besked'.",
    )
    check.add_argument(
        "--format", choices=FORMATS, default="tekst", metavar="{" + ",".join(FORMATS) + "}",
        help="tekst: 'fil:linje: besked' (standard); github: en GitHub Actions-kommando pr. fejl "
             "('::error file=...,line=...::besked'), så fejlen vises ved filen og linjen på GitHub",
    )
    new = commands.add_parser("new", help="lav en ny kursusfil eller et nyt ord ud fra en skabelon med forklaringer")
    schemas = commands.add_parser("schemas", help="(for udviklere) skriv JSON-skemaerne i schemas/ ud fra modellerne")
    compile_ = commands.add_parser(
        "compile", help="(for udviklere) skriv portalen som en almindelig docs-mappe, som en motor uden hooks kan bygge",
        description="Skriver MAPPE/docs/ med alle portalens sider og feeds og MAPPE/mkdocs.yml uden hooks.",
    )
    compile_.add_argument("out", type=Path, metavar="MAPPE", help="mappen, der skrives i (tømmes først)")
    for sub in (check, new, schemas, compile_):
        # Also after the command ("check -f ..."); SUPPRESS keeps a value given before it.
        sub.add_argument("-f", "--config-file", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    new.add_argument("kind", choices=["kursus", "ord"], metavar="{kursus,ord}", help="kursus: courses/<navn>.yml; ord: glossary/<navn>.md")
    new.add_argument("title", metavar="titel", help='titlen på dansk, fx "Håb og mod"; filnavnet laves ud fra den (æ→ae, ø→oe, å→aa)')
    new.add_argument("--mappe", help="for kurser: en undermappe i courses/, fx 2027-foraar")

    schemas.add_argument("--check", action="store_true", help="skriv intet; afslut med status 1, hvis skemaerne ikke passer til modellerne")
    schemas.add_argument("--out", type=Path, help="mappen, skemaerne skrives i (ellers schemas/ ved siden af mkdocs.yml)")
    return parser


def main(argv: Sequence[str] | None = None, environ: dict | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        config_file = args.config_file.resolve() if args.config_file else find_config()
        if args.config_file and not config_file.is_file():
            raise CliError(f"Filen {args.config_file} findes ikke.")
        if args.command == "check":
            return check(config_file, environ, output=args.format)
        if args.command == "new":
            return _new(args, config_file, environ)
        if args.command == "schemas":
            return _schemas(args, config_file)
        if args.command == "compile":
            return _compile(args, config_file, environ)
    except CliError as exc:
        if getattr(args, "format", None) == "github":
            print(f"::error::{_escape_data(str(exc))}", flush=True)
        print(exc, file=sys.stderr)
        return 1
    return 2


def _new(args, config_file: Path, environ: dict | None) -> int:
    from . import scaffold

    root, courses_dir, glossary_dir = portal_folders(mkdocs_config(config_file))
    try:
        if args.kind == "kursus":
            path, warnings = scaffold.new_course(root, args.title, courses_dir=courses_dir, folder=args.mappe, environ=environ)
        else:
            if args.mappe:
                raise scaffold.ScaffoldError("--mappe bruges kun til kurser; alle ord ligger direkte i glossary/.")
            path, warnings = scaffold.new_term(root, args.title, glossary_dir=glossary_dir)
    except scaffold.ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    rel = Path(os.path.relpath(path, root)).as_posix()
    what = "kursusfil" if args.kind == "kursus" else "ord"
    print(f"Oprettet {what}: {rel}")
    print("Åbn filen, og skift eksemplerne ud med det rigtige indhold (kommentarerne forklarer hvert felt).")
    print("Tjek bagefter alt indhold med: bash scripts/check.sh")
    for warning in warnings:
        print(f"OBS: {warning}")
    return 0


def _compile(args, config_file: Path, environ: dict | None) -> int:
    from .build import Build
    from .compile import compile_site
    from .problems import ContentError

    out = args.out.resolve()
    root = config_file.parent.resolve()
    if out == root or root.is_relative_to(out):
        raise CliError(f"{args.out} er projektets egen mappe; vælg en anden mappe at skrive i.")
    try:
        build = Build.from_mkdocs(_full_mkdocs_config(config_file), environ)
        written = compile_site(build, config_file, out)
    except ContentError as exc:
        print(exc.problems.report(), file=sys.stderr, flush=True)
        return 1
    print(f"Skrev {len(written)} sider og feeds i {out}.")
    return 0


def _schemas(args, config_file: Path) -> int:
    from .schemas import stale_schemas, write_schemas

    folder = args.out or config_file.parent / "schemas"
    if args.check:
        stale = stale_schemas(folder)
        if stale:
            print(f"Skemaerne i {folder} passer ikke til modellerne: {', '.join(stale)}. "
                  "Kør 'PYTHONPATH=hooks python -m rskole schemas', og commit filerne.", file=sys.stderr)
            return 1
        print(f"Skemaerne i {folder} passer til modellerne.")
        return 0
    changed = write_schemas(folder)
    for path in changed:
        print(f"Skrev {path}")
    if not changed:
        print(f"Skemaerne i {folder} var allerede opdaterede.")
    return 0
