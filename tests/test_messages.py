"""Situations a new user meets that used to end in a traceback or exit 70: each is one clear message.

Every test runs the command as a user does and asserts the exit code and the message word for word.
"""

from __future__ import annotations

import errno
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assembler.cli import main
from tests.conftest import CONTOH, run


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse wraps usage lines to the terminal's width; fix it so expected lines do not depend on the machine."""
    monkeypatch.setenv("COLUMNS", "100")


STPP_UNFILLED = (
    "stpp.yaml: belum diisi: tanpa data daerah dan PDAM belum ada naskah yang dapat dibuat. Isi stpp.yaml "
    "(hapus tanda '# ' di depan kunci dan isi nilainya), periksa dengan 'siap check', lalu ulangi"
)
NOTHING_WRITTEN = "Paket naskah tidak dibuat; tidak ada yang ditulis."
VALID_BUT_UNFILLED = "Ruang kerja valid, tetapi stpp.yaml belum diisi: belum ada naskah yang dapat dibuat."
CHECK_INVALID = "Ruang kerja tidak valid: perbaiki kesalahan di atas lalu jalankan 'siap check' lagi."


# --- a workspace whose stpp.yaml is not filled in: check and build say the same -----------------------


def test_init_then_build_says_stpp_is_not_filled_in(tmp_path: Path) -> None:
    ws = tmp_path / "baru"
    assert run("init", str(ws))[0] == 0
    code, out, err = run("build", str(ws))
    assert (code, out) == (1, "")
    assert err.splitlines() == [STPP_UNFILLED, "1 kesalahan, 0 peringatan", NOTHING_WRITTEN]
    assert not (ws / "keluaran").exists()
    code, out, err = run("check", str(ws))
    assert (code, err) == (0, "")
    assert "  stpp.yaml                            belum diisi" in out
    assert out.splitlines()[-1] == VALID_BUT_UNFILLED


@pytest.mark.parametrize("text", ["", "# hanya komentar\n\n# belum diisi\n"], ids=["kosong", "komentar"])
def test_empty_or_comment_only_stpp_yaml(contoh: Path, text: str) -> None:
    (contoh / "stpp.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", str(contoh))
    assert (code, err.splitlines()) == (0, [])
    assert "  stpp.yaml                            belum diisi" in out
    assert "  sk-pokja                   menunggu stpp.yaml" in out
    assert out.splitlines()[-1] == VALID_BUT_UNFILLED
    code, out, err = run("build", str(contoh))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines == [STPP_UNFILLED, "1 kesalahan, 0 peringatan", NOTHING_WRITTEN]


def test_stpp_not_filled_in_english(tmp_path: Path) -> None:
    ws = tmp_path / "baru"
    run("init", str(ws))
    code, _, err = run("build", str(ws), "--lang", "en")
    assert code == 1
    assert err.splitlines() == [
        "stpp.yaml: not filled in yet: without the region and utility no document can be built. Fill in stpp.yaml "
        "(remove the '# ' before each key and give its value), run 'siap check', then retry",
        "1 errors, 0 warnings",
        "No package was built; nothing was written.",
    ]


# --- a folder that is not a workspace ------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_empty_folder_is_not_a_workspace(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "kosong"
    folder.mkdir()
    code, out, err = run(command, str(folder))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{folder}: folder ini bukan ruang kerja siap: tidak ada stpp.yaml maupun berkas topik di dalamnya. "
        "Sebutkan folder ruang kerja yang benar, atau buat ruang kerja baru dengan 'siap init FOLDER'",
        "1 kesalahan, 0 peringatan",
    ]
    assert list(folder.iterdir()) == []


def test_a_folder_of_other_files_is_not_a_workspace(tmp_path: Path) -> None:
    (tmp_path / "catatan.txt").write_text("rapat", encoding="utf-8")
    (tmp_path / "foto.yaml").write_text("a: 1\n", encoding="utf-8")
    code, _, err = run("check", str(tmp_path), "--lang", "en")
    assert code == 2
    assert err.splitlines()[0] == (
        f"{tmp_path}: this folder is not a siap workspace: it holds neither stpp.yaml nor any topic file. "
        "Name the right workspace folder, or create a new workspace with 'siap init FOLDER'"
    )


def test_a_workspace_with_only_a_topic_file_is_a_workspace(tmp_path: Path) -> None:
    (tmp_path / "2.1-isu-utama.yaml").write_text((CONTOH / "2.1-isu-utama.yaml").read_text("utf-8"), "utf-8")
    code, out, _ = run("check", str(tmp_path))
    assert code == 0
    assert out.splitlines()[-1] == VALID_BUT_UNFILLED


