"""The print step: every .docx of a package to PDF in one LibreOffice run, plus the DPRD print file.

One office process per build (not per file) keeps a package of 40 documents fast; a throwaway
profile per run keeps two builds at once from fighting over LibreOffice's user folder (which makes
it silently drop files). When LibreOffice is missing, hangs or fails, the caller keeps the .docx
package and exits 4.

Finding the office suite works the same on Windows, macOS and Linux (:func:`soffice_candidates`),
and so does the choice of route (:func:`find_toolchain`): through UNO with a Python that has
LibreOffice's ``uno`` module (tables of contents get their page numbers), else a plain
``soffice --convert-to pdf`` whose tables of contents have no page numbers, which the build says.

The office never outlives siap: it runs under ``lo_convert.py`` in a process group of its own
(POSIX) or a kill-on-close Job object (Windows), and ``lo_convert.py`` stops it as soon as siap's
end of its stdin pipe closes, however siap ended. Scratch folders that a killed build leaves behind
are recognised by their free owner lock and removed by the next build (:func:`scratch_folder`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from assembler.errors import ExitCode, Problem, SiapError
from assembler.messages import register

register(
    {
        "pdf.no_soffice": (
            "LibreOffice (soffice) tidak ditemukan; pasang LibreOffice (Debian/Ubuntu: paket "
            "libreoffice-writer-nogui; Windows/macOS: https://www.libreoffice.org/download/) atau tetapkan "
            "SIAP_SOFFICE ke program soffice. Paket .docx tetap ditulis lengkap",
            "LibreOffice (soffice) was not found; install LibreOffice (Debian/Ubuntu: package "
            "libreoffice-writer-nogui; Windows/macOS: https://www.libreoffice.org/download/) or set "
            "SIAP_SOFFICE to the soffice program. The .docx package was written in full",
        ),
        "pdf.bad_soffice": (
            "SIAP_SOFFICE menunjuk '{path}', yang bukan program; perbaiki atau hapus pengaturan itu. "
            "Paket .docx tetap ditulis lengkap",
            "SIAP_SOFFICE points at '{path}', which is not a program; correct or remove that setting. "
            "The .docx package was written in full",
        ),
        "pdf.timeout": (
            "LibreOffice tidak selesai dalam {seconds} detik dan dihentikan. Paket .docx tetap ditulis lengkap",
            "LibreOffice did not finish within {seconds} seconds and was stopped. The .docx package was "
            "written in full",
        ),
        "pdf.failed": (
            "LibreOffice gagal mengubah {file} menjadi PDF: {reason}. Paket .docx tetap ditulis lengkap",
            "LibreOffice failed to convert {file} to PDF: {reason}. The .docx package was written in full",
        ),
        "pdf.route.uno": (
            "PDF dicetak LibreOffice ({soffice}) melalui UNO dengan {python}; daftar isi diberi nomor halaman",
            "PDFs printed by LibreOffice ({soffice}) through UNO with {python}; tables of contents have page "
            "numbers",
        ),
        "pdf.route.plain": (
            "PDF dicetak dengan konversi biasa LibreOffice ({soffice}) karena tidak ada Python dengan modul "
            "'uno'; daftar isi di PDF tidak bernomor halaman. Pasang python3-uno (Debian/Ubuntu) atau "
            "tetapkan SIAP_UNO_PYTHON ke Python bawaan LibreOffice",
            "PDFs printed by LibreOffice's plain conversion ({soffice}) because no Python has the 'uno' "
            "module; tables of contents in the PDFs have no page numbers. Install python3-uno "
            "(Debian/Ubuntu) or set SIAP_UNO_PYTHON to LibreOffice's own Python",
        ),
    }
)

#: Seconds for the whole conversion: starting the office costs a few, each document one or two.
DEFAULT_TIMEOUT = 300.0
CONVERTER = Path(__file__).with_name("lo_convert.py")
#: Linux distributions install python3-uno for the system interpreter, which a venv's PATH hides.
#: A platform default; ``SIAP_UNO_PYTHON`` overrides it (README, "Lokasi dan pengaturan").
LINUX_SYSTEM_PYTHON = "/usr/bin/python3"
#: Name of the lock file that marks a scratch folder or office profile as in use by a live siap.
OWNER_LOCK = ".siap-pemilik.lock"
#: Prefix of the throwaway LibreOffice profiles in the system temp folder.
PROFILE_PREFIX = "siap-lo-"
#: A folder without an owner lock younger than this may be one being created right now.
UNLOCKED_GRACE_SECONDS = 600.0

Route = Literal["uno", "plain"]


class PdfError(SiapError):
    """The print step failed; the .docx package stands."""

    exit_code = ExitCode.PDF_FAILED


@dataclass(frozen=True)
class Toolchain:
    """The office program and how it is driven: ``python`` is None on the plain route."""

    soffice: str
    python: str | None

    @property
    def route(self) -> Route:
        return "uno" if self.python else "plain"

    def message(self, lang: str = "id") -> str:
        """The line the build prints to say which route made the PDFs (the plain one is a warning)."""
        if self.python:
            from assembler.messages import format_message

            return format_message("pdf.route.uno", {"soffice": self.soffice, "python": self.python}, lang)
        return Problem("pdf.route.plain", {"soffice": self.soffice}, severity="warning").render(lang)


@dataclass(frozen=True)
class PdfRun:
    """The PDFs of one conversion, in the order of the input files, and the toolchain that made them."""

    pdfs: list[Path]
    toolchain: Toolchain


# --- finding LibreOffice -----------------------------------------------------------------------------


def soffice_candidates(env: Mapping[str, str], platform: str) -> list[Path]:
    """The usual install folders of LibreOffice on this platform, most likely first."""
    if platform == "win32":
        roots = [env.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        roots += [r"C:\Program Files", r"C:\Program Files (x86)"]
        found: list[Path] = []
        for root in roots:
            if root and (path := Path(root) / "LibreOffice" / "program" / "soffice.exe") not in found:
                found.append(path)
        return found
    if platform == "darwin":
        app = Path("LibreOffice.app") / "Contents" / "MacOS" / "soffice"
        home = env.get("HOME")
        return [Path("/Applications") / app, *([Path(home) / "Applications" / app] if home else [])]
    return []


def find_soffice(env: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """``SIAP_SOFFICE``, else ``soffice`` (or ``libreoffice``) on PATH, else the usual install folder."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    configured = env.get("SIAP_SOFFICE")
    if configured:
        exe = shutil.which(configured, path=env.get("PATH")) or (configured if Path(configured).is_file() else None)
        if exe is None:
            raise PdfError(Problem("pdf.bad_soffice", {"path": configured}))
        return exe
    for name in ("soffice", "libreoffice"):
        exe = shutil.which(name, path=env.get("PATH"))
        if exe:
            return exe
    for candidate in soffice_candidates(env, platform):
        if candidate.is_file():
            return str(candidate)
    raise PdfError(Problem("pdf.no_soffice"))


