"""``siap compare OLD.docx NEW.docx [-o REDLINE.docx]``: what changed, word by word.

The Bagian Hukum edits the generated SK in Word; before the Pokja rebuilds, it needs to see those
edits so it can carry them into its inputs or templates. Paragraphs and tables are matched by
content (an inserted paragraph or table does not make every later one "changed"), then rows, then
cells. Inside a changed paragraph or cell only the changed words are
shown, ``[-old-]{+new+}``, with a few words of context. ``-o`` writes the same comparison as a
Word document with tracked changes (the engine in :mod:`assembler.redline`).
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from assembler.errors import Problem, UsageError
from assembler.messages import format_message, register
from assembler.redline import redline
from assembler.redline.text import word_changes

register(
    {
        "compare.same": ("Tidak ada perbedaan isi.", "No difference in content."),
        "compare.summary": (
            "{changed} diubah, {added} ditambahkan, {removed} dihapus.",
            "{changed} changed, {added} added, {removed} removed.",
        ),
        "compare.para.changed": ("paragraf {old} → {new}: diubah", "paragraph {old} → {new}: changed"),
        "compare.para.added": ("paragraf {new}: ditambahkan", "paragraph {new}: added"),
        "compare.para.removed": ("paragraf {old}: dihapus", "paragraph {old}: removed"),
        "compare.cell.changed": (
            "tabel {t}, baris {r}, kolom {c}: diubah",
            "table {t}, row {r}, column {c}: changed",
        ),
        "compare.row.added": ("tabel {t}, baris {r}: ditambahkan", "table {t}, row {r}: added"),
        "compare.row.removed": ("tabel {t}, baris {r}: dihapus", "table {t}, row {r}: removed"),
        "compare.table.added": ("tabel {t}: ditambahkan ({rows} baris)", "table {t}: added ({rows} rows)"),
        "compare.table.removed": ("tabel {t}: dihapus ({rows} baris)", "table {t}: removed ({rows} rows)"),
        "compare.unreadable": ("tidak dapat dibaca sebagai .docx: {detail}", "cannot be read as .docx: {detail}"),
        "compare.written": (
            "{path}: perbandingan ditulis sebagai tracked changes ({count} revisi)",
            "{path}: comparison written as tracked changes ({count} revisions)",
        ),
        "compare.output_is_input": (
            "berkas hasil -o tidak boleh sama dengan berkas yang dibandingkan; pilih nama lain",
            "the -o file must not be one of the compared files; choose another name",
        ),
        "compare.write_failed": (
            "tidak dapat ditulis: {detail}; tutup berkas itu bila sedang dibuka di Word, lalu ulangi",
            "cannot be written: {detail}; close the file if it is open in Word, then try again",
        ),
    }
)


@dataclass(frozen=True)
class Change:
    """One difference: a message code with its place, and the old and new text."""

    code: str
    params: dict[str, int]
    old: str | None
    new: str | None


def _read(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    try:
        doc = Document(str(path))
    except Exception as exc:  # a missing or corrupt file: one clear line, exit 2
        raise UsageError(Problem("compare.unreadable", {"detail": str(exc)}, file=str(path))) from exc
    paragraphs: list[str] = []
    tables: list[list[list[str]]] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs.append(Paragraph(child, doc).text)
        elif child.tag == qn("w:tbl"):
            rows = []
            for row in Table(child, doc).rows:
                seen: set[int] = set()
                cells = []
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append("\n".join(p.text for p in cell.paragraphs))
                rows.append(cells)
            tables.append(rows)
    return paragraphs, tables


def compare(old: Path, new: Path) -> list[Change]:
    """Every difference between two versions of a document, in reading order."""
    old_paras, old_tables = _read(old)
    new_paras, new_tables = _read(new)
    changes = list(_paragraph_changes(old_paras, new_paras))
    for i, j in _table_pairs(old_tables, new_tables):
        if j is None:
            assert i is not None
            changes.append(Change("compare.table.removed", {"t": i + 1, "rows": len(old_tables[i])}, "", None))
        elif i is None:
            changes.append(Change("compare.table.added", {"t": j + 1, "rows": len(new_tables[j])}, None, ""))
        else:
            changes += _table_changes(j + 1, old_tables[i], new_tables[j])
    return changes


def _table_pairs(
    old: list[list[list[str]]], new: list[list[list[str]]]
) -> Iterator[tuple[int | None, int | None]]:
    """Tables matched by content, like paragraphs: a table the drafter inserted shifts no other one.

    Tables whose rows are at least 30 % the same are one table, changed; one table where there was
    one is always that table, changed.
    """
    a = ["\n".join("\t".join(row) for row in t) for t in old]
    b = ["\n".join("\t".join(row) for row in t) for t in new]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if i2 - i1 == 1 and j2 - j1 == 1:
            yield i1, j1
            continue
        j = j1
        for i in range(i1, i2):
            match = next(
                (
                    k
                    for k in range(j, j2)
                    if difflib.SequenceMatcher(a=a[i].split("\n"), b=b[k].split("\n"), autojunk=False).ratio() >= 0.3
                ),
                None,
            )
            if match is None:
                yield i, None
                continue
            for k in range(j, match):
                yield None, k
            yield i, match
            j = match + 1
        for k in range(j, j2):
            yield None, k


def _pair(a: list[str], b: list[str]) -> Iterator[tuple[int | None, int | None]]:
    """Pair the items of a changed stretch by similarity, in order; the rest are added or removed.

    A lawyer who inserts one paragraph and rewords the next should see exactly that, not two
    "changed" paragraphs that compare unrelated texts.
    """
    j = 0
    for i, text in enumerate(a):
        match = next(
            (k for k in range(j, len(b)) if difflib.SequenceMatcher(a=text, b=b[k], autojunk=False).ratio() >= 0.5),
            None,
        )
        if match is None:
            yield i, None
            continue
        for k in range(j, match):
            yield None, k
        yield i, match
        j = match + 1
    for k in range(j, len(b)):
        yield None, k


def _paragraph_changes(old: list[str], new: list[str]) -> Iterator[Change]:
    # Numbers count non-empty paragraphs, as a reader counts them on the page.
    a = [p for p in old if p.strip()]
    b = [p for p in new if p.strip()]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for i, j in _pair(a[i1:i2], b[j1:j2]):
            if i is not None and j is not None:
                yield Change("compare.para.changed", {"old": i1 + i + 1, "new": j1 + j + 1}, a[i1 + i], b[j1 + j])
            elif i is not None:
                yield Change("compare.para.removed", {"old": i1 + i + 1}, a[i1 + i], None)
            elif j is not None:
                yield Change("compare.para.added", {"new": j1 + j + 1}, None, b[j1 + j])


def _table_changes(t: int, old: list[list[str]], new: list[list[str]]) -> Iterator[Change]:
    a = ["\t".join(r) for r in old]
    b = ["\t".join(r) for r in new]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for i, j in _pair(a[i1:i2], b[j1:j2]):
            if i is not None and j is not None:
                old_row, new_row = old[i1 + i], new[j1 + j]
                for c in range(max(len(old_row), len(new_row))):
                    before = old_row[c] if c < len(old_row) else ""
                    after = new_row[c] if c < len(new_row) else ""
                    if before != after:
                        yield Change("compare.cell.changed", {"t": t, "r": j1 + j + 1, "c": c + 1}, before, after)
            elif i is not None:
                yield Change("compare.row.removed", {"t": t, "r": i1 + i + 1}, " | ".join(old[i1 + i]), None)
            elif j is not None:
                yield Change("compare.row.added", {"t": t, "r": j1 + j + 1}, None, " | ".join(new[j1 + j]))


#: Unchanged words shown on each side of a change.
CONTEXT_WORDS = 4


def word_diff(old: str, new: str, context: int = CONTEXT_WORDS) -> str:
    """``old`` → ``new`` as one text with only the changes marked: ``[-deleted-]{+inserted+}``.

    Long unchanged stretches are shortened to ``context`` words on each side of a change, with
    "…" for what is left out, so a one-word edit in a long Menimbang reads as one short line.
    """
    a, b, changes = word_changes(old, new)
    out: list[str] = []
    pos = 0
    for n, (i1, i2, j1, j2) in enumerate(changes):
        out.append(_context(a[pos:i1], first=n == 0, last=False, context=context))
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        if removed:
            out.append(f"[-{removed}-]")
        if added:
            out.append(f"{{+{added}+}}")
        pos = i2
    out.append(_context(a[pos:], first=not changes, last=True, context=context))
    return "".join(out)


def _context(tokens: list[str], *, first: bool, last: bool, context: int) -> str:
    """An unchanged stretch, cut to ``context`` words next to each change it touches."""
    if first and last:
        return "".join(tokens)
    word_at = [k for k, tok in enumerate(tokens) if not tok.isspace()]
    keep_head = 0 if first else context  # words right after the previous change
    keep_tail = 0 if last else context  # words right before the next change
    if len(word_at) <= keep_head + keep_tail:
        return "".join(tokens)
    head = "".join(tokens[: word_at[keep_head - 1] + 1]) if keep_head else ""
    tail = "".join(tokens[word_at[-keep_tail] :]) if keep_tail else ""
    return head + (" … " if head and tail else "… " if tail else " …") + tail


def compare_files(old: Path, new: Path, lang: str = "id") -> list[str]:
    """The report ``siap compare`` prints: a heading per change, then its words (changed ones marked)."""
    changes = compare(old, new)
    if not changes:
        return [format_message("compare.same", {}, lang)]
    lines: list[str] = []
    for change in changes:
        lines.append(format_message(change.code, change.params, lang))
        if change.old is not None and change.new is not None:
            lines += [f"  ~ {line}" for line in word_diff(change.old, change.new).splitlines()]
        elif change.old:
            lines += [f"  - {line}" for line in change.old.splitlines()]
        elif change.new:
            lines += [f"  + {line}" for line in change.new.splitlines()]
    counts = {
        "changed": sum(c.code.endswith(".changed") for c in changes),
        "added": sum(c.code.endswith(".added") for c in changes),
        "removed": sum(c.code.endswith(".removed") for c in changes),
    }
    lines.append(format_message("compare.summary", counts, lang))
    return lines


def redline_date(new: Path) -> datetime.datetime:
    """The date the revisions carry: when NEW was last saved (its core properties, else the file's time).

    Not the clock: comparing the same two files twice writes the same bytes.
    """
    modified: datetime.datetime | None
    try:
        modified = Document(str(new)).core_properties.modified
    except Exception:  # unreadable files were reported by compare() already
        modified = None
    if modified is not None:
        return modified if modified.tzinfo else modified.replace(tzinfo=datetime.UTC)
    return datetime.datetime.fromtimestamp(int(new.stat().st_mtime), tz=datetime.UTC)


def write_redline(old: Path, new: Path, target: Path) -> int:
    """Write OLD → NEW as a tracked-changes document at ``target``; return the number of revisions.

    The file is written beside ``target`` first and then moved into place, so an interrupted run
    never leaves half a document.
    """
    if target.resolve() in (old.resolve(), new.resolve()):
        raise UsageError(Problem("compare.output_is_input", {}, file=str(target)))
    _read(old), _read(new)  # a corrupt input is a clear message, not a traceback
    data, count = redline(old.read_bytes(), new.read_bytes(), author="siap", date=redline_date(new))
    temp = target.with_name(f".{target.name}.siap-tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        detail = exc.strerror or str(exc)
        raise UsageError(Problem("compare.write_failed", {"detail": detail}, file=str(target))) from exc
    return count
