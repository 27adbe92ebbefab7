"""Problems found in content: each names a file, a line and a way to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    hint: str = ""
    severity: str = ERROR

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass
class Problems:
    """Collects every problem so that one run reports all of them at once."""

    root: Path
    items: list[Problem] = field(default_factory=list)

    def add(self, file: Path | str, line: int, message: str, hint: str = "", severity: str = ERROR) -> None:
        self.items.append(Problem(self.relative(file), max(line, 1), message, hint, severity))

    def warn(self, file: Path | str, line: int, message: str, hint: str = "") -> None:
        self.add(file, line, message, hint, WARNING)

    def relative(self, file: Path | str) -> str:
        path = Path(file).resolve()
        try:
            return path.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the handbook content:\n{lines}")
