"""The ``siap`` command: parse arguments, call the facade, print, pick the exit code. Nothing else."""

from __future__ import annotations

import argparse
import difflib
import errno
import gc
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from assembler import __version__
from assembler.cli_report import print_problems, print_refusal, print_stop
from assembler.cli_text import argparse_speaks, unrecognized
from assembler.errors import ExitCode, Problem, SiapError, UsageError
from assembler.messages import Localized, format_message, has_message, register

if TYPE_CHECKING:  # pragma: no cover - the facade is imported when a command runs, not for --help
    from assembler.excel.convert import Converted
    from assembler.facade import CheckReport, DocumentStatus
    from assembler.package import PackageResult

register(
    {
        "cli.valid": ("Ruang kerja valid.", "Workspace is valid."),
        "cli.check.invalid": (
            "Ruang kerja tidak valid: perbaiki kesalahan di atas lalu jalankan 'siap check' lagi.",
            "Workspace is invalid: fix the errors above and run 'siap check' again.",
        ),
        "cli.check.stpp_unfilled": (
            "Ruang kerja valid, tetapi stpp.yaml belum diisi: belum ada naskah yang dapat dibuat.",
            "Workspace is valid, but stpp.yaml is not filled in yet: no document can be built.",
        ),
        "cli.build.nothing_written": (
            "Paket naskah tidak dibuat; tidak ada yang ditulis.",
            "No package was built; nothing was written.",
        ),
        "cli.build.pdf_failed": (
            "PDF tidak dibuat (lihat di atas), tetapi paket .docx sudah ditulis lengkap. Setelah masalahnya "
            "diatasi, jalankan 'siap build --pdf' lagi, atau cetak naskahnya dari Word.",
            "The PDFs were not made (see above), but the .docx package is complete. Once the problem is solved, "
            "run 'siap build --pdf' again, or print the documents from Word.",
        ),
        "cli.head.topics": ("Topik", "Topics"),
        "cli.head.documents": ("Naskah", "Documents"),
        "cli.init.done": (
            "Ruang kerja baru dibuat di {path}: stpp.yaml dan 21 berkas topik. Isi stpp.yaml lebih dahulu.",
            "New workspace created in {path}: stpp.yaml and 21 topic files. Fill in stpp.yaml first.",
        ),
        "cli.init.done_xlsx": (
            "Ruang kerja baru dibuat di {path}: stpp.yaml dan 21 buku kerja Excel. Isi stpp.yaml lebih dahulu.",
            "New workspace created in {path}: stpp.yaml and 21 Excel workbooks. Fill in stpp.yaml first.",
        ),
        "cli.convert.file": ("  {topic}  ditulis {file}", "  {topic}  written {file}"),
        "cli.convert.file_archived": (
            "  {topic}  ditulis {file}; berkas lama dipindahkan ke {archived}",
            "  {topic}  written {file}; the old file moved to {archived}",
        ),
        "convert.unknown_target": (
            "bentuk tujuan '{target}' tidak dikenal; gunakan --to xlsx atau --to yaml",
            "unknown target form '{target}'; use --to xlsx or --to yaml",
        ),
        "cli.build.written": ("  ditulis   {file}", "  written   {file}"),
        "cli.build.skipped": ("  dilewati  {id}: menunggu {files}", "  skipped   {id}: waiting for {files}"),
        "cli.build.skipped_kalender": (
            "  dilewati  {id}: menunggu jadwal topik {topic} dalam 1.2-kalender-kerja.yaml",
            "  skipped   {id}: waiting for topic {topic} in 1.2-kalender-kerja.yaml",
        ),
        "cli.build.no_builder": (
            "  dilewati  {id}: belum dapat disusun oleh versi siap ini",
            "  skipped   {id}: this version of siap cannot compose it yet",
        ),
        "cli.build.archived": (
            "Berkas yang disunting tangan atau tidak dibuat siap dipindahkan ke {dir}: {files}",
            "Files edited by hand or not made by siap moved to {dir}: {files}",
        ),
        "cli.build.stale_pdf": (
            "PDF yang naskahnya berubah (dan tidak dicetak ulang) dipindahkan ke {dir}: {files}",
            "PDFs whose documents changed (and were not printed again) moved to {dir}: {files}",
        ),
        "cli.build.rescued": (
            "Berkas yang disimpan ke {out} tepat saat paket ditukar diamankan di {dir}: {files}",
            "Files saved into {out} just as the package was swapped were kept in {dir}: {files}",
        ),
        "cli.build.how.edited": ("disunting tangan", "edited by hand"),
        "cli.build.how.resaved": ("disimpan ulang tanpa perubahan teks", "saved again without text changes"),
        "cli.build.kept_revision": (
            "  dipertahankan  {file}: {how}; perubahan dari masukan baru ditulis sebagai perubahan terlacak "
            "di {revisi} ({n} perubahan, {conflicts} bentrok)",
            "  kept      {file}: {how}; the changes from the new inputs were written as tracked changes in "
            "{revisi} ({n} changes, {conflicts} conflicts)",
        ),
        "cli.build.kept_unchanged": (
            "  dipertahankan  {file}: {how}; masukannya tidak berubah, tidak ada yang ditulis untuknya",
            "  kept      {file}: {how}; its inputs did not change, nothing was written for it",
        ),
        "cli.build.kept_caught_up": (
            "  dipertahankan  {file}: {how}; perubahan dari masukan baru sudah ada di dalamnya, tidak ada yang "
            "ditulis untuknya",
            "  kept      {file}: {how}; it already holds the changes from the new inputs, nothing was written for it",
        ),
        "cli.build.kept_no_base": (
            "  dipertahankan  {file}: {how}; masukannya berubah, tetapi revisi tidak dapat dibuat karena naskah "
            "asli buatan siap tidak tersimpan (paket dari siap versi lama). Jalankan ulang dengan --force untuk "
            "mengarsipkannya dan menulis naskah baru",
            "  kept      {file}: {how}; its inputs changed, but no revision can be made because siap's own "
            "version was not kept (a package from an older siap). Run again with --force to archive it and "
            "write the new document",
        ),
        "cli.build.kept_unreadable": (
            "  dipertahankan  {file}: {how}; masukannya berubah, tetapi berkas ini tidak dapat dibaca sebagai "
            ".docx sehingga revisi tidak dapat dibuat. Periksa berkasnya di Word, atau jalankan ulang dengan "
            "--force untuk mengarsipkannya dan menulis naskah baru",
            "  kept      {file}: {how}; its inputs changed, but the file cannot be read as a .docx, so no "
            "revision can be made. Check it in Word, or run again with --force to archive it and write the "
            "new document",
        ),
        "cli.build.conflict": (
            "      bentrok  {where}: suntingan tangan dipertahankan; perubahan dari masukan menjadi komentar: "
            "\u201c{input}\u201d",
            "      conflict  {where}: the hand edit was kept; the change from the inputs is a comment: "
            "\u201c{input}\u201d",
        ),
        "cli.templates.done": (
            "{count} templat diperiksa, {problems} masalah.",
            "{count} templates checked, {problems} problems.",
        ),
        "cli.build.done": (
            "{count} naskah ditulis ke {out} dan {zip}.",
            "{count} documents written to {out} and {zip}.",
        ),
        "cli.schema.done": (
            "Skema JSON ditulis ke {path} ({count} berkas).",
            "JSON Schemas written to {path} ({count} files).",
        ),
        "cli.os_error": (
            "{file}: {reason}; periksa jalur itu dan izin foldernya, lalu ulangi",
            "{file}: {reason}; check that path and its folder's permissions, then retry",
        ),
        "os.ENOENT": ("berkas atau folder ini tidak ada", "no such file or folder"),
        "os.EACCES": ("akses ditolak (tidak ada izin)", "permission denied"),
        "os.ENOTDIR": ("sebagian jalur ini adalah berkas, bukan folder", "part of this path is a file, not a folder"),
        "os.EISDIR": ("ini folder, bukan berkas", "this is a folder, not a file"),
        "os.ENOSPC": ("disk penuh", "the disk is full"),
        "os.EROFS": ("disk atau folder ini hanya dapat dibaca", "the disk or folder is read-only"),
        "os.ENAMETOOLONG": ("nama berkas terlalu panjang", "file name too long"),
        "os.ELOOP": ("tautan simbolik berputar ke dirinya sendiri", "symbolic link loops back on itself"),
        "os.EEXIST": ("sudah ada", "already exists"),
        "templates.not_a_folder": ("folder templat tidak ditemukan", "template folder not found"),
        "cli.internal": (
            "kesalahan internal: {error} (jalankan ulang dengan --verbose untuk rinciannya)",
            "internal error: {error} (run again with --verbose for details)",
        ),
    }
)