# --- summaries worded for each command --------------------------------------------------------------


def test_check_and_build_word_their_summary_differently(contoh: Path) -> None:
    text = (contoh / "stpp.yaml").read_text("utf-8").replace("tahun: 2026", "tahun: dua ribu")
    (contoh / "stpp.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", str(contoh))
    assert code == 1
    assert out.splitlines()[-1] == CHECK_INVALID
    assert NOTHING_WRITTEN not in err
    code, out, err = run("build", str(contoh))
    assert (code, out) == (1, "")
    assert err.splitlines()[-2:] == ["1 kesalahan, 0 peringatan", NOTHING_WRITTEN]


# --- a symlink loop in the workspace -----------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need extra rights on Windows")
def test_a_symlink_loop_is_a_message_not_a_crash(contoh: Path) -> None:
    (contoh / "4.7-prioritas.yaml").unlink()
    (contoh / "4.7-prioritas.yaml").symlink_to("4.7-prioritas.yaml")
    (contoh / "putaran-a").symlink_to("putaran-b")
    (contoh / "putaran-b").symlink_to("putaran-a")
    code, _, err = run("check", str(contoh))
    assert code == 1
    assert err.splitlines() == [
        "4.7-prioritas.yaml: tautan simbolik ini tidak menunjuk ke berkas yang ada (tautan putus atau berputar ke "
        "dirinya sendiri), jadi tidak dapat dibaca; hapus tautan itu dan simpan berkasnya di sini",
        "1 kesalahan, 0 peringatan",
    ]


# --- a reader that goes away (siap check | head -1) --------------------------------------------------


def test_a_closed_pipe_ends_quietly() -> None:
    """The reader closes the pipe before siap writes: no traceback, no "kesalahan internal"."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "assembler", "check", str(CONTOH)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    code = proc.wait(timeout=120)
    assert err.decode("utf-8").splitlines() == []
    assert code == 141


def test_a_broken_pipe_in_process_is_quiet() -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    err = io.StringIO()
    assert main(["check", str(CONTOH)], stdout=Closed(), stderr=err) == 141
    assert err.getvalue().splitlines() == []


# Windows reports a reader that went away as EINVAL on write or flush (CPython issue 79935), not EPIPE.


class _WindowsClosedPipe(io.RawIOBase):
    """The raw end of a pipe whose reader went away, as Windows reports it."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.EINVAL, "Invalid argument")


def _windows_pipe(*, line_buffering: bool = False) -> io.TextIOWrapper:
    """sys.stdout's stack over that pipe (sys.stderr's with ``line_buffering``): text, then bytes, then the pipe."""
    return io.TextIOWrapper(io.BufferedWriter(_WindowsClosedPipe()), encoding="utf-8", line_buffering=line_buffering)


class _FailsOnFlush(io.StringIO):
    """A stream that takes the text (buffered) and fails when it is pushed out."""

    def flush(self) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")


class _FailsOnWrite(_FailsOnFlush):
    def write(self, text: str) -> int:
        raise OSError(errno.EINVAL, "Invalid argument")


@pytest.mark.parametrize("stream", [_windows_pipe, _FailsOnWrite, _FailsOnFlush])
def test_a_closed_pipe_on_windows_ends_quietly(stream: type[io.TextIOBase]) -> None:
    """The same quiet end (and exit code) as on Linux, not "kesalahan internal" (70)."""
    err = io.StringIO()
    assert main(["check", str(CONTOH)], stdout=stream(), stderr=err) == 141
    assert err.getvalue().splitlines() == []


def test_help_into_a_closed_pipe_on_windows_ends_quietly() -> None:
    """``siap --help | more`` quit at once: argparse's own writes meet the closed pipe too."""
    assert main(["--help"], stdout=_windows_pipe(), stderr=io.StringIO()) == 141


@pytest.mark.parametrize("line_buffering", [True, False])
def test_a_closed_pipe_on_windows_for_stderr_ends_quietly(tmp_path: Path, line_buffering: bool) -> None:
    """``siap check 2>&1 | more`` quit early: the messages (here: not a workspace) meet the closed pipe."""
    err = _windows_pipe(line_buffering=line_buffering)
    assert main(["check", str(tmp_path)], stdout=io.StringIO(), stderr=err) == 141


