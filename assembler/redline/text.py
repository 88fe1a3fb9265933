"""What a reader sees in a paragraph, and where each character lives in the XML.

Word and LibreOffice rewrite a document's bytes on every save: rsid attributes, runs split at
arbitrary places, proofing marks, bookmarks, refreshed field results. None of that changes what
the Bagian Hukum reads, so the merge compares *text* and keeps a map from every character back to
the run that holds it, so that a change can be written where that text is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag (``w("p")`` → ``{ns}p``)."""
    return f"{{{W_NS}}}{tag}"


P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
DEL, INS, MOVE_FROM = w("del"), w("ins"), w("moveFrom")
#: Content a reader does not see as this paragraph's text: deleted revisions, text boxes, comments.
_SKIPPED = {DEL, MOVE_FROM, w("txbxContent"), w("pict"), w("drawing"), w("object")}

#: Run children that carry text, and the characters they stand for.
_CHAR_OF = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "\u2011"}


@dataclass
class Atom:
    """One text-bearing child of a run (``w:t``, ``w:tab``…) and the text it shows."""

    run: etree._Element
    child: etree._Element
    text: str


def atom_text(child: etree._Element) -> str | None:
    """The characters a run child shows, or None when it shows none (fldChar, drawing, rPr…)."""
    if child.tag == T:
        return child.text or ""
    if child.tag == w("br") and child.get(w("type")) in ("page", "column"):
        return None  # a page break is layout, not text
    return _CHAR_OF.get(child.tag)


def atoms(p: etree._Element) -> list[Atom]:
    """The paragraph's visible characters, run by run, in reading order.

    Field codes and field results are left out (Word and LibreOffice refresh page numbers and
    dates on open), as is text already deleted by a tracked change.
    """
    out: list[Atom] = []
    depth = 0  # complex-field nesting: inside a field, nothing counts until its end
    for run in _runs(p):
        for child in run:
            if child.tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    depth += 1
                elif kind == "end" and depth:
                    depth -= 1
                continue
            if depth:
                continue
            text = atom_text(child)
            if text is not None:
                out.append(Atom(run, child, text))
    return out


def _runs(p: etree._Element) -> Iterator[etree._Element]:
    """The runs of ``p`` itself (not of nested paragraphs), skipping deleted content and simple fields."""

    def walk(el: etree._Element) -> Iterator[etree._Element]:
        for child in el:
            if not isinstance(child.tag, str) or child.tag in _SKIPPED or child.tag == w("fldSimple"):
                continue
            if child.tag == R:
                yield child
            elif child.tag not in (w("pPr"), P, TBL):
                yield from walk(child)

    return walk(p)


def paragraph_text(p: etree._Element) -> str:
    return "".join(a.text for a in atoms(p))


def blocks(container: etree._Element) -> list[etree._Element]:
    """Paragraphs and tables directly in a body or cell (content controls are looked through)."""
    out: list[etree._Element] = []
    for child in container:
        if child.tag in (P, TBL):
            out.append(child)
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                out += blocks(content)
    return out


def rows(tbl: etree._Element) -> list[etree._Element]:
    return [tr for tr in tbl.iterchildren(TR)]


def cells(tr: etree._Element) -> list[etree._Element]:
    return [tc for tc in tr.iterchildren(TC)]


def cell_text(tc: etree._Element) -> str:
    return "\n".join(block_text(b) for b in blocks(tc))


def row_text(tr: etree._Element) -> str:
    return "\t".join(cell_text(tc) for tc in cells(tr))


def table_text(tbl: etree._Element) -> str:
    return "\n".join(row_text(tr) for tr in rows(tbl))


def block_text(block: etree._Element) -> str:
    return paragraph_text(block) if block.tag == P else table_text(block)


def block_key(block: etree._Element) -> tuple[str, str]:
    """What two blocks must share to be "the same": their kind and their text."""
    return ("p" if block.tag == P else "tbl", block_text(block))


#: A word keeps its inner dots, commas, slashes and hyphens: "Rp1.950.000.000", "31/12/2026",
#: "kg-1.1" and "dan/atau" change as a whole, the way a reader sees them.
_TOKEN = re.compile(r"\w+(?:[.,/\-]\w+)*|\s+|[^\w\s]", re.UNICODE)


def words(text: str) -> list[str]:
    """Words, runs of white space and single punctuation marks: the unit of a word-level diff."""
    return _TOKEN.findall(text)


def word_changes(old: str, new: str) -> tuple[list[str], list[str], list[tuple[int, int, int, int]]]:
    """Both texts as words, and the changed stretches ``(i1, i2, j1, j2)`` of word indexes.

    Two changes apart by white space alone read as one ("31 Desember 2026" → "30 Juni 2027" is one
    replacement, not three).
    """
    a, b = words(old), words(new)
    out: list[tuple[int, int, int, int]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if out and all(tok.isspace() for tok in a[out[-1][1] : i1]):
            out[-1] = (out[-1][0], i2, out[-1][2], j2)
        else:
            out.append((i1, i2, j1, j2))
    return a, b, out


def body_texts(body: etree._Element) -> list[object]:
    """The whole body as nested text (paragraphs, tables of rows of cells), for equality tests."""
    out: list[object] = []
    for block in blocks(body):
        if block.tag == P:
            out.append(paragraph_text(block))
        else:
            out.append([[body_texts(tc) for tc in cells(tr)] for tr in rows(block)])
    return out
