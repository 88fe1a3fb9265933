"""Open .docx files in LibreOffice through UNO the way a reviewer would; run by the uno Python.

Usage: python3 uno_review.py SOFFICE PROFILE_DIR COMMAND FILE [OUT]
  count FILE           print JSON {"redlines": N, "accepted": [...], "rejected": [...]}: the document's
                       redline count, and its paragraph texts after Accept All / Reject All
  resave FILE OUT      open FILE and save it again as .docx to OUT (LibreOffice's own writer)

Imports nothing from siap: it runs under the system Python that has LibreOffice's ``uno`` module.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import uuid


def _prop(name, value):  # type: ignore[no-untyped-def]
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _texts(doc):  # type: ignore[no-untyped-def]
    """Paragraph texts in reading order; a table's cells row by row, each cell's paragraphs in turn."""
    out = []

    def walk(text):  # type: ignore[no-untyped-def]
        enum = text.createEnumeration()
        while enum.hasMoreElements():
            el = enum.nextElement()
            if el.supportsService("com.sun.star.text.TextTable"):
                for name in el.getCellNames():  # row by row, left to right
                    walk(el.getCellByName(name))
            else:
                out.append(el.getString().replace("\r\n", "\n").replace("\r", "\n"))

    walk(doc.getText())
    return out


def _dispatch(ctx, doc, command):  # type: ignore[no-untyped-def]
    helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())


def main(argv):  # type: ignore[no-untyped-def]
    soffice, profile, command, path, *rest = argv
    import uno
    from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

    pipe = f"siap-test-{uuid.uuid4().hex}"
    proc = subprocess.Popen(
        [soffice, f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", "--headless", "--invisible",
         "--nologo", "--norestore", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 60
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
        try:
            if command == "count":
                result = {"redlines": doc.getRedlines().getCount()}
                _dispatch(ctx, doc, ".uno:AcceptAllTrackedChanges")
                result["accepted"] = _texts(doc)
                result["after_accept"] = doc.getRedlines().getCount()
                doc.close(True)
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
                _dispatch(ctx, doc, ".uno:RejectAllTrackedChanges")
                result["rejected"] = _texts(doc)
                print(json.dumps(result))
            elif command == "list":
                redlines = doc.getRedlines()
                for i in range(redlines.getCount()):
                    r = redlines.getByIndex(i)
                    start, end = r.getPropertyValue("RedlineStart"), r.getPropertyValue("RedlineEnd")
                    try:
                        cursor = start.getText().createTextCursorByRange(start)
                        cursor.gotoRange(end, True)
                        text = cursor.getString()
                    except Exception as exc:  # a table-row redline has no text range
                        text = f"<{type(exc).__name__}>"
                    print(json.dumps([r.getPropertyValue("RedlineType"), text]))
            elif command == "texts":
                print(json.dumps(_texts(doc)))
            elif command == "resave":
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(rest[0])),
                               (_prop("FilterName", "MS Word 2007 XML"),))
        finally:
            doc.close(True)
        with contextlib.suppress(Exception):
            desktop.terminate()
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
