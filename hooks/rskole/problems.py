"""Problems found in editors' files, reported as ``path:line: message``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One located mistake in an editor's file. ``line`` is 1-based; 0 means the whole file."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}: {self.message}"


@dataclass
class Problems:
    """Collects every problem of a run so that editors see them all at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message: str) -> None:
        self.items.append(Problem(path, line, message))

    def extend(self, problems: "Problems | list[Problem]") -> None:
        self.items.extend(problems.items if isinstance(problems, Problems) else problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        # Stable, deduplicated, in file order: the order an editor fixes them in.
        return sorted(set(self.items), key=lambda p: (p.path, p.line, p.message))

    def report(self) -> str:
        return "\n".join(str(p) for p in self.sorted())


class ContentError(Exception):
    """Raised once, after every problem has been collected."""

    def __init__(self, problems: Problems):
        self.problems = problems
        n = len(problems.sorted())
        super().__init__(f"Indholdet har {n} fejl; siden blev ikke bygget. Ret fejlene ovenfor og prøv igen.")
