"""The ``siap`` command: parse arguments, call the facade, print, pick the exit code. Nothing else."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from assembler import __version__
from assembler.errors import ExitCode, Problem, SiapError, UsageError
from assembler.messages import format_message, register

if TYPE_CHECKING:  # pragma: no cover - the facade is imported when a command runs, not for --help
    from assembler.facade import CheckReport, DocumentStatus

register(
    {
        "cli.summary": ("{errors} kesalahan, {warnings} peringatan", "{errors} errors, {warnings} warnings"),
        "cli.valid": ("Ruang kerja valid.", "Workspace is valid."),
        "cli.invalid": (
            "Ruang kerja tidak valid; tidak ada yang ditulis.",
            "Workspace is invalid; nothing was written.",
        ),
        "cli.head.topics": ("Topik", "Topics"),
        "cli.head.documents": ("Naskah yang dapat dibuat", "Documents"),
        "cli.init.done": (
            "Ruang kerja baru dibuat di {path}: stpp.yaml dan 21 berkas topik. Isi stpp.yaml lebih dahulu.",
            "New workspace created in {path}: stpp.yaml and 21 topic files. Fill in stpp.yaml first.",
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
            "Naskah yang disunting tangan dipindahkan ke {dir}: {files}",
            "Hand-edited documents moved to {dir}: {files}",
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
        "cli.internal": (
            "kesalahan internal: {error} (jalankan ulang dengan --verbose untuk rinciannya)",
            "internal error: {error} (run again with --verbose for details)",
        ),
    }
)

INTERNAL_ERROR = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="siap",
        description="Menyusun naskah resmi STPP PDAM (.docx) dari kertas kerja Pokja (YAML).",
    )
    _global_options(parser, suppress=False)
    # The same options after the sub-command; SUPPRESS keeps "siap --lang en check" from being reset.
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    parser.add_argument("--version", action="version", version=f"siap {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")

    p = sub.add_parser("init", parents=[common], help="membuat ruang kerja baru")
    p.add_argument("dir", type=Path, metavar="DIR")

    p = sub.add_parser("check", parents=[common], help="memeriksa seluruh ruang kerja")
    p.add_argument("workspace", type=Path, nargs="?", default=Path("."), metavar="WS")

    p = sub.add_parser("build", parents=[common], help="menyusun paket naskah .docx")
    p.add_argument("workspace", type=Path, nargs="?", default=Path("."), metavar="WS")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="OUT", help="folder hasil (bawaan: WS/keluaran)")
    p.add_argument("--only", nargs="+", default=None, metavar="ID", help="hanya naskah dengan id ini")
    p.add_argument("--pdf", action="store_true", help="cetak juga setiap naskah sebagai PDF (LibreOffice)")
    p.add_argument(
        "--force", action="store_true", help="pindahkan naskah yang disunting tangan ke OUT/arsip/ lalu buat ulang"
    )

    p = sub.add_parser("templates", parents=[common], help="memeriksa templat .docx")
    tsub = p.add_subparsers(dest="templates_command", required=True, metavar="PERINTAH")
    t = tsub.add_parser("check", parents=[common], help="memeriksa templat bawaan dan templat ruang kerja")
    t.add_argument(
        "dir",
        type=Path,
        nargs="?",
        default=None,
        metavar="DIR",
        help="folder templat (bawaan: templat bawaan dan folder templates/ ruang kerja ini)",
    )
    t.add_argument(
        "--ws",
        type=Path,
        default=None,
        metavar="WS",
        help="ruang kerja yang konteksnya dipakai untuk memeriksa variabel",
    )

    p = sub.add_parser("compare", parents=[common], help="membandingkan dua versi naskah .docx")
    p.add_argument("old", type=Path, metavar="LAMA.docx")
    p.add_argument("new", type=Path, metavar="BARU.docx")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="REDLINE.docx",
        help="tulis perbandingan sebagai tracked changes",
    )

    p = sub.add_parser("schema", parents=[common], help="menulis JSON Schema untuk editor")
    p.add_argument("-o", "--output", type=Path, default=Path("skema"), metavar="DIR")
    return parser


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=argparse.SUPPRESS if suppress else "id",
        help="bahasa pesan: id (bawaan) atau en",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="tampilkan traceback bila terjadi kesalahan internal",
    )


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    lang: str = args.lang
    try:
        return int(_dispatch(args, lang, out, err))
    except SiapError as exc:
        _print_problems(exc.problems, lang, err)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the one place that turns a bug into a readable line
        if args.verbose:
            traceback.print_exc(file=err)
        print(format_message("cli.internal", {"error": f"{type(exc).__name__}: {exc}"}, lang), file=err)
        return INTERNAL_ERROR


def _dispatch(args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> ExitCode:
    from assembler import facade

    if args.command == "check":
        report = facade.check(args.workspace)
        _print_problems(report.problems, lang, err)
        _print_status(report, lang, out)
        print(format_message("cli.valid" if report.ok else "cli.invalid", {}, lang), file=out)
        return ExitCode.OK if report.ok else ExitCode.INVALID
    if args.command == "build":
        from assembler.build import build

        result = build(args.workspace, args.output, args.only, pdf=args.pdf, force=args.force)
        _print_problems(result.warnings, lang, err)
        if result.package.archived:
            print(
                format_message(
                    "cli.build.archived",
                    {"dir": result.package.archive_dir, "files": ", ".join(result.package.archived)},
                    lang,
                ),
                file=out,
            )
        for doc in result.built:
            print(format_message("cli.build.written", {"file": doc.file}, lang), file=out)
        if result.pdf_toolchain is not None:
            print(result.pdf_toolchain.message(lang), file=out)
        for status in result.skipped:
            print(_skipped_line(status, lang), file=out)
        print(
            format_message(
                "cli.build.done",
                {"out": result.package.out, "zip": result.package.zip_path, "count": len(result.built)},
                lang,
            ),
            file=out,
        )
        if result.pdf_error is not None:
            _print_problems(result.pdf_error.problems, lang, err)
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

        init_workspace(args.dir)
        print(format_message("cli.init.done", {"path": args.dir}, lang), file=out)
        return ExitCode.OK
    if args.command == "schema":
        from assembler.schema import write_schemas

        written = write_schemas(args.output)
        print(format_message("cli.schema.done", {"path": args.output, "count": len(written)}, lang), file=out)
        return ExitCode.OK
    raise AssertionError(args.command)  # pragma: no cover - argparse rejects unknown commands


def _templates_check(args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> ExitCode:
    from assembler.resources import CONTOH_DIR, TEMPLATES_DIR
    from assembler.template_lint import check_templates

    if args.dir is not None:
        if not args.dir.is_dir():
            raise UsageError(Problem("workspace.not_a_folder", {}, str(args.dir)))
        paths = sorted(args.dir.glob("*.docx"))
        workspace = args.ws or (args.dir.parent if (args.dir.parent / "stpp.yaml").is_file() else CONTOH_DIR)
    else:
        paths = sorted(TEMPLATES_DIR.glob("*.docx"))
        workspace = args.ws or CONTOH_DIR
        local = Path("templates")
        if local.is_dir() and Path("stpp.yaml").is_file():
            paths += sorted(local.glob("*.docx"))
            workspace = args.ws or Path(".")
    problems = check_templates(paths, workspace)
    _print_problems(problems, lang, err)
    print(format_message("cli.templates.done", {"count": len(paths), "problems": len(problems)}, lang), file=out)
    return ExitCode.INVALID if problems else ExitCode.OK


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


def _print_problems(problems: list[Problem], lang: str, err: TextIO) -> None:
    for problem in problems:
        print(problem.render(lang), file=err)
    if problems:
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        print(format_message("cli.summary", {"errors": errors, "warnings": warnings}, lang), file=err)


def _print_status(report: CheckReport, lang: str, out: TextIO) -> None:
    print(format_message("cli.head.topics", {}, lang), file=out)
    width = max(len(t.file) for t in report.topics)
    for t in report.topics:
        label = format_message(f"status.topic.{t.status}", {}, lang)
        print(f"  {t.file:<{width}}  {label}", file=out)
    print(format_message("cli.head.documents", {}, lang), file=out)
    width = max(len(d.dokumen.id) for d in report.documents)
    for d in report.documents:
        if d.buildable:
            label = format_message("status.doc.ready", {}, lang)
        elif d.waiting_for:
            label = format_message("status.doc.waiting", {"topics": ", ".join(d.waiting_for)}, lang)
        else:
            label = format_message("status.doc.waiting_kalender", {"topic": d.waiting_kalender}, lang)
        print(f"  {d.dokumen.id:<{width}}  {label}", file=out)
