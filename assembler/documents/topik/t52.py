"""Topik 5.2, Penyusunan Citizen Charter.

Its working-paper section (Kertas Kerja Tahap 5), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from decimal import Decimal

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents import draft_stpp
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.kertas_kerja.umum import (
    _angka,
    _lines,
    _no,
    _penanda_tangan,
    _rp,
)
from assembler.documents.lembar import (
    Blok,
    Isi,
    Kelompok,
    daftar,
    jumlah,
    paragraf,
)
from assembler.documents.nama import Nama
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap5 import (
    CitizenCharter,
    Kegiatan,
    SkemaTindakan,
)
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("5.2")

_KELOMPOK = {
    "langsung_dilaksanakan": "Dapat langsung dilaksanakan PDAM",
    "perlu_persetujuan": "Perlu persetujuan pimpinan daerah",
}


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: CitizenCharter) -> list[Blok]:
    """Kertas Kerja Tahap 5, Topik 5.2."""
    nama = Nama(view)
    skema = view.get(SkemaTindakan)
    blok: list[Blok] = []
    if skema is not None:
        groups: dict[str | None, list[Kegiatan]] = {"langsung_dilaksanakan": [], "perlu_persetujuan": [], None: []}
        for _loc, _kl, kg in skema.iter_kegiatan():
            groups[data.kelompok(kg)].append(kg)
        rows: list[Isi] = []
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
                        f"{analisis.logframe.nomor[kg.id]} {kg.rumusan}",
                        nama.sebut(nama.tindakan, kg.tindakan),
                        f"menurut {dasar}",
                        _rp(kg.biaya),
                    ]
                )
            rows.append(jumlah("Jumlah", _rp(sum(kg.biaya for kg in items))))
        blok.append(KK.tabel("pemilahan-kegiatan-skema-tindakan", rows, [KK.kalimat("dasar-pemilahan-kode-kegiatan")]))
    else:
        for key, label in _KELOMPOK.items():
            items = getattr(data.pemilahan, key)
            blok.append(daftar(label, [nama.sebut({**nama.tindakan, **nama.kegiatan}, k) for k in items]))
    blok.append(paragraf(KK.kalimat("maklumat-pelayanan", teks=data.maklumat.teks)))
    rows = []
    for i, s in enumerate(data.standar_pelayanan, start=1):
        biaya = [f"{b.uraian}: {idfmt.rupiah(b.jumlah) if b.jumlah else 'tidak dipungut biaya'}" for b in s.biaya_tarif]
        rows.append(
            [
                _no(i),
                s.nama_layanan,
                _lines(s.persyaratan),
                _lines(analisis.prosedur_layanan.get(s.id, s.sistem_mekanisme_prosedur)),
                f"{_angka(Decimal(str(s.jangka_waktu.nilai)))} {s.jangka_waktu.satuan}",
                biaya,
                _lines(s.produk_pelayanan),
            ]
        )
    blok.append(
        KK.tabel("ringkasan-standar-pelayanan-citizen", rows, [KK.kalimat("komponen-standar-pelayanan-selengkapnya")])
    )
    layanan = {s.id: s.nama_layanan for s in data.standar_pelayanan}
    blok.append(
        KK.tabel(
            "janji-layanan",
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
        KK.tabel(
            "saluran-pengaduan",
            [[_no(i), k.kanal, k.alamat, k.jam_layanan] for i, k in enumerate(data.kanal_pengaduan, start=1)],
        )
    )
    blok.append(KK.tabel("hak-kewajiban-pelanggan", [[_lines(data.hak_pelanggan), _lines(data.kewajiban_pelanggan)]]))
    if data.sanksi_kompensasi:
        blok.append(
            KK.tabel(
                "sanksi-kompensasi",
                [[_no(i), s.berlaku_bagi, s.keadaan, s.bentuk] for i, s in enumerate(data.sanksi_kompensasi, 1)],
            )
        )
    blok.append(_penanda_tangan(KK, "penanda-tangan", data.penanda_tangan))
    if data.analisis_finansial:
        blok.append(paragraf(f"Analisis finansial: {data.analisis_finansial}"))
    if data.narasi_stpp:
        blok.append(paragraf(f"Draft narasi STPP: {data.narasi_stpp}"))
    return blok


BAGIAN = Bagian(CitizenCharter, kertas_kerja, draft_stpp.BAGIAN["5.2"])
