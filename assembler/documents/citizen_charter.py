"""Context of ``citizen-charter``: Maklumat Pelayanan, Standar Pelayanan and the customer's charter (5.2).

The Standar Pelayanan prints, for every service, all 14 components of UU 25/2009 Pasal 21 in the
two groups of PermenPAN-RB 15/2014 (service delivery, then internal management), as the real
published standards do; component names come from ``content/standar-pelayanan.yaml``. Items inside
a component are numbered ``1.``, ``2.`` … and end with ``;``, the last with ``.`` (real samples
sp01/sp02); amounts and times are written in figures and in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.content import KelompokKomponen, load_content
from assembler.models.tahap5 import CitizenCharter

if TYPE_CHECKING:  # pragma: no cover
    from assembler.content import StandarPelayananContent
    from assembler.documents.registry import Dokumen
    from assembler.models.tahap5 import (
        BiayaTarif,
        CitizenCharter,
        Durasi,
        JumlahPelaksana,
        PenandaTangan,
        StandarPelayanan,
    )
    from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("citizen-charter",)

#: Content key (content/standar-pelayanan.yaml) -> field of StandarPelayanan (models/tahap5/t52.py).
#: Two names differ (the model spells the Pasal 21 wording out); this table is the one place that
#: knows, and tests/documents/test_citizen_charter.py checks it covers every key and field.
KOMPONEN_FIELD: dict[str, str] = {
    "dasar_hukum": "dasar_hukum",
    "persyaratan": "persyaratan",
    "sistem_mekanisme_prosedur": "sistem_mekanisme_prosedur",
    "jangka_waktu": "jangka_waktu",
    "biaya_tarif": "biaya_tarif",
    "produk_pelayanan": "produk_pelayanan",
    "sarana_prasarana": "sarana_prasarana",
    "kompetensi_pelaksana": "kompetensi_pelaksana",
    "pengawasan_internal": "pengawasan_internal",
    "penanganan_pengaduan": "penanganan_pengaduan",
    "jumlah_pelaksana": "jumlah_pelaksana",
    "jaminan_pelayanan": "jaminan_pelayanan",
    "jaminan_keamanan": "jaminan_keamanan_keselamatan",
    "evaluasi_kinerja": "evaluasi_kinerja_pelaksana",
}

#: Group order and letter: what the customer meets first (service delivery), then internal management.
KELOMPOK: tuple[tuple[str, KelompokKomponen], ...] = (("A.", "penyampaian"), ("B.", "pengelolaan"))

#: The line above a signatory's office: the utility pledges; the others acknowledge or represent.
SEBUTAN = {
    "PDAM": "",
    "Pemerintah Daerah": "Mengetahui,",
    "DPRD": "Mengetahui,",
    "Forum Pelanggan": "Mewakili Pelanggan,",
    "Masyarakat/LSM": "Mewakili Masyarakat,",
}


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Ready strings for ``citizen-charter.docx`` (contract: docs/dev/templates.md)."""
    stpp = view.stpp
    charter: CitizenCharter = view.require(CitizenCharter)
    assert stpp is not None and charter is not None  # the registry builds this only when 5.2 is valid
    content = view.content.standar_pelayanan if view.content is not None else load_content().standar_pelayanan
    layanan_nama = {s.id: s.nama_layanan for s in charter.standar_pelayanan}
    pdam = stpp.pdam.singkatan
    return {
        "maklumat_judul": "MAKLUMAT PELAYANAN",
        "pdam": stpp.pdam.nama.upper(),
        "maklumat": [charter.maklumat.teks.strip()],
        "tempat": charter.maklumat.tempat or stpp.daerah.ibu_kota,
        # A blank date is left for the signing ceremony, the year already known.
        "tanggal": idfmt.tanggal(charter.maklumat.tanggal) if charter.maklumat.tanggal else f"………………… {stpp.tahun}",
        "penandatangan": [_penandatangan(p) for p in charter.penanda_tangan],
        "standar_judul": "STANDAR PELAYANAN",
        "layanan": [_layanan(i, s, content, analisis) for i, s in enumerate(charter.standar_pelayanan, 1)],
        "komitmen_judul": "KOMITMEN WAKTU PELAYANAN",
        "komitmen": [
            {
                "no": f"{i}.",
                "layanan": layanan_nama.get(j.layanan, j.layanan) if j.layanan else "Seluruh layanan",
                "janji": j.uraian,
                "waktu": durasi(j.waktu),
            }
            for i, j in enumerate(charter.janji_layanan, 1)
        ],
        "pengaduan_judul": "SALURAN PENGADUAN",
        "pengaduan_pengantar": [
            f"Pengaduan, saran dan masukan atas pelayanan {pdam} dapat disampaikan melalui saluran berikut:"
        ],
        "pengaduan": [
            {"no": f"{i}.", "saluran": k.kanal, "kontak": k.alamat, "waktu": k.jam_layanan}
            for i, k in enumerate(charter.kanal_pengaduan, 1)
        ],
        "hak_judul": "HAK DAN KEWAJIBAN PELANGGAN",
        "hak": [{"nomor": n, "teks": t} for n, t in _bernomor(charter.hak_pelanggan)],
        "kewajiban": [{"nomor": n, "teks": t} for n, t in _bernomor(charter.kewajiban_pelanggan)],
        "kompensasi_judul": "KOMPENSASI DAN SANKSI",
        "kompensasi": [
            {
                "no": f"{i}.",
                "berlaku_bagi": f"{pdam} (kompensasi)" if s.berlaku_bagi == "PDAM" else "Pelanggan (sanksi)",
                "keadaan": s.keadaan,
                # The cap of a compensation is part of the promise (5.2 warns when it is missing).
                "bentuk": f"{s.bentuk.strip().rstrip('.;')}; {s.batas.strip().rstrip('.;')}" if s.batas.strip()
                else s.bentuk,
            }
            for i, s in enumerate(charter.sanksi_kompensasi, 1)
        ],
    }


