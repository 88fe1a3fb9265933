"""Write tracked changes (``w:ins``/``w:del``, row marks) into a document's XML, in place.

Hand-written on lxml, not on a redlining library: the merge decides *which paragraph element* of
the edited document gets which change (paragraphs are matched by content, not found by searching
for their text), and the libraries we looked at either edit by text search or only compare two
whole files (see docs/dev/redline.md).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable

from lxml import etree

from assembler.redline.text import (
    DEL,
    INS,
    Atom,
    P,
    R,
    T,
    atom_text,
    atoms,
    blocks,
    cells,
    w,
    word_changes,
)

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Elements that may not come after ``w:rPr`` inside ``w:pPr`` (schema order).
_AFTER_RPR_IN_PPR = (w("sectPr"), w("pPrChange"))
#: Elements that must come before ``w:ins``/``w:del`` inside ``w:trPr``: none; they go last but
#: before ``w:trPrChange``.
_TEXT_TO_DELETED = {w("t"): w("delText"), w("instrText"): w("delInstrText")}


class Tracker:
    """Hands out revision ids, stamps author and date, and counts what a reviewer will see.

    ``count`` is the number of revisions Word or LibreOffice lists: one per stretch of inserted
    or deleted text (a whole inserted paragraph, its mark included, is one), one per inserted or
    deleted table row.
    """

    def __init__(self, root: etree._Element, author: str, date: dt.datetime) -> None:
        ids = [int(v) for el in root.iter() if (v := el.get(w("id"), "")).isdigit()]
        self.next_id = max(ids, default=0) + 1
        self.author = author
        if date.tzinfo is not None:
            date = date.astimezone(dt.UTC).replace(tzinfo=None)
        self.date = date.replace(microsecond=0).isoformat() + "Z"
        self.count = 0

    def mark(self, tag: str) -> etree._Element:
        """A new ``w:ins``/``w:del`` element with the next id, this author and date."""
        el = etree.Element(tag)
        el.set(w("id"), str(self.next_id))
        el.set(w("author"), self.author)
        el.set(w("date"), self.date)
        self.next_id += 1
        return el


# --- runs -------------------------------------------------------------------------------------


def _to_deleted(run: etree._Element) -> None:
    for child in run.iter(*_TEXT_TO_DELETED):
        child.tag = _TEXT_TO_DELETED[child.tag]


def _wrap(tracker: Tracker, tag: str, runs: list[etree._Element]) -> None:
    """Wrap ``runs`` in ``w:ins``/``w:del``, one wrapper per stretch of sibling runs."""
    groups: list[list[etree._Element]] = []
    for run in runs:
        if groups and groups[-1][-1].getnext() is run:
            groups[-1].append(run)
        else:
            groups.append([run])
    for group in groups:
        wrapper = tracker.mark(tag)
        group[0].addprevious(wrapper)
        for run in group:
            if tag == DEL:
                _to_deleted(run)
            wrapper.append(run)


def new_runs(text: str, rpr: etree._Element | None) -> list[etree._Element]:
    """Runs showing ``text`` with formatting ``rpr``; tabs and line breaks become their elements."""
    run = etree.Element(R)
    if rpr is not None:
        run.append(_clean_rpr(rpr))
    buffer = ""

    def flush() -> None:
        nonlocal buffer
        if buffer:
            t = etree.SubElement(run, T)
            t.text = buffer
            t.set(XML_SPACE, "preserve")
            buffer = ""

    for ch in text:
        if ch in "\t\n":
            flush()
            etree.SubElement(run, w("tab") if ch == "\t" else w("br"))
        else:
            buffer += ch
    flush()
    return [run]


def _clean_rpr(rpr: etree._Element) -> etree._Element:
    out = copy.deepcopy(rpr)
    for change in out.findall(w("rPrChange")):
        out.remove(change)
    return out


def _split_run(run: etree._Element, at: int) -> etree._Element:
    """Split ``run`` so that its first ``at`` visible characters stay in it; return the new right part.

    Children without text (a picture, a rendered page break) go to the side they stand on; one
    standing exactly at the split goes right.
    """
    sides: list[str] = []
    pos = 0
    for child in run:
        if child.tag == w("rPr"):
            sides.append("both")
            continue
        text = atom_text(child)
        length = len(text) if text is not None else 0
        start, end = pos, pos + length
        pos = end
        if end <= at and not (length == 0 and start == at):
            sides.append("left")
        elif start >= at:
            sides.append("right")
        else:
            sides.append("split")
    right = copy.deepcopy(run)
    run.addnext(right)
    for part, keep in ((run, "left"), (right, "right")):
        pos = 0
        for child, side in zip(list(part), sides, strict=True):
            text = atom_text(child) if child.tag != w("rPr") else None
            start = pos
            pos += len(text) if text is not None else 0
            if side == "split":  # the split falls inside this w:t
                assert child.tag == T and text is not None
                child.text = text[: at - start] if keep == "left" else text[at - start :]
                child.set(XML_SPACE, "preserve")
            elif side not in (keep, "both"):
                part.remove(child)
    return right


def _spans(p: etree._Element) -> list[tuple[etree._Element, int, int]]:
    """Each run that shows text, with its [start, end) in the paragraph's text."""
    spans: list[tuple[etree._Element, int, int]] = []
    pos = 0
    current: etree._Element | None = None
    start = 0
    items: list[Atom] = atoms(p)
    for atom in items:
        if atom.run is not current:
            if current is not None:
                spans.append((current, start, pos))
            current, start = atom.run, pos
        pos += len(atom.text)
    if current is not None:
        spans.append((current, start, pos))
    return spans


