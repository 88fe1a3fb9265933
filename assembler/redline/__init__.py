"""siap's changes to a hand-edited document, as Word tracked changes (the engine of issue 15).

The Bagian Hukum edits the generated SK in Word; later the Pokja's inputs change. Rather than
overwrite the edit or make someone retype it, siap writes the edited document again with the
difference between the old and the new *generated* versions applied as real revisions, so the
drafter can review it in Word ("keep my edits, show me what the new inputs change").

API (all take and return .docx bytes; nothing here touches the file system):

``merge_revision(base, edited, new, *, author="siap", date) -> MergeResult``
    Three-way merge. ``base`` is what siap generated before, ``edited`` that file after the hand
    edits, ``new`` what siap generates now. The result is ``edited`` with base → new applied as
    tracked changes: word-level ``w:ins``/``w:del`` inside changed paragraphs and cells (keeping
    the runs' formatting), whole paragraphs and table rows inserted or deleted as tracked
    insertions/deletions (``w:trPr/w:ins|w:del`` for rows). A paragraph or cell changed both by
    hand and by the inputs keeps the hand version and gets a Word comment with the input change;
    it is listed in ``MergeResult.conflicts``. Accepting every revision gives the hand edits plus
    the new inputs; rejecting every revision gives the edited document's text.
    ``MergeResult.revisions`` counts siap's revisions as a reviewer sees them (LibreOffice's redline
    count); tracked changes the Bagian Hukum left in ``edited`` stay theirs and are not counted.

``redline(old, new, *, author="siap", date) -> (bytes, int)``
    Two-way comparison written as tracked changes on ``old`` (``siap compare -o``); the int is the
    number of revisions.

``has_text_changes(a, b) -> bool``
    False when two files differ in bytes only: a re-save by Word or LibreOffice (rsids, split
    runs, proofing marks, bookmarks, refreshed fields) is not an edit.

All three raise ``UnreadableDocumentError`` (a ValueError naming which input) for bytes that are not a
readable .docx.

Matching is by content at the level of paragraph text and table cells; see docs/dev/redline.md
for the rules, and for what is not carried over (headers and footers, pictures, formatting-only
changes).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field

from docx import Document
from docx.document import Document as DocumentObject
from lxml import etree

from assembler.docxnorm import normalize_docx
from assembler.redline.merge import Merger, Place, RawConflict
from assembler.redline.pictures import PICTURE, merge_pictures
from assembler.redline.text import blocks, body_texts, paragraph_text, w
from assembler.redline.writer import Tracker, count_revisions

__all__ = ["Conflict", "MergeResult", "UnreadableDocumentError", "has_text_changes", "merge_revision", "redline"]


@dataclass(frozen=True)
class Conflict:
    """A paragraph or cell changed both by hand and by the inputs: the hand version was kept."""

    where: str  # e.g. "paragraf 12 ('Menimbang …')" or "tabel 2, baris 3, kolom 4"
    hand_text: str  # what the edited document says (kept); "" when the hand removed it
    input_text: str  # what the new inputs would have made it; "" when they remove it
    where_en: str = field(default="", compare=False)

    def place(self, lang: str = "id") -> str:
        """``where`` in the user's language."""
        return self.where_en if lang == "en" and self.where_en else self.where


@dataclass(frozen=True)
class MergeResult:
    data: bytes  # the edited .docx with siap's changes as tracked changes, conflicts as comments
    revisions: int  # revisions written, as LibreOffice counts its redlines
    conflicts: list[Conflict]


#: Comment texts: they go into the document, which is in Bahasa Indonesia whatever ``--lang`` says.
COMMENT_CHANGED = "Masukan baru siap mengubah bagian ini menjadi:\n{new}\nSuntingan tangan dipertahankan."
COMMENT_REMOVED = "Masukan baru siap menghapus bagian ini. Suntingan tangan dipertahankan."
COMMENT_PICTURE = (
    "Masukan baru siap menggambar ulang gambar ini; gambar suntingan tangan dipertahankan. "
    "Gambar baru ada di naskah yang dibuat siap."
)
COMMENT_GONE = "Masukan baru siap mengubah bagian yang telah dihapus dengan tangan menjadi:\n{new}"


class UnreadableDocumentError(ValueError):
    """One of the files is not a .docx python-docx can open (``which``: "base", "edited", "new", "a", "b")."""

    def __init__(self, which: str, detail: str) -> None:
        super().__init__(f"{which}: {detail}")
        self.which = which
        self.detail = detail