INTERNAL_ERROR = 70
#: What a Unix shell reports for a program stopped by SIGPIPE (``siap check | head -1``).
BROKEN_PIPE = 141

def _lang_of(argv: Sequence[str]) -> str:
    """The ``--lang`` of a command line, known before parsing so that parse errors are in that language."""
    lang = "id"
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in ("id", "en") else "id"


def _parser_class(out: TextIO, err: TextIO, lang: str) -> type[argparse.ArgumentParser]:
    """An ArgumentParser that writes to the given streams (help to ``out``, errors to ``err``)."""

    class Parser(argparse.ArgumentParser):
        def _print_message(self, message: str, file: object = None) -> None:
            if message:
                (err if file is sys.stderr else out).write(message)

        def _check_value(self, action: argparse.Action, value: Any) -> None:
            """An unknown command or choice gets the "maksud Anda" hint every other message has."""
            try:
                super()._check_value(action, value)
            except argparse.ArgumentError as exc:
                choices = [str(c) for c in action.choices or ()]
                match = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
                if match:
                    hint = format_message("label.did_you_mean", {"suggestion": f"'{match[0]}'"}, lang)
                    exc.message = f"{exc.message}; {hint}"
                raise

    return Parser


def build_parser(
    lang: str = "id", out: TextIO | None = None, err: TextIO | None = None
) -> argparse.ArgumentParser:
    """The whole command line; help texts in ``lang`` (argparse's own phrases need ``argparse_speaks``)."""

    def t(code: str) -> str:
        return format_message(code, {}, lang)

    def sentence(code: str) -> str:  # a command's help line as the first sentence of its own --help
        return t(code)[:1].upper() + t(code)[1:] + "."

    cls = _parser_class(out or sys.stdout, err or sys.stderr, lang)
    parser = cls(prog="siap", description=t("cli.arg.description"))
    _global_options(parser, lang, suppress=False)
    # The same options after the sub-command; SUPPRESS keeps "siap --lang en check" from being reset.
    common = cls(add_help=False)
    _global_options(common, lang, suppress=True)
    parser.add_argument("--version", action="version", version=f"siap {__version__}", help=t("cli.arg.version"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")

    p = sub.add_parser("init", parents=[common], help=t("cli.arg.init"))
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--xlsx", action="store_true", help=t("cli.arg.init_xlsx"))

    p = sub.add_parser("convert", parents=[common], help=t("cli.arg.convert"), description=sentence("cli.arg.convert"))
    p.add_argument("workspace", type=Path, metavar="WS", help=t("cli.arg.workspace_required"))
    # "--to xlsx 2.1 5.1": the topics may follow the target (argparse cannot split positionals around it).
    p.add_argument(
        "--to", nargs="+", required=True, metavar=("xlsx|yaml", "TOPIK"), help=t("cli.arg.convert_to")
    )
    p.add_argument("topics", nargs="*", metavar="TOPIK", help=t("cli.arg.convert_topics"))

    p = sub.add_parser(
        "check", parents=[common], help=t("cli.arg.check"), description=sentence("cli.arg.check"),
        epilog=t("cli.arg.check_epilog"),
    )
    p.add_argument("workspace", type=Path, nargs="?", default=Path("."), metavar="WS", help=t("cli.arg.workspace"))

    p = sub.add_parser(
        "build", parents=[common], help=t("cli.arg.build"), description=sentence("cli.arg.build"),
        epilog=t("cli.arg.build_epilog"),
    )
    p.add_argument("workspace", type=Path, nargs="?", default=Path("."), metavar="WS", help=t("cli.arg.workspace"))
    p.add_argument("-o", "--output", type=Path, default=None, metavar="OUT", help=t("cli.arg.output"))
    p.add_argument("--only", nargs="+", default=None, metavar="ID", help=t("cli.arg.only"))
    p.add_argument("--pdf", action="store_true", help=t("cli.arg.pdf"))
    p.add_argument("--force", action="store_true", help=t("cli.arg.force"))

    p = sub.add_parser("templates", parents=[common], help=t("cli.arg.templates"))
    tsub = p.add_subparsers(dest="templates_command", required=True, metavar="PERINTAH")
    tc = tsub.add_parser("check", parents=[common], help=t("cli.arg.templates_check"))
    tc.add_argument("dir", type=Path, nargs="?", default=None, metavar="DIR", help=t("cli.arg.templates_dir"))
    tc.add_argument("--ws", type=Path, default=None, metavar="WS", help=t("cli.arg.templates_ws"))

    p = sub.add_parser("compare", parents=[common], help=t("cli.arg.compare"))
    p.add_argument("old", type=Path, metavar="LAMA.docx")
    p.add_argument("new", type=Path, metavar="BARU.docx")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="REDLINE.docx",
        help=t("cli.arg.compare_output"),
    )

    p = sub.add_parser("schema", parents=[common], help=t("cli.arg.schema"))
    p.add_argument("-o", "--output", type=Path, default=Path("skema"), metavar="DIR", help=t("cli.arg.schema_output"))
    return parser


def _global_options(parser: argparse.ArgumentParser, lang: str, *, suppress: bool) -> None:
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=argparse.SUPPRESS if suppress else "id",
        help=format_message("cli.arg.lang", {}, lang),
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=format_message("cli.arg.verbose", {}, lang),
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=format_message("cli.arg.quiet", {}, lang),
    )


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    guarded = (_PipeGuard(stdout or sys.stdout), _PipeGuard(stderr or sys.stderr))
    if argv is None:  # the siap process itself (console script, python -m), not a caller's
        _without_pydantic_plugins()
    try:
        code = _parse_and_run(
            list(sys.argv[1:] if argv is None else argv), *(cast(TextIO, g) for g in guarded), own=argv is None
        )
        for guard in guarded:  # a reader that went away is met here, not at interpreter exit
            guard.flush()
        if argv is None:  # the process ends now (console script, python -m): see _exit_soon
            _exit_soon()
        return code
    except BrokenPipeError:
        # The reader went away (``siap check | head -1``): stop quietly, as Unix tools do.
        for guard in guarded:
            if guard.gone:
                _silence(guard.stream)
        return BROKEN_PIPE


