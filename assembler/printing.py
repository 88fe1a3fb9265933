"""The print step: every .docx of a package to PDF in one LibreOffice run, plus the DPRD print file.

One office process per build (not per file) keeps a package of 40 documents fast; a throwaway
profile per run keeps two builds at once from fighting over LibreOffice's user folder (which makes
it silently drop files). When LibreOffice is missing, hangs or fails, the caller keeps the .docx
package and exits 4.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assembler.errors import ExitCode, Problem, SiapError
from assembler.messages import register

register(
    {
        "pdf.no_soffice": (
            "LibreOffice (soffice) tidak ditemukan; pasang paket libreoffice-writer-nogui untuk mencetak PDF. "
            "Paket .docx tetap ditulis lengkap",
            "LibreOffice (soffice) was not found; install libreoffice-writer-nogui to print PDFs. "
            "The .docx package was written in full",
        ),
        "pdf.no_uno": (
            "Python dengan modul 'uno' LibreOffice tidak ditemukan (paket python3-uno); daftar isi tidak "
            "dapat diberi nomor halaman. Paket .docx tetap ditulis lengkap",
            "no Python with LibreOffice's 'uno' module was found (package python3-uno); the table of "
            "contents cannot get page numbers. The .docx package was written in full",
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
    }
)

#: Seconds for the whole conversion: starting the office costs a few, each document one or two.
DEFAULT_TIMEOUT = 300.0
CONVERTER = Path(__file__).with_name("lo_convert.py")
#: Pythons that may carry LibreOffice's uno module (Debian's python3-uno installs for the system one).
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python", "python3")


class PdfError(SiapError):
    """The print step failed; the .docx package stands."""

    exit_code = ExitCode.PDF_FAILED


@dataclass(frozen=True)
class Toolchain:
    soffice: str
    python: str


def find_toolchain() -> Toolchain:
    """LibreOffice and a Python that can drive it, or a PdfError saying what to install."""
    soffice = os.environ.get("SIAP_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise PdfError(Problem("pdf.no_soffice"))
    for candidate in (os.environ.get("SIAP_UNO_PYTHON"), *UNO_PYTHONS):
        if not candidate:
            continue
        exe = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if exe and _has_uno(exe):
            return Toolchain(soffice, exe)
    raise PdfError(Problem("pdf.no_uno"))


def _has_uno(python: str) -> bool:
    try:
        done = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def convert_to_pdf(docx_files: Sequence[Path], out_dir: Path, *, timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    """PDFs of ``docx_files`` written into ``out_dir`` (same base names), all in one office run."""
    if not docx_files:
        return []
    tools = find_toolchain()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="siap-lo-") as profile:
        command = [tools.python, str(CONVERTER), tools.soffice, profile, str(out_dir), *map(str, docx_files)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False, start_new_session=True
            )
        except subprocess.TimeoutExpired as exc:
            _kill_office(profile)
            raise PdfError(Problem("pdf.timeout", {"seconds": int(timeout)})) from exc
    results: list[Path] = []
    problems = []
    for line in done.stdout.splitlines():
        status, _, rest = line.partition(" ")
        if status == "ok":
            results.append(Path(rest))
        elif status == "error":
            file, _, reason = rest.partition(": ")
            problems.append(Problem("pdf.failed", {"file": Path(file).name, "reason": reason}))
    missing = [f for f in docx_files if (out_dir / f"{f.stem}.pdf") not in results]
    if not problems and missing:
        reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        problems = [Problem("pdf.failed", {"file": f.name, "reason": reason}) for f in missing]
    if problems:
        raise PdfError(problems)
    return [out_dir / f"{f.stem}.pdf" for f in docx_files]


def _kill_office(profile: str) -> None:
    """A timed-out run leaves soffice behind; find it by its private profile and stop it."""
    try:
        listing = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return
    for line in listing.splitlines():
        if profile in line:
            pid = line.split(None, 1)[0]
            with contextlib.suppress(ValueError, OSError):
                os.kill(int(pid), 9)


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