def _cut(p: etree._Element, offsets: Iterable[int]) -> None:
    """Split runs so that every offset falls between two runs."""
    for offset in sorted(set(offsets), reverse=True):
        for run, start, end in _spans(p):
            if start < offset < end:
                _split_run(run, offset - start)
                break


# --- paragraphs -------------------------------------------------------------------------------


def mark_paragraph_end(tracker: Tracker, p: etree._Element, tag: str) -> None:
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        before = next((c for c in ppr if c.tag in _AFTER_RPR_IN_PPR), None)
        if before is not None:
            before.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, tracker.mark(tag))


def mark_paragraph(tracker: Tracker, p: etree._Element, tag: str, *, mark_end: bool = True) -> None:
    """Track a whole paragraph as inserted or deleted (its text and, with ``mark_end``, its mark)."""
    runs = [r for r in p.iter(R) if r.getparent() is not None and r.getparent().tag not in (INS, DEL)]
    runs = [r for r in runs if _own_paragraph(r) is p]
    _wrap(tracker, tag, runs)
    if mark_end:
        mark_paragraph_end(tracker, p, tag)
    if runs or mark_end:
        tracker.count += 1


def _own_paragraph(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != P:
        parent = parent.getparent()
    return parent


def mark_container(tracker: Tracker, container: etree._Element, tag: str) -> None:
    """Track every paragraph in a cell (or a whole table) as inserted or deleted, without counting."""
    before = tracker.count
    for block in blocks(container):
        if block.tag == P:
            mark_paragraph(tracker, block, tag, mark_end=False)
        else:
            for tr in block.iterchildren(w("tr")):
                mark_row(tracker, tr, tag)
    tracker.count = before


def mark_row(tracker: Tracker, tr: etree._Element, tag: str) -> None:
    """Track a table row as inserted or deleted: ``w:trPr/w:ins|w:del`` and its cells' text."""
    trpr = tr.find(w("trPr"))
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        tbl_pr_ex = tr.find(w("tblPrEx"))
        if tbl_pr_ex is not None:
            tbl_pr_ex.addnext(trpr)
        else:
            tr.insert(0, trpr)
    change = trpr.find(w("trPrChange"))
    if change is not None:
        change.addprevious(tracker.mark(tag))
    else:
        trpr.append(tracker.mark(tag))
    for tc in cells(tr):
        mark_container(tracker, tc, tag)
    tracker.count += 1


def diff_paragraph(tracker: Tracker, p: etree._Element, new_text: str) -> bool:
    """Turn ``p``'s text into ``new_text`` with word-level tracked changes; the runs keep their formatting.

    Returns whether anything was written.
    """
    old_text = "".join(a.text for a in atoms(p))
    if old_text == new_text:
        return False
    a, b, changes = word_changes(old_text, new_text)
    a_pos = [0]
    for tok in a:
        a_pos.append(a_pos[-1] + len(tok))
    # Character offsets of every change, then runs cut at those offsets.
    spans_chars = [(a_pos[i1], a_pos[i2], "".join(b[j1:j2])) for i1, i2, j1, j2 in changes]
    _cut(p, [o for s, e, _ in spans_chars for o in (s, e)])
    spans = _spans(p)
    first_rpr = next((r.find(w("rPr")) for r, _, _ in spans), None)
    for start, end, inserted in reversed(spans_chars):
        doomed = [run for run, s, e in spans if start <= s and e <= end and e > s]
        before = [run for run, s, e in spans if e <= start and e > s]
        after = [run for run, s, e in spans if s >= end and e > s]
        source = doomed[0] if doomed else (before[-1] if before else (after[0] if after else None))
        rpr = source.find(w("rPr")) if source is not None else first_rpr
        if doomed:
            _wrap(tracker, DEL, doomed)
            tracker.count += 1
        if inserted:
            ins = tracker.mark(INS)
            for run in new_runs(inserted, rpr):
                ins.append(run)
            if doomed:
                doomed[-1].getparent().addnext(ins)
            elif before:
                anchor = before[-1]
                (anchor.getparent() if anchor.getparent().tag in (INS, DEL) else anchor).addnext(ins)
            elif after:
                anchor = after[0]
                (anchor.getparent() if anchor.getparent().tag in (INS, DEL) else anchor).addprevious(ins)
            else:
                ppr = p.find(w("pPr"))
                if ppr is not None:
                    ppr.addnext(ins)
                else:
                    p.insert(0, ins)
            tracker.count += 1
    return True


# --- counting ---------------------------------------------------------------------------------


def _run_length(run: etree._Element) -> int:
    n = 0
    for child in run:
        if child.tag in (T, w("delText")):
            n += len(child.text or "")
        elif child.tag in (w("tab"), w("br"), w("cr"), w("drawing"), w("pict"), w("object")):
            n += 1  # a picture is one character to a reviewer
    return n


def _kind(mark: etree._Element, author: str | None) -> str:
    """"I" or "D" for a revision by ``author`` (or anyone, without one), "X" for someone else's."""
    if author is not None and mark.get(w("author")) != author:
        return "X"
    return "I" if mark.tag == INS else "D"


def _paragraph_tokens(p: etree._Element, author: str | None = None) -> list[tuple[str, bool]]:
    """The paragraph as stretches of normal ("N"), inserted ("I") and deleted ("D") text, then its mark.

    With ``author``, other people's revisions are "X": listed by LibreOffice on their own, never
    joined with ours, and not counted as ours.
    """
    tokens: list[tuple[str, bool]] = []
    for run in p.iter(R):
        if _own_paragraph(run) is not p or _run_length(run) == 0:
            continue
        kind = "N"
        for ancestor in run.iterancestors():
            if ancestor is p:
                break
            if ancestor.tag in (INS, DEL):
                kind = _kind(ancestor, author)  # the innermost revision is the one that shows
                break
        if not tokens or tokens[-1][0] != kind:
            tokens.append((kind, False))
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    mark = "N"
    if rpr is not None:
        found = next((m for m in rpr if m.tag in (INS, DEL)), None)
        if found is not None:
            mark = _kind(found, author)
    tokens.append((mark, True))
    return tokens


def _stretches(tokens: list[tuple[str, bool]]) -> int:
    kinds = [k for k, _ in tokens]
    # LibreOffice joins an insertion that ends a paragraph with one that starts the next, across
    # the (unchanged) paragraph mark between them.
    for i, (kind, is_mark) in enumerate(tokens):
        if is_mark and kind == "N" and 0 < i < len(tokens) - 1 and kinds[i - 1] == "I" and kinds[i + 1] == "I":
            kinds[i] = "I"
    count, current = 0, "N"
    for kind in kinds:
        if kind in ("I", "D") and kind != current:
            count += 1
        current = kind
    return count


def count_revisions(container: etree._Element, author: str | None = None) -> int:
    """The revisions a reviewer sees in a body or cell, counted the way LibreOffice lists them.

    Neighbouring insertions (or deletions) are one revision: an inserted paragraph is one, two
    inserted paragraphs in a row are one, and a table row's text is one revision per cell (the
    row mark itself is not listed separately). With ``author``, only that author's revisions are
    counted (the edited document may carry the Bagian Hukum's own). Measured against
    LibreOffice's redline count in tests/test_redline.py.
    """
    total = 0
    tokens: list[tuple[str, bool]] = []
    for block in blocks(container):
        if block.tag == P:
            tokens += _paragraph_tokens(block, author)
            continue
        total += _stretches(tokens)
        tokens = []
        for tr in block.iterchildren(w("tr")):
            for tc in cells(tr):
                total += count_revisions(tc, author)
    return total + _stretches(tokens)


def _ppr_signature(p: etree._Element) -> bytes:
    ppr = p.find(w("pPr"))
    if ppr is None:
        return b""
    ppr = copy.deepcopy(ppr)
    for rpr in ppr.findall(w("rPr")):
        ppr.remove(rpr)
    return etree.tostring(ppr, method="c14n") if len(ppr) or ppr.attrib else b""


def hand_over_mark(
    tracker: Tracker, previous: etree._Element, inserted: list[etree._Element], *, at_end: bool = False
) -> bool:
    """Write inserted paragraphs after ``previous`` the way Word does when one types Enter at its end.

    ``previous``'s mark becomes the inserted one and the last inserted paragraph keeps an ordinary
    mark. Both forms mean the same in Word; this one matters when ``previous`` ends with an
    insertion: LibreOffice joins that insertion with the next paragraph's across the mark between
    them, and rejecting it would then glue ``previous`` to the paragraph after the insertion.
    Only done when the paragraphs share their paragraph properties (the mark carries them).

    With ``at_end`` the inserted paragraphs end a cell or the body, where the last one's mark cannot
    be inserted at all; ``previous``'s mark is then always the inserted one, or rejecting would leave
    an empty paragraph behind.
    """
    if previous.tag != P or not inserted or inserted[-1].tag != P:
        return False
    tokens = _paragraph_tokens(previous)
    if tokens[-1][0] != "N":
        return False
    last = inserted[-1]
    rpr = last.find(f"{w('pPr')}/{w('rPr')}")
    if at_end:
        mark = tracker.mark(INS)
    else:
        if len(tokens) < 2 or tokens[-2][0] != "I" or _ppr_signature(previous) != _ppr_signature(last):
            return False
        mark = rpr.find(INS) if rpr is not None else None
        if rpr is None or mark is None:
            return False
        rpr.remove(mark)
    target = previous.find(w("pPr"))
    if target is None:
        target = etree.Element(w("pPr"))
        previous.insert(0, target)
    target_rpr = target.find(w("rPr"))
    if target_rpr is None:
        target_rpr = etree.Element(w("rPr"))
        before = next((c for c in target if c.tag in _AFTER_RPR_IN_PPR), None)
        if before is not None:
            before.addprevious(target_rpr)
        else:
            target.append(target_rpr)
    target_rpr.insert(0, mark)
    return True

