"""The command line in the user's language: option help and argparse's own phrases, from the catalogue.

Kept apart from :mod:`assembler.cli` so that the command stays a thin dispatcher; argparse asks gettext for
its phrases, and :func:`argparse_speaks` answers from the message catalogue for the run's ``--lang``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assembler.messages import format_message, register

# The command line's own words: option help, and argparse's built-in phrases (keyed by argparse's
# English msgid, which is what ``argparse`` asks gettext for), so ``--help`` and usage errors speak
# the user's language like every other message.
register(
    {
        "cli.arg.description": (
            "Menyusun naskah resmi STPP PDAM (.docx) dari kertas kerja Pokja (YAML).",
            "Composes the official STPP PDAM drafts (.docx) from the Pokja's working papers (YAML).",
        ),
        "cli.arg.lang": ("bahasa pesan: id (bawaan) atau en", "message language: id (default) or en"),
        "cli.arg.verbose": (
            "tampilkan traceback bila terjadi kesalahan internal",
            "show a traceback when an internal error happens",
        ),
        "cli.arg.version": ("tampilkan versi siap lalu keluar", "show siap's version and exit"),
        "cli.arg.init": ("membuat ruang kerja baru", "create a new workspace"),
        "cli.arg.check": ("memeriksa seluruh ruang kerja", "check the whole workspace"),
        "cli.arg.build": ("menyusun paket naskah .docx", "build the package of .docx documents"),
        "cli.arg.output": (
            "folder hasil (bawaan: folder keluaran di dalam WS)",
            "output folder (default: the keluaran folder inside WS)",
        ),
        "cli.arg.only": (
            "hanya naskah dengan id ini, misalnya sk-pokja (daftarnya ada di 'siap check')",
            "only the documents with these ids, e.g. sk-pokja (listed by 'siap check')",
        ),
        "cli.arg.workspace": (
            "folder ruang kerja (bawaan: folder saat ini)",
            "the workspace folder (default: the current folder)",
        ),
        "cli.arg.workspace_required": ("folder ruang kerja", "the workspace folder"),
        "cli.arg.check_epilog": (
            "Kode keluar: 0 ruang kerja valid; 1 ada kesalahan (semuanya ditulis sekaligus, masing-masing dengan "
            "berkas:baris).",
            "Exit codes: 0 the workspace is valid; 1 it has errors (all written at once, each with file:line).",
        ),
        "cli.arg.build_epilog": (
            "Kode keluar: 0 paket ditulis (naskah yang disunting tangan dipertahankan); 1 masukan belum valid, "
            "tidak ada yang ditulis; 3 dibatalkan karena isi folder hasil, misalnya naskah yang sedang dibuka di "
            "Word, tidak ada yang diubah; 4 PDF gagal, paket .docx tetap lengkap.",
            "Exit codes: 0 the package was written (documents edited by hand are kept); 1 the inputs are not "
            "valid, nothing was written; 3 stopped because of what is in the output folder, e.g. a document "
            "open in Word, nothing was changed; 4 the PDFs failed, the .docx package is complete.",
        ),
        "cli.arg.pdf": (
            "cetak juga setiap naskah sebagai PDF (LibreOffice)",
            "also print every document as PDF (LibreOffice)",
        ),
        "cli.arg.force": (
            "pindahkan berkas yang disunting tangan atau tidak dibuat siap ke OUT/arsip/ lalu tulis naskah baru",
            "move hand-edited files and files siap did not make into OUT/arsip/, then write the new documents",
        ),
        "cli.arg.templates": ("memeriksa templat .docx", "check .docx templates"),
        "cli.arg.templates_check": (
            "memeriksa templat bawaan dan templat ruang kerja",
            "check the shipped templates and the workspace's templates",
        ),
        "cli.arg.templates_dir": (
            "folder templat (bawaan: templat bawaan dan folder templates/ ruang kerja ini)",
            "template folder (default: the shipped templates and this workspace's templates/ folder)",
        ),
        "cli.arg.templates_ws": (
            "ruang kerja yang konteksnya dipakai untuk memeriksa variabel",
            "workspace whose contexts are used to check variables",
        ),
        "cli.arg.init_xlsx": (
            "berkas topik sebagai buku kerja Excel (.xlsx)",
            "topic files as Excel workbooks (.xlsx)",
        ),
        "cli.arg.convert": (
            "mengubah topik menjadi buku kerja Excel atau YAML",
            "turn topics into Excel workbooks or YAML",
        ),
        "cli.arg.convert_to": (
            "bentuk tujuan: xlsx atau yaml, lalu (pilihan) nomor topik",
            "target form: xlsx or yaml, then (optionally) topic numbers",
        ),
        "cli.arg.convert_topics": (
            "nomor topik, misalnya 2.1 (bawaan: semua)",
            "topic numbers, e.g. 2.1 (default: all)",
        ),
        "cli.arg.compare_output": (
            "tulis perbandingan sebagai tracked changes Word",
            "write the comparison as Word tracked changes",
        ),
        "cli.arg.quiet": (
            "tanpa baris kemajuan di terminal (pesan dan hasil tetap ditulis)",
            "no progress line on the terminal (messages and results are still written)",
        ),
        "cli.arg.compare": ("membandingkan dua versi naskah .docx", "compare two versions of a .docx document"),
        "cli.arg.schema": ("menulis JSON Schema untuk editor", "write JSON Schemas for editors"),
        "cli.arg.schema_output": ("folder tujuan (bawaan: skema)", "target folder (default: skema)"),
        # argparse's phrases; the English text is argparse's own msgid, placeholders kept as it formats them.
        "argparse.usage": ("penggunaan: ", "usage: "),
        "argparse.error": ("%(prog)s: kesalahan: %(message)s\n", "%(prog)s: error: %(message)s\n"),
        "argparse.argument": ("argumen %(argument_name)s: %(message)s", "argument %(argument_name)s: %(message)s"),
        "argparse.help": ("tampilkan bantuan ini lalu keluar", "show this help message and exit"),
        "argparse.version": (
            "tampilkan nomor versi program lalu keluar",
            "show program's version number and exit",
        ),
        "argparse.positionals": ("argumen posisi", "positional arguments"),
        "argparse.options": ("pilihan", "options"),
        "argparse.required": (
            "argumen berikut wajib diberikan: %s",
            "the following arguments are required: %s",
        ),
        "argparse.invalid_choice": (
            "pilihan tidak dikenal: %(value)r (pilih salah satu: %(choices)s)",
            "invalid choice: %(value)r (choose from %(choices)s)",
        ),
        "argparse.invalid_value": (
            "nilai %(type)s tidak sah: %(value)r",
            "invalid %(type)s value: %(value)r",
        ),
        "argparse.unrecognized": ("argumen tidak dikenal: %s", "unrecognized arguments: %s"),
        "argparse.one": ("perlu satu nilai", "expected one argument"),
        "argparse.at_least_one": ("perlu sedikitnya satu nilai", "expected at least one argument"),
        "argparse.at_most_one": ("paling banyak satu nilai", "expected at most one argument"),
        "argparse.n_one": ("perlu %s nilai", "expected %s argument"),
        "argparse.n_many": ("perlu %s nilai", "expected %s arguments"),
        "argparse.ambiguous": (
            "pilihan rancu: %(option)s dapat berarti %(matches)s",
            "ambiguous option: %(option)s could match %(matches)s",
        ),
        "argparse.not_allowed": ("tidak boleh dipakai bersama argumen %s", "not allowed with argument %s"),
        "argparse.ignored": ("argumen eksplisit diabaikan: %r", "ignored explicit argument %r"),
        "argparse.one_of": ("salah satu argumen %s wajib diberikan", "one of the arguments %s is required"),
        "argparse.cannot_open": (
            "tidak dapat membuka '%(filename)s': %(error)s",
            "can't open '%(filename)s': %(error)s",
        ),
        "argparse.unknown_parser": (
            "perintah tidak dikenal %(parser_name)r (pilihan: %(choices)s)",
            "unknown parser %(parser_name)r (choices: %(choices)s)",
        ),
    }
)

register(
    {
        "cli.unquoted_spaces": (
            "nama folder yang memuat spasi ditulis di antara tanda kutip: \"{path}\"",
            "put a folder name that holds spaces between quotes: \"{path}\"",
        ),
    }
)


def unrecognized(extra: list[str], workspace: Path | None, lang: str) -> str:
    """argparse's "unrecognized arguments", with the fix when they are the rest of a folder name with spaces.

    ``siap check D:\\STPP Lembah Sari`` (no quotes, common on Windows) reads WS ``D:\\STPP`` and two
    arguments more; the folder the user meant exists, so say how to write it.
    """
    message = format_message("argparse.unrecognized", {}, lang) % " ".join(extra)
    if workspace is None or any(part.startswith("-") for part in extra):
        return message
    meant = Path(" ".join([str(workspace), *extra]))
    if not meant.is_dir():
        return message
    return f"{message}; " + format_message("cli.unquoted_spaces", {"path": meant}, lang)


_ARGPARSE_CODES = {
    "usage: ": "argparse.usage",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "show this help message and exit": "argparse.help",
    "show program's version number and exit": "argparse.version",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "the following arguments are required: %s": "argparse.required",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "expected one argument": "argparse.one",
    "expected at least one argument": "argparse.at_least_one",
    "expected at most one argument": "argparse.at_most_one",
    "expected %s argument": "argparse.n_one",
    "expected %s arguments": "argparse.n_many",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed",
    "ignored explicit argument %r": "argparse.ignored",
    "one of the arguments %s is required": "argparse.one_of",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown_parser",
}


@contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """argparse asks gettext for its phrases through its module-level ``_``/``ngettext``; answer from the catalogue.

    A phrase a future Python adds or rewords is shown in English rather than failing.
    """

    def gettext(msgid: str) -> str:
        code = _ARGPARSE_CODES.get(msgid)
        return format_message(code, {}, lang) if code else msgid

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
