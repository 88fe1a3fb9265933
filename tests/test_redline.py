"""The Bagian Hukum's edits survive new inputs: siap's changes as tracked changes on the edited SK (issue 15).

The SK is built from the example, edited by hand with python-docx (a Menimbang item, a table cell,
an added paragraph), two inputs change other parts of it (a Pokja member's jabatan, the end of the
Pokja's term), and the three versions are merged. A reviewer's "accept all" must give the hand edits
plus the new inputs; "reject all" must give the edited SK back. LibreOffice reads the result.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from assembler.redline import (
    Conflict,
    MergeResult,
    UnreadableDocumentError,
    has_text_changes,
    merge_revision,
    redline,
)
from tests.conftest import replace_in
from tests.helpers.example import build_docs, copy_example
from tests.helpers.revisions import (
    accepted,
    document_xml,
    office_flat,
    office_resave,
    office_review,
    plain,
    rejected,
)

DATE = dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.UTC)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

MENIMBANG_A = "bahwa dalam rangka meningkatkan kualitas pelayanan air minum"
MENIMBANG_A_HAND = "bahwa untuk meningkatkan kualitas pelayanan air minum"
ADDED = "Keputusan ini disampaikan kepada pihak terkait untuk dilaksanakan dengan penuh tanggung jawab."
TERM_OLD = (
    "Pokja sebagaimana dimaksud dalam Diktum KESATU melaksanakan tugas sejak tanggal Keputusan ini ditetapkan "
    "sampai dengan tanggal 31 Desember 2028."
)
TERM_NEW = TERM_OLD.replace("31 Desember 2028", "30 Juni 2029")
TERM_HAND = TERM_OLD.replace("2028.", "2028 dan dapat diperpanjang.")
JABATAN_OLD = "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lembah Sari"
JABATAN_NEW = "Kepala Dinas Pekerjaan Umum, Perumahan dan Kawasan Permukiman Kabupaten Lembah Sari"


@dataclass(frozen=True)
class Versions:
    base: bytes  # what siap generated first
    new: bytes  # what siap generates after the two input changes
    folder: Path


@pytest.fixture(scope="module")
def sk(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    root = tmp_path_factory.mktemp("redline")
    ws = copy_example(root / "ws")
    base = build_docs(ws, root / "out1", ["sk-pokja"])["sk-pokja"].read_bytes()
    pokja = ws / "1.1-stakeholder-pokja.yaml"
    replace_in(pokja, f"jabatan: {JABATAN_OLD}", f"jabatan: {JABATAN_NEW}")
    replace_in(pokja, "masa_kerja_berakhir: 2028-12-31", "masa_kerja_berakhir: 2029-06-30")
    new = build_docs(ws, root / "out2", ["sk-pokja"])["sk-pokja"].read_bytes()
    return Versions(base, new, root)


def _members_table(doc: object) -> Table:
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "No")  # type: ignore[attr-defined]


def edit_by_hand(base: bytes, *, term: bool = False) -> bytes:
    """The Bagian Hukum's edits in Word: a Menimbang item, a table cell, an added paragraph (and the term)."""
    doc = Document(io.BytesIO(base))
    menimbang = doc.tables[0].rows[0].cells[3].paragraphs[0]
    assert menimbang.text.startswith(MENIMBANG_A)
    menimbang.runs[0].text = menimbang.runs[0].text.replace(MENIMBANG_A, MENIMBANG_A_HAND)
    pengarah = _members_table(doc).rows[1].cells[2].paragraphs[0]
    assert pengarah.text == "Pengarah"
    pengarah.runs[0].text = "Pengarah Utama"
    tembusan = next(p for p in doc.paragraphs if p.text.startswith("Tembusan"))
    tembusan.insert_paragraph_before(ADDED, style=tembusan.style)
    if term:
        cell = next(p for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs if p.text == TERM_OLD)
        cell.runs[0].text = TERM_HAND
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def pictures(data: bytes, *, accept: bool) -> list[bytes]:
    """The image bytes of the body's pictures after accepting (or rejecting) every revision."""
    gone = f"{{{W}}}del" if accept else f"{{{W}}}ins"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        out = []
        for blip in document_xml(data).iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"):
            run = next(a for a in blip.iterancestors(f"{{{W}}}r"))
            paragraph = next(a for a in run.iterancestors(f"{{{W}}}p"))
            mark = paragraph.find(f"{{{W}}}pPr/{{{W}}}rPr/{gone}")
            if any(a.tag == gone for a in run.iterancestors()) or (mark is not None and not run.itertext()):
                continue
            rid = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
            out.append(z.read("word/" + targets[rid]))
    return out


