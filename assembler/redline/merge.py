"""Three-way merge of block sequences: siap's changes (base → new) written onto the edited document.

Blocks (paragraphs, tables; rows inside tables) are matched by content, never by position: the
Bagian Hukum adds and removes paragraphs, so "paragraph 12" of the generated file may be paragraph
14 of the edited one. A block siap changed and the hand left alone receives the change as tracked
revisions; a block both changed is a conflict: the hand version stays, the input change becomes a
comment.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from assembler.redline.text import (
    DEL,
    INS,
    TBL,
    TR,
    P,
    block_key,
    block_text,
    blocks,
    cell_text,
    cells,
    paragraph_text,
    row_text,
    rows,
    w,
    words,
)
from assembler.redline.writer import (
    Tracker,
    diff_paragraph,
    hand_over_mark,
    mark_paragraph,
    mark_paragraph_end,
    mark_row,
)

#: How alike two paragraphs must be (share of words) to count as one paragraph, reworded.
PARAGRAPH_SIMILARITY = 0.5
#: Tables are matched more loosely: a table whose rows changed is still that table.
TABLE_SIMILARITY = 0.3


@dataclass(frozen=True)
class Place:
    """Where a conflict is, in both languages (the build prints it in the user's)."""

    id: str
    en: str


@dataclass(frozen=True)
class RawConflict:
    place: Place
    hand_text: str
    input_text: str
    anchor: etree._Element | None  # the paragraph the comment is attached to


# --- alignment --------------------------------------------------------------------------------


def _similarity(a: etree._Element, b: etree._Element) -> float:
    """How alike two blocks are (0 when they are not alike enough to be one block, reworded)."""
    if a.tag != b.tag:
        return 0.0
    if a.tag in (P, TR):
        text = paragraph_text if a.tag == P else row_text
        m = difflib.SequenceMatcher(a=words(text(a)), b=words(text(b)), autojunk=False)
        threshold = PARAGRAPH_SIMILARITY
    else:
        # A table is the same table when enough of its rows are, or (a small one) enough of its words.
        ta, tb = block_text(a), block_text(b)
        threshold = TABLE_SIMILARITY
        ratio = difflib.SequenceMatcher(a=ta.split("\n"), b=tb.split("\n"), autojunk=False).ratio()
        if ratio < threshold and len(ta) + len(tb) < _SMALL_TABLE:
            ratio = difflib.SequenceMatcher(a=words(ta), b=words(tb), autojunk=False).ratio()
        return ratio if ratio >= threshold else 0.0
    if m.real_quick_ratio() < threshold or m.quick_ratio() < threshold:
        return 0.0
    ratio = m.ratio()
    return ratio if ratio >= threshold else 0.0


#: Tables up to this many characters (both together) are also compared word by word.
_SMALL_TABLE = 20_000
#: How far ahead the greedy pairing looks for a block's reworded self.
_GREEDY_WINDOW = 40
#: Above this many candidate pairs in one changed stretch, pair greedily instead of optimally.
_MAX_PAIRS = 4000


def _pair_stretch(a: Sequence[etree._Element], b: Sequence[etree._Element]) -> list[tuple[int | None, int | None]]:
    """Pair a changed stretch so that the pairs are as alike as possible, in order.

    When a row is removed and the next one reworded, the reworded one must pair with its old self,
    not with the removed row that happens to come first.
    """
    n, m = len(a), len(b)
    if n * m > _MAX_PAIRS:
        return _pair_greedy(a, b)
    sim = [[_similarity(x, y) for y in b] for x in a]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if sim[i][j]:
                options.append(sim[i][j] + best[i + 1][j + 1])
            best[i][j] = max(options)
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((i, None))
            i += 1
        else:
            out.append((None, j))
            j += 1
    out += [(k, None) for k in range(i, n)]
    out += [(None, k) for k in range(j, m)]
    return out


def _pair_greedy(a: Sequence[etree._Element], b: Sequence[etree._Element]) -> list[tuple[int | None, int | None]]:
    out: list[tuple[int | None, int | None]] = []
    j = 0
    for i in range(len(a)):
        # Look a bounded way ahead: a long stretch of unrelated blocks must not cost len(a) × len(b).
        match = next((k for k in range(j, min(len(b), j + _GREEDY_WINDOW)) if _similarity(a[i], b[k])), None)
        if match is None:
            out.append((i, None))
            continue
        out += [(None, k) for k in range(j, match)]
        out.append((i, match))
        j = match + 1
    out += [(None, k) for k in range(j, len(b))]
    return out


def align(
    a: Sequence[etree._Element], b: Sequence[etree._Element], key: Callable[[etree._Element], object]
) -> list[tuple[int | None, int | None]]:
    """Pair the items of two sequences in order: equal ones, reworded ones, and the rest alone.

    Equal items are found first (longest common subsequence of keys); inside each changed stretch,
    items are paired by similarity, so an inserted paragraph next to a reworded one reads as
    exactly that.
    """
    ka, kb = [key(x) for x in a], [key(x) for x in b]
    out: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        if i2 - i1 == 1 and j2 - j1 == 1 and a[i1].tag == b[j1].tag:
            out.append((i1, j1))  # one block where there was one: it was reworded, however much
            continue
        pairs = _pair_stretch(a[i1:i2], b[j1:j2])
        if all(i is None or j is None for i, j in pairs) and [x.tag for x in a[i1:i2]] == [y.tag for y in b[j1:j2]]:
            # Nothing alike, but the same shape (a paragraph and a table, both rewritten): each was
            # reworded in place.
            pairs = [(k, k) for k in range(i2 - i1)]
        for i, j in pairs:
            out.append((None if i is None else i1 + i, None if j is None else j1 + j))
    return out


# --- the merge --------------------------------------------------------------------------------


def _strip_foreign_references(el: etree._Element) -> etree._Element:
    """A block copied from the new document may point at its pictures and links, which the edited
    document does not have: keep its text, drop those references."""
    for tag in ("drawing", "pict", "object"):
        for node in list(el.iter(w(tag))):
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)
    for link in list(el.iter(w("hyperlink"))):
        parent = link.getparent()
        if parent is None:
            continue
        index = parent.index(link)
        for child in list(link):
            parent.insert(index, child)
            index += 1
        parent.remove(link)
    return el