def test_an_invalid_argument_elsewhere_is_still_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """EINVAL that is not the output stream's (both streams still flush) is a bug to see, not a closed pipe."""

    def check(workspace: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr("assembler.facade.check", check)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(CONTOH)], stdout=out, stderr=err) == 70
    assert err.getvalue().splitlines() == [
        "kesalahan internal: OSError: [Errno 22] Invalid argument (jalankan ulang dengan --verbose untuk rinciannya)"
    ]


# --- argparse speaks Indonesian (English with --lang en) ---------------------------------------------

USAGE = "penggunaan: siap [-h] [--lang {id,en}] [--verbose] [--quiet] [--version] PERINTAH ..."


def test_unknown_command_in_indonesian_with_a_suggestion() -> None:
    code, out, err = run("chek")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == USAGE
    assert lines[1].startswith("siap: kesalahan: argumen PERINTAH: pilihan tidak dikenal: 'chek' (pilih salah satu: ")
    assert lines[1].endswith("schema); maksud Anda 'check'?") or lines[1].endswith("'schema'); maksud Anda 'check'?")


def test_unknown_command_in_english() -> None:
    code, _, err = run("--lang", "en", "chek")
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == "usage: siap [-h] [--lang {id,en}] [--verbose] [--quiet] [--version] PERINTAH ..."
    assert lines[1].startswith("siap: error: argument PERINTAH: invalid choice: 'chek' (choose from ")
    assert lines[1].endswith("; did you mean 'check'?")


def test_missing_argument_in_indonesian() -> None:
    code, _, err = run("init")
    assert code == 2
    assert err.splitlines() == [
        "penggunaan: siap init [-h] [--lang {id,en}] [--verbose] [--quiet] [--xlsx] DIR",
        "siap init: kesalahan: argumen berikut wajib diberikan: DIR",
    ]


def test_option_without_its_value_in_indonesian() -> None:
    code, _, err = run("build", "--only")
    assert code == 2
    assert err.splitlines()[-1] == "siap build: kesalahan: argumen --only: perlu sedikitnya satu nilai"


def test_a_folder_name_with_spaces_without_quotes_gets_the_fix(tmp_path: Path) -> None:
    """``siap check D:\\STPP Lembah Sari`` on Windows: the rest of the name is not "just" unknown arguments."""
    meant = tmp_path / "STPP Lembah Sari"
    meant.mkdir()
    code, out, err = run("check", str(tmp_path / "STPP"), "Lembah", "Sari")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        f"siap: kesalahan: argumen tidak dikenal: Lembah Sari; nama folder yang memuat spasi ditulis di antara "
        f'tanda kutip: "{meant}"'
    )
    code, _, err = run("--lang", "en", "build", str(tmp_path / "STPP"), "Lembah", "Sari")
    assert err.splitlines()[-1] == (
        "siap: error: unrecognized arguments: Lembah Sari; put a folder name that holds spaces between quotes: "
        f'"{meant}"'
    )
    code, _, err = run("check", str(tmp_path / "STPP"), "Lembah")  # no such folder: argparse's words alone
    assert err.splitlines()[-1] == "siap: kesalahan: argumen tidak dikenal: Lembah"


def test_help_has_no_english_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal's width
    code, out, err = run("--help")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == USAGE
    assert "  -h, --help      tampilkan bantuan ini lalu keluar" in out.splitlines()
    assert "argumen posisi:" in out and "pilihan:" in out
    for english in ("usage:", "show this help", "positional arguments", "options:", "show program's"):
        assert english not in out
    code, out, _ = run("build", "--help")
    assert code == 0
    assert "  --pdf                 cetak juga setiap naskah sebagai PDF (LibreOffice)" in out.splitlines()
    assert "  --force               pindahkan berkas yang disunting tangan atau tidak dibuat siap ke" in out