def _replace_once(texts: list[str], old: str, new: str) -> list[str]:
    assert texts.count(old) == 1, old
    return [new if t == old else t for t in texts]


def test_accepting_gives_hand_edits_plus_new_inputs_and_rejecting_gives_the_edited_sk(sk: Versions) -> None:
    edited = edit_by_hand(sk.base)
    result = merge_revision(sk.base, edited, sk.new, date=DATE)
    expected = _replace_once(_replace_once(plain(edited), TERM_OLD, TERM_NEW), JABATAN_OLD, JABATAN_NEW)
    assert accepted(result.data) == expected
    assert rejected(result.data) == plain(edited)
    text = "\n".join(accepted(result.data))
    assert MENIMBANG_A_HAND in text and "Pengarah Utama" in text and ADDED in text
    assert result.conflicts == []
    # Word level: only the changed words are marked, two changes in the date, three in the jabatan.
    revisions = document_xml(result.data).iter(f"{{{W}}}ins", f"{{{W}}}del")
    marks = [(m.tag.split("}")[1], "".join(m.itertext())) for m in revisions]
    assert marks == [
        ("del", "31 Desember 2028"),
        ("ins", "30 Juni 2029"),
        ("ins", ", Perumahan"),
        ("del", "Penataan Ruang"),
        ("ins", "Kawasan Permukiman"),
        # the Pokja chart, redrawn: its paragraph out, a new one in (mark and picture run each)
        ("del", ""),
        ("del", ""),
        ("ins", ""),
        ("ins", ""),
    ]
    assert result.revisions == 7
    assert pictures(result.data, accept=True) == pictures(sk.new, accept=True)
    assert pictures(result.data, accept=False) == pictures(sk.base, accept=True)
    for mark in document_xml(result.data).iter(f"{{{W}}}ins", f"{{{W}}}del"):
        assert mark.get(f"{{{W}}}author") == "siap"
        assert mark.get(f"{{{W}}}date") == "2026-12-07T09:30:00Z"


def test_the_merge_is_deterministic(sk: Versions) -> None:
    edited = edit_by_hand(sk.base, term=True)
    first = merge_revision(sk.base, edited, sk.new, date=DATE)
    again = merge_revision(sk.base, edited, sk.new, date=DATE)
    assert first.data == again.data