def uno_python_candidates(soffice: str, env: Mapping[str, str], platform: str) -> list[str]:
    """Pythons that may import ``uno``, most specific first.

    ``SIAP_UNO_PYTHON`` (empty: never use UNO), then the Python shipped inside LibreOffice (Windows
    ``program\\python.exe``, macOS ``Contents/Resources/python``, Linux builds from TDF
    ``program/python``), then the Pythons on PATH and the Linux system one (Debian's python3-uno).
    """
    configured = env.get("SIAP_UNO_PYTHON")
    if configured is not None:
        return [configured] if configured else []
    program = Path(soffice).resolve().parent
    if platform == "win32":
        bundled = [program / "python.exe"]
    elif platform == "darwin":
        bundled = [program.parent / "Resources" / "python"]
    else:
        bundled = [program / "python"]
    found = [str(p) for p in bundled if p.is_file()]
    names = ("python.exe", "python3.exe") if platform == "win32" else ("python3",)
    for folder in (env.get("PATH") or "").split(os.pathsep):
        for name in names:
            path = Path(folder) / name
            if folder and path.is_file() and str(path) not in found:
                found.append(str(path))
    if platform.startswith("linux") and LINUX_SYSTEM_PYTHON not in found:
        found.append(LINUX_SYSTEM_PYTHON)
    return found


