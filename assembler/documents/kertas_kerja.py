"""Kertas Kerja Tahap 1-7: every Keluaran of a stage as a titled table or list (DOMAIN.md).

A working paper is printed for the next session, where the facilitator reviews what the Pokja
agreed. Every derived figure (totals, ranks, gaps, weighted sums, budget sums, shortages, durations)
comes from :mod:`assembler.analysis` or is computed here from the typed inputs, and is shown with the
inputs it comes from so a participant can check every number by hand.

The registry lets a stage's paper be built as soon as one of its topics is valid: present topics are
printed, each absent one gets a single line "Topik n.m belum disusun".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from assembler import idfmt
from assembler.analysis.anggaran import anggaran_workspace
from assembler.analysis.kesenjangan import analyse_gaps
from assembler.analysis.mcua import ASPEK, hitung_mcua, jumlah_terbobot
from assembler.analysis.pemeringkatan import rank_issues
from assembler.analysis.prosedur import teks_satuan, total_durasi
from assembler.content import Content, Regulasi, load_content
from assembler.documents.common import region_context
from assembler.documents.lembar import Blok, Kelompok, Kolom, daftar, gambar, jumlah, nomori, paragraf, tabel
from assembler.documents.naskah import bulan_tahun
from assembler.documents.registry import Dokumen
from assembler.legal import judul as judul_regulasi
from assembler.models.tahap1 import KEDUDUKAN_LABEL, StakeholderPokja
from assembler.models.tahap2 import Kesenjangan
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.models.tahap3 import AREA_PERSOALAN, KRITERIA_GOOD_GOVERNANCE, KRITERIA_PELAYANAN, PROSES, TAHAP_ALUR
from assembler.models.tahap4 import HURUF_KUADRAN, KUADRAN, Kebijakan, Organisasi, Prioritas, nama_jenis_kebijakan
from assembler.models.tahap5 import SkemaTindakan
from assembler.topics import TAHAP_JUDUL, TOPIK
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("kertas-kerja-tahap-*",)

TopikBuilder = Callable[[WorkspaceView, Any], list[Blok]]

NO = Kolom("No", 0.45, "tengah")
KODE = Kolom("Kode", 0.9)


# --------------------------------------------------------------------------- formatting helpers


def _no(i: int) -> str:
    return f"{i}."


def _angka(x: int | float | Decimal) -> str:
    return idfmt.angka(x)


def _rentang(mulai: str, selesai: str) -> str:
    return bulan_tahun(mulai) if mulai == selesai else f"{bulan_tahun(mulai)} – {bulan_tahun(selesai)}"


def _lama_bulan(mulai: str, selesai: str) -> int:
    """Months from ``mulai`` to ``selesai`` inclusive (March–May is 3)."""
    y1, m1 = (int(x) for x in mulai.split("-"))
    y2, m2 = (int(x) for x in selesai.split("-"))
    return (y2 - y1) * 12 + (m2 - m1) + 1


def _kapital(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


def _label(key: str) -> str:
    """``hari kerja`` / ``efisiensi_biaya`` -> ``Efisiensi biaya``."""
    return _kapital(key.replace("_", " "))


def _content(view: WorkspaceView) -> Content:
    return view.content if view.content is not None else load_content()


class _Nama:
    """Display names of the ids other topics refer to; an id whose topic is absent prints as itself."""

    def __init__(self, view: WorkspaceView) -> None:
        self.anggota: dict[str, str] = {}
        self.jabatan: dict[str, str] = {}
        self.stakeholder: dict[str, str] = {}
        self.unit: dict[str, str] = {}
        self.tindakan: dict[str, str] = {}
        self.kegiatan: dict[str, str] = {}
        self.indikator: dict[str, str] = {}
        t11 = view.get(StakeholderPokja)
        if t11 is not None:
            for a in t11.pokja.anggota:
                self.anggota[a.id] = a.nama
                self.jabatan[a.id] = a.jabatan
            self.stakeholder = {s.id: s.nama for s in t11.stakeholders}
        t23 = view.get(Kesenjangan)
        if t23 is not None:
            self.indikator = {i.id: i.nama for i in t23.indikator}
        t45 = view.get(Organisasi)
        if t45 is not None:
            self.unit = {u.id: u.nama for u in t45.unit}
        t47 = view.get(Prioritas)
        if t47 is not None:
            self.tindakan = {t.id: t.nama for t in t47.tindakan}
        t51 = view.get(SkemaTindakan)
        if t51 is not None:
            self.kegiatan = {kg.id: kg.rumusan for kg in t51.kegiatan_by_id().values()}

    def orang(self, kode: str) -> str:
        """A Pokja member as ``Nama (Jabatan)``, or a unit by name."""
        if kode in self.anggota:
            return f"{self.anggota[kode]} ({self.jabatan[kode]})"
        return self.unit.get(kode, kode)

    def sh(self, kode: str) -> str:
        return self.stakeholder.get(kode, kode)

    def sebut(self, table: dict[str, str], kode: str) -> str:
        """``kode: name`` so the reader can find the row the code points to."""
        nama = table.get(kode)
        return f"{kode}: {nama}" if nama else kode


def _lines(items: Iterable[str], bernomor: bool = True) -> list[str]:
    """List items inside one cell: ``1. a``, ``2. b`` (a single item stays bare)."""
    items = list(items)
    if len(items) <= 1:
        return items or ["–"]
    if not bernomor:
        return [f"– {t}" for t in items]
    return [f"{i}. {t}" for i, t in enumerate(items, start=1)]


# --------------------------------------------------------------------------- Tahap 1


def _topik_1_1(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    content = _content(view)
    kategori_label = {"penyelenggara": "Penyelenggara", "pengguna": "Pengguna", "pendukung": "Pendukung"}
    blok = [
        tabel(
            "Matriks Stakeholders Pelayanan PDAM",
            [
                NO,
                Kolom("Stakeholder", 3),
                Kolom("Kategori", 1.6),
                Kolom("Peran dan Fungsi", 4),
                Kolom("Kepentingan", 4),
                Kolom("Pengaruh", 1.1, "tengah"),
                Kolom("Tingkat Kepentingan", 1.6, "tengah"),
                Kolom("Bentuk Pelibatan", 2.5),
            ],
            [
                [
                    _no(i),
                    s.nama,
                    kategori_label[s.kategori],
                    s.peran,
                    s.kepentingan,
                    _kapital(s.pengaruh),
                    _kapital(s.tingkat_kepentingan or "–"),
                    s.keterlibatan or "–",
                ]
                for i, s in enumerate(data.stakeholders, start=1)
            ],
        )
    ]
    # Representation check of the guide: providers and users both sit in the Pokja.
    kat = {s.id: s.kategori for s in data.stakeholders}
    rows: list[Any] = []
    for key, label in kategori_label.items():
        jumlah_sh = sum(1 for s in data.stakeholders if s.kategori == key)
        wakil = [a for a in data.pokja.anggota if a.stakeholder and kat.get(a.stakeholder) == key]
        rows.append([label, _angka(jumlah_sh), _angka(len(wakil)), "; ".join(a.jabatan for a in wakil) or "–"])
    tanpa = [a for a in data.pokja.anggota if not a.stakeholder]
    if tanpa:
        rows.append(["Tidak dikaitkan", "–", _angka(len(tanpa)), "; ".join(a.jabatan for a in tanpa)])
    rows.append(jumlah("Jumlah", _angka(len(data.stakeholders)), _angka(len(data.pokja.anggota)), ""))
    blok.append(
        tabel(
            "Keterwakilan Stakeholders dalam Pokja",
            [
                Kolom("Kategori", 1.5),
                Kolom("Jumlah Stakeholder", 1, "angka"),
                Kolom("Jumlah Anggota Pokja", 1, "angka"),
                Kolom("Anggota Pokja yang Mewakili", 8),
            ],
            rows,
            ["Jumlah dihitung dari Matriks Stakeholders dan kolom 'stakeholder' setiap anggota Pokja."],
        )
    )

    tim_inti = set(data.pokja.tim_inti)
    rows = []
    no = 0
    for kedudukan, label in KEDUDUKAN_LABEL.items():
        anggota = data.pokja.dengan_kedudukan(kedudukan)
        if not anggota:
            continue
        rows.append(Kelompok(label))
        for a in anggota:
            no += 1
            rows.append(
                [
                    _no(no),
                    a.nama,
                    a.jabatan,
                    a.instansi,
                    nama.sh(a.stakeholder) if a.stakeholder else "–",
                    "Ya" if a.id in tim_inti else "–",
                ]
            )
    blok.append(
        tabel(
            f"Struktur Organisasi {data.pokja.nama}",
            [
                NO,
                Kolom("Nama", 2.5),
                Kolom("Jabatan", 4),
                Kolom("Instansi/Kelompok", 3),
                Kolom("Mewakili", 3),
                Kolom("Tim Inti", 0.9, "tengah"),
            ],
            rows,
        )
    )
    anggota_by_id = {a.id: a for a in data.pokja.anggota}
    blok.append(
        tabel(
            "Susunan Tim Inti",
            [NO, Kolom("Nama", 3), Kolom("Jabatan", 5), Kolom("Kedudukan dalam Pokja", 2)],
            [
                [
                    _no(i),
                    anggota_by_id[k].nama if k in anggota_by_id else k,
                    anggota_by_id[k].jabatan if k in anggota_by_id else "–",
                    KEDUDUKAN_LABEL[anggota_by_id[k].kedudukan] if k in anggota_by_id else "–",
                ]
                for i, k in enumerate(data.pokja.tim_inti, start=1)
            ]
            or [["–", "Tim Inti belum ditetapkan", "–", "–"]],
        )
    )
    rows = []
    baku = False
    held = {a.kedudukan for a in data.pokja.anggota}
    for kedudukan, label in [*KEDUDUKAN_LABEL.items(), ("tim_inti", "Tim Inti")]:
        if kedudukan == "tim_inti":
            if not data.pokja.tim_inti:
                continue
        elif kedudukan not in held:
            continue
        tugas = data.pokja.tugas.untuk(kedudukan)
        if not tugas and kedudukan in content.sk.tugas_kedudukan:
            tugas = [f"{t} *)" for t in content.sk.tugas_kedudukan[kedudukan]]
            baku = True
        rows.append([label, _lines(tugas)])
    blok.append(
        tabel(
            "Peran dan Fungsi Anggota Pokja",
            [Kolom("Kedudukan", 1.5), Kolom("Uraian Tugas", 10)],
            rows,
            ["*) uraian tugas baku dari katalog program, karena belum dirumuskan Pokja."] if baku else [],
        )
    )
    blok.append(
        paragraf(
            "Tindak lanjut: struktur dan kepengurusan Pokja di atas dituangkan dalam draft Keputusan "
            f"{_kepala(view)} tentang Pokja (naskah 'sk-pokja'), untuk disempurnakan Bagian Hukum."
        )
    )
    return blok


def _kepala(view: WorkspaceView) -> str:
    return view.stpp.daerah.kepala if view.stpp is not None else "Kepala Daerah"


def _topik_1_2(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    k = data.kesepakatan
    blok = [
        tabel(
            "Kesepakatan Penyusunan STPP yang Partisipatif",
            [Kolom("Unsur", 1), Kolom("Uraian", 8)],
            [["Tanggal", idfmt.tanggal(k.tanggal)], ["Tempat", k.tempat], ["Isi kesepakatan", k.isi]],
        )
    ]
    urutan = {t.id: i for i, t in enumerate(TOPIK)}
    judul = {t.id: t.judul for t in TOPIK}
    rows: list[Any] = []
    for i, j in enumerate(sorted(data.jadwal, key=lambda j: (urutan.get(j.topik, 99), j.tanggal)), start=1):
        tanggal = idfmt.tanggal(j.tanggal)
        if j.tanggal_selesai and j.tanggal_selesai != j.tanggal:
            tanggal = f"{tanggal} s.d. {idfmt.tanggal(j.tanggal_selesai)}"
        waktu = f"{j.jam_mulai}–{j.jam_selesai or 'selesai'} {data.zona_waktu}" if j.jam_mulai else "–"
        undangan = ["Anggota Pokja", *(nama.sh(u) for u in j.undangan)]
        rows.append(
            [
                _no(i),
                f"{j.topik} {judul.get(j.topik, '')}".strip(),
                tanggal,
                waktu,
                j.tempat,
                _lines(undangan, bernomor=False),
                _lines(j.agenda) if j.agenda else "Agenda menurut panduan",
                j.catatan or "–",
            ]
        )
    belum = [t.id for t in TOPIK if data.jadwal_topik(t.id) is None]
    blok.append(
        tabel(
            "Kalender Kerja Penyusunan STPP",
            [
                NO,
                Kolom("Topik", 3.2),
                Kolom("Tanggal", 1.6),
                Kolom("Waktu", 1.3),
                Kolom("Tempat", 2.2),
                Kolom("Undangan", 3),
                Kolom("Agenda", 2.2),
                Kolom("Catatan", 1.8),
            ],
            rows,
            [f"Topik yang belum dijadwalkan: {idfmt.daftar(belum)}."] if belum else [],
        )
    )
    return blok


# --------------------------------------------------------------------------- Tahap 2


def _topik_2_1(view: WorkspaceView, data: Any) -> list[Blok]:
    hasil = rank_issues(data)
    kriteria = data.kriteria
    blok = [
        tabel(
            "Kriteria Penilaian Isu",
            [NO, KODE, Kolom("Kriteria", 2.5), Kolom("Uraian", 8), Kolom("Skala", 1, "tengah")],
            [
                [_no(i), k.id, k.nama, k.uraian or "–", f"{k.skala_min}–{k.skala_maks}"]
                for i, k in enumerate(kriteria, start=1)
            ],
        )
    ]
    seri_awal = {i for group in hasil.seri for i in group}
    ada_putaran = any(b.putaran for b in hasil.baris)
    kolom = [NO, KODE, Kolom("Isu", 6)] + [Kolom(k.nama, 1.2, "angka") for k in kriteria]
    kolom += [Kolom("Jumlah Skor", 1, "angka"), Kolom("Peringkat", 1.1, "tengah")]
    if ada_putaran:
        kolom.append(Kolom("Nilai Putaran Ulang", 1.2, "angka"))
    kolom.append(Kolom("Urutan Akhir", 1.1, "tengah"))
    rows: list[Any] = []
    for b in sorted(hasil.baris, key=lambda b: [i.id for i in data.isu].index(b.isu)):
        row = [
            _no(len(rows) + 1),
            b.isu,
            b.rumusan,
            *(_angka(b.skor.get(k.id, 0)) for k in kriteria),
            _angka(b.total),
            f"{b.peringkat} (seri)" if b.isu in seri_awal else str(b.peringkat),
        ]
        if ada_putaran:
            row.append(" → ".join(_angka(v) for v in b.putaran) if b.putaran else "–")
        row.append(f"{b.urutan} (seri)" if b.seri else str(b.urutan))
        rows.append(row)
    catatan = [
        "Jumlah skor = jumlah skor seluruh kriteria. Peringkat menurut jumlah skor; isu dengan jumlah sama "
        "berperingkat sama (seri) dan diurutkan hanya oleh putaran ulang yang dicatat, tidak oleh urutan penulisan."
    ]
    for group in hasil.seri:
        total = hasil.baris_isu(group[0])
        catatan.append(
            f"Seri: {idfmt.daftar(group)} memperoleh jumlah skor sama ({_angka(total.total if total else 0)})."
        )
    for group in hasil.seri_tersisa:
        catatan.append(f"Belum terputus: {idfmt.daftar(group)} masih bernilai sama; catat putaran ulang berikutnya.")
    blok.append(tabel("Matriks Pemeringkatan Isu", kolom, rows, catatan))

    for r, putaran in enumerate(data.putaran_ulang, start=1):
        per_kriteria = any(isinstance(v, dict) for v in putaran.skor.values())
        kol = [NO, KODE, Kolom("Isu", 6)]
        if per_kriteria:
            kol += [Kolom(k.nama, 1.2, "angka") for k in kriteria]
        kol += [Kolom("Nilai Putaran", 1.2, "angka"), Kolom("Urutan dalam Putaran", 1.3, "tengah")]
        nilai = {i: putaran.nilai(i) or 0 for i in putaran.isu}
        levels = sorted(set(nilai.values()), reverse=True)
        rumusan = {i.id: i.rumusan for i in data.isu}
        rows = []
        for j, isu in enumerate(putaran.isu, start=1):
            row = [_no(j), isu, rumusan.get(isu, isu)]
            if per_kriteria:
                skor = putaran.skor.get(isu)
                row += [_angka(skor.get(k.id, 0)) if isinstance(skor, dict) else "–" for k in kriteria]
            pos = levels.index(nilai[isu]) + 1
            seri = sum(1 for v in nilai.values() if v == nilai[isu]) > 1
            row += [_angka(nilai[isu]), f"{pos} (seri)" if seri else str(pos)]
            rows.append(row)
        status = (
            "dipakai untuk memutus seri" if (r - 1) in hasil.putaran_terpakai else "tidak dipakai (bukan isu yang seri)"
        )
        blok.append(
            tabel(
                f"Putaran Ulang ke-{r}: {idfmt.daftar(putaran.isu)}",
                kol,
                rows,
                [c for c in (f"Putaran ini {status}.", putaran.catatan) if c],
            )
        )
    if hasil.isu_utama is not None:
        utama = hasil.baris_isu(hasil.isu_utama)
        assert utama is not None
        teks = (
            f"Isu utama pelayanan PDAM: {utama.isu} \u201c{utama.rumusan}\u201d, dengan jumlah skor tertinggi "
            f"{_angka(utama.total)}."
        )
    else:
        top = [b.isu for b in hasil.baris if b.urutan == 1]
        teks = (
            f"Isu utama belum dapat ditetapkan: {idfmt.daftar(top)} memperoleh jumlah skor tertinggi yang sama; "
            "lakukan dan catat penilaian ulang di antara isu tersebut."
        )
    blok.append(paragraf(teks))
    return blok


_STATUS_REGULASI = {
    "berlaku": "Berlaku",
    "diubah": "Berlaku dengan perubahan",
    "dicabut": "Dicabut",
    "diganti": "Diganti",
    "tidak_berlaku": "Tidak berlaku",
    "tidak_diketahui": "Belum diketahui",
}


def _regulasi(view: WorkspaceView, entry: Any) -> Regulasi:
    """The catalogue entry, or a written-out regulation shaped like one so it is cited the same way."""
    content = _content(view)
    if entry.katalog is not None:
        return content.regulasi[entry.katalog]
    stpp = view.stpp
    daerah = entry.daerah or (stpp.daerah.nama_lengkap if stpp is not None else "")
    kepala: Any = entry.kepala_daerah or (stpp.daerah.kepala if stpp is not None else None)
    # model_construct: the entry was validated as a topic field; the catalogue's own rules
    # (confidence, amendment chain) do not apply to what the Pokja typed.
    return Regulasi.model_construct(
        id=entry.id,
        jenis=entry.jenis,
        nomor=entry.nomor,
        tahun=entry.tahun,
        tentang=entry.tentang,
        pasal=None,
        daerah=daerah,
        kepala_daerah=kepala,
        status=entry.status,
        diubah_dengan=[],
        keyakinan="C",
        sumber="Topik 2.2",
        catatan="",
    )


def _status_regulasi(reg: Regulasi) -> str:
    teks = _STATUS_REGULASI.get(reg.status, reg.status)
    pengganti = reg.pengganti
    if pengganti is not None:
        teks += f" ({pengganti.teks})"
    if reg.keyakinan != "C" and reg.status != "tidak_diketahui":
        teks += "; periksa di JDIH"
    return teks


def _topik_2_2(view: WorkspaceView, data: Any) -> list[Blok]:
    regs = {e.kode: _regulasi(view, e) for e in data.regulasi}
    blok = [
        tabel(
            "Peraturan Perundang-undangan Terkait",
            [
                NO,
                Kolom("Peraturan", 5),
                Kolom("Status", 2),
                Kolom("Relevansi dengan STPP", 4.5),
                Kolom("Ketentuan yang Relevan", 3.5),
            ],
            [
                [
                    _no(i),
                    judul_regulasi(regs[e.kode]),
                    _status_regulasi(regs[e.kode]),
                    e.relevansi,
                    _lines(e.ketentuan) if e.ketentuan else "–",
                ]
                for i, e in enumerate(data.regulasi, start=1)
            ],
        ),
        tabel(
            "Lembaga Terkait Pelayanan Air Minum",
            [NO, KODE, Kolom("Lembaga", 3.5), Kolom("Peran", 8)],
            [[_no(i), lb.id, lb.nama, lb.peran] for i, lb in enumerate(data.lembaga, start=1)],
        ),
    ]
    lembaga = {lb.id: lb.nama for lb in data.lembaga}
    content = _content(view)
    rows: list[Any] = []
    for i, h in enumerate(data.hubungan, start=1):
        reg = regs.get(h.regulasi) or content.regulasi.get(h.regulasi)
        rows.append(
            [
                _no(i),
                judul_regulasi(reg) if reg is not None else h.regulasi,
                h.ketentuan or "–",
                _lines([lembaga.get(x, x) for x in h.lembaga], bernomor=False),
                h.kewenangan,
                h.implikasi,
            ]
        )
    blok.append(
        tabel(
            "Hubungan Antar-kebijakan",
            [
                NO,
                Kolom("Peraturan", 3.5),
                Kolom("Ketentuan", 1.8),
                Kolom("Lembaga Terkait", 2.5),
                Kolom("Kewenangan/Kewajiban", 3.5),
                Kolom("Implikasi bagi STPP", 3.5),
            ],
            rows or [["–", "Belum ada baris hubungan antar-kebijakan", "–", "–", "–", "–"]],
        )
    )
    blok.append(
        tabel(
            "Koridor Hukum",
            [Kolom("Koridor", 2), Kolom("Rumusan", 8)],
            [
                ["Pengembangan proses penyusunan STPP", data.koridor_hukum.penyusunan_stpp],
                ["Kerja sama antar-instansi", data.koridor_hukum.kerja_sama_antarinstansi],
            ],
        )
    )
    return blok


def _topik_2_3(view: WorkspaceView, data: Any) -> list[Blok]:
    hasil = analyse_gaps(data)
    arah = {"naik": "Makin tinggi makin baik", "turun": "Makin rendah makin baik"}
    rows: list[Any] = []
    for i, b in enumerate(hasil.baris, start=1):
        ind = data.indikator[i - 1]
        rows.append(
            [
                _no(i),
                b.nama,
                b.satuan,
                arah[b.arah],
                _angka(b.target),
                f"{_angka(b.realisasi)} ({b.tahun})",
                _angka(b.selisih),
                idfmt.persen(b.persen_capaian, 2) if b.persen_capaian is not None else "–",
                _kapital(b.status),
                "Ya" if b.strategis else "–",
                ind.sumber_data,
            ]
        )
    blok = [
        tabel(
            "Analisis Kesenjangan Kuantitatif (Pencapaian Target Pelayanan/Corporate Plan)",
            [
                NO,
                Kolom("Indikator", 3.3),
                Kolom("Satuan", 1.2),
                Kolom("Arah", 1.5),
                Kolom("Target", 1, "angka"),
                Kolom("Realisasi (Tahun)", 1.3, "angka"),
                Kolom("Kesenjangan", 1.2, "angka"),
                Kolom("% Capaian", 1.1, "angka"),
                Kolom("Status", 1.2),
                Kolom("Strategis", 0.9, "tengah"),
                Kolom("Sumber Data", 2.6),
            ],
            rows,
            [
                f"Acuan target: {data.acuan}." if data.acuan else "",
                "Makin tinggi makin baik: kesenjangan = target − realisasi; % capaian = realisasi ÷ target × 100.",
                "Makin rendah makin baik: kesenjangan = realisasi − target; % capaian = target ÷ realisasi × 100.",
                "Kesenjangan positif berarti target belum tercapai; nol atau negatif berarti target tercapai.",
                f"Ringkasan: {hasil.jumlah_belum_tercapai} dari {len(hasil.baris)} indikator belum mencapai target.",
            ],
        )
    ]
    blok[0]["catatan"] = [c for c in blok[0]["catatan"] if c]
    strategis = [b for b in hasil.baris if b.strategis]
    blok.append(
        tabel(
            "Indikator Strategis untuk Tahap 4.1",
            [NO, Kolom("Indikator", 3), Kolom("Kesenjangan", 1.5, "angka"), Kolom("Alasan Ditetapkan Strategis", 7)],
            [
                [_no(i), b.nama, f"{_angka(b.selisih)} {b.satuan}", b.alasan_strategis or "–"]
                for i, b in enumerate(strategis, start=1)
            ]
            or [["–", "Belum ada indikator strategis", "–", "–"]],
        )
    )
    return blok


# --------------------------------------------------------------------------- Tahap 3

_PENILAIAN = {"sudah": "Sudah", "sebagian": "Sebagian", "belum": "Belum"}


def _topik_3_1(view: WorkspaceView, data: Any) -> list[Blok]:
    gg = _content(view).good_governance
    kol = [NO, Kolom("Proses", 2.2)] + [Kolom(gg.kriteria[k].nama, 2) for k in KRITERIA_GOOD_GOVERNANCE]
    kol.append(Kolom("Ringkasan", 1.5))
    rows: list[Any] = []
    for i, proses in enumerate(PROSES, start=1):
        sel = data.daftar_periksa.get(proses, {})
        cells: list[Any] = [_no(i), gg.proses[proses].nama]
        hitung = {"sudah": 0, "sebagian": 0, "belum": 0}
        for k in KRITERIA_GOOD_GOVERNANCE:
            s = sel.get(k)
            if s is None:
                cells.append("–")
                continue
            hitung[s.penilaian] += 1
            cells.append([_PENILAIAN[s.penilaian], s.catatan] if s.catatan else _PENILAIAN[s.penilaian])
        cells.append([f"{_PENILAIAN[p]}: {n}" for p, n in hitung.items()])
        rows.append(cells)
    blok = [
        tabel(
            "Daftar Periksa Identifikasi Kesenjangan Proses Berdasarkan Aspek Good Governance",
            kol,
            rows,
            [
                "Penilaian: Sudah = telah terpenuhi; Sebagian = terpenuhi sebagian; Belum = belum terpenuhi. "
                "Ringkasan = banyaknya kriteria per penilaian."
            ],
        )
    ]
    blok.append(
        tabel(
            "Persoalan Teknis dan Manajemen per Area Pelayanan",
            [NO, Kolom("Area", 2), Kolom("Persoalan Teknis", 5), Kolom("Persoalan Manajemen", 5)],
            [
                [
                    _no(i),
                    gg.area_persoalan[a].nama,
                    _lines(data.persoalan[a].teknis) if a in data.persoalan else "–",
                    _lines(data.persoalan[a].manajemen) if a in data.persoalan else "–",
                ]
                for i, a in enumerate(AREA_PERSOALAN, start=1)
            ],
        )
    )
    kol = [NO, Kolom("Persoalan Utama", 5)] + [
        Kolom(gg.kriteria_pelayanan[k].nama, 1, "tengah") for k in KRITERIA_PELAYANAN
    ]
    kol.append(Kolom("Keterangan", 3))
    blok.append(
        tabel(
            "Persoalan Utama terhadap Kriteria Pelayanan",
            kol,
            [
                [_no(i), p.uraian, *("√" if k in p.kriteria else "" for k in KRITERIA_PELAYANAN), p.keterangan or "–"]
                for i, p in enumerate(data.persoalan_utama, start=1)
            ],
            ["√ = kriteria pelayanan yang belum terpenuhi oleh persoalan tersebut."],
        )
    )
    if data.kartu:
        blok.append(
            tabel(
                "Kartu Harapan dan Kenyataan",
                [NO, Kolom("Proses", 2.2), Kolom("Harapan", 5), Kolom("Kenyataan", 5)],
                [
                    [_no(i), gg.proses[k.proses].nama, _lines(k.harapan), _lines(k.kenyataan)]
                    for i, k in enumerate(data.kartu, start=1)
                ],
            )
        )
    blok.append(
        tabel(
            "Faktor Pendukung dan Penghambat",
            [Kolom("Faktor Pendukung/Pendorong", 1), Kolom("Faktor Penghambat", 1)],
            [[_lines(data.faktor.pendukung), _lines(data.faktor.penghambat)]],
        )
    )
    if data.analisis_diagnostik:
        blok.append(
            tabel(
                "Lembar Kerja Analisis Diagnostik",
                [
                    NO,
                    Kolom("Persoalan", 2.5),
                    Kolom("Gejala", 2.5),
                    Kolom("Penyebab", 2.5),
                    Kolom("Dampak", 2.5),
                    Kolom("Peluang Perbaikan", 2.5),
                    Kolom("Prasyarat", 2.5),
                ],
                [
                    [
                        _no(i),
                        d.persoalan,
                        _lines(d.gejala),
                        _lines(d.penyebab),
                        _lines(d.dampak),
                        _lines(d.peluang),
                        _lines(d.prasyarat),
                    ]
                    for i, d in enumerate(data.analisis_diagnostik, start=1)
                ],
            )
        )
    else:
        blok.append(paragraf("Lembar kerja Analisis Diagnostik belum diisi (tindak lanjut Pokja)."))
    return blok


def _topik_3_2(view: WorkspaceView, data: Any) -> list[Blok]:
    alur = _content(view).alur
    akar = {a.id: a.uraian for a in data.akar_masalah}
    rows: list[Any] = []
    no = 0
    for tahap in TAHAP_ALUR:
        t = alur.tahap[tahap]
        rows.append(Kelompok(f"Tahap {t.urutan}: {t.nama}"))
        items = [a for a in data.akar_masalah if a.tahap_alur == tahap]
        for a in items:
            no += 1
            rows.append([_no(no), a.id, a.uraian, a.isu or "–"])
        if not items:
            rows.append(["–", "–", "Belum ada akar masalah pada tahap ini", "–"])
    blok = [
        tabel(
            "Akar Masalah per Tahap Diagram Alur Pelayanan Publik",
            [NO, KODE, Kolom("Akar Masalah", 10), Kolom("Isu Terkait", 1.2)],
            rows,
        )
    ]
    solusi = {s.id: s.uraian for s in data.solusi_alternatif}
    blok.append(
        tabel(
            "Solusi Alternatif",
            [NO, KODE, Kolom("Solusi Alternatif", 5.5), Kolom("Akar Masalah yang Diatasi", 5.5)],
            [
                [_no(i), s.id, s.uraian, [f"{k}: {akar.get(k, '')}".rstrip(": ") for k in s.akar_masalah]]
                for i, s in enumerate(data.solusi_alternatif, start=1)
            ],
        )
    )
    blok.append(
        tabel(
            "Solusi Terpadu",
            [NO, KODE, Kolom("Solusi Terpadu", 5), Kolom("Solusi Alternatif yang Dipadukan", 6)],
            [
                [_no(i), st.id, st.rumusan, [f"{k}: {solusi.get(k, '')}".rstrip(": ") for k in st.solusi]]
                for i, st in enumerate(data.solusi_terpadu, start=1)
            ],
        )
    )
    return blok


# --------------------------------------------------------------------------- Tahap 4


def _topik_4_1(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    jenis = data.jenis_analisis
    kuadran = KUADRAN[jenis]
    blok = [
        tabel(
            f"Analisis {jenis}",
            [Kolom(f"{_kapital(k)} ({HURUF_KUADRAN[k]})") for k in kuadran],
            [[_lines(data.kuadran.get(k, [])) for k in kuadran]],
        ),
        tabel(
            "Strategi Peningkatan Kapasitas Teknis",
            [
                NO,
                KODE,
                Kolom("Jenis Strategi", 1.2, "tengah"),
                Kolom("Kuadran yang Dipadukan", 2.5),
                Kolom("Strategi", 8),
            ],
            [
                [_no(i), s.id, s.label(jenis), idfmt.daftar([_kapital(k) for k in s.dasar]), s.uraian]
                for i, s in enumerate(data.strategi, start=1)
            ],
        ),
    ]
    kesenjangan = view.get(Kesenjangan)
    gaps = analyse_gaps(kesenjangan) if kesenjangan is not None else None
    rows: list[Any] = []
    for i, u in enumerate(data.usulan_tindakan, start=1):
        indikator = []
        for kode in u.indikator:
            b = gaps.baris_indikator(kode) if gaps is not None else None
            if b is not None:
                indikator.append(f"{b.nama} (kesenjangan {_angka(b.selisih)} {b.satuan})")
            else:
                indikator.append(nama.sebut(nama.indikator, kode))
        rows.append(
            [
                _no(i),
                u.id,
                u.uraian,
                ", ".join(u.strategi),
                indikator,
                u.target or "–",
                ", ".join(u.solusi_terpadu) or "–",
            ]
        )
    blok.append(
        tabel(
            "Usulan Tindakan Peningkatan Kapasitas Teknis",
            [
                NO,
                KODE,
                Kolom("Usulan Tindakan", 4),
                Kolom("Strategi", 1.1),
                Kolom("Indikator yang Ditingkatkan", 3.5),
                Kolom("Target", 2.5),
                Kolom("Solusi Terpadu", 1.1),
            ],
            rows,
            ["Kesenjangan indikator dihitung dari Topik 2.3."] if gaps is not None else [],
        )
    )
    return blok


def _durasi(d: Any) -> str:
    return f"{_angka(Decimal(str(d.nilai)))} {d.satuan}"


_PERUBAHAN = {
    "dihapus": "Dihapus",
    "digabung": "Digabung",
    "disederhanakan": "Disederhanakan",
    "dilimpahkan": "Dilimpahkan",
    "tetap": "Tetap",
}


def _selisih_langkah(n: int) -> str:
    return _angka(n) if n >= 0 else f"bertambah {_angka(-n)}"


def _topik_4_2(view: WorkspaceView, data: Any) -> list[Blok]:
    blok: list[Blok] = []
    for layanan in data.layanan:
        if layanan.keterangan:
            blok.append(paragraf(f"Layanan {layanan.nama}: {layanan.keterangan}"))
        baru = {s.kode: s for s in layanan.langkah_perbaikan}
        rows: list[Any] = []
        for i, s in enumerate(layanan.langkah_saat_ini, start=1):
            p = s.perubahan
            perubahan = _PERUBAHAN[p.jenis]
            if p.jenis == "dilimpahkan":
                perubahan += f" kepada {p.dilimpahkan_kepada}"
            tujuan = [f"{k}: {baru[k].uraian}" if k in baru else k for k in p.langkah_baru] or ["–"]
            rows.append([_no(i), f"{s.kode}: {s.uraian}", s.pelaku, _durasi(s.durasi), perubahan, tujuan, p.alasan])
        blok.append(
            tabel(
                f"Perubahan Prosedur {layanan.nama} per Langkah",
                [
                    NO,
                    Kolom("Langkah Saat Ini", 4),
                    Kolom("Pelaku", 2),
                    Kolom("Waktu", 1.2),
                    Kolom("Perubahan", 1.5),
                    Kolom("Menjadi Langkah", 3.5),
                    Kolom("Alasan", 3.5),
                ],
                rows,
            )
        )
        blok.append(
            tabel(
                f"Rancangan Bagan Alir Prosedur {layanan.nama} (Perbaikan)",
                [
                    NO,
                    KODE,
                    Kolom("Langkah", 5),
                    Kolom("Pelaku", 2.5),
                    Kolom("Waktu", 1.3),
                    Kolom("Dokumen/Formulir", 3),
                ],
                [
                    [_no(i), s.kode, s.uraian, s.pelaku, _durasi(s.durasi), _lines(s.dokumen) if s.dokumen else "–"]
                    for i, s in enumerate(layanan.langkah_perbaikan, start=1)
                ],
            )
        )
        sebelum = total_durasi(layanan.langkah_saat_ini)
        sesudah = total_durasi(layanan.langkah_perbaikan)
        satuan = [u for u in ("hari kerja", "hari", "menit") if u in sebelum or u in sesudah]
        rows = [
            [
                "Jumlah langkah",
                _angka(len(layanan.langkah_saat_ini)),
                _angka(len(layanan.langkah_perbaikan)),
                _selisih_langkah(len(layanan.langkah_saat_ini) - len(layanan.langkah_perbaikan)),
            ]
        ]
        for u in satuan:
            selisih = sebelum.get(u, Decimal(0)) - sesudah.get(u, Decimal(0))
            label = "Waktu (jam dan menit)" if u == "menit" else f"Waktu ({u})"
            # The column says "Berkurang"; an improvement that takes longer must say so, not print "-1 jam".
            berkurang = teks_satuan({u: selisih}, u) if selisih >= 0 else f"bertambah {teks_satuan({u: -selisih}, u)}"
            rows.append([label, teks_satuan(sebelum, u), teks_satuan(sesudah, u), berkurang])
        hitung = {j: sum(1 for s in layanan.langkah_saat_ini if s.perubahan.jenis == j) for j in _PERUBAHAN}
        blok.append(
            tabel(
                f"Perbandingan Prosedur {layanan.nama} Sebelum dan Sesudah Perbaikan",
                [
                    Kolom("Uraian", 3),
                    Kolom("Sebelum", 2, "angka"),
                    Kolom("Sesudah", 2, "angka"),
                    Kolom("Berkurang", 2, "angka"),
                ],
                rows,
                [
                    "Waktu dijumlahkan per satuan dari kolom Waktu kedua tabel di atas; menit dan jam digabung, "
                    "hari kerja dan hari kalender tidak dikonversi.",
                    "Perubahan langkah: "
                    + ", ".join(f"{_PERUBAHAN[j].lower()} {n}" for j, n in hitung.items() if n)
                    + ".",
                ],
            )
        )
    return blok


def _topik_4_3(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    kepala = _kepala(view)
    lembaga: dict[str, str] = {}
    t22 = view.get(TopikRegulasi)
    if t22 is not None:
        lembaga = {lb.id: lb.nama for lb in t22.lembaga}
    content = _content(view)

    def reg(kode: str) -> str:
        if t22 is not None:
            for e in t22.regulasi:
                if e.kode == kode:
                    return judul_regulasi(_regulasi(view, e))
        r = content.regulasi.get(kode)
        return judul_regulasi(r) if r is not None else kode

    rows: list[Any] = []
    for i, u in enumerate(data.usulan, start=1):
        status = "Baru" if u.status == "baru" else f"Revisi atas {reg(u.regulasi_direvisi or '')}"
        rows.append(
            [
                _no(i),
                u.id,
                nama_jenis_kebijakan(u.jenis, kepala),
                u.judul,
                status,
                _lines(u.substansi_pokok),
                _lines([reg(r) for r in u.regulasi_acuan]) if u.regulasi_acuan else "–",
                lembaga.get(u.pemrakarsa) or nama.sh(u.pemrakarsa),
            ]
        )
    blok = [
        tabel(
            "Usulan Penyempurnaan/Penyusunan Kebijakan",
            [
                NO,
                KODE,
                Kolom("Jenis", 1.6),
                Kolom("Judul", 2.5),
                Kolom("Status", 1.8),
                Kolom("Substansi Pokok", 4),
                Kolom("Regulasi Acuan", 3),
                Kolom("Pemrakarsa", 1.8),
            ],
            rows,
        )
    ]
    rows = []
    no = 0
    for u in data.usulan:
        if not u.rencana_pembahasan:
            continue
        rows.append(Kelompok(f"{u.id}: {u.judul}"))
        for r in u.rencana_pembahasan:
            no += 1
            rows.append(
                [
                    _no(no),
                    r.kegiatan,
                    _lines([nama.sh(p) for p in r.pihak_terkait], bernomor=False),
                    r.waktu,
                    r.keluaran,
                ]
            )
    blok.append(
        tabel(
            "Rencana Pembahasan Usulan Kebijakan",
            [NO, Kolom("Kegiatan", 4), Kolom("Pihak Terkait", 4), Kolom("Waktu", 2), Kolom("Keluaran", 4)],
            rows or [["–", "Belum ada rencana pembahasan", "–", "–", "–"]],
        )
    )
    return blok


def _topik_4_4(view: WorkspaceView, data: Any) -> list[Blok]:
    rows: list[Any] = []
    for i, b in enumerate(data.kebutuhan, start=1):
        kurang = b.kekurangan
        ket = _angka(kurang) if kurang >= 0 else f"kelebihan {_angka(-kurang)}"
        rows.append(
            [_no(i), b.unit, b.posisi, _angka(b.jumlah_ada), _angka(b.jumlah_dibutuhkan), ket, _lines(b.kompetensi)]
        )
    ada = sum(b.jumlah_ada for b in data.kebutuhan)
    butuh = sum(b.jumlah_dibutuhkan for b in data.kebutuhan)
    kurang_total = sum(max(b.kekurangan, 0) for b in data.kebutuhan)
    rows.append(jumlah("Jumlah", _angka(ada), _angka(butuh), _angka(kurang_total), ""))
    blok = [
        tabel(
            "Kebutuhan Pengembangan Personil",
            [
                NO,
                Kolom("Unit", 2.5),
                Kolom("Posisi", 2.8),
                Kolom("Jumlah Ada", 1, "angka"),
                Kolom("Jumlah Dibutuhkan", 1.2, "angka"),
                Kolom("Kekurangan", 1.2, "angka"),
                Kolom("Kompetensi yang Dibutuhkan", 5),
            ],
            rows,
            [
                "Kekurangan = jumlah dibutuhkan − jumlah ada; jumlah kekurangan tidak mengurangkan "
                "kelebihan di posisi lain."
            ],
        ),
        tabel(
            "Peningkatan Kompetensi Personil",
            [
                NO,
                Kolom("Kompetensi", 3),
                Kolom("Sasaran", 2.5),
                Kolom("Kondisi Saat Ini", 3.5),
                Kolom("Kondisi Diharapkan", 3.5),
                Kolom("Prioritas", 1.1, "tengah"),
            ],
            [
                [
                    _no(i),
                    k.kompetensi,
                    k.sasaran or "–",
                    k.kondisi_saat_ini,
                    k.kondisi_diharapkan,
                    _kapital(k.prioritas),
                ]
                for i, k in enumerate(data.peningkatan_kompetensi, start=1)
            ],
        ),
    ]
    rows = [
        [
            _no(i),
            p.id,
            _kapital(p.jenis),
            p.nama,
            p.sasaran_peserta,
            _angka(p.jumlah_peserta),
            p.waktu,
            p.penyelenggara,
            _rp(p.biaya),
        ]
        for i, p in enumerate(data.program, start=1)
    ]
    total = sum(p.biaya for p in data.program)
    rows.append(jumlah("Jumlah", _rp(total)))
    blok.append(
        tabel(
            "Program Peningkatan Kemampuan Personil",
            [
                NO,
                KODE,
                Kolom("Jenis", 1.1),
                Kolom("Program", 3),
                Kolom("Sasaran Peserta", 2.5),
                Kolom("Jumlah Peserta", 1, "angka"),
                Kolom("Waktu", 1.5),
                Kolom("Penyelenggara", 2.2),
                Kolom("Biaya (Rp)", 1.8, "angka"),
            ],
            rows,
            [f"Jumlah biaya: {idfmt.rupiah(total)} ({idfmt.terbilang_rupiah(total)})."],
        )
    )
    blok.append(
        tabel(
            "Kerangka Acuan (ToR) Program Personil",
            [KODE, Kolom("Program", 2.5), Kolom("Latar Belakang", 4), Kolom("Tujuan", 3), Kolom("Keluaran", 3)],
            [[p.id, p.nama, p.tor.latar_belakang, p.tor.tujuan, p.tor.keluaran] for p in data.program],
        )
    )
    return blok


_STATUS_UNIT = {"ada": "Tetap", "baru": "Baru", "diubah": "Disempurnakan"}


def _topik_4_5(view: WorkspaceView, data: Any) -> list[Blok]:
    unit = {u.id: u.nama for u in data.unit}
    blok = [
        tabel(
            "Rancangan Organisasi Penyelenggara Pelayanan",
            [NO, KODE, Kolom("Unit", 2.5), Kolom("Atasan Langsung", 2.5), Kolom("Status", 1.2), Kolom("Peran", 6)],
            [
                [
                    _no(i),
                    u.id,
                    u.nama,
                    unit.get(u.induk, u.induk) if u.induk else "Direksi",
                    _STATUS_UNIT[u.status],
                    u.peran,
                ]
                for i, u in enumerate(data.unit, start=1)
            ],
        ),
        tabel(
            "Tabulasi Peran, Tugas dan Tanggung Jawab Unit",
            [NO, Kolom("Unit", 2.2), Kolom("Tugas", 5.5), Kolom("Tanggung Jawab", 5.5)],
            [[_no(i), u.nama, _lines(u.tugas), _lines(u.tanggung_jawab)] for i, u in enumerate(data.unit, start=1)],
        ),
    ]
    if data.analisis_tugas:
        blok.append(
            tabel(
                "Analisis Tugas",
                [
                    NO,
                    Kolom("Unit", 2.2),
                    Kolom("Tugas", 4.5),
                    Kolom("Volume/Frekuensi", 2.5),
                    Kolom("Pelaksana", 2.5),
                    Kolom("Waktu Penyelesaian", 1.6),
                ],
                [
                    [_no(i), unit.get(a.unit, a.unit), a.tugas, a.volume, a.pelaksana, _durasi(a.waktu_penyelesaian)]
                    for i, a in enumerate(data.analisis_tugas, start=1)
                ],
            )
        )
    if data.uraian_jabatan:
        blok.append(
            tabel(
                "Uraian Jabatan",
                [
                    NO,
                    Kolom("Jabatan", 2),
                    Kolom("Unit dan Atasan", 2.2),
                    Kolom("Ikhtisar", 2.8),
                    Kolom("Tugas Pokok", 3.5),
                    Kolom("Wewenang", 2.5),
                    Kolom("Syarat Jabatan", 2.5),
                ],
                [
                    [
                        _no(i),
                        j.jabatan,
                        [unit.get(j.unit, j.unit), f"Atasan: {j.atasan_langsung}"],
                        j.ikhtisar,
                        _lines(j.tugas_pokok),
                        _lines(j.wewenang),
                        _lines(j.syarat),
                    ]
                    for i, j in enumerate(data.uraian_jabatan, start=1)
                ],
            )
        )
    return blok


def _topik_4_6(view: WorkspaceView, data: Any) -> list[Blok]:
    blok = [
        tabel(
            "Kondisi Keuangan PDAM",
            [
                NO,
                Kolom("Indikator", 3.5),
                Kolom("Nilai", 1.2, "angka"),
                Kolom("Satuan", 1),
                Kolom("Tahun", 0.8, "tengah"),
                Kolom("Sumber", 3),
                Kolom("Keterangan", 4),
            ],
            [
                [
                    _no(i),
                    k.indikator,
                    _angka(Decimal(str(k.nilai))),
                    k.satuan,
                    str(k.tahun),
                    k.sumber,
                    k.keterangan or "–",
                ]
                for i, k in enumerate(data.kondisi, start=1)
            ],
        )
    ]
    rows: list[Any] = [
        [
            _no(i),
            u.id,
            u.uraian,
            _label(u.kategori),
            _rp(u.dampak_keuangan),
            u.dasar_perhitungan or "–",
            u.sumber,
            _lines(u.prasyarat) if u.prasyarat else "–",
        ]
        for i, u in enumerate(data.usulan, start=1)
    ]
    naik = sum(u.dampak_keuangan for u in data.usulan if u.dampak_keuangan > 0)
    turun = sum(u.dampak_keuangan for u in data.usulan if u.dampak_keuangan < 0)
    bersih = naik + turun
    rows.append(jumlah("Jumlah dampak positif", _rp(naik), "", "", ""))
    rows.append(jumlah("Jumlah dampak negatif", _rp(turun), "", "", ""))
    rows.append(jumlah("Dampak bersih per tahun", _rp(bersih), "", "", ""))
    blok.append(
        tabel(
            "Usulan Peningkatan Kapasitas Keuangan",
            [
                NO,
                KODE,
                Kolom("Usulan", 4),
                Kolom("Kategori", 1.5),
                Kolom("Dampak Keuangan per Tahun (Rp)", 1.9, "angka"),
                Kolom("Dasar Perhitungan", 3.5),
                Kolom("Sumber", 1.8),
                Kolom("Prasyarat", 3),
            ],
            rows,
            [
                "Dampak positif: tambahan pendapatan atau penghematan; negatif: tambahan beban atau investasi. "
                "Dampak bersih = jumlah dampak positif + jumlah dampak negatif."
            ],
        )
    )
    return blok


def _skor_kali(skor: int, bobot: int) -> str:
    return f"{skor} × {bobot} = {_angka(skor * bobot)}"


def _topik_4_7(view: WorkspaceView, data: Any) -> list[Blok]:
    p3o = _content(view).p3o
    hasil = hitung_mcua(data)
    kriteria = data.kriteria
    rows: list[Any] = [
        [_no(i), k.id, k.nama, _angka(k.bobot), f"{k.skala_min}–{k.skala_maks}", k.keterangan or "–"]
        for i, k in enumerate(kriteria, start=1)
    ]
    rows.append(jumlah("Jumlah bobot", _angka(sum(k.bobot for k in kriteria)), "", ""))
    blok = [
        tabel(
            "Kriteria dan Bobot MCUA",
            [
                NO,
                KODE,
                Kolom("Kriteria", 3.5),
                Kolom("Bobot (%)", 1, "angka"),
                Kolom("Skala Skor", 1, "tengah"),
                Kolom("Pedoman Skor", 6),
            ],
            rows,
        )
    ]
    rank_aspek = {r.tindakan: r for a in ASPEK for r in hasil.per_aspek[a]}
    rank_all = {r.tindakan: r for r in hasil.keseluruhan}

    def _rank(r: Any) -> str:
        return f"{r.peringkat} (seri)" if r.seri else str(r.peringkat)

    def _aspek(t: Any) -> str:
        nama = p3o.aspek[t.aspek].nama
        return f"{nama}: {p3o.sub_aspek_manajemen[t.sub_aspek].nama}" if t.sub_aspek else nama

    kol = [NO, KODE, Kolom("Usulan Tindakan", 3.5), Kolom("Aspek", 1.8)]
    kol += [Kolom(f"{k.nama} (bobot {k.bobot})", 1.5, "angka") for k in kriteria]
    kol += [
        Kolom("Jumlah Nilai", 1, "angka"),
        Kolom("Peringkat dalam Aspek", 1.4, "tengah"),
        Kolom("Peringkat Keseluruhan", 1.6, "tengah"),
    ]
    rows = []
    for i, t in enumerate(data.tindakan, start=1):
        n = hasil.nilai[t.id]
        rows.append(
            [
                _no(i),
                t.id,
                t.nama,
                _aspek(t),
                *(_skor_kali(t.skor.get(k.id, 0), k.bobot) for k in kriteria),
                _angka(n.total),
                _rank(rank_aspek[t.id]),
                _rank(rank_all[t.id]),
            ]
        )
    catatan = [
        "Setiap sel kriteria: skor × bobot = nilai terbobot; jumlah nilai = jumlah nilai terbobot seluruh kriteria.",
        "Tindakan dengan jumlah nilai sama berperingkat sama (seri) sampai diputus oleh putaran ulang MCUA "
        "yang dicatat.",
    ]
    blok.append(tabel("Matriks Penilaian MCUA", kol, rows, catatan))

    for r, p in enumerate(data.putaran_ulang, start=1):
        krit = p.kriteria or kriteria
        bobot = {k.id: k.bobot for k in krit}
        kol = [NO, KODE, Kolom("Usulan Tindakan", 4), Kolom("Nilai Putaran Pertama", 1.3, "angka")]
        kol += [Kolom(f"{k.nama} (bobot {k.bobot})", 1.8, "angka") for k in krit]
        kol += [Kolom("Jumlah Nilai Putaran Ulang", 1.3, "angka"), Kolom("Urutan", 1, "tengah")]
        totals = {t: jumlah_terbobot(bobot, s) for t, s in p.skor.items()}
        levels = sorted(set(totals.values()), reverse=True)
        rows = []
        for j, tid in enumerate(p.tindakan, start=1):
            skor = p.skor.get(tid, {})
            first = hasil.nilai.get(tid)
            rows.append(
                [
                    _no(j),
                    tid,
                    _nama_tindakan(data, tid),
                    _angka(first.total) if first else "–",
                    *(_skor_kali(skor.get(k.id, 0), k.bobot) for k in krit),
                    _angka(totals.get(tid, 0)),
                    str(levels.index(totals.get(tid, 0)) + 1) if tid in totals else "–",
                ]
            )
        blok.append(
            tabel(
                f"Putaran Ulang MCUA ke-{r}: {idfmt.daftar(p.tindakan)}",
                kol,
                rows,
                [
                    c
                    for c in (
                        "Kriteria putaran ulang: "
                        + ("kriteria khusus putaran ini." if p.kriteria else "sama dengan putaran pertama."),
                        p.catatan,
                    )
                    if c
                ],
            )
        )

    rows = []
    for aspek in ASPEK:
        rows.append(Kelompok(f"Aspek {p3o.aspek[aspek].nama}"))
        for r_ in hasil.per_aspek[aspek]:
            t = next(x for x in data.tindakan if x.id == r_.tindakan)
            putaran = "; ".join(f"putaran ulang ke-{v.indeks + 1}: {_angka(v.total)}" for v in r_.putaran) or "–"
            rows.append(
                [
                    _rank(r_),
                    t.id,
                    t.nama,
                    p3o.sub_aspek_manajemen[t.sub_aspek].nama if t.sub_aspek else "–",
                    _angka(r_.total),
                    putaran,
                ]
            )
    blok.append(
        tabel(
            "Urutan Prioritas Tindakan per Aspek (Teknis, Finansial, Manajemen/P3O)",
            [
                Kolom("Peringkat", 0.9, "tengah"),
                KODE,
                Kolom("Usulan Tindakan", 6),
                Kolom("Sub-aspek P3O", 1.6),
                Kolom("Jumlah Nilai", 1.1, "angka"),
                Kolom("Nilai Putaran Ulang", 2.5),
            ],
            rows,
        )
    )
    blok.append(
        tabel(
            "Urutan Prioritas Tindakan Keseluruhan",
            [
                Kolom("Peringkat", 0.9, "tengah"),
                KODE,
                Kolom("Usulan Tindakan", 6),
                Kolom("Aspek", 2.2),
                Kolom("Jumlah Nilai", 1.1, "angka"),
                Kolom("Nilai Putaran Ulang", 2.5),
            ],
            [
                [
                    _rank(r_),
                    r_.tindakan,
                    _nama_tindakan(data, r_.tindakan),
                    _aspek(next(x for x in data.tindakan if x.id == r_.tindakan)),
                    _angka(r_.total),
                    "; ".join(f"putaran ulang ke-{v.indeks + 1}: {_angka(v.total)}" for v in r_.putaran) or "–",
                ]
                for r_ in hasil.keseluruhan
            ],
        )
    )
    for aspek in ASPEK:
        for group in hasil.seri_per_aspek[aspek]:
            blok.append(
                paragraf(
                    f"Perhatian: {idfmt.daftar(list(group))} masih bernilai sama pada aspek "
                    f"{p3o.aspek[aspek].nama}; catat putaran ulang MCUA untuk menentukan urutannya."
                )
            )
    return blok


def _nama_tindakan(data: Any, tid: str) -> str:
    return next((t.nama for t in data.tindakan if t.id == tid), tid)


# --------------------------------------------------------------------------- Tahap 5


def _indikator_logframe(ind: Any) -> str:
    return (
        f"{ind.id}: {ind.ukuran}: {_angka(Decimal(str(ind.baseline)))} → {_angka(Decimal(str(ind.target)))} "
        f"{ind.satuan} pada {bulan_tahun(ind.tenggat)}"
    )


def _rp(n: int) -> str:
    """An amount in a column headed "(Rp)": digits only, so wide budget tables stay readable."""
    return idfmt.angka(n)


def _porsi(bagian: int, total: int) -> str:
    return idfmt.persen(Decimal(bagian) / Decimal(total) * 100, 2) if total else "–"


def _topik_5_1(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    tj = data.tujuan
    rows: list[Any] = []

    def level(tingkat: str, obj: Any) -> list[Any]:
        return [
            tingkat,
            obj.id,
            obj.rumusan,
            [_indikator_logframe(i) for i in obj.indikator] or ["–"],
            [i.sumber_verifikasi for i in obj.indikator] or ["–"],
            _lines(obj.asumsi) if obj.asumsi else "–",
        ]

    rows.append(level("Tujuan", tj))
    for ss in tj.sasaran:
        rows.append(level("Sasaran", ss))
        for kl in ss.keluaran:
            rows.append(level("Keluaran", kl))
            for kg in kl.kegiatan:
                rows.append(level("Kegiatan", kg))
    blok = [
        tabel(
            "Ringkasan Smart Logframe",
            [
                Kolom("Tingkat", 1),
                KODE,
                Kolom("Rumusan", 4),
                Kolom("Indikator (baseline → target, tenggat)", 4.5),
                Kolom("Sumber Verifikasi", 3),
                Kolom("Asumsi", 2.5),
            ],
            rows,
        )
    ]
    t47 = view.get(Prioritas)
    ringkas = anggaran_workspace(view)
    assert ringkas is not None  # 5.1 is present
    years = [t.tahun for t in ringkas.per_tahun]
    kol = [
        NO,
        Kolom("Kegiatan", 3.5),
        Kolom("Tindakan (4.7)", 2),
        Kolom("Jadwal", 1.6),
        Kolom("Pelaksana", 2),
        Kolom("Penanggung Jawab", 2.2),
        Kolom("Sumber Dana", 1.3),
    ]
    kol += [Kolom(f"Biaya {y} (Rp)", 1.7, "angka") for y in years]
    kol.append(Kolom("Jumlah Biaya (Rp)", 1.8, "angka"))
    rows = []
    no = 0
    total_keluaran = {t.keluaran: t.jumlah for t in ringkas.per_keluaran}
    for _loc, kl in data.iter_keluaran():
        rows.append(Kelompok(f"Keluaran {kl.id}: {kl.rumusan}"))
        for kg in kl.kegiatan:
            no += 1
            rows.append(
                [
                    _no(no),
                    f"{kg.id}: {kg.rumusan}",
                    nama.sebut(nama.tindakan, kg.tindakan),
                    _rentang(kg.jadwal.mulai, kg.jadwal.selesai),
                    kg.pelaksana,
                    nama.orang(kg.penanggung_jawab),
                    kg.sumber_dana,
                    *(_rp(kg.biaya_per_tahun[y]) if y in kg.biaya_per_tahun else "–" for y in years),
                    _rp(kg.biaya),
                ]
            )
        per_year = [sum(kg.biaya_per_tahun.get(y, 0) for kg in kl.kegiatan) for y in years]
        rows.append(jumlah(f"Jumlah keluaran {kl.id}", *(_rp(v) for v in per_year), _rp(total_keluaran[kl.id])))
    rows.append(jumlah("Jumlah seluruh kegiatan", *(_rp(t.jumlah) for t in ringkas.per_tahun), _rp(ringkas.total)))
    blok.append(
        tabel(
            "Skema Tindakan Peningkatan Pelayanan",
            kol,
            rows,
            [
                f"Jumlah anggaran Skema Tindakan: {idfmt.rupiah(ringkas.total)} "
                f"({idfmt.terbilang_rupiah(ringkas.total)})."
            ],
        )
    )
    p3o = _content(view).p3o
    rekap: list[tuple[str, str, list[tuple[str, int]]]] = [
        (
            "Rekapitulasi Anggaran per Keluaran",
            "Keluaran",
            [(f"{t.keluaran}: {t.rumusan}", t.jumlah) for t in ringkas.per_keluaran],
        ),
        (
            "Rekapitulasi Anggaran per Aspek",
            "Aspek",
            [
                (
                    p3o.aspek[t.aspek].nama if t.aspek in p3o.aspek else "Aspek belum diketahui (Topik 4.7 belum ada)",
                    t.jumlah,
                )
                for t in ringkas.per_aspek
            ],
        ),
        (
            "Rekapitulasi Anggaran per Sumber Dana",
            "Sumber Dana",
            [(t.sumber_dana, t.jumlah) for t in ringkas.per_sumber_dana],
        ),
        ("Rekapitulasi Anggaran per Tahun", "Tahun Anggaran", [(str(t.tahun), t.jumlah) for t in ringkas.per_tahun]),
    ]
    for judul, label, items in rekap:
        rows = [[_no(i), teks, _rp(n), _porsi(n, ringkas.total)] for i, (teks, n) in enumerate(items, 1)]
        subtotal = sum(n for _t, n in items)
        rows.append(jumlah("Jumlah", _rp(subtotal), _porsi(subtotal, ringkas.total)))
        blok.append(
            tabel(
                judul, [NO, Kolom(label, 8), Kolom("Jumlah Biaya (Rp)", 2, "angka"), Kolom("Porsi", 1.2, "angka")], rows
            )
        )
    blok[-1]["catatan"] = [
        f"Keempat rekapitulasi dihitung dari biaya per tahun setiap kegiatan dan berjumlah sama: "
        f"{idfmt.rupiah(ringkas.total)}.",
        "Aspek kegiatan mengikuti aspek tindakan Topik 4.7 yang dilaksanakannya."
        if t47 is not None
        else "Topik 4.7 belum ada: aspek kegiatan belum dapat ditentukan.",
    ]
    if data.catatan:
        blok.append(paragraf(data.catatan))
    return blok


_KELOMPOK = {
    "langsung_dilaksanakan": "Dapat langsung dilaksanakan PDAM",
    "perlu_persetujuan": "Perlu persetujuan pimpinan daerah",
}


def _topik_5_2(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    skema = view.get(SkemaTindakan)
    blok: list[Blok] = []
    if skema is not None:
        groups: dict[str | None, list[Any]] = {"langsung_dilaksanakan": [], "perlu_persetujuan": [], None: []}
        for _loc, _kl, kg in skema.iter_kegiatan():
            groups[data.kelompok(kg)].append(kg)
        rows: list[Any] = []
        no = 0
        for key, items in groups.items():
            if not items:
                continue
            rows.append(Kelompok(_KELOMPOK[key] if key else "Belum dipilah"))
            for kg in items:
                no += 1
                dasar = (
                    "kegiatan"
                    if kg.id in (data.pemilahan.langsung_dilaksanakan + data.pemilahan.perlu_persetujuan)
                    else "tindakan"
                )
                rows.append(
                    [
                        _no(no),
                        f"{kg.id}: {kg.rumusan}",
                        nama.sebut(nama.tindakan, kg.tindakan),
                        f"menurut {dasar}",
                        _rp(kg.biaya),
                    ]
                )
            rows.append(jumlah("Jumlah", _rp(sum(kg.biaya for kg in items))))
        blok.append(
            tabel(
                "Pemilahan Kegiatan Skema Tindakan",
                [
                    NO,
                    Kolom("Kegiatan", 5),
                    Kolom("Tindakan (4.7)", 3.5),
                    Kolom("Dasar Pemilahan", 1.5),
                    Kolom("Biaya (Rp)", 1.8, "angka"),
                ],
                rows,
                ["Dasar pemilahan: kode kegiatan sendiri, atau kode tindakan yang dilaksanakannya (Topik 5.2)."],
            )
        )
    else:
        for key, label in _KELOMPOK.items():
            items = getattr(data.pemilahan, key)
            blok.append(daftar(label, [nama.sebut({**nama.tindakan, **nama.kegiatan}, k) for k in items]))
    blok.append(paragraf(f"Maklumat Pelayanan: \u201c{data.maklumat.teks}\u201d"))
    rows = []
    for i, s in enumerate(data.standar_pelayanan, start=1):
        biaya = [f"{b.uraian}: {idfmt.rupiah(b.jumlah) if b.jumlah else 'tidak dipungut biaya'}" for b in s.biaya_tarif]
        rows.append(
            [
                _no(i),
                s.nama_layanan,
                _lines(s.persyaratan),
                _lines(s.sistem_mekanisme_prosedur),
                f"{_angka(Decimal(str(s.jangka_waktu.nilai)))} {s.jangka_waktu.satuan}",
                biaya,
                _lines(s.produk_pelayanan),
            ]
        )
    blok.append(
        tabel(
            "Ringkasan Standar Pelayanan (Citizen Charter)",
            [
                NO,
                Kolom("Layanan", 2),
                Kolom("Persyaratan", 3.5),
                Kolom("Prosedur", 4.5),
                Kolom("Jangka Waktu", 1.3),
                Kolom("Biaya/Tarif", 2.5),
                Kolom("Produk", 2),
            ],
            rows,
            ["Komponen standar pelayanan selengkapnya dimuat dalam naskah Citizen Charter."],
        )
    )
    layanan = {s.id: s.nama_layanan for s in data.standar_pelayanan}
    blok.append(
        tabel(
            "Janji Layanan",
            [NO, Kolom("Layanan", 2.5), Kolom("Janji", 7), Kolom("Batas Waktu", 1.5)],
            [
                [
                    _no(i),
                    layanan.get(j.layanan, j.layanan) if j.layanan else "Umum",
                    j.uraian,
                    f"{_angka(Decimal(str(j.waktu.nilai)))} {j.waktu.satuan}",
                ]
                for i, j in enumerate(data.janji_layanan, start=1)
            ],
        )
    )
    blok.append(
        tabel(
            "Saluran Pengaduan",
            [NO, Kolom("Saluran", 2), Kolom("Alamat/Kontak", 5), Kolom("Jam Layanan", 3)],
            [[_no(i), k.kanal, k.alamat, k.jam_layanan] for i, k in enumerate(data.kanal_pengaduan, start=1)],
        )
    )
    blok.append(
        tabel(
            "Hak dan Kewajiban Pelanggan",
            [Kolom("Hak Pelanggan"), Kolom("Kewajiban Pelanggan")],
            [[_lines(data.hak_pelanggan), _lines(data.kewajiban_pelanggan)]],
        )
    )
    if data.sanksi_kompensasi:
        blok.append(
            tabel(
                "Sanksi dan Kompensasi",
                [NO, Kolom("Berlaku bagi", 1.5), Kolom("Keadaan", 5), Kolom("Bentuk", 5)],
                [[_no(i), s.berlaku_bagi, s.keadaan, s.bentuk] for i, s in enumerate(data.sanksi_kompensasi, 1)],
            )
        )
    blok.append(_penanda_tangan("Penanda Tangan Citizen Charter", data.penanda_tangan))
    if data.analisis_finansial:
        blok.append(paragraf(f"Analisis finansial: {data.analisis_finansial}"))
    if data.narasi_stpp:
        blok.append(paragraf(f"Draft narasi STPP: {data.narasi_stpp}"))
    return blok


def _penanda_tangan(judul: str, items: Sequence[Any]) -> Blok:
    return tabel(
        judul,
        [NO, Kolom("Nama", 3), Kolom("Jabatan", 4), Kolom("NIP", 2.5), Kolom("Pihak", 2)],
        [[_no(i), p.nama, p.jabatan, p.nip or "–", p.pihak] for i, p in enumerate(items, start=1)],
    )


def _topik_5_3(view: WorkspaceView, data: Any) -> list[Blok]:
    r = data.rapat
    blok = [
        tabel(
            "Rapat Penyepakatan Draft STPP",
            [Kolom("Unsur", 1), Kolom("Uraian", 6)],
            [
                ["Hari, tanggal", f"{idfmt.hari(r.tanggal)}, {idfmt.tanggal(r.tanggal)}"],
                ["Waktu", r.waktu or "–"],
                ["Tempat", r.tempat],
                ["Pimpinan rapat", f"{r.pimpinan_rapat.nama} ({r.pimpinan_rapat.jabatan})"],
                ["Jumlah peserta", f"{_angka(len(r.peserta))} orang"],
            ],
        ),
        tabel(
            "Peserta Rapat",
            [NO, Kolom("Nama", 3), Kolom("Jabatan", 5), Kolom("Unsur", 2)],
            [[_no(i), p.nama, p.jabatan, p.unsur] for i, p in enumerate(r.peserta, start=1)],
        ),
        tabel(
            "Tanggapan atas Draft STPP",
            [
                NO,
                Kolom("Pihak", 1.6),
                Kolom("Nama dan Jabatan", 2.5),
                Kolom("Pokok Tanggapan", 5),
                Kolom("Tindak Lanjut", 4),
            ],
            [
                [
                    _no(i),
                    t.pihak,
                    [t.nama, t.jabatan],
                    _lines(t.pokok_tanggapan),
                    _lines(t.tindak_lanjut) if t.tindak_lanjut else "–",
                ]
                for i, t in enumerate(data.tanggapan, start=1)
            ],
        ),
        daftar("Butir Kesepakatan Draft STPP", data.kesepakatan),
    ]
    jj = data.juklak_juknis
    rows: list[Any] = [
        [
            "Juklak/Juknis",
            jj.judul,
            f"Disahkan oleh {jj.disahkan_oleh}",
            _kapital(jj.status),
            _lines(jj.catatan_perbaikan) if jj.catatan_perbaikan else "–",
        ]
    ]
    nama = _Nama(view)
    for ks in data.kerja_sama:
        pihak = [nama.sh(p.stakeholder) for p in ks.para_pihak]
        rows.append(
            [
                f"Kerja sama {ks.id}",
                ks.judul,
                [*pihak, f"Jangka waktu {ks.jangka_waktu_tahun} tahun"],
                _kapital(ks.status),
                _lines(ks.catatan_perbaikan) if ks.catatan_perbaikan else "–",
            ]
        )
    blok.append(
        tabel(
            "Kesepakatan atas Juklak/Juknis dan Dokumen Kerja Sama",
            [
                Kolom("Dokumen", 1.5),
                Kolom("Judul", 4),
                Kolom("Pengesahan/Para Pihak", 3.5),
                Kolom("Status", 1.8),
                Kolom("Catatan Perbaikan", 4),
            ],
            rows,
        )
    )
    blok.append(_penanda_tangan("Penanda Tangan Berita Acara Kesepakatan", data.penanda_tangan))
    return blok


# --------------------------------------------------------------------------- Tahap 6


def _tim(judul: str, view: WorkspaceView, anggota: Sequence[Any]) -> Blok:
    nama = _Nama(view)
    return tabel(
        judul,
        [NO, Kolom("Nama", 3), Kolom("Jabatan", 6), Kolom("Peran dalam Tim", 2)],
        [
            [_no(i), nama.anggota.get(a.anggota, a.anggota), nama.jabatan.get(a.anggota, "–"), a.peran]
            for i, a in enumerate(anggota, start=1)
        ],
    )


def _topik_6_1(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    skema = view.get(SkemaTindakan)
    kegiatan = skema.kegiatan_by_id() if skema is not None else {}
    rows: list[Any] = []
    total = 0
    for i, p in enumerate(data.penyisipan, start=1):
        kg = kegiatan.get(p.kegiatan)
        total += kg.biaya if kg is not None else 0
        rows.append(
            [
                _no(i),
                nama.sebut(nama.kegiatan, p.kegiatan),
                p.jangka_waktu,
                _lines(p.dokumen_perencanaan, bernomor=False),
                p.kode_anggaran or "–",
                p.nomenklatur or "–",
                kg.sumber_dana if kg is not None else "–",
                _rp(kg.biaya) if kg is not None else "–",
            ]
        )
    if skema is not None:
        rows.append(jumlah("Jumlah", _rp(total)))
    catatan = [
        "Sumber dana dan biaya diambil dari Skema Tindakan Topik 5.1; kode anggaran menurut Permendagri 90/2019."
    ]
    belum = [k for k in kegiatan if k not in {p.kegiatan for p in data.penyisipan}]
    if belum:
        catatan.append(f"Kegiatan Topik 5.1 yang belum direncanakan penyisipannya: {idfmt.daftar(belum)}.")
    blok = [
        tabel(
            "Integrasi Kegiatan STPP ke dalam Corporate Plan dan Dokumen Perencanaan",
            [
                NO,
                Kolom("Kegiatan", 4),
                Kolom("Jangka Waktu", 1.2),
                Kolom("Dokumen Perencanaan", 2.5),
                Kolom("Kode Program/Kegiatan", 1.8),
                Kolom("Nomenklatur", 3.5),
                Kolom("Sumber Dana", 1.3),
                Kolom("Biaya (Rp)", 1.8, "angka"),
            ],
            rows,
            catatan,
        ),
        daftar("Strategi Penyisipan STPP", data.strategi_penyisipan),
    ]
    kk = data.kajian_keuangan
    blok.append(paragraf(f"Kajian keuangan (integrasi Corporate Plan): {kk.ringkasan}"))
    if kk.asumsi:
        blok.append(daftar("Asumsi Kajian Keuangan", kk.asumsi))
    if kk.dampak:
        years = sorted({y for d in kk.dampak for y in d.nilai_per_tahun})
        tanda = {"tambahan pendapatan": 1, "penghematan biaya": 1, "tambahan biaya operasional": -1}
        rows = [
            [
                _no(i),
                d.uraian,
                _kapital(d.jenis),
                *(_rp(d.nilai_per_tahun[y]) if y in d.nilai_per_tahun else "–" for y in years),
                _rp(sum(d.nilai_per_tahun.values())),
            ]
            for i, d in enumerate(kk.dampak, start=1)
        ]
        bersih = [sum(tanda[d.jenis] * d.nilai_per_tahun.get(y, 0) for d in kk.dampak) for y in years]
        rows.append(jumlah("Dampak bersih", *(_rp(v) for v in bersih), _rp(sum(bersih))))
        blok.append(
            tabel(
                "Perkiraan Dampak Keuangan per Tahun",
                [
                    NO,
                    Kolom("Uraian", 4),
                    Kolom("Jenis", 2.2),
                    *(Kolom(f"{y} (Rp)", 1.7, "angka") for y in years),
                    Kolom("Jumlah (Rp)", 1.8, "angka"),
                ],
                rows,
                ["Dampak bersih = tambahan pendapatan + penghematan biaya − tambahan biaya operasional."],
            )
        )
    blok.append(paragraf(f"Kesimpulan kajian keuangan: {kk.kesimpulan}"))
    blok.append(
        tabel(
            "Rencana Komunikasi, Lobi dan Media",
            [
                NO,
                Kolom("Kegiatan", 3),
                Kolom("Sasaran", 3),
                Kolom("Pesan Kunci", 4),
                Kolom("Media/Forum", 2.2),
                Kolom("Waktu", 1.4),
                Kolom("Penanggung Jawab", 2.2),
            ],
            [
                [
                    _no(i),
                    r.kegiatan,
                    _lines([nama.sh(s) for s in r.sasaran], bernomor=False),
                    r.pesan_kunci,
                    r.media,
                    bulan_tahun(r.waktu),
                    nama.anggota.get(r.pic, r.pic),
                ]
                for i, r in enumerate(data.rencana_komunikasi, 1)
            ],
        )
    )
    blok.append(_tim("Susunan Tim Perumus", view, data.tim_perumus.anggota))
    kebijakan: dict[str, str] = {}
    t43 = view.get(Kebijakan)
    if t43 is not None:
        kebijakan = {u.id: u.judul for u in t43.usulan}
    blok.append(
        tabel(
            "Tugas Tim Perumus",
            [
                NO,
                Kolom("Jenis Naskah", 2),
                Kolom("Judul", 6),
                Kolom("Usulan Kebijakan (4.3)", 3),
                Kolom("Tenggat", 1.5),
            ],
            [
                [
                    _no(i),
                    t.jenis,
                    t.judul,
                    nama.sebut(kebijakan, t.kebijakan) if t.kebijakan else "–",
                    bulan_tahun(t.tenggat),
                ]
                for i, t in enumerate(data.tim_perumus.tugas, start=1)
            ],
        )
    )
    return blok


def _triwulan(ym: str) -> tuple[int, int]:
    tahun, bulan = (int(x) for x in ym.split("-"))
    return tahun, (bulan - 1) // 3 + 1


def _topik_6_2(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    skema = view.get(SkemaTindakan)
    kegiatan = skema.kegiatan_by_id() if skema is not None else {}
    rows: list[Any] = []
    for i, k in enumerate(data.kegiatan_langsung, start=1):
        kg = kegiatan.get(k)
        if kg is None:
            rows.append([_no(i), k, "–", "–", "–", "–"])
            continue
        rows.append(
            [
                _no(i),
                f"{kg.id}: {kg.rumusan}",
                nama.sebut(nama.tindakan, kg.tindakan),
                nama.orang(kg.penanggung_jawab),
                _rentang(kg.jadwal.mulai, kg.jadwal.selesai),
                _rp(kg.biaya),
            ]
        )
    if skema is not None:
        rows.append(jumlah("Jumlah", _rp(sum(kegiatan[k].biaya for k in data.kegiatan_langsung if k in kegiatan))))
    blok = [
        tabel(
            "Program/Kegiatan yang Dapat Langsung Dilaksanakan PDAM",
            [
                NO,
                Kolom("Kegiatan", 4.5),
                Kolom("Tindakan (4.7)", 3),
                Kolom("Penanggung Jawab", 3),
                Kolom("Jadwal Skema Tindakan", 2.2),
                Kolom("Biaya (Rp)", 1.8, "angka"),
            ],
            rows,
        )
    ]
    rows = [
        [
            _no(i),
            nama.sebut(nama.kegiatan, j.kegiatan),
            bulan_tahun(j.mulai),
            bulan_tahun(j.selesai),
            f"{_lama_bulan(j.mulai, j.selesai)} bulan",
            _lines(j.langkah) if j.langkah else "–",
        ]
        for i, j in enumerate(data.jadwal_kerja, start=1)
    ]
    blok.append(
        tabel(
            "Jadwal Kerja Penerapan",
            [
                NO,
                Kolom("Kegiatan", 4.5),
                Kolom("Mulai", 1.4),
                Kolom("Selesai", 1.4),
                Kolom("Lama", 1, "angka"),
                Kolom("Langkah Penerapan", 5.5),
            ],
            rows,
            ["Lama dihitung dari bulan mulai sampai bulan selesai, keduanya termasuk."],
        )
    )
    awal = min(_triwulan(j.mulai) for j in data.jadwal_kerja)
    akhir = max(_triwulan(j.selesai) for j in data.jadwal_kerja)
    quarters = [(y, q) for y in range(awal[0], akhir[0] + 1) for q in range(1, 5) if awal <= (y, q) <= akhir]
    if len(quarters) <= 16:
        kol = [NO, Kolom("Kegiatan", 6)] + [Kolom(f"{idfmt.romawi(q)}/{y}", 0.8, "tengah") for y, q in quarters]
        rows = [
            [
                _no(i),
                nama.sebut(nama.kegiatan, j.kegiatan),
                *("■" if _triwulan(j.mulai) <= yq <= _triwulan(j.selesai) else "" for yq in quarters),
            ]
            for i, j in enumerate(data.jadwal_kerja, start=1)
        ]
        blok.append(
            tabel(
                "Bagan Jadwal Kerja Penerapan per Triwulan",
                kol,
                rows,
                ["Kolom: triwulan/tahun; ■ = kegiatan berlangsung pada triwulan tersebut."],
            )
        )
    mp = data.mekanisme_pengawalan
    blok.append(
        tabel(
            "Mekanisme Pengawalan Pelaksanaan",
            [
                NO,
                Kolom("Kegiatan Pengawalan", 3.5),
                Kolom("Pelaksana", 3.5),
                Kolom("Cara", 3.5),
                Kolom("Frekuensi", 1.4),
                Kolom("Laporan kepada", 2.2),
            ],
            [
                [
                    _no(i),
                    k.uraian,
                    _lines([nama.orang(p) for p in k.pelaksana], bernomor=False),
                    k.cara,
                    _kapital(k.frekuensi),
                    k.laporan_kepada,
                ]
                for i, k in enumerate(mp.kegiatan_pengawalan, start=1)
            ],
        )
    )
    blok.append(daftar("Jalur Pelaporan", mp.jalur_pelaporan))
    if mp.eskalasi:
        blok.append(
            tabel(
                "Aturan Eskalasi",
                [NO, Kolom("Keadaan", 4), Kolom("Langkah", 5), Kolom("Kepada", 3)],
                [[_no(i), e.keadaan, e.langkah, e.kepada] for i, e in enumerate(mp.eskalasi, start=1)],
            )
        )
    if data.tindak_lanjut_kerja_sama:
        blok.append(
            tabel(
                "Pembahasan Lanjutan Kerja Sama Pelaksanaan STPP",
                [NO, Kolom("Dokumen Kerja Sama", 2), Kolom("Agenda", 7), Kolom("Waktu", 1.5)],
                [
                    [_no(i), t.kerja_sama or "–", t.agenda, bulan_tahun(t.waktu)]
                    for i, t in enumerate(data.tindak_lanjut_kerja_sama, start=1)
                ],
            )
        )
    return blok


# --------------------------------------------------------------------------- Tahap 7


def _topik_7_1(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    skema = view.get(SkemaTindakan)
    letak: dict[str, tuple[str, Any]] = {}
    if skema is not None:
        tj = skema.tujuan
        for ind in tj.indikator:
            letak[ind.id] = (f"Tujuan {tj.id}", ind)
        for ss in tj.sasaran:
            for ind in ss.indikator:
                letak[ind.id] = (f"Sasaran {ss.id}", ind)
            for kl in ss.keluaran:
                for ind in kl.indikator:
                    letak[ind.id] = (f"Keluaran {kl.id}", ind)
                for kg in kl.kegiatan:
                    for ind in kg.indikator:
                        letak[ind.id] = (f"Kegiatan {kg.id}", ind)
    rows: list[Any] = []
    for i, f in enumerate(data.format_monev, start=1):
        where = letak.get(f.indikator_logframe)
        if where is not None:
            tingkat, ind = where
            rows.append(
                [
                    _no(i),
                    f"{ind.id}: {ind.ukuran}",
                    tingkat,
                    f"{_angka(Decimal(str(ind.baseline)))} {ind.satuan}",
                    f"{_angka(Decimal(str(ind.target)))} {ind.satuan}",
                    bulan_tahun(ind.tenggat),
                    _kapital(f.frekuensi),
                    f.metode,
                    f.sumber_data,
                    nama.orang(f.penanggung_jawab),
                    "",
                    "",
                ]
            )
        else:
            rows.append(
                [
                    _no(i),
                    f.indikator_logframe,
                    "–",
                    "–",
                    "–",
                    "–",
                    _kapital(f.frekuensi),
                    f.metode,
                    f.sumber_data,
                    nama.orang(f.penanggung_jawab),
                    "",
                    "",
                ]
            )
    catatan = [
        "Baseline, target dan tenggat diambil dari Smart Logframe Topik 5.1; kolom Realisasi dan Catatan "
        "diisi pada setiap putaran pemantauan."
    ]
    tanpa = [k for k in letak if k not in {f.indikator_logframe for f in data.format_monev}]
    if tanpa:
        catatan.append(f"Indikator logframe yang belum mempunyai format monev: {idfmt.daftar(tanpa)}.")
    blok = [
        tabel(
            "Format Monitoring dan Evaluasi Pelaksanaan STPP",
            [
                NO,
                Kolom("Indikator", 3.2),
                Kolom("Tingkat Logframe", 1.4),
                Kolom("Baseline", 1.1, "angka"),
                Kolom("Target", 1.1, "angka"),
                Kolom("Tenggat", 1.3),
                Kolom("Frekuensi", 1.1),
                Kolom("Metode", 2.3),
                Kolom("Sumber Data", 2.3),
                Kolom("Penanggung Jawab", 2.2),
                Kolom("Realisasi", 1.3),
                Kolom("Catatan", 1.6),
            ],
            rows,
            catatan,
        ),
        _tim("Susunan Tim Monev", view, data.tim_monev),
        tabel(
            "Rencana Kerja Tim Monev",
            [NO, Kolom("Kegiatan", 4.5), Kolom("Waktu", 1.6), Kolom("Keluaran", 4.5), Kolom("Penanggung Jawab", 3)],
            [
                [_no(i), r.kegiatan, bulan_tahun(r.waktu), r.keluaran, nama.anggota.get(r.pic, r.pic) if r.pic else "–"]
                for i, r in enumerate(data.rencana_kerja, start=1)
            ],
        ),
    ]
    return blok


def _topik_7_2(view: WorkspaceView, data: Any) -> list[Blok]:
    nama = _Nama(view)
    blok = [
        tabel(
            "Catatan Hasil Refleksi",
            [NO, Kolom("Aspek", 2.5), Kolom("Pembelajaran", 10)],
            [[_no(i), c.aspek, c.pembelajaran] for i, c in enumerate(data.catatan_refleksi, start=1)],
        )
    ]
    rows: list[Any] = []
    for i, ring in enumerate(data.bagan_bawang, start=1):
        label = f"{i} (inti)" if i == 1 else f"{i}" + (" (terluar)" if i == len(data.bagan_bawang) else "")
        rows.append([label, _lines([nama.sebut(nama.kegiatan, k) for k in ring.kegiatan]), ring.keterangan or "–"])
    blok.append(
        tabel(
            "Bagan Bawang Kegiatan",
            [Kolom("Lingkaran", 1.2, "tengah"), Kolom("Kegiatan", 7), Kolom("Tingkat Pengaruh", 4)],
            rows,
            [
                "Lingkaran 1 (inti) memuat satu kegiatan yang paling berpengaruh; lingkaran berikutnya makin ke luar "
                "makin kecil pengaruhnya."
            ],
        )
    )
    blok.append(paragraf(f"Kesimpulan Bagan Bawang: {data.kesimpulan_bagan_bawang}"))
    kd = data.kerangka_dokumen
    blok.append(paragraf(f"Judul dokumen good/best practice: {kd.judul}"))
    blok.append(
        tabel(
            "Kerangka Dokumen Good/Best Practice",
            [Kolom("Bab", 4), Kolom("Sub-bab", 5), Kolom("Kegiatan yang Dibahas", 4)],
            [
                [
                    b.judul,
                    _lines(b.sub_bab) if b.sub_bab else "–",
                    _lines([nama.sebut(nama.kegiatan, k) for k in b.topik], bernomor=False) if b.topik else "–",
                ]
                for b in kd.bab
            ],
            [f"Topik terpilih: {idfmt.daftar(kd.topik_terpilih)}."],
        )
    )
    blok.append(_tim("Susunan Tim Penulis", view, data.tim_penulis))
    blok.append(
        tabel(
            "Jadwal Penulisan",
            [
                NO,
                Kolom("Kegiatan", 5),
                Kolom("Mulai", 1.5),
                Kolom("Selesai", 1.5),
                Kolom("Lama", 1, "angka"),
                Kolom("Penanggung Jawab", 3),
            ],
            [
                [
                    _no(i),
                    j.kegiatan,
                    bulan_tahun(j.mulai),
                    bulan_tahun(j.selesai),
                    f"{_lama_bulan(j.mulai, j.selesai)} bulan",
                    nama.anggota.get(j.pic, j.pic),
                ]
                for i, j in enumerate(data.jadwal_penulisan, start=1)
            ],
        )
    )
    rows = [
        [_no(i), d.sasaran, d.media, bulan_tahun(d.waktu), _rp(d.biaya)]
        for i, d in enumerate(data.rencana_diseminasi, start=1)
    ]
    total = sum(d.biaya for d in data.rencana_diseminasi)
    rows.append(jumlah("Jumlah", _rp(total)))
    blok.append(
        tabel(
            "Rencana Diseminasi",
            [NO, Kolom("Sasaran", 5), Kolom("Media", 4), Kolom("Waktu", 1.5), Kolom("Biaya (Rp)", 1.8, "angka")],
            rows,
        )
    )
    blok.append(
        tabel(
            "Strategi Replikasi",
            [NO, Kolom("Strategi", 3), Kolom("Uraian", 7), Kolom("Sasaran", 3)],
            [[_no(i), s.strategi, s.uraian, s.sasaran] for i, s in enumerate(data.strategi_replikasi, start=1)],
        )
    )
    return blok


# --------------------------------------------------------------------------- the document

BUILDERS: dict[str, TopikBuilder] = {
    "1.1": _topik_1_1,
    "1.2": _topik_1_2,
    "2.1": _topik_2_1,
    "2.2": _topik_2_2,
    "2.3": _topik_2_3,
    "3.1": _topik_3_1,
    "3.2": _topik_3_2,
    "4.1": _topik_4_1,
    "4.2": _topik_4_2,
    "4.3": _topik_4_3,
    "4.4": _topik_4_4,
    "4.5": _topik_4_5,
    "4.6": _topik_4_6,
    "4.7": _topik_4_7,
    "5.1": _topik_5_1,
    "5.2": _topik_5_2,
    "5.3": _topik_5_3,
    "6.1": _topik_6_1,
    "6.2": _topik_6_2,
    "7.1": _topik_7_1,
    "7.2": _topik_7_2,
}


def _gambar(view: WorkspaceView, topik_id: str, data: Any) -> list[Blok]:
    """The pictures a topic's Keluaran is best read from, placed after its tables."""
    from assembler import pictures

    if topik_id == "1.1":
        return [gambar(g) for g in pictures.gambar_struktur_pokja(data, nomor=None)]
    if topik_id == "2.3":
        return [gambar(pictures.gambar_grafik_kesenjangan(data, nomor=None))]
    if topik_id == "3.2":
        return [gambar(pictures.gambar_diagram_alur_pelayanan(data, nomor=None))]
    if topik_id == "4.2":
        return [gambar(g) for layanan in data.layanan for g in pictures.gambar_bagan_alir_prosedur(layanan, nomor=None)]
    if topik_id == "7.2":
        return [gambar(pictures.gambar_bagan_bawang(data, view.get(SkemaTindakan), nomor=None))]
    return []


