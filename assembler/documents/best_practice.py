"""Context of the good/best-practice document (``best-practice.docx``).

Built from 7.2 (reflection, Bagan Bawang, outline, Tim Penulis, writing schedule, dissemination and
replication) and enriched by the rest of the record when present: the region and utility (stpp),
the main issue (2.1, ranked by :mod:`assembler.scoring.pemeringkatan`), the key gaps (2.3, by
:mod:`assembler.analysis.kesenjangan`), the integrated solutions (3.2), the activities and budget
(5.1, :mod:`assembler.analysis.anggaran`), the implementation schedule (6.2) and monitoring (7.1).
Each chapter of the outline that names kegiatan is filled with what the record says about them, so
the Tim Penulis starts from facts rather than a blank page. Absent topics leave their part out and
the numbering closes up.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.common import daftar_gambar, region_context
from assembler.documents.kalimat import Kalimat
from assembler.documents.nama import Nama
from assembler.documents.nama import nama_pokja as nama_pokja_sk
from assembler.documents.naskah import (
    awal_kecil,
    bulan_tahun,
    butir,
    huruf_bagian,
    kalimat,
    nilai,
    nomor,
    pelaksana,
    periode,
)
from assembler.documents.registry import Dokumen
from assembler.models.tahap2 import IsuUtama, Kesenjangan
from assembler.models.tahap3 import AkarMasalah
from assembler.models.tahap4 import Prioritas
from assembler.models.tahap5 import IndikatorLogframe, SkemaTindakan
from assembler.models.tahap6 import Pelaksanaan
from assembler.models.tahap7 import DokumentasiReplikasi, FormatMonev, Monev
from assembler.pictures import gambar_bagan_bawang
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("best-practice",)

#: The document's wording (``content/best-practice.yaml``).
TEKS = Kalimat("best-practice.yaml")


def _anggota(view: WorkspaceView, kode: str) -> tuple[str, str]:
    """(name, office) of a Pokja member; the code and '–' when 1.1 is absent."""
    nama = Nama(view)
    return nama.nama_anggota(kode), nama.jabatan(kode)


def _rumusan(view: WorkspaceView, kode: str) -> str:
    return Nama(view).nama_kegiatan(kode)


def _indikator(ind: IndikatorLogframe, f: FormatMonev | None) -> str:
    """``Ukuran: awal menjadi target (tenggat), dipantau <frekuensi> dengan <metode>.``"""
    nilai_ind = {
        "ukuran": ind.ukuran,
        "awal": nilai(ind.baseline, ind.satuan),
        "target": nilai(ind.target, ind.satuan),
        "tenggat": bulan_tahun(ind.tenggat),
    }
    if f is None:
        return kalimat(TEKS("indikator", **nilai_ind))
    return kalimat(TEKS("indikator_dipantau", frekuensi=f.frekuensi, metode=awal_kecil(f.metode), **nilai_ind))


def _bahan(view: WorkspaceView, kode: str, lingkaran: dict[str, int]) -> dict[str, Any]:
    """What the record says about one kegiatan, as label/value rows for the Tim Penulis."""
    rows: list[dict[str, Any]] = []

    def add(label: str, isi: list[str] | str) -> None:
        items = [isi] if isinstance(isi, str) else isi
        if any(items):
            rows.append({"label": label, "isi": [i for i in items if i]})

    skema = view.get(SkemaTindakan)
    kg = skema.kegiatan_by_id().get(kode) if skema is not None else None
    if skema is not None and kg is not None:
        keluaran = next(kl for _loc, kl, g in skema.iter_kegiatan() if g.id == kode)
        add(TEKS("label_keluaran"), kalimat(keluaran.rumusan))
        prioritas = view.get(Prioritas)
        tindakan = next((t for t in prioritas.tindakan if t.id == kg.tindakan), None) if prioritas else None
        if tindakan is not None:
            add(TEKS("label_tindakan"), TEKS("tindakan", nama=tindakan.nama.rstrip("."), aspek=tindakan.aspek))
        add(TEKS("label_pelaksana"), kg.pelaksana)
        add(TEKS("label_penanggung_jawab"), pelaksana(view, kg.penanggung_jawab))
        add(TEKS("label_jadwal"), periode(kg.jadwal.mulai, kg.jadwal.selesai))
        add(TEKS("label_biaya"), TEKS("biaya", biaya=idfmt.rupiah(kg.biaya), sumber=kg.sumber_dana))
        pemantauan = view.get(Monev)
        monev = {f.indikator_logframe: f for f in pemantauan.format_monev} if pemantauan is not None else {}
        for label, daftar in (
            (TEKS("label_indikator_keluaran"), keluaran.indikator),
            (TEKS("label_indikator_kegiatan"), kg.indikator),
        ):
            add(label, [_indikator(ind, monev.get(ind.id)) for ind in daftar])
    pelaksanaan = view.get(Pelaksanaan)
    if pelaksanaan is not None:
        for j in pelaksanaan.jadwal_kerja:
            if j.kegiatan == kode:
                langkah = [kalimat(t) for t in j.langkah]
                add(TEKS("label_jadwal_kerja"), [periode(j.mulai, j.selesai), *langkah])
    if kode in lingkaran:
        n = lingkaran[kode]
        add(TEKS("label_bagan_bawang"), TEKS("bahan_lingkaran_inti" if n == 1 else "bahan_lingkaran", nomor=n))
    return {"kegiatan": _rumusan(view, kode), "baris": rows}


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Everything the template prints, as ready strings (see docs/dev/templates.md)."""
    stpp = view.stpp
    assert stpp is not None
    region = region_context(stpp)
    data = view.require(DokumentasiReplikasi)
    nama_pokja = nama_pokja_sk(view)

    # --- I. context ----------------------------------------------------------------------------------
    pdam_daerah = {"pdam": stpp.pdam.nama, "daerah": stpp.daerah.nama_lengkap, "provinsi": stpp.daerah.provinsi}
    penyusunan = {"tahun": stpp.tahun, "pokja": nama_pokja, "sekretariat": stpp.sekretariat_pokja}
    daerah_teks = [
        TEKS("daerah_pelanggan", pelanggan=idfmt.angka(stpp.pdam.jumlah_pelanggan), **pdam_daerah)
        if stpp.pdam.jumlah_pelanggan
        else TEKS("daerah", **pdam_daerah),
        TEKS("penyusunan_fasilitator", fasilitator=stpp.fasilitator, **penyusunan)
        if stpp.fasilitator
        else TEKS("penyusunan", **penyusunan),
    ]

    isu_teks = ""
    isu_rows: list[dict[str, str]] = []
    isu = view.get(IsuUtama)
    hasil = analisis.pemeringkatan
    if isu is not None and hasil is not None:
        isu_rows = [
            {"no": nomor(i), "rumusan": b.rumusan, "total": str(b.total), "urutan": str(b.urutan)}
            for i, b in enumerate(hasil.baris, start=1)
        ]
        if hasil.isu_utama is not None:
            utama = hasil.baris_isu(hasil.isu_utama)
            assert utama is not None
            isu_teks = TEKS("isu_utama", jumlah=len(hasil.baris), isu=utama.rumusan.rstrip("."), skor=utama.total)
        else:
            isu_teks = TEKS("isu_seri")

    gap_rows: list[dict[str, str]] = []
    gap_teks = ""
    gap = view.get(Kesenjangan)
    gaps = analisis.kesenjangan
    if gap is not None and gaps is not None:
        pilihan = [b for b in gaps.baris if b.strategis] or gaps.baris
        gap_rows = [
            {
                "no": nomor(i),
                "indikator": b.nama,
                "target": nilai(b.target, b.satuan),
                "realisasi": f"{nilai(b.realisasi, b.satuan)} ({b.tahun})",
                "selisih": nilai(abs(b.selisih), b.satuan),
                "capaian": idfmt.persen(b.persen_capaian, 1) if b.persen_capaian is not None else "–",
                "status": b.status.capitalize(),
            }
            for i, b in enumerate(pilihan, start=1)
        ]
        gap_teks = TEKS("kesenjangan", jumlah=len(gaps.baris), belum=gaps.jumlah_belum_tercapai)

    solusi = view.get(AkarMasalah)
    solusi_rows = (
        [{"nomor": nomor(i), "teks": kalimat(s.rumusan)} for i, s in enumerate(solusi.solusi_terpadu, 1)]
        if solusi is not None
        else []
    )

    kegiatan_teks = ""
    ringkasan = analisis.anggaran
    skema = view.get(SkemaTindakan)
    if skema is not None and ringkasan is not None:
        n_kg = len(list(skema.iter_kegiatan()))
        kegiatan_teks = TEKS(
            "kegiatan",
            kegiatan=n_kg,
            keluaran=len(ringkasan.per_keluaran),
            biaya=idfmt.rupiah(ringkasan.total),
            terbilang=idfmt.terbilang_rupiah(ringkasan.total),
            tujuan=skema.tujuan.rumusan.rstrip("."),
        )

    huruf = huruf_bagian(
        [
            ("daerah", True),
            ("isu", bool(isu_teks or isu_rows)),
            ("kesenjangan", bool(gap_rows)),
            ("solusi", bool(solusi_rows)),
            ("kegiatan", bool(kegiatan_teks)),
        ]
    )

    # --- II. Bagan Bawang ----------------------------------------------------------------------------
    lingkaran: dict[str, int] = {}
    bawang = []
    for i, ring in enumerate(data.bagan_bawang, start=1):
        for k in ring.kegiatan:
            lingkaran.setdefault(k, i)
        bawang.append(
            {
                "lingkaran": TEKS("lingkaran_inti", nomor=i) if i == 1 else str(i),
                "kegiatan": butir([_rumusan(view, k) for k in ring.kegiatan]),
                "keterangan": kalimat(ring.keterangan) if ring.keterangan else "",
            }
        )

    # --- III. outline --------------------------------------------------------------------------------
    kd = data.kerangka_dokumen
    kerangka = [
        {
            "judul": b.judul,
            "sub_bab": [{"nomor": nomor(i), "teks": s} for i, s in enumerate(b.sub_bab, start=1)],
            "bahan": [_bahan(view, k, lingkaran) for k in b.topik],
        }
        for b in kd.bab
    ]

    # --- IV-VIII ------------------------------------------------------------------------------------
    tim = []
    for i, a in enumerate(data.tim_penulis, start=1):
        nama, jabatan = _anggota(view, a.anggota)
        tim.append({"no": nomor(i), "nama": nama, "jabatan": jabatan, "peran": a.peran})
    jadwal = [
        {
            "no": nomor(i),
            "kegiatan": j.kegiatan,
            "waktu": periode(j.mulai, j.selesai),
            "pic": _anggota(view, j.pic)[0],
        }
        for i, j in enumerate(data.jadwal_penulisan, start=1)
    ]
    diseminasi = [
        {
            "no": nomor(i),
            "sasaran": d.sasaran,
            "media": d.media,
            "waktu": bulan_tahun(d.waktu),
            "biaya": idfmt.rupiah(d.biaya) if d.biaya else TEKS("tanpa_biaya"),
        }
        for i, d in enumerate(sorted(data.rencana_diseminasi, key=lambda d: d.waktu), start=1)
    ]
    total_diseminasi = sum(d.biaya for d in data.rencana_diseminasi)
    replikasi = [
        {"no": nomor(i), "strategi": r.strategi, "uraian": kalimat(r.uraian), "sasaran": r.sasaran}
        for i, r in enumerate(data.strategi_replikasi, start=1)
    ]

    judul_bab = [
        ("konteks", TEKS("bab_konteks")),
        ("bagan", TEKS("bab_bagan")),
        ("kerangka", TEKS("bab_kerangka")),
        ("refleksi", TEKS("bab_refleksi")),
        ("tim", TEKS("bab_tim")),
        ("diseminasi", TEKS("bab_diseminasi")),
    ]
    bab = {key: {"nomor": idfmt.romawi(i), "judul": t} for i, (key, t) in enumerate(judul_bab, start=1)}

    return {
        # cover
        "sampul_label": TEKS("sampul_label"),
        "judul": kd.judul.strip(),
        "subjudul": TEKS("subjudul", pdam=stpp.pdam.nama),
        "penyusun": TEKS("penyusun", pokja=nama_pokja),
        "daerah_kapital": region["daerah_kapital"],
        "tahun": str(stpp.tahun),
        "bab": bab,
        "huruf": huruf,
        # I
        "daerah_teks": daerah_teks,
        "isu_teks": isu_teks,
        "isu": isu_rows,
        "kesenjangan_teks": gap_teks,
        "kesenjangan": gap_rows,
        "solusi": solusi_rows,
        "kegiatan_teks": kegiatan_teks,
        # II
        "bagan_pengantar": TEKS("bagan_pengantar"),
        "bagan_bawang": bawang,
        "bagan_gambar": daftar_gambar([gambar_bagan_bawang(data, view.get(SkemaTindakan), nomor="2.1")]),
        "bagan_kesimpulan": kalimat(data.kesimpulan_bagan_bawang),
        # III
        "kerangka_judul": kd.judul.strip(),
        "topik_terpilih": [
            {"nomor": nomor(i), "teks": _rumusan(view, k)} for i, k in enumerate(kd.topik_terpilih, 1)
        ],
        "kerangka": kerangka,
        # IV-VI
        "refleksi": [
            {"no": nomor(i), "aspek": c.aspek, "pembelajaran": kalimat(c.pembelajaran)}
            for i, c in enumerate(data.catatan_refleksi, start=1)
        ],
        "tim_penulis": tim,
        "jadwal_penulisan": jadwal,
        "diseminasi": diseminasi,
        "diseminasi_total": idfmt.rupiah(total_diseminasi),
        "diseminasi_terbilang": (
            TEKS(
                "diseminasi_biaya",
                biaya=idfmt.rupiah(total_diseminasi),
                terbilang=idfmt.terbilang_rupiah(total_diseminasi),
            )
            if total_diseminasi
            else TEKS("diseminasi_tanpa_biaya")
        ),
        "replikasi": replikasi,
    }
