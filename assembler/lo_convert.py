"""Convert .docx files to PDF in ONE headless LibreOffice, and never let that office outlive siap.

This file runs as a separate program, not inside siap's interpreter, so it imports nothing from
siap and only the standard library: on the ``uno`` route it runs under a Python that carries
LibreOffice's ``uno`` module (Debian's python3-uno, or the Python shipped inside LibreOffice on
Windows and macOS) and refreshes every table of contents before exporting, which
``soffice --convert-to pdf`` cannot; on the ``plain`` route it runs under siap's own Python and
drives ``soffice --convert-to pdf`` (tables of contents then keep no page numbers).

The parent-death guard: siap writes one line to our stdin once it is ready (on Windows after
putting us into a kill-on-close Job object), then keeps the pipe open. When the pipe ends (siap
finished, or was killed by any signal: the OS closes its end), we kill the office and ourselves.
On POSIX siap starts us as the leader of a new process group, so the office and its helper
processes are all in our group and one ``killpg`` stops them.

Usage: python lo_convert.py uno|plain SOFFICE PROFILE_DIR OUT_DIR FILE.docx [FILE.docx ...]
Prints one line per file: ``ok <pdf path>`` or ``error <docx path>: <reason>``; exit 0 if all ok.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

_OFFICE: list[subprocess.Popen[bytes]] = []


def _file_url(path: str) -> str:
    """``file:///...`` of an absolute path, on Windows too (no ``uno`` needed for this)."""
    return Path(os.path.abspath(path)).as_uri()


def _kill_everything() -> None:
    """Stop the office and every process of our group, then ourselves."""
    for proc in _OFFICE:
        with contextlib.suppress(OSError):
            proc.kill()
    if os.name == "posix" and os.getpgrp() == os.getpid():  # only when siap made us a group leader
        import signal

        with contextlib.suppress(OSError):
            os.killpg(os.getpid(), signal.SIGKILL)
    os._exit(3)


def _watch_parent() -> None:
    """Wait for siap's go-ahead line, then for the end of stdin in a thread that kills all on it."""
    if sys.stdin is None:
        return
    first = sys.stdin.buffer.readline()
    if not first:  # siap is already gone
        _kill_everything()

    def watch() -> None:
        with contextlib.suppress(OSError, ValueError):
            while sys.stdin.buffer.read(4096):
                pass
        _kill_everything()

    threading.Thread(target=watch, name="siap-parent-guard", daemon=True).start()


def _start_office(command: list[str], *, capture_errors: bool = False) -> subprocess.Popen[bytes]:
    errors = subprocess.PIPE if capture_errors else subprocess.DEVNULL
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors)
    _OFFICE.append(proc)
    return proc


def _office_args(soffice: str, profile: str) -> list[str]:
    return [
        soffice,
        f"-env:UserInstallation={_file_url(profile)}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nodefault",
        "--nolockcheck",
    ]


def _connect(pipe_name: str, deadline: float, proc: subprocess.Popen[bytes]) -> Any:
    import uno
    from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe_name};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError(f"LibreOffice exited with status {proc.returncode} before accepting work") from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _prop(name: str, value: object) -> Any:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def convert_uno(soffice: str, profile: str, out_dir: str, files: list[str]) -> int:
    """Open each document through UNO, update its indexes, export it; one office for all."""
    import uno

    pipe_name = f"siap-{uuid.uuid4().hex}"
    proc = _start_office([*_office_args(soffice, profile), f"--accept=pipe,name={pipe_name};urp;"])
    failures = 0
    try:
        ctx = _connect(pipe_name, time.monotonic() + 60, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        pdf_filter = uno.Any(
            "[]com.sun.star.beans.PropertyValue",
            (_prop("UseTaggedPDF", True), _prop("ExportBookmarks", True)),
        )
        for path in files:
            target = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
            try:
                doc = desktop.loadComponentFromURL(
                    _file_url(path),
                    "_blank",
                    0,
                    # Read-only: no ".~lock" file beside the document, which would make another
                    # office that converts the same file at the same moment refuse to open it.
                    (_prop("Hidden", True), _prop("ReadOnly", True)),
                )
                if doc is None:
                    raise RuntimeError("LibreOffice could not open the file")
                try:
                    # Tables of contents get their real page numbers only after a layout pass.
                    indexes = doc.getDocumentIndexes()
                    for i in range(indexes.getCount()):
                        indexes.getByIndex(i).update()
                    doc.refresh()
                    doc.storeToURL(
                        _file_url(target),
                        (_prop("FilterName", "writer_pdf_Export"), _prop("FilterData", pdf_filter)),
                    )
                finally:
                    doc.close(True)
                print(f"ok {target}", flush=True)
            except Exception as exc:  # one bad document must not hide the others
                failures += 1
                print(f"error {path}: {type(exc).__name__}: {exc}", flush=True)
        with contextlib.suppress(Exception):  # the office often drops the bridge while terminating
            desktop.terminate()
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return 1 if failures else 0


def convert_plain(soffice: str, profile: str, out_dir: str, files: list[str]) -> int:
    """``soffice --convert-to pdf`` for all files at once: no UNO, so no refreshed tables of contents."""
    command = [*_office_args(soffice, profile), "--convert-to", "pdf", "--outdir", out_dir, *files]
    proc = _start_office(command, capture_errors=True)
    _, err = proc.communicate()
    failures = 0
    for path in files:
        target = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        if os.path.isfile(target):
            print(f"ok {target}", flush=True)
        else:
            failures += 1
            reason = (err.decode("utf-8", "replace").strip().splitlines() or [f"exit {proc.returncode}"])[-1]
            print(f"error {path}: {reason}", flush=True)
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    mode, soffice, profile, out_dir, *files = argv
    # siap reads our report as UTF-8; Windows would otherwise write it in the ANSI code page and fail on
    # a path with a character outside it.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    _watch_parent()
    if mode == "uno":
        return convert_uno(soffice, profile, out_dir, files)
    return convert_plain(soffice, profile, out_dir, files)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
