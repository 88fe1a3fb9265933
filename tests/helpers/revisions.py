"""Read a tracked-changes .docx as a reviewer would after "accept all" or "reject all".

Written independently of assembler.redline (plain XML walking), so a test that uses it checks the
engine instead of repeating it.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def document_xml(source: Path | bytes) -> etree._Element:
    data = source.read_bytes() if isinstance(source, Path) else source
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _resolve(root: etree._Element, accept: bool) -> list[str]:
    root = copy.deepcopy(root)
    gone, kept = (_w("del"), _w("ins")) if accept else (_w("ins"), _w("del"))
    # Rows whose insertion/deletion is undone disappear with everything in them.
    for tr in list(root.iter(_w("tr"))):
        trpr = tr.find(_w("trPr"))
        if trpr is not None and trpr.find(gone) is not None:
            table = tr.getparent()
            table.remove(tr)
            if table.find(_w("tr")) is None:  # a table without rows is no table
                table.getparent().remove(table)
    texts: list[str] = []
    joined = False
    for p in root.iter(_w("p")):
        ppr_rpr = p.find(f"{_w('pPr')}/{_w('rPr')}")
        mark_gone = ppr_rpr is not None and ppr_rpr.find(gone) is not None
        parts: list[str] = []
        for node in p.iter(_w("t"), _w("delText"), _w("tab"), _w("br")):
            if any(a.tag == gone for a in node.iterancestors() if a.tag in (gone, kept)):
                continue
            if node.tag in (_w("t"), _w("delText")):
                parts.append(node.text or "")
            elif node.tag == _w("tab"):
                parts.append("\t")
            elif node.get(_w("type")) not in ("page", "column"):
                parts.append("\n")
        text = "".join(parts)
        if joined:
            texts[-1] += text
        else:
            texts.append(text)
        # A removed paragraph mark joins the paragraph with the next one, if that one follows it directly.
        following = p.getnext()
        joined = mark_gone and following is not None and following.tag == _w("p")
    return texts


def accepted(source: Path | bytes) -> list[str]:
    """Paragraph texts (body and cells, in order) with every w:ins kept and every w:del removed."""
    return _resolve(document_xml(source), accept=True)


def rejected(source: Path | bytes) -> list[str]:
    """Paragraph texts with every w:ins removed and every w:del kept."""
    return _resolve(document_xml(source), accept=False)


def plain(source: Path | bytes) -> list[str]:
    """Paragraph texts of a document without revisions, for comparing with the two above."""
    return _resolve(document_xml(source), accept=True)


UNO_REVIEW = Path(__file__).with_name("uno_review.py")


def _office(tmp: Path, *args: str) -> str:
    """Run uno_review.py with LibreOffice (skipping the test when LibreOffice or its uno Python is missing)."""
    import subprocess
    import uuid

    import pytest

    from assembler.printing import PdfError, find_toolchain

    try:
        tools = find_toolchain()
    except PdfError:
        pytest.skip("LibreOffice with python3-uno is not installed")
    profile = tmp / f"lo-{uuid.uuid4().hex}"
    done = subprocess.run(
        [tools.python, str(UNO_REVIEW), tools.soffice, str(profile), *args],
        capture_output=True, text=True, timeout=240, check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def office_review(path: Path, tmp: Path) -> dict[str, object]:
    """LibreOffice's view of a revision file: its redline count, and its text after Accept All / Reject All."""
    import json

    result: dict[str, object] = json.loads(_office(tmp, "count", str(path)))
    return result


def office_resave(source: Path, target: Path, tmp: Path) -> None:
    """Open ``source`` in LibreOffice and save it as .docx at ``target``, as a user who only saves would."""
    _office(tmp, "resave", str(source), str(target))
    assert target.is_file()


def office_flat(path: Path, tmp: Path) -> dict[str, object]:
    """LibreOffice's reading of a .docx, saved as flat ODF: its tracked changes, comments and accepted text.

    For documents with comments: LibreOffice 7.4 aborts when such a document is loaded through UNO
    from another process (an uncaught NoSuchElementException), while ``--convert-to`` reads it
    fine. In ODF the deleted text lives outside the body, so the body's text is the accepted text.
    """
    import shutil
    import subprocess
    import uuid

    import pytest

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp / f"fodt-{uuid.uuid4().hex}"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp / f'lo-{uuid.uuid4().hex}').as_uri()}", "--headless",
         "--convert-to", "fodt", "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=240, check=False,
    )
    flat = out / f"{path.stem}.fodt"
    assert done.returncode == 0 and flat.is_file(), done.stderr
    root = etree.parse(str(flat)).getroot()
    ns = {
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "dc": "http://purl.org/dc/elements/1.1/",
    }
    text_ns, office_ns = ns["text"], ns["office"]
    body = root.find("office:body/office:text", ns)
    assert body is not None

    regions = body.findall("text:tracked-changes/text:changed-region", ns)
    deletions = {r.get(f"{{{text_ns}}}id") for r in regions if r.find("text:deletion", ns) is not None}
    skipping: set[str] = set()  # deleted stretches LibreOffice keeps inline between change-start/-end

    def flat_text(el: etree._Element) -> str:
        parts: list[str] = [] if skipping else [el.text or ""]
        for child in el:
            tag = child.tag
            change = child.get(f"{{{text_ns}}}change-id")
            if tag == f"{{{text_ns}}}change-start" and change in deletions:
                skipping.add(change)
            elif tag == f"{{{text_ns}}}change-end" and change in skipping:
                skipping.discard(change)
            elif skipping or tag in (f"{{{office_ns}}}annotation", f"{{{text_ns}}}tracked-changes") or tag.startswith(
                "{urn:oasis:names:tc:opendocument:xmlns:drawing"
            ):  # pictures are not text
                pass
            elif tag == f"{{{text_ns}}}s":
                parts.append(" " * int(child.get(f"{{{text_ns}}}c", "1")))
            elif tag == f"{{{text_ns}}}tab":
                parts.append("\t")
            elif tag == f"{{{text_ns}}}line-break":
                parts.append("\n")
            else:
                parts.append(flat_text(child))
            if not skipping:
                parts.append(child.tail or "")
        return "".join(parts)

    paragraphs: list[str] = []
    joining = False  # a deletion that runs past a paragraph's end joins it with the next one
    for p in body.iter(f"{{{text_ns}}}p", f"{{{text_ns}}}h"):
        if any(a.tag in (f"{{{office_ns}}}annotation", f"{{{text_ns}}}tracked-changes") for a in p.iterancestors()):
            continue
        text = flat_text(p)
        if joining:
            paragraphs[-1] += text
        else:
            paragraphs.append(text)
        joining = bool(skipping)
    annotations = [
        (a.findtext("dc:creator", "", ns), "\n".join(flat_text(p) for p in a.iter(f"{{{text_ns}}}p")))
        for a in body.iter(f"{{{office_ns}}}annotation")
    ]
    return {
        "changes": len(regions),
        "accepted": paragraphs,
        "annotations": annotations,
    }