def _without_pydantic_plugins() -> None:
    """Validate with siap's models alone: no pydantic plugin another package installed is loaded.

    Pydantic loads every plugin registered under its entry-point group at the first validation,
    and a plugin sees (and may fail) each value of the working papers. siap ships none; leaving
    them out keeps a check the same whatever else shares the Python installation, and spares the
    scan of every installed package's entry points (~2.5 ms of each command). Whoever sets
    ``PYDANTIC_DISABLE_PLUGINS`` themselves (empty: load them all) is obeyed.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _exit_soon() -> None:
    """Spare the interpreter's last garbage collection over everything a build held (~0.3 s of CPU).

    At exit, CPython collects the whole heap once more although the memory is returned to the system
    anyway; objects moved to the permanent generation are skipped. Files are closed and flushed by
    then (the package is fsynced before it is swapped in), and ``atexit`` handlers still run.
    """
    gc.freeze()


def _parse_and_run(argv: list[str], out: TextIO, err: TextIO, *, own: bool = False) -> int:
    """Parse and run one command; ``own``: this is the siap process itself, which ends after it."""
    with argparse_speaks(_lang_of(argv)):
        try:
            parser = build_parser(_lang_of(argv), out, err)
            args, extra = parser.parse_known_args(argv)
            if extra:
                parser.error(unrecognized(extra, getattr(args, "workspace", None), _lang_of(argv)))
        except SystemExit as exc:  # --help, --version, a usage error: argparse has printed why
            return exc.code if isinstance(exc.code, int) else ExitCode.USAGE
    if own and args.command == "check":
        # A check imports the models (~100,000 objects kept to the end) and then validates, with the
        # cycle collector paused (validate_workspace); between and after, it would only walk the same
        # objects again (~6 ms). The process ends after the report, so the collector stays off.
        gc.disable()
    return _run(args, args.lang, out, err)


def _run(args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    """One command, its messages and its exit code; a reader that goes away is left to ``main``."""
    try:
        return int(_dispatch(args, lang, out, err))
    except SiapError as exc:
        if exc.exit_code == ExitCode.HAND_EDITED and args.command == "build":
            print_refusal(exc, lang, err)
            return int(exc.exit_code)
        if not exc.inputs_at_fault:
            print_stop(exc, args.command, lang, err)
            return int(exc.exit_code)
        print_problems(exc.problems, lang, err)
        if args.command == "build" and exc.exit_code == ExitCode.INVALID:
            print(format_message("cli.build.nothing_written", {}, lang), file=err)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.filename is None:
            return _internal(exc, args.verbose, lang, err)
        # A path the user named or owns cannot be read or written (no permission, a file where a folder
        # should be, a full disk): theirs to fix, so a message rather than "kesalahan internal".
        if args.verbose:
            traceback.print_exc(file=err)
        print(format_message("cli.os_error", {"file": exc.filename, "reason": _os_reason(exc)}, lang), file=err)
        return ExitCode.USAGE
    except Exception as exc:  # the one place that turns a bug into a readable line
        return _internal(exc, args.verbose, lang, err)


def _internal(exc: BaseException, verbose: bool, lang: str, err: TextIO) -> int:
    if verbose:
        traceback.print_exception(exc, file=err)
    print(format_message("cli.internal", {"error": f"{type(exc).__name__}: {exc}"}, lang), file=err)
    return INTERNAL_ERROR


def _os_reason(exc: OSError) -> str | Localized:
    """The operating system's reason in the user's language for the common cases, else its own words."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if name == "EPERM":
        name = "EACCES"
    code = f"os.{name}"
    if has_message(code):
        return Localized(format_message(code, {}, "id"), format_message(code, {}, "en"))
    return exc.strerror or type(exc).__name__


