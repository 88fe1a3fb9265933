"""How a run that stops tells the user what happened: the problems, then one summary line.

The summary counts mistakes in the workspace only: a stop that is not the inputs' fault (a refused or
held OUT, a full disk, a workbook open in Excel) says so instead of adding "1 kesalahan".
"""

from __future__ import annotations

from typing import TextIO

from assembler.errors import Problem, SiapError
from assembler.messages import format_message, register

register(
    {
        "cli.summary": ("{errors} kesalahan, {warnings} peringatan", "{errors} errors, {warnings} warnings"),
        "cli.build.refused": (
            "Paket naskah tidak dibuat dan tidak ada yang diubah karena isi folder keluaran (lihat di atas). "
            "Ikuti petunjuknya, lalu jalankan 'siap build' lagi. Masukan ruang kerja: {errors} kesalahan, "
            "{warnings} peringatan.",
            "No package was built and nothing was changed because of what is in the output folder (see above). "
            "Follow the instructions there, then run 'siap build' again. Workspace inputs: {errors} errors, "
            "{warnings} warnings.",
        ),
        "cli.build.stopped": (
            "Paket naskah tidak dibuat dan tidak ada yang diubah (lihat di atas); ini bukan kesalahan isi ruang "
            "kerja. Masukan ruang kerja: {errors} kesalahan, {warnings} peringatan.",
            "No package was built and nothing was changed (see above); this is not a mistake in the workspace. "
            "Workspace inputs: {errors} errors, {warnings} warnings.",
        ),
        "cli.convert.stopped": (
            "{n} topik tidak diubah karena berkasnya sedang dipakai (lihat di atas); topik lainnya sudah diubah. "
            "Tutup berkas itu, lalu jalankan 'siap convert' lagi untuk topik tersebut.",
            "{n} topics were not converted because their files are in use (see above); the other topics were "
            "converted. Close those files, then run 'siap convert' again for them.",
        ),
    }
)


def print_problems(problems: list[Problem], lang: str, err: TextIO) -> None:
    for problem in problems:
        print(problem.render(lang), file=err)
    if problems:
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        print(format_message("cli.summary", {"errors": errors, "warnings": warnings}, lang), file=err)


def print_refusal(exc: SiapError, lang: str, err: TextIO) -> None:
    """A refused build (exit 3): the workspace's warnings, what stands in the way in OUT, and what to do.

    The refusal is not a mistake in the inputs (they validated), so it is not counted as a "kesalahan".
    """
    _print_with_inputs(exc, "cli.build.refused", lang, err)


def print_stop(exc: SiapError, command: str, lang: str, err: TextIO) -> None:
    """A stop that is not the inputs' fault (a held lock, a full disk, a workbook open in Excel).

    Counting it as "1 kesalahan" would send the user looking for a mistake in files that are fine.
    """
    if command == "build":
        _print_with_inputs(exc, "cli.build.stopped", lang, err)
        return
    for problem in exc.problems:
        print(problem.render(lang), file=err)
    if command == "convert":
        print(format_message("cli.convert.stopped", {"n": len(exc.problems)}, lang), file=err)


def _print_with_inputs(exc: SiapError, closing: str, lang: str, err: TextIO) -> None:
    """The workspace's warnings, what stopped the build, and a last line counting the inputs apart."""
    for problem in (*exc.warnings, *exc.problems):
        print(problem.render(lang), file=err)
    errors = sum(1 for p in exc.warnings if p.severity == "error")
    print(format_message(closing, {"errors": errors, "warnings": len(exc.warnings) - errors}, lang), file=err)
