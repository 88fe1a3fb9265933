"""Pictures siap redrew (the Pokja chart when a member changes) as a tracked replacement.

A picture has no text, so the text merge cannot see it; without this pass the accepted document
would keep the old chart next to the new member list. Pictures are matched by their order in the
body: the SK and its siblings draw a fixed set of charts, and a hand edit that adds or removes a
picture makes the pass stand aside (the drafter then sees the new chart in the generated file).
"""

from __future__ import annotations

import copy
import hashlib
import io
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from lxml import etree

from assembler.redline.merge import Merger, Place, RawConflict
from assembler.redline.text import DEL, INS, TBL, R, paragraph_text, w
from assembler.redline.writer import Tracker, mark_paragraph

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#: Stands for a picture in a conflict's texts.
PICTURE = "[gambar]"


@dataclass
class _Picture:
    drawing: etree._Element
    blob: bytes

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.blob).hexdigest()


def _pictures(doc: DocumentObject) -> list[_Picture]:
    """The body's pictures in reading order, with their image bytes (deleted ones left out)."""
    out: list[_Picture] = []
    for drawing in doc.element.body.iter(w("drawing")):
        if any(a.tag == DEL for a in drawing.iterancestors()):
            continue
        blip = next(drawing.iter(f"{{{_A}}}blip"), None)
        rid = blip.get(f"{{{_R}}}embed") if blip is not None else None
        part = doc.part.related_parts.get(rid) if rid else None
        blob = getattr(part, "blob", None)
        if isinstance(blob, bytes):
            out.append(_Picture(drawing, blob))
    return out


def merge_pictures(
    base: DocumentObject, edited: DocumentObject, new: DocumentObject, tracker: Tracker, merger: Merger
) -> None:
    """Replace, as a tracked deletion and insertion, every picture the inputs redrew and the hand left alone."""
    b, e, n = _pictures(base), _pictures(edited), _pictures(new)
    if not (len(b) == len(e) == len(n)):
        return
    docpr_ids = [int(v) for el in edited.element.body.iter(f"{{{_WP}}}docPr") if (v := el.get("id", "")).isdigit()]
    next_docpr = max(docpr_ids, default=0) + 1
    for k, (bp, ep, np_) in enumerate(zip(b, e, n, strict=True)):
        if bp.digest == np_.digest or ep.digest == np_.digest:
            continue
        run = ep.drawing.getparent()
        paragraph = next((a for a in ep.drawing.iterancestors(w("p"))), None)
        place = Place(f"gambar {k + 1}", f"picture {k + 1}")
        if ep.digest != bp.digest or run is None or run.tag != R or paragraph is None:
            merger.conflicts.append(_conflict(place, paragraph))
            continue
        rid, _ = edited.part.get_or_add_image(io.BytesIO(np_.blob))
        replacement = copy.deepcopy(np_.drawing)
        for blip in replacement.iter(f"{{{_A}}}blip"):
            blip.set(f"{{{_R}}}embed", rid)
        for docpr in replacement.iter(f"{{{_WP}}}docPr"):
            docpr.set("id", str(next_docpr))
            next_docpr += 1
        if paragraph_text(paragraph).strip():
            # A picture among words: replace just its run.
            new_run = copy.deepcopy(run)
            old_drawing = next(new_run.iter(w("drawing")))
            old_drawing.getparent().replace(old_drawing, replacement)
            deleted = tracker.mark(DEL)
            run.addprevious(deleted)
            deleted.append(run)
            inserted = tracker.mark(INS)
            inserted.append(new_run)
            deleted.addnext(inserted)
            tracker.count += 2
            continue
        # A picture on its own line (the charts): the old paragraph out, a new one in. LibreOffice
        # stretches an inserted picture's revision to the end of its paragraph; with the whole
        # paragraph inserted that is exactly right, and rejecting keeps the paragraphs around it.
        new_paragraph = copy.deepcopy(paragraph)
        index = list(paragraph.iter(w("drawing"))).index(ep.drawing)
        new_drawing = list(new_paragraph.iter(w("drawing")))[index]
        new_drawing.getparent().replace(new_drawing, replacement)
        nxt = paragraph.getnext()
        if nxt is None or nxt.tag in (w("sectPr"), TBL):
            paragraph.addprevious(new_paragraph)  # the old paragraph's mark must stay: put the new one first
            mark_paragraph(tracker, paragraph, DEL, mark_end=False)
        else:
            paragraph.addnext(new_paragraph)
            mark_paragraph(tracker, paragraph, DEL)
        mark_paragraph(tracker, new_paragraph, INS)


def _conflict(place: Place, paragraph: etree._Element | None) -> RawConflict:
    return RawConflict(place, PICTURE, PICTURE, paragraph)