def _plain_mark(p: etree._Element) -> bool:
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    return rpr is None or (rpr.find(INS) is None and rpr.find(DEL) is None)


def _first_paragraph(block: etree._Element) -> etree._Element | None:
    return block if block.tag == P else next(block.iter(P), None)


def _excerpt(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size].rstrip() + " …"


class Merger:
    """Walks base, edited and new together and writes the merge into the edited tree."""

    def __init__(self, tracker: Tracker, edited_body: etree._Element) -> None:
        self.tracker = tracker
        self.conflicts: list[RawConflict] = []
        # Places are named as the reader of the edited document counts them, before any change.
        self.places: dict[etree._Element, Place] = {}
        n_par = n_tbl = 0
        for block in blocks(edited_body):
            if block.tag == P:
                text = paragraph_text(block)
                if text.strip():
                    n_par += 1
                    quote = _excerpt(text)
                    self.places[block] = Place(f"paragraf {n_par} ('{quote}')", f"paragraph {n_par} ('{quote}')")
            else:
                n_tbl += 1
                self.places[block] = Place(f"tabel {n_tbl}", f"table {n_tbl}")

    # Places -------------------------------------------------------------------------------------

    def _place(self, block: etree._Element, inside: Place | None) -> Place:
        if inside is not None:
            return inside
        if block in self.places:
            return self.places[block]
        quote = _excerpt(block_text(block))
        return Place(f"paragraf kosong ('{quote}')", f"empty paragraph ('{quote}')")

    def _conflict(
        self, place: Place, hand: str, new: str, anchor: etree._Element | None
    ) -> None:
        self.conflicts.append(RawConflict(place, hand, new, anchor))

    # Containers ---------------------------------------------------------------------------------

    def container(
        self,
        base: list[etree._Element],
        edited: list[etree._Element],
        new: list[etree._Element],
        parent: etree._Element,
        inside: Place | None = None,
    ) -> None:
        """Merge one sequence of blocks (a body, or a cell's content)."""
        to_edited = {i: j for i, j in align(base, edited, block_key) if i is not None and j is not None}
        pending: list[etree._Element] = []
        for i, j in align(base, new, block_key):
            if i is None:
                assert j is not None
                pending.append(new[j])
                continue
            if pending:
                self._insert_blocks(pending, i, base, edited, to_edited, parent)
                pending = []
            e = to_edited.get(i)
            b = base[i]
            if j is None:
                self._removed(b, edited[e] if e is not None else None, inside)
                continue
            n = new[j]
            if block_key(b) == block_key(n):
                continue
            if e is None:
                anchor = self._neighbour(i, base, edited, to_edited)
                self._conflict(
                    self._place(anchor, inside) if anchor is not None else Place("akhir naskah", "end of document"),
                    "",
                    block_text(n),
                    _first_paragraph(anchor) if anchor is not None else None,
                )
                continue
            self._changed(b, edited[e], n, inside)
        if pending:
            self._insert_blocks(pending, len(base), base, edited, to_edited, parent)

    def _neighbour(
        self, i: int, base: list[etree._Element], edited: list[etree._Element], to_edited: dict[int, int]
    ) -> etree._Element | None:
        """The edited block nearest to where base block ``i`` was (next one first)."""
        for k in [*range(i + 1, len(base)), *range(i - 1, -1, -1)]:
            if k in to_edited:
                return edited[to_edited[k]]
        return None

    def _insert_blocks(
        self,
        new_blocks: list[etree._Element],
        before: int,
        base: list[etree._Element],
        edited: list[etree._Element],
        to_edited: dict[int, int],
        parent: etree._Element,
    ) -> None:
        """Insert copies of ``new_blocks`` as tracked insertions where base block ``before`` stood."""
        copies = [_strip_foreign_references(copy.deepcopy(b)) for b in new_blocks]
        following = next((edited[to_edited[k]] for k in range(before, len(base)) if k in to_edited), None)
        if following is not None:
            for c in copies:
                following.addprevious(c)
        else:
            preceding = next((edited[to_edited[k]] for k in range(before - 1, -1, -1) if k in to_edited), None)
            if preceding is not None:
                for c in reversed(copies):
                    preceding.addnext(c)
            else:
                sect = parent.find(w("sectPr"))
                for c in copies:
                    if sect is not None:
                        sect.addprevious(c)
                    else:
                        parent.append(c)
        for c in copies:
            self._mark_block(c, INS, copies)
        previous = copies[0].getprevious()
        if previous is not None and all(c.tag == P for c in copies):
            nxt = copies[-1].getnext()
            at_end = nxt is None or nxt.tag in (w("sectPr"), TBL)
            hand_over_mark(self.tracker, previous, copies, at_end=at_end)

    def _mark_block(self, block: etree._Element, tag: str, together: Sequence[etree._Element] = ()) -> None:
        """Track ``block`` as inserted or deleted; ``together``: the blocks inserted with it."""
        if block.tag == P:
            nxt = block.getnext()
            # The last paragraph of a body or cell keeps its mark (a container must end in one), and
            # so does a paragraph before a table (Word cannot join a paragraph with a table) unless
            # that table comes and goes with it.
            last = nxt is None or nxt.tag == w("sectPr") or (nxt.tag == TBL and nxt not in together)
            mark_paragraph(self.tracker, block, tag, mark_end=not last)
            previous = block.getprevious()
            if last and tag == DEL and previous is not None and previous.tag == P and _plain_mark(previous):
                # Delete the mark before the paragraph instead: accepting then leaves no empty paragraph.
                mark_paragraph_end(self.tracker, previous, DEL)
        else:
            for tr in rows(block):
                mark_row(self.tracker, tr, tag)

    def _removed(self, b: etree._Element, e: etree._Element | None, inside: Place | None) -> None:
        if e is None:
            return  # removed by hand as well
        if block_key(e) == block_key(b):
            self._mark_block(e, DEL)
        else:
            self._conflict(self._place(e, inside), block_text(e), "", _first_paragraph(e))

    def _changed(self, b: etree._Element, e: etree._Element, n: etree._Element, inside: Place | None) -> None:
        if not (b.tag == e.tag == n.tag):
            if block_key(e) == block_key(b):
                self._mark_block(e, DEL)
                c = _strip_foreign_references(copy.deepcopy(n))
                e.addnext(c)
                self._mark_block(c, INS)
            elif block_key(e) != block_key(n):
                self._conflict(self._place(e, inside), block_text(e), block_text(n), _first_paragraph(e))
            return
        if b.tag == TBL:
            self._table(b, e, n, self._place(e, inside))
            return
        et, bt, nt = paragraph_text(e), paragraph_text(b), paragraph_text(n)
        if et == bt:
            diff_paragraph(self.tracker, e, nt)
        elif et != nt:
            self._conflict(self._place(e, inside), et, nt, e)

    # Tables -------------------------------------------------------------------------------------

    def _table(self, b: etree._Element, e: etree._Element, n: etree._Element, place: Place) -> None:
        brows, erows, nrows = rows(b), rows(e), rows(n)
        to_edited = {i: j for i, j in align(brows, erows, row_text) if i is not None and j is not None}
        pending: list[etree._Element] = []

        def row_place(tr: etree._Element) -> Place:
            r = erows.index(tr) + 1 if tr in erows else 0
            return Place(f"{place.id}, baris {r}", f"{place.en}, row {r}")

        def flush(before: int) -> None:
            copies = [_strip_foreign_references(copy.deepcopy(r)) for r in pending]
            following = next((erows[to_edited[k]] for k in range(before, len(brows)) if k in to_edited), None)
            if following is not None:
                for c in copies:
                    following.addprevious(c)
            else:
                preceding = next((erows[to_edited[k]] for k in range(before - 1, -1, -1) if k in to_edited), None)
                for c in reversed(copies):
                    if preceding is not None:
                        preceding.addnext(c)
                    else:
                        e.append(c)
            for c in copies:
                mark_row(self.tracker, c, INS)
            pending.clear()

        for i, j in align(brows, nrows, row_text):
            if i is None:
                assert j is not None
                pending.append(nrows[j])
                continue
            if pending:
                flush(i)
            k = to_edited.get(i)
            er = erows[k] if k is not None else None
            if j is None:
                if er is None:
                    continue
                if row_text(er) == row_text(brows[i]):
                    mark_row(self.tracker, er, DEL)
                else:
                    self._conflict(row_place(er), row_text(er), "", _first_paragraph(er))
                continue
            br, nr = brows[i], nrows[j]
            if row_text(br) == row_text(nr):
                continue
            if er is None:
                self._conflict(place, "", row_text(nr), _first_paragraph(e))
                continue
            self._row(br, er, nr, row_place(er))
        if pending:
            flush(len(brows))

    def _row(self, br: etree._Element, er: etree._Element, nr: etree._Element, place: Place) -> None:
        bc, ec, nc = cells(br), cells(er), cells(nr)
        if len(bc) != len(nc):  # the row's shape changed: replace the whole row
            if row_text(er) == row_text(br):
                mark_row(self.tracker, er, DEL)
                c = _strip_foreign_references(copy.deepcopy(nr))
                er.addnext(c)
                mark_row(self.tracker, c, INS)
            elif row_text(er) != row_text(nr):
                self._conflict(place, row_text(er), row_text(nr), _first_paragraph(er))
            return
        for c, (b_cell, n_cell) in enumerate(zip(bc, nc, strict=True)):
            bt, nt = cell_text(b_cell), cell_text(n_cell)
            if bt == nt:
                continue
            cell_place = Place(f"{place.id}, kolom {c + 1}", f"{place.en}, column {c + 1}")
            if c >= len(ec):
                self._conflict(cell_place, "", nt, _first_paragraph(er))
                continue
            et = cell_text(ec[c])
            if et == bt:
                self.container(blocks(b_cell), blocks(ec[c]), blocks(n_cell), ec[c], cell_place)
            elif et != nt:
                self._conflict(cell_place, et, nt, _first_paragraph(ec[c]))

