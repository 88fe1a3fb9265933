"""Finding LibreOffice and a UNO Python on Windows, macOS and Linux; the office never outlives siap.

The discovery tests fake the platform, the environment and the executables (empty files in tmp
folders), so the Windows and macOS branches run on the Linux CI. The process tests use the real
LibreOffice: a killed build must leave no office running and no scratch folder for good.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assembler.documents.registry import DOKUMEN
from assembler.errors import ExitCode
from assembler.messages import format_message
from assembler.printing import (
    LINUX_SYSTEM_PYTHON,
    OWNER_LOCK,
    PdfError,
    Toolchain,
    clean_stale,
    find_soffice,
    find_toolchain,
    scratch_folder,
    uno_python_candidates,
)
from tests.conftest import CONTOH, fake_executable
from tests.helpers.libreoffice import needs_soffice

# --- Windows ---------------------------------------------------------------------------------------------


def test_windows_finds_soffice_under_program_files(tmp_path: Path) -> None:
    soffice = fake_executable(tmp_path / "PF" / "LibreOffice" / "program" / "soffice.exe")
    env = {"ProgramFiles": str(tmp_path / "PF"), "PATH": str(tmp_path / "empty")}
    assert find_soffice(env, "win32") == str(soffice)


def test_windows_finds_the_32_bit_install_under_program_files_x86(tmp_path: Path) -> None:
    soffice = fake_executable(tmp_path / "PF86" / "LibreOffice" / "program" / "soffice.exe")
    env = {
        "ProgramFiles": str(tmp_path / "PF"),
        "ProgramW6432": str(tmp_path / "PF"),
        "ProgramFiles(x86)": str(tmp_path / "PF86"),
        "PATH": "",
    }
    assert find_soffice(env, "win32") == str(soffice)


def test_windows_uses_the_python_inside_libreoffice_for_uno(tmp_path: Path) -> None:
    program = tmp_path / "PF" / "LibreOffice" / "program"
    soffice = fake_executable(program / "soffice.exe")
    python = fake_executable(program / "python.exe")
    env = {"ProgramFiles": str(tmp_path / "PF"), "PATH": ""}
    assert uno_python_candidates(str(soffice), env, "win32") == [str(python)]
    tools = find_toolchain(env, "win32", has_uno=lambda exe: exe == str(python))
    assert tools == Toolchain(str(soffice), str(python))
    assert tools.route == "uno"


def test_windows_without_any_uno_python_takes_the_plain_route_and_says_so(tmp_path: Path) -> None:
    soffice = fake_executable(tmp_path / "PF" / "LibreOffice" / "program" / "soffice.exe")
    other = fake_executable(tmp_path / "Python312" / "python.exe")
    env = {"ProgramFiles": str(tmp_path / "PF"), "PATH": str(other.parent)}
    tried: list[str] = []
    tools = find_toolchain(env, "win32", has_uno=lambda exe: tried.append(exe) is not None)
    assert tried == [str(other)]  # the python on PATH was asked; no /usr/bin on Windows
    assert tools.route == "plain" and tools.python is None
    assert tools.message() == (
        f"peringatan: PDF dicetak dengan konversi biasa LibreOffice ({soffice}) karena tidak ada Python "
        "dengan modul 'uno'; daftar isi di PDF tidak bernomor halaman. Pasang python3-uno (Debian/Ubuntu) "
        "atau tetapkan SIAP_UNO_PYTHON ke Python bawaan LibreOffice"
    )


# --- macOS -----------------------------------------------------------------------------------------------


def test_macos_finds_the_app_in_the_users_applications_and_its_bundled_python(tmp_path: Path) -> None:
    contents = tmp_path / "Applications" / "LibreOffice.app" / "Contents"
    soffice = fake_executable(contents / "MacOS" / "soffice")
    python = fake_executable(contents / "Resources" / "python")
    env = {"HOME": str(tmp_path), "PATH": ""}
    if Path("/Applications/LibreOffice.app/Contents/MacOS/soffice").is_file():  # pragma: no cover
        pytest.skip("a real LibreOffice.app is installed system-wide")
    assert find_soffice(env, "darwin") == str(soffice)
    assert uno_python_candidates(str(soffice), env, "darwin") == [str(python)]


# --- Linux and the settings ------------------------------------------------------------------------------


def test_siap_soffice_overrides_path_and_a_wrong_value_is_named(tmp_path: Path) -> None:
    on_path = fake_executable(tmp_path / "bin" / "soffice")
    chosen = fake_executable(tmp_path / "opt" / "lo" / "program" / "soffice")
    assert find_soffice({"PATH": str(on_path.parent)}, "linux") == str(on_path)
    assert find_soffice({"PATH": str(on_path.parent), "SIAP_SOFFICE": str(chosen)}, "linux") == str(chosen)
    with pytest.raises(PdfError) as info:
        find_soffice({"PATH": "", "SIAP_SOFFICE": str(tmp_path / "nope")}, "linux")
    assert info.value.exit_code == ExitCode.PDF_FAILED
    problem = info.value.problems[0]
    assert format_message(problem.code, problem.params) == (
        f"SIAP_SOFFICE menunjuk '{tmp_path / 'nope'}', yang bukan program; perbaiki atau hapus pengaturan itu. "
        "Paket .docx tetap ditulis lengkap"
    )


def test_no_office_anywhere_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(PdfError) as info:
        find_soffice({"PATH": str(tmp_path), "ProgramFiles": str(tmp_path)}, "win32")
    assert info.value.problems[0].code == "pdf.no_soffice"
    assert "SIAP_SOFFICE" in format_message("pdf.no_soffice", {})


def test_linux_tries_the_bundled_python_then_path_then_the_system_python(tmp_path: Path) -> None:
    program = tmp_path / "opt" / "libreoffice" / "program"
    soffice = fake_executable(program / "soffice")
    bundled = fake_executable(program / "python")
    venv_python = fake_executable(tmp_path / "venv" / "bin" / "python3")
    env = {"PATH": str(venv_python.parent)}
    assert uno_python_candidates(str(soffice), env, "linux") == [str(bundled), str(venv_python), LINUX_SYSTEM_PYTHON]
    assert uno_python_candidates(str(soffice), {**env, "SIAP_UNO_PYTHON": "/x/py"}, "linux") == ["/x/py"]
    assert uno_python_candidates(str(soffice), {**env, "SIAP_UNO_PYTHON": ""}, "linux") == []


# --- scratch folders -------------------------------------------------------------------------------------


def _hold_lock(folder: Path) -> subprocess.Popen[str]:
    """Another process (a build still running) holding the owner lock of ``folder``."""
    code = (
        "import sys, filelock; lock = filelock.FileLock(sys.argv[1]); lock.acquire(); "
        "print('held', flush=True); sys.stdin.read()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(folder / OWNER_LOCK)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


def _killed_owner(parent: Path) -> Path:
    """A scratch folder whose build was killed (SIGKILL: no clean-up of any kind ran)."""
    code = (
        "import os, pathlib, signal, sys\nfrom assembler.printing import scratch_folder\n"
        "with scratch_folder(pathlib.Path(sys.argv[1]), '.keluaran.cetak-') as folder:\n"
        "    (folder / 'pdf').mkdir()\n    (folder / '01-sk-pokja.docx').write_bytes(b'x')\n"
        "    print(folder, flush=True)\n    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(parent)], capture_output=True, text=True, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    folder = Path(done.stdout.strip())
    assert (folder / OWNER_LOCK).exists() and (folder / "01-sk-pokja.docx").is_file()
    return folder


def test_stale_scratch_folders_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    dead = _killed_owner(tmp_path)
    live = tmp_path / ".keluaran.cetak-live"
    live.mkdir()
    old_unlocked = tmp_path / ".keluaran.cetak-old"
    old_unlocked.mkdir()
    os.utime(old_unlocked, (time.time() - 3600, time.time() - 3600))
    new_unlocked = tmp_path / ".keluaran.cetak-new"
    new_unlocked.mkdir()
    other = tmp_path / "keluaran"
    other.mkdir()
    holder = _hold_lock(live)
    try:
        removed = clean_stale(tmp_path, ".keluaran.cetak-")
    finally:
        holder.communicate("")
    assert sorted(removed) == sorted([dead, old_unlocked])
    assert sorted(p.name for p in tmp_path.iterdir()) == [".keluaran.cetak-live", ".keluaran.cetak-new", "keluaran"]


def test_scratch_folder_is_owned_while_used_and_gone_afterwards(tmp_path: Path) -> None:
    with scratch_folder(tmp_path, ".keluaran.cetak-") as scratch:
        (scratch / "a.docx").write_bytes(b"x")
        assert clean_stale(tmp_path, ".keluaran.cetak-") == []  # a second build sees it as live
        assert scratch.is_dir()
    assert list(tmp_path.iterdir()) == []


# --- the real office -------------------------------------------------------------------------------------


def _office_processes(marker: str) -> list[int]:
    """Processes whose command line mentions ``marker`` (Linux /proc; this test runs on the CI's Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if marker in cmdline and "soffice" in cmdline:
            found.append(int(entry.name))
    return found


@needs_soffice
@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc to see the office processes")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_a_pdf_build_leaves_no_office_and_the_next_build_cleans_up(tmp_path: Path, sig: int) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(CONTOH, ws, ignore=shutil.ignore_patterns("keluaran*"))
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "SIAP_CACHE_DIR": ""}
    siap = [sys.executable, "-m", "assembler", "build", str(ws), "--pdf"]
    proc = subprocess.Popen(siap, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not _office_processes(str(temp)) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert _office_processes(str(temp)), "the office never started"
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    # The whole package takes the office some 20 s more: gone within 5 s means it was stopped.
    deadline = time.monotonic() + 5
    while _office_processes(str(temp)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _office_processes(str(temp)) == []
    assert [p.name for p in ws.iterdir() if p.name.startswith(".keluaran.cetak-")]  # left by the kill
    assert [p.name for p in temp.iterdir() if p.name.startswith("siap-lo-")]
    done = subprocess.run([*siap, "--only", "sk-pokja"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in ws.iterdir() if p.name.startswith(".keluaran.cetak-")] == []
    assert list(temp.iterdir()) == []  # the office's own lu*.tmp lived inside siap's folder
    assert (ws / "keluaran" / "01-sk-pokja.pdf").is_file()


@needs_soffice
def test_without_a_uno_python_the_plain_route_still_prints_and_says_so(
    contoh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assembler.cli import main

    monkeypatch.setenv("SIAP_UNO_PYTHON", "")
    import io

    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(contoh), "--pdf", "--only", "sk-pokja"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    soffice = find_soffice()
    assert f"peringatan: PDF dicetak dengan konversi biasa LibreOffice ({soffice})" in out.getvalue()
    assert (contoh / "keluaran" / "01-sk-pokja.pdf").stat().st_size > 1000


@needs_soffice
def test_a_folder_with_spaces_and_accents_prints_on_both_routes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows users keep work in "Dokumen Saya"-like folders; the profile URL and the report must survive that."""
    from assembler.build import build
    from assembler.printing import convert

    folder = tmp_path / "Pokja Lembah Sari – é ü"
    result = build(CONTOH, folder / "docx", only=["sk-pokja"])
    docx = folder / "docx" / result.built[0].file
    monkeypatch.setenv("TMPDIR", str(folder))  # the office profile goes there too
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    uno = convert([docx], folder / "uno")
    monkeypatch.setenv("SIAP_UNO_PYTHON", "")
    plain = convert([docx], folder / "plain")
    assert (uno.toolchain.route, plain.toolchain.route) == ("uno", "plain")
    for run in (uno, plain):
        assert run.pdfs[0].read_bytes().startswith(b"%PDF")
    assert not [p for p in folder.iterdir() if p.name.startswith("siap-lo-")]


@needs_soffice
@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc to see the office processes")
def test_a_timed_out_conversion_is_stopped_with_its_office_and_says_so(
    contoh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assembler.build import build

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    result = build(contoh, tmp_path / "out", pdf=True, pdf_timeout=2.0)
    assert result.pdf_error is not None
    (problem,) = result.pdf_error.problems
    assert format_message(problem.code, problem.params) == (
        "LibreOffice tidak selesai dalam 2 detik dan dihentikan. Paket .docx tetap ditulis lengkap"
    )
    assert _office_processes(str(temp)) == []
    assert list(temp.iterdir()) == []  # the profile went with it
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.cetak-")]
    assert len(list((tmp_path / "out").glob("*.docx"))) == len(DOKUMEN)