class _PipeGuard:
    """An output stream for the length of a command; Windows' way of saying its reader went away is
    turned into the BrokenPipeError every other system raises.

    Windows reports a closed pipe as EINVAL ("Invalid argument") on write or flush, not as a broken pipe
    (CPython issue 79935), so ``siap check | more`` quit early would end as "kesalahan internal" (70).
    Only this stream's own writes are read that way: an EINVAL from anything else is still reported.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        #: The reader of this stream went away (the stream to point at the null device).
        self.gone = False

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except OSError as exc:
            raise self._closed(exc) from exc

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as exc:
            raise self._closed(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def _closed(self, exc: OSError) -> OSError:
        if isinstance(exc, BrokenPipeError):
            self.gone = True
        elif exc.errno == errno.EINVAL:
            self.gone = True
            return BrokenPipeError(errno.EPIPE, exc.strerror)
        return exc


def _silence(stream: TextIO) -> None:
    """Point a closed pipe at the null device so the interpreter's final flush does not complain."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _dispatch(args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> ExitCode:
    from assembler import facade

    if args.command == "check":
        report = facade.check(args.workspace)
        print_problems(report.problems, lang, err)
        _print_status(report, lang, out)
        if not report.ok:
            summary = "cli.check.invalid"
        elif not facade.stpp_filled(report):
            summary = "cli.check.stpp_unfilled"
        else:
            summary = "cli.valid"
        print(format_message(summary, {}, lang), file=out)
        return ExitCode.OK if report.ok else ExitCode.INVALID
    if args.command == "build":
        from assembler.build import build
        from assembler.progress import Progress

        progress = Progress.for_terminal(err, lang, quiet=args.quiet)
        try:
            result = build(args.workspace, args.output, args.only, pdf=args.pdf, force=args.force, progress=progress)
        finally:
            progress.done()
        print_problems(result.warnings + result.package.warnings, lang, err)
        _print_package_lines(result.package, lang, out)
        if result.pdf_toolchain is not None:
            print(result.pdf_toolchain.message(lang), file=out)
        for status in result.skipped:
            print(_skipped_line(status, lang), file=out)
        print(
            format_message(
                "cli.build.done",
                {"out": result.package.out, "zip": result.package.zip_path, "count": len(result.package.written)},
                lang,
            ),
            file=out,
        )
        if result.pdf_error is not None:  # the inputs were fine (counted above): not one more "kesalahan"
            for problem in result.pdf_error.problems:
                print(problem.render(lang), file=err)
            print(format_message("cli.build.pdf_failed", {}, lang), file=err)
            return result.pdf_error.exit_code
        return ExitCode.OK
    if args.command == "templates":
        return _templates_check(args, lang, out, err)
    if args.command == "compare":
        from assembler.compare import compare_files

        lines = compare_files(args.old, args.new, lang)
        if args.output is not None:
            from assembler.compare import write_redline

            count = write_redline(args.old, args.new, args.output)
            lines.append(format_message("compare.written", {"path": args.output, "count": count}, lang))
        for line in lines:
            print(line, file=out)
        return ExitCode.OK
    if args.command == "init":
        from assembler.scaffold import init_workspace

        init_workspace(args.dir, xlsx=args.xlsx)
        print(format_message("cli.init.done_xlsx" if args.xlsx else "cli.init.done", {"path": args.dir}, lang),
              file=out)
        return ExitCode.OK
    if args.command == "convert":
        return _convert(args, lang, out)
    if args.command == "schema":
        from assembler.schema import write_schemas

        written = write_schemas(args.output)
        print(format_message("cli.schema.done", {"path": args.output, "count": len(written)}, lang), file=out)
        return ExitCode.OK
    raise AssertionError(args.command)  # pragma: no cover - argparse rejects unknown commands


