"""Convert .docx files to PDF in ONE headless LibreOffice, updating tables of contents first.

This file runs under the Python that carries LibreOffice's ``uno`` module (Debian: python3-uno,
``/usr/bin/python3``), not under siap's own interpreter, so it imports nothing from siap.
``soffice --convert-to pdf`` cannot refresh a table of contents; through UNO we can, and one
office process serves every document of the package.

Usage: python3 lo_convert.py SOFFICE PROFILE_DIR OUT_DIR FILE.docx [FILE.docx ...]
Prints one line per file: ``ok <pdf path>`` or ``error <docx path>: <reason>``; exit 0 if all ok.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import uuid


def _connect(pipe_name: str, deadline: float, proc: subprocess.Popen[bytes]):  # type: ignore[no-untyped-def]
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


def _prop(name: str, value: object):  # type: ignore[no-untyped-def]
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(argv: list[str]) -> int:
    soffice, profile, out_dir, *files = argv
    import uno

    pipe_name = f"siap-{uuid.uuid4().hex}"
    proc = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            f"--accept=pipe,name={pipe_name};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    failures = 0
    try:
        ctx = _connect(pipe_name, time.monotonic() + 60, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        pdf_filter = uno.Any(
            "[]com.sun.star.beans.PropertyValue",
            tuple([_prop("UseTaggedPDF", True), _prop("ExportBookmarks", True)]),
        )
        for path in files:
            target = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
            try:
                doc = desktop.loadComponentFromURL(
                    uno.systemPathToFileUrl(os.path.abspath(path)),
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
                        uno.systemPathToFileUrl(os.path.abspath(target)),
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