def find_toolchain(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    has_uno: Callable[[str], bool] | None = None,
) -> Toolchain:
    """LibreOffice and, when one exists, a Python that drives it through UNO (else the plain route)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    soffice = find_soffice(env, platform)
    check = has_uno or _has_uno
    for python in uno_python_candidates(soffice, env, platform):
        if check(python):
            return Toolchain(soffice, python)
    return Toolchain(soffice, None)


def _has_uno(python: str) -> bool:
    try:
        done = subprocess.run(
            [python, "-c", "import uno"], capture_output=True, timeout=30, check=False, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


# --- scratch folders a killed build leaves behind ---------------------------------------------------------


def _owner_lock(folder: Path) -> Any:
    from filelock import FileLock

    return FileLock(folder / OWNER_LOCK, timeout=0)


def clean_stale(parent: Path, prefix: str, *, now: float | None = None) -> list[Path]:
    """Remove folders ``parent/prefix*`` whose owner is gone; returns what was removed.

    A live siap holds the owner lock of its folder for as long as it uses it, so a lock that can be
    taken means the build that made the folder was killed. A folder without a lock file is removed
    only when it is old (it may be one that another build is creating this very moment).
    """
    from filelock import Timeout

    removed: list[Path] = []
    try:
        entries = [p for p in parent.iterdir() if p.name.startswith(prefix) and p.is_dir() and not p.is_symlink()]
    except OSError:
        return removed
    now = time.time() if now is None else now
    for folder in entries:
        if not (folder / OWNER_LOCK).exists():
            with contextlib.suppress(OSError):
                if now - folder.stat().st_mtime > UNLOCKED_GRACE_SECONDS:
                    shutil.rmtree(folder, ignore_errors=True)
                    removed.append(folder)
            continue
        try:
            with _owner_lock(folder):
                _remove_contents(folder)
        except (Timeout, OSError):
            continue  # a live build owns it
        with contextlib.suppress(OSError):
            shutil.rmtree(folder)
        removed.append(folder)
    return removed


def _remove_contents(folder: Path) -> None:
    """Everything but the lock file, while the lock is held (Windows cannot delete a held lock file)."""
    for entry in folder.iterdir():
        if entry.name == OWNER_LOCK:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()


@contextlib.contextmanager
def scratch_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """A fresh folder ``parent/prefix*`` owned by this process, removed afterwards.

    Stale folders of the same prefix (a build killed while printing) are cleaned first.
    """
    clean_stale(parent, prefix)
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        with _owner_lock(folder):
            yield folder
            _remove_contents(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- running the office ----------------------------------------------------------------------------------


def convert(docx_files: Sequence[Path], out_dir: Path, *, timeout: float = DEFAULT_TIMEOUT) -> PdfRun:
    """PDFs of ``docx_files`` written into ``out_dir`` (same base names), all in one office run."""
    tools = find_toolchain()
    if not docx_files:
        return PdfRun([], tools)
    out_dir.mkdir(parents=True, exist_ok=True)
    with scratch_folder(Path(tempfile.gettempdir()), PROFILE_PREFIX) as work:
        profile = work / "profil"
        mode = "uno" if tools.python else "plain"
        python = tools.python or sys.executable
        command = [python, str(CONVERTER), mode, tools.soffice, str(profile), str(out_dir), *map(str, docx_files)]
        stdout_path, stderr_path = work / "stdout.txt", work / "stderr.txt"
        # The office's own temporary files (lu*.tmp) go inside our folder too, so that a killed office
        # leaves nothing in the system temp folder that the next build would not clean.
        office_temp = work / "tmp"
        office_temp.mkdir()
        env = {**os.environ, "TMPDIR": str(office_temp), "TMP": str(office_temp), "TEMP": str(office_temp)}
        with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
            returncode = _run_guarded(command, stdout, stderr, timeout, env)
        output = stdout_path.read_text(encoding="utf-8", errors="replace")
        errors = stderr_path.read_text(encoding="utf-8", errors="replace")
    results: list[Path] = []
    problems = []
    for line in output.splitlines():
        status, _, rest = line.partition(" ")
        if status == "ok":
            results.append(Path(rest))
        elif status == "error":
            file, _, reason = rest.partition(": ")
            problems.append(Problem("pdf.failed", {"file": Path(file).name, "reason": reason}))
    missing = [f for f in docx_files if (out_dir / f"{f.stem}.pdf") not in results]
    if not problems and missing:
        reason = (errors.strip().splitlines() or [f"exit {returncode}"])[-1]
        problems = [Problem("pdf.failed", {"file": f.name, "reason": reason}) for f in missing]
    if problems:
        raise PdfError(problems)
    return PdfRun([out_dir / f"{f.stem}.pdf" for f in docx_files], tools)


def convert_to_pdf(docx_files: Sequence[Path], out_dir: Path, *, timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    """The PDFs of :func:`convert` alone."""
    return convert(docx_files, out_dir, timeout=timeout).pdfs


def _run_guarded(
    command: list[str], stdout: IO[bytes], stderr: IO[bytes], timeout: float, env: Mapping[str, str]
) -> int:
    """Run the converter so that it and the office die with siap, and are killed on a timeout.

    The converter waits for a first line on stdin before it starts the office (so the Windows job
    holds it from the start) and stops the office when stdin reaches its end: that happens when
    this process closes the pipe, and also when the OS closes it because siap was killed.
    """
    job = None
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=stdout, stderr=stderr, env=env)
        job = _windows_job(proc)
    else:
        proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=stdout, stderr=stderr, env=env, start_new_session=True
        )
    assert proc.stdin is not None
    try:
        with contextlib.suppress(OSError):
            proc.stdin.write(b"mulai\n")
            proc.stdin.flush()
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            _kill_tree(proc, job)
            raise PdfError(Problem("pdf.timeout", {"seconds": int(timeout)})) from exc
    finally:
        with contextlib.suppress(OSError):
            proc.stdin.close()
        if proc.poll() is None:
            try:
                proc.wait(timeout=30)  # the converter stops the office on end of input
            except subprocess.TimeoutExpired:
                _kill_tree(proc, job)
        if job is not None:  # pragma: no cover - Windows
            _close_windows_job(job)


def _kill_tree(proc: subprocess.Popen[bytes], job: Any) -> None:
    """Stop the converter and every process it started (the office and its helpers)."""
    if job is not None:  # pragma: no cover - Windows
        import ctypes

        ctypes.windll.kernel32.TerminateJobObject(job, 1)  # type: ignore[attr-defined]
    elif sys.platform != "win32":
        import signal

        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)  # its own process group: start_new_session
    with contextlib.suppress(OSError):
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=30)


def _windows_job(proc: subprocess.Popen[bytes]) -> Any:  # pragma: no cover - Windows only
    """A Job object holding ``proc`` that kills all its processes when its last handle closes.

    siap holds the only handle; when siap ends in any way, Windows closes it and the office dies.
    Processes the converter starts join the job automatically.
    """
    import ctypes
    from ctypes import wintypes

    class BasicLimits(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class IoCounters(ctypes.Structure):
        _fields_ = [
            (name, ctypes.c_uint64)
            for name in ("Read", "Write", "Other", "ReadBytes", "WriteBytes", "OtherBytes")
        ]

    class ExtendedLimits(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", BasicLimits),
            ("IoInfo", IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return None
    limits = ExtendedLimits()
    limits.BasicLimitInformation.LimitFlags = 0x2000  # JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    kernel32.SetInformationJobObject(job, 9, ctypes.byref(limits), ctypes.sizeof(limits))  # Extended info
    handle = int(proc._handle)  # type: ignore[attr-defined]
    if not kernel32.AssignProcessToJobObject(wintypes.HANDLE(job), wintypes.HANDLE(handle)):
        kernel32.CloseHandle(wintypes.HANDLE(job))
        return None
    return job


def _close_windows_job(job: Any) -> None:  # pragma: no cover - Windows only
    import ctypes

    ctypes.windll.kernel32.CloseHandle(job)  # type: ignore[attr-defined]


def merge_pdfs(parts: Sequence[Path], target: Path) -> int:
    """Concatenate PDFs into one print file; returns its page count."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    writer.add_metadata({"/Producer": "siap", "/Title": "Cetak Draft STPP"})
    with open(target, "wb") as fh:
        writer.write(fh)
    return len(writer.pages)
