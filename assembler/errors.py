"""One error root for the whole pipeline, and the problems it carries.

Every user-facing mistake becomes a :class:`Problem` with a file, a line, a field path and a
message code; a run collects all of them before it stops, so the secretariat fixes a workspace in
one pass instead of one error at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Literal

Severity = Literal["error", "warning"]


class ExitCode(IntEnum):
    """Exit codes of the ``siap`` command (docs/dev/kontrak.md)."""

    OK = 0
    INVALID = 1
    USAGE = 2
    HAND_EDITED = 3
    PDF_FAILED = 4


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or doubtful) in the user's input, located as precisely as we can."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""
    severity: Severity = "error"
    #: In a workbook, ``Sheet!D7`` stands where a YAML file has line and column.
    cell: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file or "", self.line or 0, self.column or 0, self.path)

    def render(self, lang: str = "id") -> str:
        """``file:line:col: path: message``, the user contract's form (docs/dev/kontrak.md)."""
        from assembler.messages import format_message

        where = ""
        if self.file:
            where = self.file
            if self.cell is not None:
                where += f":{self.cell}"
            elif self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        prefix = ""
        if self.severity == "warning":
            prefix = format_message("label.warning", {}, lang) + ": "
        path = f"{self.path}: " if self.path else ""
        return f"{where}{prefix}{path}{format_message(self.code, self.params, lang)}"


class SiapError(Exception):
    """Root of every error the CLI turns into a message and an exit code."""

    exit_code: ExitCode = ExitCode.INVALID
    #: The workspace's own warnings when the stop is not the inputs' fault (a refused package): the CLI
    #: shows them with the refusal, so a user fixes both in one pass (set by ``build``).
    warnings: tuple[Problem, ...] = ()
    #: False when the stop is not a mistake in the workspace (another build holds OUT, a file is open in
    #: Excel, the disk is full): the CLI then does not count it as a "kesalahan" of the inputs.
    inputs_at_fault: bool = True

    def __init__(self, problems: list[Problem] | Problem, exit_code: ExitCode | None = None):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        if exit_code is not None:
            self.exit_code = exit_code
        super().__init__("; ".join(p.render("en") for p in self.problems))


class InvalidInputError(SiapError):
    """The workspace does not validate; nothing is written."""

    exit_code = ExitCode.INVALID


class UsageError(SiapError):
    """Bad command line: a missing file, a non-empty target folder, an unknown id."""

    exit_code = ExitCode.USAGE
