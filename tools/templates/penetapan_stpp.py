"""Template of the Kepala Daerah's instrument adopting the agreed STPP (``penetapan-stpp.docx``).

One template for both forms (``sk.peraturan``): a Keputusan (diktum KESATU ..., in force when signed)
or a Peraturan (Pasal, pengundangan formula, Diundangkan block, Berita Daerah line), with the decree
head the SK Pokja uses. The Lampiran is the agreed STPP itself: its summary, chapters I to V, the
chapter on the agreement and the closing chapter (:mod:`tools.templates.draft_stpp`), then the
Kepala Daerah's signature.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Pt
from docx.table import Table

from tools.templates.draft_stpp import (
    _landscape,
    _penutup_bab,
    _summary,
    chapters,
    style_kit_draft,
)
from tools.templates.kit import (
    control,
    decree_head,
    diktum_row,
    end_diktum_rows,
    new_document,
    page_break_before,
    para,
    paragraph_style,
    signature_block,
    text_width,
)


def _kepala(doc: DocumentObject, width: int) -> tuple[Table, list[Length]]:
    """Title block, Menimbang, Mengingat and the Menetapkan table, with the SK Pokja's decree head."""
    para(doc, "{{ sk.judul }}", "Judul Naskah")
    para(doc, "{{ sk.nomor }}", "Judul Naskah")
    p = para(doc, "TENTANG", "Judul Naskah")
    p.paragraph_format.space_before = Pt(12)
    p = para(doc, "{{ sk.tentang }}", "Judul Naskah")
    p.paragraph_format.space_after = Pt(18)
    p = para(doc, "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Judul Naskah")
    p.paragraph_format.space_after = Pt(18)
    p = para(doc, "{{ sk.jabatan }}", "Judul Naskah")
    p.paragraph_format.space_after = Pt(18)
    return decree_head(doc, width, prefix="sk.")


def _diktum(doc: DocumentObject, table: Table, dwidths: list[Length]) -> None:
    """The diktums (Keputusan) in the Menetapkan table; a Peraturan's Pasal below it."""
    row = diktum_row(table, dwidths, ["{%p for t in d.paragraf %}", "{{ t.teks }}", "{%p endfor %}"], prefix="sk.")
    # The diktums stay with "Ditetapkan di" and the signature (never a signature alone on a page).
    row.cells[2].paragraphs[1].paragraph_format.keep_with_next = True
    end_diktum_rows(doc, table, dwidths, row)

    control(doc, "for ps in sk.pasal")
    para(doc, "{{ ps.nomor }}", "Judul Pasal")
    control(doc, "for a in ps.ayat")
    para(doc, "{{ a.teks }}", "Isi").paragraph_format.keep_with_next = True
    control(doc, "endfor")
    control(doc, "endfor")


def _tanda_tangan(doc: DocumentObject) -> None:
    """Pengundangan (Peraturan), Ditetapkan (right), Diundangkan and Berita Daerah (Peraturan, left)."""
    control(doc, "if sk.peraturan")
    p = para(doc, "{{ sk.pengundangan }}", "Isi")
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.keep_with_next = True
    control(doc, "endif")
    p = para(doc, "Ditetapkan di {{ sk.ditetapkan_di }}", "Blok Kanan")
    p.paragraph_format.space_before = Pt(12)
    para(doc, "pada tanggal", "Blok Kanan")
    signature_block(doc, "{{ sk.jabatan }}", "{{ sk.penandatangan_nama }}")
    control(doc, "if sk.peraturan")
    p = para(doc, "Diundangkan di {{ sk.ditetapkan_di }}", "Blok Kiri")
    p.paragraph_format.space_before = Pt(18)
    para(doc, "pada tanggal", "Blok Kiri")
    para(doc, "{{ sk.sekda }}", "Blok Kiri")
    para(doc, "……………………………………", "Nama Blok Kiri")
    p = para(doc, "{{ sk.berita_daerah }}", "Blok Kiri")
    p.paragraph_format.space_before = Pt(18)
    p.runs[0].bold = True
    control(doc, "endif")


def build_penetapan_stpp() -> DocumentObject:
    """Rancangan Keputusan/Peraturan Kepala Daerah adopting the agreed STPP, the STPP as its Lampiran."""
    doc = new_document(style_kit_draft)
    paragraph_style(doc, "Blok Kiri", align=WD_ALIGN_PARAGRAPH.LEFT, keep_next=True)
    paragraph_style(doc, "Nama Blok Kiri", base="Blok Kiri", bold=True, before=60, keep_next=True)
    paragraph_style(doc, "Judul Pasal", align=WD_ALIGN_PARAGRAPH.CENTER, before=12, after=6, keep_next=True)
    width = text_width(doc.sections[0])
    table, dwidths = _kepala(doc, width)
    _diktum(doc, table, dwidths)
    _tanda_tangan(doc)

    # LAMPIRAN: the head block on the right, then the agreed STPP.
    page_break_before(para(doc, "LAMPIRAN", "Blok Kanan"))
    control(doc, "for baris in sk.lampiran_kop")
    para(doc, "{{ baris }}", "Blok Kanan")
    control(doc, "endfor")
    p = para(doc, "", "Judul Naskah")
    p.paragraph_format.space_before = Pt(12)
    control(doc, "for x in sampul.judul")
    para(doc, "{{ x }}", "Judul Naskah")
    control(doc, "endfor")
    para(doc, "{{ sampul.tahun }}", "Judul Naskah").paragraph_format.space_after = Pt(24)
    _summary(doc, new_page=False)
    _landscape(doc)
    chapters(doc, disepakati=True)
    _penutup_bab(doc, disepakati=True)
    p = para(doc, "", "Blok Kanan")
    p.paragraph_format.space_before = Pt(12)
    signature_block(doc, "{{ sk.jabatan }}", "{{ sk.penandatangan_nama }}")
    return doc


NAME = "penetapan-stpp.docx"
TITLE = "Templat Naskah Kepala Daerah tentang Penetapan STPP"
build = build_penetapan_stpp