def _open(data: bytes, which: str = "document") -> DocumentObject:
    try:
        return Document(io.BytesIO(data))
    except Exception as exc:  # zip, XML or package errors: all mean "not a readable .docx"
        raise UnreadableDocumentError(which, str(exc) or type(exc).__name__) from exc


def has_text_changes(a: bytes, b: bytes) -> bool:
    """Whether two versions of a document differ in what a reader sees.

    Compared: the body's paragraphs and tables, the text of headers, footers, footnotes, endnotes
    and comments, and the pictures' bytes. Not compared: everything Word or LibreOffice rewrites on
    a plain save (rsids, how text is split into runs, proofing marks, bookmarks, field results such
    as page numbers, styles, settings). When in doubt this says True: a hand edit that it missed
    would be lost by whoever trusts it.
    """
    if a == b:
        return False
    return _visible(a, "a") != _visible(b, "b")


_STORIES = re.compile(r"word/(header|footer|footnotes|endnotes|comments)\d*\.xml")


def _visible(data: bytes, which: str) -> tuple[object, ...]:
    body = body_texts(_open(data, which).element.body)
    stories: dict[str, list[list[str]]] = {}
    pictures: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            story = _STORIES.fullmatch(name)
            if story:
                root = etree.fromstring(z.read(name))
                texts = [paragraph_text(p) for p in root.iter(w("p"))]
                stories.setdefault(story.group(1), []).append(texts)
            elif name.startswith("word/media/"):
                pictures.append(hashlib.sha256(z.read(name)).hexdigest())
    # Part names and order are the writer's business (Word renumbers footer1.xml…), their text is not.
    return body, sorted((kind, sorted(parts)) for kind, parts in stories.items()), sorted(pictures)


def merge_revision(
    base: bytes, edited: bytes, new: bytes, *, author: str = "siap", date: dt.datetime
) -> MergeResult:
    """``edited`` with the change base → new written as tracked changes (see the module docstring)."""
    doc = _open(edited, "edited")
    body = doc.element.body
    tracker = Tracker(doc.element, author, date)
    merger = Merger(tracker, body)
    base_doc, new_doc = _open(base, "base"), _open(new, "new")
    merger.container(blocks(base_doc.element.body), blocks(body), blocks(new_doc.element.body), body)
    merge_pictures(base_doc, doc, new_doc, tracker, merger)
    conflicts = [_comment(doc, c, tracker, date) for c in merger.conflicts]
    if tracker.count == 0 and not conflicts:
        return MergeResult(edited, 0, [])
    buffer = io.BytesIO()
    doc.save(buffer)
    return MergeResult(normalize_docx(buffer.getvalue()), count_revisions(body, author), conflicts)


def redline(old: bytes, new: bytes, *, author: str = "siap", date: dt.datetime) -> tuple[bytes, int]:
    """``old`` turned into ``new`` with tracked changes; with the number of revisions."""
    result = merge_revision(old, old, new, author=author, date=date)
    return result.data, result.revisions


def _comment(doc: DocumentObject, raw: RawConflict, tracker: Tracker, date: dt.datetime) -> Conflict:
    """Attach the input change to the conflicting paragraph as a comment; return the listed conflict."""
    if raw.anchor is not None:
        if raw.input_text == PICTURE:
            text = COMMENT_PICTURE
        elif raw.input_text and raw.hand_text:
            text = COMMENT_CHANGED.format(new=raw.input_text)
        elif raw.input_text:
            text = COMMENT_GONE.format(new=raw.input_text)
        else:
            text = COMMENT_REMOVED
        author = tracker.author
        comment = doc.comments.add_comment(text=text, author=author, initials=author[:2].upper())
        comment._comment_elm.date = date  # the build's date, never the clock
        # Comments, bookmarks and revisions share one id space in a document: take the next free one.
        comment._comment_elm.id = max(tracker.next_id, comment.comment_id)
        tracker.next_id = comment._comment_elm.id + 1
        _anchor_comment(raw.anchor, comment._comment_elm.id)
    return _public(raw.place, raw)


def _public(place: Place, raw: RawConflict) -> Conflict:
    return Conflict(place.id, raw.hand_text, raw.input_text, place.en)


def _anchor_comment(p: etree._Element, comment_id: int) -> None:
    """Mark the whole paragraph ``p`` as the comment's range and put the reference at its end."""
    start = etree.Element(w("commentRangeStart"))
    start.set(w("id"), str(comment_id))
    ppr = p.find(w("pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    end = etree.SubElement(p, w("commentRangeEnd"))
    end.set(w("id"), str(comment_id))
    run = etree.SubElement(p, w("r"))
    ref = etree.SubElement(run, w("commentReference"))
    ref.set(w("id"), str(comment_id))
