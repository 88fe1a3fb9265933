"""Template of the draft Keputusan Kepala Daerah forming the Pokja (``sk-pokja.docx``)."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Pt

from tools.templates.kit import (
    add_header_row,
    control,
    decree_head,
    diktum_row,
    ditetapkan,
    end_diktum_rows,
    keep_lead_ins,
    looped_rows,
    new_document,
    new_table,
    page_break_before,
    para,
    picture_loop,
    signature_block,
    spaced_title,
    style_kit_naskah,
    text_width,
    title_lines,
)


def build_sk_pokja() -> DocumentObject:
    """Draft Keputusan Bupati/Walikota forming the Pokja (format-sk.md, UU 12/2011 Lampiran II)."""
    doc = new_document(style_kit_naskah)
    width = text_width(doc.sections[0])
    para(doc, "{{ judul }}", "Judul Naskah")
    title_lines(doc)
    spaced_title(doc, "DENGAN RAHMAT TUHAN YANG MAHA ESA")
    spaced_title(doc, "{{ jabatan }}")
    table, dwidths = decree_head(doc, width)
    # A diktum may be several paragraphs (e.g. a lettered list); each is a paragraph of the cell.
    row = diktum_row(
        table,
        dwidths,
        [
            "{%p for t in d.paragraf %}",
            "{%p if t.huruf %}",
            "{{ t.huruf }}\t{{ t.teks }}",
            "{%p elif loop.last and d == diktum[-1] %}",
            "{{ t.teks }}",
            "{%p elif not loop.last %}",
            "{{ t.teks }}",
            "{%p else %}",
            "{{ t.teks }}",
            "{%p endif %}",
            "{%p endfor %}",
        ],
    )
    row.cells[2].paragraphs[2].style = "Butir"
    # A lead-in ending ':' ("... mempunyai tugas:") keeps with its first lettered item.
    row.cells[2].paragraphs[6].paragraph_format.keep_with_next = True
    # The last diktum stays on the page of "Ditetapkan di" and the signature: a signature alone on
    # a page, under no text of the decree, is what a forger would want.
    row.cells[2].paragraphs[4].paragraph_format.keep_with_next = True
    end_diktum_rows(doc, table, dwidths, row)
    ditetapkan(doc)
    p = para(doc, "", "Blok Kanan")
    signature_block(doc, "{{ jabatan }}", "{{ penandatangan_nama }}")

    control(doc, "if tembusan")
    p = para(doc, "Tembusan :", "Isi")
    p.paragraph_format.space_before = Pt(24)
    p.paragraph_format.keep_with_next = True
    control(doc, "for t in tembusan")
    para(doc, "{{ t.nomor }}\t{{ t.teks }}", "Daftar Bernomor")
    control(doc, "endfor")
    control(doc, "endif")

    # LAMPIRAN: right-hand head block, centred caps title, member table, duties, signature.
    # The page break sits on the first line of the head block, not on an empty paragraph.
    page_break_before(para(doc, "LAMPIRAN", "Blok Kanan"))
    control(doc, "for baris in lampiran_kop")
    para(doc, "{{ baris }}", "Blok Kanan")
    control(doc, "endfor")
    p = para(doc, "{{ lampiran_judul }}", "Judul Naskah")
    p.paragraph_format.space_before = Pt(24)
    p.paragraph_format.space_after = Pt(12)
    mwidths = [Cm(1.2), Cm(9.3), Length(width - int(Cm(1.2)) - int(Cm(9.3)))]
    table = new_table(doc, mwidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Jabatan", "{{ kolom_kedudukan }}"], mwidths)
    looped_rows(
        table,
        "a in anggota",
        ["{{ a.no }}", "{{ a.jabatan }}", "{{ a.kedudukan }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi"],
        mwidths,
    )
    for cell in table.rows[2].cells[:1]:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture_loop(doc, "bagan_pokja")

    p = para(doc, "{{ tugas_judul }}", "Judul Naskah")
    p.paragraph_format.space_before = Pt(18)
    p.paragraph_format.space_after = Pt(6)
    control(doc, "for g in tugas")
    para(doc, "{{ g.huruf }}\t{{ g.peran }}", "Daftar Berhuruf")
    control(doc, "for b in g.butir")
    # The very last duty keeps with the closing signature so that it never stands alone on a page.
    control(doc, "if loop.last and g == tugas[-1]")
    p = para(doc, "{{ b.nomor }}\t{{ b.teks }}", "Daftar Bernomor")
    p.paragraph_format.left_indent = Cm(2.0)
    p.paragraph_format.keep_with_next = True
    control(doc, "else")
    p = para(doc, "{{ b.nomor }}\t{{ b.teks }}", "Daftar Bernomor")
    p.paragraph_format.left_indent = Cm(2.0)
    control(doc, "endif")
    control(doc, "endfor")
    control(doc, "endfor")
    p = para(doc, "", "Blok Kanan")
    p.paragraph_format.space_before = Pt(12)
    signature_block(doc, "{{ jabatan }}", "{{ penandatangan_nama }}")

    keep_lead_ins(doc)
    return doc


# --------------------------------------------------------------------------------------------
# citizen-charter
# --------------------------------------------------------------------------------------------


NAME = "sk-pokja.docx"
TITLE = "Templat Keputusan Kepala Daerah tentang Pokja"
build = build_sk_pokja
