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
            tr.getparent().remove(tr)
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