def tahap_of(dokumen: Dokumen) -> int:
    """``kertas-kerja-tahap-4`` -> 4."""
    return int(dokumen.id.rsplit("-", 1)[1])


def context(view: WorkspaceView, dokumen: Dokumen) -> dict[str, Any]:
    """Context of ``kertas-kerja.docx`` (contract in docs/dev/templates.md)."""
    stpp = view.stpp
    assert stpp is not None
    tahap = tahap_of(dokumen)
    judul_tahap = TAHAP_JUDUL[tahap]
    topik: list[dict[str, Any]] = []
    for t in TOPIK:
        if t.tahap != tahap:
            continue
        model = view.topic(t.id)
        if model is None:
            topik.append(
                {
                    "judul": f"Topik {t.id} {t.judul}",
                    "ada": False,
                    "keterangan": f"Topik {t.id} belum disusun.",
                    "blok": [],
                }
            )
        else:
            topik.append(
                {
                    "judul": f"Topik {t.id} {t.judul}",
                    "ada": True,
                    "keterangan": "",
                    "blok": [*BUILDERS[t.id](view, model), *_gambar(view, t.id, model)],
                }
            )
    nomori((b for t in topik for b in t["blok"]), str(tahap))
    ada = [t for t in topik if t["ada"]]
    pengantar = [
        f"Kertas kerja ini memuat hasil kesepakatan Kelompok Kerja pada Tahap {tahap} ({judul_tahap}) "
        f"sebagaimana dicatat dalam berkas ruang kerja STPP, untuk direviu bersama fasilitator pada pertemuan "
        f"berikutnya. Jumlah, peringkat, selisih, nilai terbobot dan total anggaran dihitung oleh program dari "
        f"data yang disepakati; rincian perhitungannya dicantumkan agar setiap angka dapat diperiksa kembali.",
    ]
    if len(ada) < len(topik):
        pengantar.append(f"Topik yang telah disusun: {len(ada)} dari {len(topik)} topik tahap ini.")
    return {
        **region_context(stpp),
        "tahap": str(tahap),
        "tahap_romawi": idfmt.romawi(tahap),
        "judul_tahap": judul_tahap,
        "judul": f"Kertas Kerja Tahap {tahap}: {judul_tahap}",
        "pengantar": pengantar,
        "topik": topik,
    }