def _convert(args: argparse.Namespace, lang: str, out: TextIO) -> ExitCode:
    from assembler.excel.convert import convert_workspace

    target, *topics = args.to
    if target not in ("xlsx", "yaml"):
        raise UsageError(Problem("convert.unknown_target", {"target": target}))
    from assembler.excel.convert import ConvertRefusedError

    try:
        done = convert_workspace(args.workspace, target, [*topics, *args.topics])
    except ConvertRefusedError as exc:
        _print_converted(exc.done, lang, out)
        raise
    _print_converted(done, lang, out)
    return ExitCode.OK


def _print_converted(done: list[Converted], lang: str, out: TextIO) -> None:
    for item in done:
        code = "cli.convert.file_archived" if item.archived else "cli.convert.file"
        print(format_message(code, {"topic": item.topic, "file": item.written, "archived": item.archived}, lang),
              file=out)


def _templates_check(args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> ExitCode:
    from assembler.resources import CONTOH_DIR, TEMPLATES_DIR
    from assembler.template_lint import check_templates

    if args.dir is not None:
        if not args.dir.is_dir():
            raise UsageError(Problem("templates.not_a_folder", {}, str(args.dir)))
        paths = sorted(args.dir.glob("*.docx"))
        workspace = args.ws or (args.dir.parent if (args.dir.parent / "stpp.yaml").is_file() else CONTOH_DIR)
    else:
        paths = sorted(TEMPLATES_DIR.glob("*.docx"))
        workspace = args.ws or CONTOH_DIR
        local = Path("templates")
        if local.is_dir() and Path("stpp.yaml").is_file():
            paths += sorted(local.glob("*.docx"))
            workspace = args.ws or Path(".")
    paths = [p for p in paths if not p.name.startswith("~$")]  # Word's lock file of a template being edited
    problems = check_templates(paths, workspace)
    print_problems(problems, lang, err)
    print(format_message("cli.templates.done", {"count": len(paths), "problems": len(problems)}, lang), file=out)
    return ExitCode.INVALID if problems else ExitCode.OK


def _print_package_lines(package: PackageResult, lang: str, out: TextIO) -> None:
    """What happened to each file of OUT: archived, written, kept as the user saved it."""
    groups = (("cli.build.archived", package.archived), ("cli.build.stale_pdf", package.stale_pdfs))
    for code, files in groups:
        if files:
            print(format_message(code, {"dir": package.archive_dir, "files": ", ".join(files)}, lang), file=out)
    for name in package.written:
        print(format_message("cli.build.written", {"file": name}, lang), file=out)
    for kept in package.kept:
        how = format_message("cli.build.how.edited" if kept.text_changed else "cli.build.how.resaved", {}, lang)
        params: dict[str, object] = {"file": kept.file, "how": how}
        if kept.revision is not None:
            params |= {"revisi": kept.revision, "n": kept.revisions, "conflicts": len(kept.conflicts)}
            print(format_message("cli.build.kept_revision", params, lang), file=out)
            for c in kept.conflicts:
                print(format_message("cli.build.conflict", {"where": c.place(lang), "input": c.input_text}, lang),
                      file=out)
        elif kept.caught_up:
            print(format_message("cli.build.kept_caught_up", params, lang), file=out)
        elif kept.no_base or kept.unreadable:
            code = "cli.build.kept_no_base" if kept.no_base else "cli.build.kept_unreadable"
            print(format_message(code, params, lang), file=out)
        else:
            print(format_message("cli.build.kept_unchanged", params, lang), file=out)
    if package.rescued:
        rescued = {"out": package.out, "dir": package.out / "arsip", "files": ", ".join(package.rescued)}
        print(format_message("cli.build.rescued", rescued, lang), file=out)


def _skipped_line(status: DocumentStatus, lang: str) -> str:
    if status.waiting_for:
        files = ", ".join(_topic_file(t) for t in status.waiting_for)
        return format_message("cli.build.skipped", {"id": status.dokumen.id, "files": files}, lang)
    if status.waiting_kalender:
        return format_message(
            "cli.build.skipped_kalender", {"id": status.dokumen.id, "topic": status.waiting_kalender}, lang
        )
    return format_message("cli.build.no_builder", {"id": status.dokumen.id}, lang)


def _topic_file(topic_id: str) -> str:
    from assembler.topics import BY_ID, STPP_FILE

    return STPP_FILE if topic_id == "stpp" else BY_ID[topic_id].file


def _print_status(report: CheckReport, lang: str, out: TextIO) -> None:
    print(format_message("cli.head.topics", {}, lang), file=out)
    width = max(len(t.file) for t in report.topics)
    for t in report.topics:
        label = format_message(f"status.topic.{t.status}", {}, lang)
        print(f"  {t.file:<{width}}  {label}", file=out)
    print(format_message("cli.head.documents", {}, lang), file=out)
    width = max(len(d.dokumen.id) for d in report.documents)
    for d in report.documents:
        if d.buildable and d.konsep:
            label = format_message("status.doc.konsep", {"topics": ", ".join(d.konsep)}, lang)
        elif d.buildable:
            label = format_message("status.doc.ready", {}, lang)
        elif d.waiting_for:
            waiting = ", ".join(_topic_file(t) if t == "stpp" else t for t in d.waiting_for)
            label = format_message("status.doc.waiting", {"topics": waiting}, lang)
        else:
            label = format_message("status.doc.waiting_kalender", {"topic": d.waiting_kalender}, lang)
        print(f"  {d.dokumen.id:<{width}}  {label}", file=out)