def _comments(data: bytes) -> list[tuple[str, str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/comments.xml"))
    return [
        (c.get(f"{{{W}}}author") or "", c.get(f"{{{W}}}date") or "", "\n".join(
            "".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in c.iter(f"{{{W}}}p")
        ))
        for c in root.iter(f"{{{W}}}comment")
    ]


def test_a_paragraph_changed_by_hand_and_by_the_inputs_keeps_the_hand_version_with_a_comment(sk: Versions) -> None:
    edited = edit_by_hand(sk.base, term=True)
    result = merge_revision(sk.base, edited, sk.new, date=DATE)
    assert result.conflicts == [Conflict("tabel 3, baris 6, kolom 3", TERM_HAND, TERM_NEW)]
    assert result.conflicts[0].place("en") == "table 3, row 6, column 3"
    assert accepted(result.data) == _replace_once(plain(edited), JABATAN_OLD, JABATAN_NEW)
    assert rejected(result.data) == plain(edited)
    assert _comments(result.data) == [
        ("siap", "2026-12-07T09:30:00Z",
         f"Masukan baru siap mengubah bagian ini menjadi:\n{TERM_NEW}\nSuntingan tangan dipertahankan.")
    ]
    # The comment covers the hand version of the paragraph.
    root = document_xml(result.data)
    start = next(root.iter(f"{{{W}}}commentRangeStart"))
    paragraph = start.getparent()
    assert "".join(t.text or "" for t in paragraph.iter(f"{{{W}}}t")) == TERM_HAND
    assert result.revisions == 5


def test_a_paragraph_removed_by_hand_and_changed_by_the_inputs_is_a_conflict(sk: Versions) -> None:
    doc = Document(io.BytesIO(sk.base))
    cell = next(c for t in doc.tables for r in t.rows for c in r.cells if c.text == TERM_OLD)
    cell.paragraphs[0].runs[0].text = ""
    out = io.BytesIO()
    doc.save(out)
    result = merge_revision(sk.base, out.getvalue(), sk.new, date=DATE)
    assert result.conflicts == [Conflict("tabel 3, baris 6, kolom 3", "", TERM_NEW)]


def test_a_picture_replaced_by_hand_and_redrawn_by_the_inputs_is_a_conflict(sk: Versions) -> None:
    with zipfile.ZipFile(io.BytesIO(edit_by_hand(sk.base))) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    chart = next(n for n in members if n.startswith("word/media/"))
    members[chart] += b"hand"  # the Bagian Hukum pasted their own chart
    edited = io.BytesIO()
    with zipfile.ZipFile(edited, "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    result = merge_revision(sk.base, edited.getvalue(), sk.new, date=DATE)
    assert result.conflicts == [Conflict("gambar 1", "[gambar]", "[gambar]")]
    assert result.conflicts[0].place("en") == "picture 1"
    assert pictures(result.data, accept=True) == [members[chart]]
    assert _comments(result.data)[0][2] == (
        "Masukan baru siap menggambar ulang gambar ini; gambar suntingan tangan dipertahankan. "
        "Gambar baru ada di naskah yang dibuat siap."
    )


def test_nothing_to_do_when_the_inputs_did_not_change(sk: Versions) -> None:
    edited = edit_by_hand(sk.base)
    result = merge_revision(sk.base, edited, sk.base, date=DATE)
    assert result == type(result)(edited, 0, [])


def test_rows_and_paragraphs_added_and_removed_by_the_inputs(sk: Versions) -> None:
    """A member joins (a row), a Menimbang item goes (a row, and the next one is relettered), a duty
    is added and another removed (paragraphs)."""
    structural = _structural(sk)
    edited = edit_by_hand(sk.base)
    result = merge_revision(sk.base, edited, structural, date=DATE)
    assert rejected(result.data) == plain(edited)
    got = accepted(result.data)
    assert "menghadiri rapat pleno Kelompok Kerja." in "\n".join(got)
    assert not any("merangkum hasil pertemuan" in t for t in got)
    assert not any("memerlukan keterlibatan unsur Pemerintah Daerah" in t for t in got)
    assert "Budi Santoso" not in "\n".join(got)  # names are not in the SK's table, the jabatan is
    assert "Kepala Bidang Perumahan Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lembah Sari" in got
    # Everything else is the new document, plus the three hand edits.
    expected = plain(structural)
    expected = _replace_once(expected, next(t for t in expected if t.startswith(MENIMBANG_A)),
                             next(t for t in got if t.startswith(MENIMBANG_A_HAND)))
    expected = _replace_once(expected, "Pengarah", "Pengarah Utama")
    tembusan = expected.index("Tembusan :")
    assert got == [*expected[:tembusan], ADDED, *expected[tembusan:]]
    row_marks = [
        child.tag.split("}")[1]
        for trpr in document_xml(result.data).iter(f"{{{W}}}trPr")
        for child in trpr
        if child.tag in (f"{{{W}}}ins", f"{{{W}}}del")
    ]
    assert sorted(row_marks) == ["del", "ins"]
    assert result.conflicts == []


def _structural(sk: Versions) -> bytes:
    ws = sk.folder / "ws-structural"
    if not ws.exists():
        copy_example(ws)
        pokja = ws / "1.1-stakeholder-pokja.yaml"
        replace_in(pokja, "    - id: m-pwi", (
            "    - id: m-baru\n"
            "      nama: Budi Santoso\n"
            "      jabatan: Kepala Bidang Perumahan Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lembah Sari\n"
            "      instansi: Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lembah Sari\n"
            "      kedudukan: anggota\n"
            "      stakeholder: sh-dpupr\n"
            "    - id: m-pwi"
        ))
        text = pokja.read_text(encoding="utf-8")
        start, end = text.index("    - bahwa penyusunan Skema"), text.index("  mengingat:")
        pokja.write_text(text[:start] + text[end:], encoding="utf-8")
        replace_in(pokja, "      - melaksanakan tugas lain yang diberikan oleh Ketua\n", (
            "      - melaksanakan tugas lain yang diberikan oleh Ketua\n      - menghadiri rapat pleno Kelompok Kerja\n"
        ))
        replace_in(pokja, "      - merangkum hasil pertemuan dan menindaklanjuti kesepakatan Kelompok Kerja\n", "")
    return build_docs(ws, sk.folder / "out-structural", ["sk-pokja"])["sk-pokja"].read_bytes()


# --- what Word and LibreOffice do to a file without changing it --------------------------------


def _word_like_resave(data: bytes) -> bytes:
    """Split every run in two, add rsids, proofing marks and a bookmark: what Word's save does to a file."""
    doc = Document(io.BytesIO(data))
    body = doc.element.body
    for n, p in enumerate(body.iter(f"{{{W}}}p")):
        p.set(f"{{{W}}}rsidR", f"00{n:06X}")
        for r in list(p.iter(f"{{{W}}}r")):
            content = [c for c in r if c.tag != f"{{{W}}}rPr"]
            t = content[0] if len(content) == 1 and content[0].tag == f"{{{W}}}t" else None
            if t is None or not t.text or len(t.text) < 2:
                continue
            right = copy.deepcopy(r)
            half = len(t.text) // 2
            right.find(f"{{{W}}}t").text = t.text[half:]
            t.text = t.text[:half]
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            right.find(f"{{{W}}}t").set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.addnext(right)
            proof = etree.Element(f"{{{W}}}proofErr")
            proof.set(f"{{{W}}}type", "spellStart")
            r.addnext(proof)
        mark = etree.SubElement(p, f"{{{W}}}bookmarkStart")
        mark.set(f"{{{W}}}id", str(1000 + n))
        mark.set(f"{{{W}}}name", f"_Hlk{n}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_word_like_resave_is_not_a_text_change_and_merges_cleanly(sk: Versions) -> None:
    resaved = _word_like_resave(sk.base)
    assert resaved != sk.base
    assert not has_text_changes(sk.base, resaved)
    result = merge_revision(sk.base, resaved, sk.new, date=DATE)
    assert result.conflicts == []
    assert accepted(result.data) == plain(sk.new)
    assert rejected(result.data) == plain(sk.base)


def test_a_hand_edit_is_a_text_change(sk: Versions) -> None:
    assert has_text_changes(sk.base, edit_by_hand(sk.base))


def test_an_edit_outside_the_body_is_a_change_too(sk: Versions) -> None:
    """A footer line or a replaced picture is an edit: whoever trusts has_text_changes must not lose it."""
    doc = Document(io.BytesIO(sk.base))
    doc.sections[0].footer.paragraphs[0].add_run(" Draf Bagian Hukum")
    out = io.BytesIO()
    doc.save(out)
    assert has_text_changes(sk.base, out.getvalue())
    with zipfile.ZipFile(io.BytesIO(sk.base)) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    picture = next(n for n in members if n.startswith("word/media/"))
    members[picture] = members[picture] + b"\0"
    repacked = io.BytesIO()
    with zipfile.ZipFile(repacked, "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    assert has_text_changes(sk.base, repacked.getvalue())


def test_inserted_words_keep_the_formatting_of_the_words_they_replace(tmp_path: Path) -> None:
    def make(parts: list[tuple[str, bool]]) -> bytes:
        doc = Document()
        p = doc.add_paragraph()
        for text, italic in parts:
            p.add_run(text).italic = italic
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    old = make([("KESATU : Membentuk ", False), ("Pokja", True), (" Kabupaten.", False)])
    new = make([("KESATU : Membentuk ", False), ("Kelompok Kerja", True), (" Kabupaten.", False)])
    data, count = redline(old, new, date=DATE)
    assert count == 2
    ins = next(document_xml(data).iter(f"{{{W}}}ins"))
    assert ins.find(f"{{{W}}}r/{{{W}}}rPr/{{{W}}}i") is not None
    assert accepted(data) == ["KESATU : Membentuk Kelompok Kerja Kabupaten."]


def _with_hand_revisions(data: bytes) -> bytes:
    """The Bagian Hukum worked with Track Changes on: a tracked insertion and a tracked deletion of theirs."""
    doc = Document(io.BytesIO(data))
    stamp = {f"{{{W}}}author": "Bagian Hukum", f"{{{W}}}date": "2026-11-02T10:00:00Z"}
    menimbang = doc.tables[0].rows[0].cells[3].paragraphs[0]._p
    ins = etree.SubElement(menimbang, f"{{{W}}}ins", {f"{{{W}}}id": "9001", **stamp})
    run = etree.SubElement(ins, f"{{{W}}}r")
    etree.SubElement(run, f"{{{W}}}t").text = " (tambahan)"
    rahmat = next(p for p in doc.paragraphs if p.text == "DENGAN RAHMAT TUHAN YANG MAHA ESA")._p
    old_run = rahmat.find(f"{{{W}}}r")
    deleted = etree.Element(f"{{{W}}}del", {f"{{{W}}}id": "9002", **stamp})
    old_run.addprevious(deleted)
    deleted.append(old_run)
    for t in old_run.iter(f"{{{W}}}t"):
        t.tag = f"{{{W}}}delText"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_the_bagian_hukums_own_tracked_changes_stay_theirs(sk: Versions) -> None:
    edited = _with_hand_revisions(edit_by_hand(sk.base))
    result = merge_revision(sk.base, edited, sk.new, date=DATE)
    assert result.revisions == 7  # siap's own; the drafter's two are theirs
    assert result.conflicts == []
    assert accepted(result.data) == _replace_once(
        _replace_once(accepted(edited), TERM_OLD, TERM_NEW), JABATAN_OLD, JABATAN_NEW
    )
    authors = {m.get(f"{{{W}}}author") for m in document_xml(result.data).iter(f"{{{W}}}ins", f"{{{W}}}del")}
    assert authors == {"siap", "Bagian Hukum"}


# --- LibreOffice reads what siap wrote -----------------------------------------------------------


def test_libreoffice_shows_the_revisions_and_accepting_them_gives_the_expected_text(
    sk: Versions, tmp_path: Path
) -> None:
    cases = {
        "inputs": merge_revision(sk.base, edit_by_hand(sk.base), sk.new, date=DATE),
        "rows": merge_revision(sk.base, edit_by_hand(sk.base), _structural(sk), date=DATE),
    }
    mixed = merge_revision(sk.base, _with_hand_revisions(edit_by_hand(sk.base)), sk.new, date=DATE)
    path = tmp_path / "mixed.revisi.docx"
    path.write_bytes(mixed.data)
    assert office_review(path, tmp_path)["redlines"] == mixed.revisions + 2  # LibreOffice lists the drafter's too
    small_old = _doc(["Tugas:", "a. satu"], ["1. menyiapkan bahan", "2. merangkum hasil"])
    small_new = _doc(["Tugas:", "a. satu", "b. dua"], ["1. menyiapkan", "2. merangkum hasil", "3. menyusun naskah"])
    for name, (a, b) in {"cell-end": (small_old, small_new), "cell-end-back": (small_new, small_old)}.items():
        data, count = redline(a, b, date=DATE)
        cases[name] = MergeResult(data, count, [])
    for name, result in cases.items():
        path = tmp_path / f"{name}.revisi.docx"
        path.write_bytes(result.data)
        office = office_review(path, tmp_path)
        assert office["redlines"] == result.revisions, name
        assert office["accepted"] == accepted(result.data), name
        assert office["rejected"] == rejected(result.data), name


def test_libreoffice_reads_the_conflict_comment_and_the_revisions(sk: Versions, tmp_path: Path) -> None:
    result = merge_revision(sk.base, edit_by_hand(sk.base, term=True), sk.new, date=DATE)
    path = tmp_path / "conflict.revisi.docx"
    path.write_bytes(result.data)
    office = office_flat(path, tmp_path)
    assert office["changes"] == result.revisions == 5
    assert office["annotations"] == [
        ("siap", f"Masukan baru siap mengubah bagian ini menjadi:\n{TERM_NEW}\nSuntingan tangan dipertahankan.")
    ]
    assert office["accepted"] == accepted(result.data)


def test_a_libreoffice_resave_gives_no_revision_and_no_conflict(sk: Versions, tmp_path: Path) -> None:
    generated = tmp_path / "01-sk-pokja.docx"
    generated.write_bytes(sk.base)
    resaved_path = tmp_path / "resaved.docx"
    office_resave(generated, resaved_path, tmp_path)
    resaved = resaved_path.read_bytes()
    assert resaved != sk.base
    assert not has_text_changes(sk.base, resaved)
    assert merge_revision(sk.base, resaved, sk.base, date=DATE).revisions == 0
    result = merge_revision(sk.base, resaved, sk.new, date=DATE)
    assert result.conflicts == []
    assert result.revisions == 7
    assert accepted(result.data) == _replace_once(
        _replace_once(plain(resaved), TERM_OLD, TERM_NEW), JABATAN_OLD, JABATAN_NEW
    )


def _doc(paragraphs: list[str], cell: list[str]) -> bytes:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0).text = cell[0]
    for text in cell[1:]:
        table.cell(0, 0).add_paragraph(text)
    doc.add_paragraph("Penutup.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_paragraphs_added_at_the_end_of_a_cell_or_removed_from_it_reject_cleanly() -> None:
    """A cell (or the body) must end with a paragraph whose mark cannot be tracked: the insertion is
    written on the previous paragraph's mark instead, so rejecting it leaves no empty paragraph."""
    old = _doc(["Tugas:", "a. satu"], ["1. menyiapkan bahan", "2. merangkum hasil"])
    new = _doc(["Tugas:", "a. satu", "b. dua"], ["1. menyiapkan bahan", "2. merangkum hasil", "3. menyusun naskah"])
    data, count = redline(old, new, date=DATE)
    assert accepted(data) == plain(new)
    assert rejected(data) == plain(old)
    assert count == 2
    back, count = redline(new, old, date=DATE)
    assert accepted(back) == plain(old)
    assert rejected(back) == plain(new)


def test_bytes_that_are_not_a_docx_are_named(sk: Versions) -> None:
    with pytest.raises(UnreadableDocumentError) as caught:
        merge_revision(sk.base, b"bukan docx", sk.new, date=DATE)
    assert caught.value.which == "edited"


def test_a_run_split_at_a_change_keeps_its_picture_and_page_break_once() -> None:
    """Word puts w:lastRenderedPageBreak (and pictures) inside runs; splitting a run must not copy them."""

    def make(text: str) -> bytes:
        doc = Document()
        run = doc.add_paragraph().add_run("Membentuk ")
        etree.SubElement(run._r, f"{{{W}}}lastRenderedPageBreak")
        etree.SubElement(run._r, f"{{{W}}}t").text = text
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    data, count = redline(make("Pokja Kabupaten"), make("Kelompok Kerja Kabupaten"), date=DATE)
    assert count == 2
    assert len(list(document_xml(data).iter(f"{{{W}}}lastRenderedPageBreak"))) == 1
    assert accepted(data) == ["Membentuk Kelompok Kerja Kabupaten"]
    assert rejected(data) == ["Membentuk Pokja Kabupaten"]


# --- properties on random documents ------------------------------------------------------------

_VOCABULARY = [
    "bahwa", "pokja", "kerja", "daerah", "air", "minum", "pelayanan", "tugas", "ketua", "anggota", "bupati", "dinas",
]


def _random_doc(paragraphs: list[str], rows: list[list[str]]) -> bytes:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    table = doc.add_table(rows=len(rows), cols=2)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph("penutup")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _mutated(rnd: random.Random, paragraphs: list[str], rows: list[list[str]]) -> bytes:
    """Some of: a word changed, a paragraph added or removed, a cell changed, a row added or removed."""
    paragraphs, rows = list(paragraphs), [list(r) for r in rows]
    for _ in range(rnd.randint(1, 6)):
        op = rnd.choice(["word", "add", "remove", "cell", "row+", "row-"])
        if op == "word":
            i = rnd.randrange(len(paragraphs))
            words = paragraphs[i].split()
            words[rnd.randrange(len(words))] = rnd.choice(_VOCABULARY).upper()
            paragraphs[i] = " ".join(words)
        elif op == "add":
            paragraphs.insert(rnd.randint(0, len(paragraphs)), _sentence(rnd))
        elif op == "remove" and len(paragraphs) > 1:
            paragraphs.pop(rnd.randrange(len(paragraphs)))
        elif op == "cell":
            i = rnd.randrange(len(rows))
            rows[i][1] += " " + rnd.choice(_VOCABULARY)
        elif op == "row+":
            rows.insert(rnd.randint(0, len(rows)), [str(rnd.randint(1, 99)), _sentence(rnd)])
        elif op == "row-" and len(rows) > 1:
            rows.pop(rnd.randrange(len(rows)))
    return _random_doc(paragraphs, rows)


def _sentence(rnd: random.Random) -> str:
    return " ".join(rnd.choice(_VOCABULARY) for _ in range(rnd.randint(3, 9)))


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_rejecting_always_gives_the_edited_text_and_a_two_way_redline_accepts_to_the_new_one(seed: int) -> None:
    rnd = random.Random(seed)
    paragraphs = [_sentence(rnd) for _ in range(rnd.randint(2, 8))]
    rows = [[str(i), _sentence(rnd)] for i in range(rnd.randint(1, 5))]
    base = _random_doc(paragraphs, rows)
    edited = _mutated(rnd, paragraphs, rows) if rnd.random() < 0.7 else base
    new = _mutated(rnd, paragraphs, rows)
    result = merge_revision(base, edited, new, date=DATE)
    assert rejected(result.data) == plain(edited)
    if edited is base:
        assert result.conflicts == []
        assert [t for t in accepted(result.data) if t] == [t for t in plain(new) if t]