def test_build_help_says_what_the_folder_arguments_and_exit_codes_are(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a secretary needs from ``siap build --help``: what WS is, where ids come from, what each code means."""
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run("build", "--help")
    assert code == 0
    lines = out.splitlines()
    assert lines[4:8] == [
        "Menyusun paket naskah .docx.",
        "",
        "argumen posisi:",
        "  WS                    folder ruang kerja (bawaan: folder saat ini)",
    ]
    assert "  -o OUT, --output OUT  folder hasil (bawaan: folder keluaran di dalam WS)" in lines
    assert "  --only ID [ID ...]    hanya naskah dengan id ini, misalnya sk-pokja (daftarnya ada di 'siap" in lines
    assert " ".join(lines[-3:]) == (
        "Kode keluar: 0 paket ditulis (naskah yang disunting tangan dipertahankan); 1 masukan belum valid, "
        "tidak ada yang ditulis; 3 dibatalkan karena isi folder hasil, misalnya naskah yang sedang dibuka di "
        "Word, tidak ada yang diubah; 4 PDF gagal, paket .docx tetap lengkap."
    )
    code, out, _ = run("check", "--help")
    assert "  WS              folder ruang kerja (bawaan: folder saat ini)" in out.splitlines()
    assert " ".join(out.splitlines()[-2:]) == (
        "Kode keluar: 0 ruang kerja valid; 1 ada kesalahan (semuanya ditulis sekaligus, masing-masing dengan "
        "berkas:baris)."
    )


def test_check_lists_the_documents_and_what_each_waits_for(tmp_path: Path) -> None:
    """The heading does not promise "dapat dibuat" over a list of waiting documents; stpp is named as its file."""
    ws = tmp_path / "baru"
    run("init", str(ws))
    code, out, _ = run("check", str(ws))
    lines = out.splitlines()
    assert (code, lines[0], lines[23]) == (0, "Topik", "Naskah")
    assert lines[24] == "  sk-pokja                   menunggu stpp.yaml, 1.1"
    code, out, _ = run("--lang", "en", "check", str(ws))
    assert out.splitlines()[23:25] == ["Documents", "  sk-pokja                   waiting for stpp.yaml, 1.1"]


def test_help_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run("--lang", "en", "check", "--help")
    assert code == 0
    assert out.splitlines()[0] == "usage: siap check [-h] [--lang {id,en}] [--verbose] [--quiet] [WS]"
    assert "  -h, --help      show this help message and exit" in out.splitlines()
    assert "  --lang {id,en}  message language: id (default) or en" in out.splitlines()


# --- a path that cannot be written or read --------------------------------------------------------------


def test_a_file_where_a_folder_should_be_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    target = tmp_path / "berkas.txt" / "skema"
    code, out, err = run("schema", "-o", str(target))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{target}: sebagian jalur ini adalah berkas, bukan folder; periksa jalur itu dan izin foldernya, lalu ulangi"
    ]


def test_templates_check_of_a_missing_folder(tmp_path: Path) -> None:
    code, _, err = run("templates", "check", str(tmp_path / "tidak-ada"))
    assert code == 2
    assert err.splitlines()[0] == f"{tmp_path / 'tidak-ada'}: folder templat tidak ditemukan"


def test_a_long_list_in_a_message_shows_ten_items_and_how_many_more() -> None:
    """A consistency finding over 2,000 activities must stay one readable line, in both languages."""
    from assembler.messages import format_message

    ids = [f"kg-{n}" for n in range(1, 2001)]
    shown = "kg-1, kg-2, kg-3, kg-4, kg-5, kg-6, kg-7, kg-8, kg-9, kg-10, … "
    assert format_message("7.2.kegiatan_belum_dipetakan", {"kegiatan": ids}).endswith(shown + "(+1990 lainnya)")
    assert format_message("7.2.kegiatan_belum_dipetakan", {"kegiatan": ids}, "en").endswith(shown + "(+1990 more)")
    twelve = ids[:12]
    assert format_message("7.2.kegiatan_belum_dipetakan", {"kegiatan": twelve}).endswith(", ".join(twelve))


# --- a stop that is not the inputs' fault is not counted as a "kesalahan" -------------------------------


def test_a_build_waiting_for_another_build_does_not_blame_the_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, contoh: Path
) -> None:
    from assembler.package import lock as lock_module
    from assembler.package import swap

    def short_wait(out: Path, timeout: float = 30.0) -> Any:
        return lock_module.package_lock(out, 0.2)

    monkeypatch.setattr(swap, "package_lock", short_wait)
    out = tmp_path / "keluaran"
    with lock_module.package_lock(out):  # another build is writing OUT
        code, _, err = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja", "--quiet")
    assert code == 1
    assert err.splitlines() == [
        f"folder keluaran {out} sedang ditulis oleh proses lain (kunci {tmp_path / '.keluaran.lock'}); sudah "
        "menunggu 0.2 detik. Tunggu proses itu selesai lalu ulangi",
        "Paket naskah tidak dibuat dan tidak ada yang diubah (lihat di atas); ini bukan kesalahan isi ruang kerja. "
        "Masukan ruang kerja: 0 kesalahan, 0 peringatan.",
    ]
    assert not out.exists()