# --------------------------------------------------------------------------- signatories


def nama_kapital(nama: str) -> str:
    """``Ir. Bambang Sutrisno, M.T.`` -> ``Ir. BAMBANG SUTRISNO, M.T.``: the name in capitals, titles as written.

    A word with a dot inside or at the end (``Ir.``, ``S.E.,``, ``H.``) is an academic or religious
    title and keeps its spelling; ``dr.`` and ``Dr.`` mean different things.
    """
    return " ".join(w if "." in w else w.upper() for w in nama.split())


def _penandatangan(p: PenandaTangan) -> dict[str, str]:
    return {
        "sebutan": SEBUTAN.get(p.pihak, ""),
        "jabatan": p.jabatan.upper().rstrip(",") + ",",
        "nama": nama_kapital(p.nama),
        "nip": p.nip,
    }


# --------------------------------------------------------------------------- standar pelayanan


def _layanan(nomor: int, s: StandarPelayanan, content: StandarPelayananContent, analisis: Analisis) -> dict[str, Any]:
    """One service's components; its procedure is 4.2's improved procedure when 5.2 refers to one (computed)."""
    rows: list[dict[str, Any]] = []
    for huruf, kelompok in KELOMPOK:
        rows.append({"kelompok": f"{huruf} {content.kelompok[kelompok]}", "no": "", "nama": "", "uraian": []})
        for i, (key, komponen) in enumerate(content.per_kelompok(kelompok), 1):
            rows.append({"kelompok": "", "no": f"{i}.", "nama": komponen.nama, "uraian": _uraian(key, s, analisis)})
    return {"nomor": str(nomor), "nama": s.nama_layanan, "komponen": rows}


def _uraian(key: str, s: StandarPelayanan, analisis: Analisis) -> list[dict[str, str]]:
    """The Uraian cell of one component: paragraphs ``{nomor, teks}`` (``nomor`` ``""``: not numbered).

    The three structured components are read as their types; the others are text or a list of texts.
    """
    if key == "jangka_waktu":
        items = [("", durasi(s.jangka_waktu) + ".")]
    elif key == "biaya_tarif":
        items = _biaya(s.biaya_tarif)
    elif key == "jumlah_pelaksana":
        items = _pelaksana(s.jumlah_pelaksana)
    else:
        value: object = getattr(s, KOMPONEN_FIELD[key])
        if key == "sistem_mekanisme_prosedur":
            value = analisis.prosedur_layanan.get(s.id, value)
        if isinstance(value, str):
            items = [("", _akhiri(value, "."))]
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            items = _bernomor([str(v) for v in value])
        else:  # a component added to content/ without a model field of text: a bug, not a user error
            raise TypeError(f"komponen {key}: {type(value).__name__}")
    return [{"nomor": n, "teks": t} for n, t in items]


def _bernomor(items: Sequence[str], marks: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """``1.`` … with ``;`` after each item and ``.`` after the last; a single item is not numbered."""
    last = len(items) - 1
    if last == 0:
        return [("", _akhiri(items[0], "."))]
    labels = marks or [f"{i}." for i in range(1, len(items) + 1)]
    return [(labels[i], _akhiri(t, "." if i == last else ";")) for i, t in enumerate(items)]


def _akhiri(text: str, mark: str) -> str:
    """End ``text`` with exactly ``mark`` (``;`` or ``.``), whatever the author typed at the end."""
    return text.strip().rstrip(".;,:").rstrip() + mark


def durasi(d: Durasi) -> str:
    """``5 (lima) hari kerja``; a fraction is written in figures only (``1,5 jam``)."""
    nilai = d.nilai
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    if isinstance(nilai, int):
        return f"{nilai} ({idfmt.terbilang(nilai)}) {d.satuan}"
    return f"{idfmt.angka(nilai)} {d.satuan}"


def _biaya(items: Sequence[BiayaTarif]) -> list[tuple[str, str]]:
    texts = []
    for b in items:
        if b.jumlah == 0:
            text = f"{b.uraian}: tidak dipungut biaya"
        else:
            text = f"{b.uraian}: {idfmt.rupiah(b.jumlah)} ({idfmt.terbilang_rupiah(b.jumlah)})"
        ket = b.keterangan.strip().rstrip(".")
        # "Tidak dipungut biaya" typed again as a remark would only repeat the line.
        if ket and ket.casefold() not in text.casefold():
            # Lower-case the remark's first letter to continue the sentence, unless it starts an acronym.
            text += ", " + (ket[0].lower() + ket[1:] if ket[1:2].islower() else ket)
        texts.append(text)
    # Tariff lines are lettered in the published PDAM standards (sp01: A.–E.).
    marks = [f"{idfmt.huruf(i)}." for i in range(1, len(texts) + 1)]
    return _bernomor(texts, marks)


def _pelaksana(items: Sequence[JumlahPelaksana]) -> list[tuple[str, str]]:
    texts = [f"{p.jabatan}: {p.jumlah} ({idfmt.terbilang(p.jumlah)}) orang" for p in items]
    lines = _bernomor(texts)
    if len(items) > 1:
        # A derived total: computed here, never typed in 5.2.
        total = sum(p.jumlah for p in items)
        lines.append(("", f"Jumlah seluruhnya {total} ({idfmt.terbilang(total)}) orang."))
    return lines
