"""Topik 5.2, Penyusunan Citizen Charter.

Its working-paper section (Kertas Kerja Tahap 5), bound to the model of its file; its Draft STPP section.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _kalimat, _ref
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
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap5 import (
    CitizenCharter,
    Kegiatan,
    SkemaTindakan,
)
from assembler.models.tahap5 import Durasi as DurasiLayanan
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("5.2")

#: The two groups of 5.2's sorting and their labels' keys in content/topik.yaml.
_KELOMPOK = {"langsung_dilaksanakan": "kelompok-langsung", "perlu_persetujuan": "kelompok-persetujuan"}


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
            rows.append(Kelompok(KK.kalimat(_KELOMPOK[key] if key else "belum-dipilah")))
            for kg in items:
                no += 1
                dasar = (
                    "menurut-kegiatan"
                    if kg.id in (data.pemilahan.langsung_dilaksanakan + data.pemilahan.perlu_persetujuan)
                    else "menurut-tindakan"
                )
                rows.append(
                    [
                        _no(no),
                        f"{analisis.logframe.nomor[kg.id]} {kg.rumusan}",
                        nama.sebut(nama.tindakan, kg.tindakan),
                        KK.kalimat(dasar),
                        _rp(kg.biaya),
                    ]
                )
            rows.append(jumlah(KK.kalimat("jumlah"), _rp(sum(kg.biaya for kg in items))))
        blok.append(KK.tabel("pemilahan-kegiatan-skema-tindakan", rows, [KK.kalimat("dasar-pemilahan-kode-kegiatan")]))
    else:
        for key, label in _KELOMPOK.items():
            items = getattr(data.pemilahan, key)
            blok.append(daftar(KK.kalimat(label), [nama.sebut({**nama.tindakan, **nama.kegiatan}, k) for k in items]))
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
    layanan = nama.layanan
    blok.append(
        KK.tabel(
            "janji-layanan",
            [
                [
                    _no(i),
                    layanan.get(j.layanan, j.layanan) if j.layanan else KK.kalimat("umum"),
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
        blok.append(paragraf(KK.kalimat("analisis-finansial", teks=data.analisis_finansial)))
    if data.narasi_stpp:
        blok.append(paragraf(KK.kalimat("draft-narasi-stpp", teks=data.narasi_stpp)))
    return blok


def _durasi(d: DurasiLayanan) -> str:
    return f"{idfmt.angka(Decimal(str(d.nilai)))} {d.satuan}"


def draft_stpp(bahan: Bahan, t: CitizenCharter) -> dict[str, Any] | None:
    """Its Draft STPP section (template key ``t52``)."""
    tabel, r, pemilahan = bahan.tabel, bahan.r, bahan.pemilahan
    if pemilahan is None:
        return None
    cap_sp = tabel(5, kalimat("t52_tabel_standar"))
    cap_jl = tabel(5, kalimat("t52_tabel_janji"))
    cap_kp = tabel(5, kalimat("t52_tabel_kanal"))
    cap_l = tabel(5, kalimat("t52_tabel_langsung", pdam_singkat=r["pdam_singkat"]))
    cap_p = tabel(5, kalimat("t52_tabel_perlu", kepala_daerah=r["kepala_daerah"]))
    cap_b = tabel(5, kalimat("t52_tabel_belum")) if pemilahan["belum"] else ""
    penanda = idfmt.daftar([f"{p.jabatan} ({p.nama})" for p in t.penanda_tangan])
    tempat = ""
    if t.maklumat.tempat or t.maklumat.tanggal:
        tempat = ", ".join(
            x for x in (t.maklumat.tempat, idfmt.tanggal(t.maklumat.tanggal) if t.maklumat.tanggal else "") if x
        )
    layanan = [
        {
            "no": _nomor(i),
            "nama": s.nama_layanan,
            "waktu": _durasi(s.jangka_waktu),
            "biaya": [
                kalimat(
                    "t52_biaya",
                    uraian=b.uraian,
                    jumlah=kalimat("t52_tanpa_biaya") if b.jumlah == 0 else idfmt.rupiah(b.jumlah),
                )
                for b in s.biaya_tarif
            ],
            "produk": list(s.produk_pelayanan),
        }
        for i, s in enumerate(t.standar_pelayanan, 1)
    ]
    return {
        "pengantar": kalimat(
            "t52_pengantar",
            pdam_singkat=r["pdam_singkat"],
            tabel_standar=_ref(cap_sp),
            tabel_janji=_ref(cap_jl),
            tabel_kanal=_ref(cap_kp),
            penanda=penanda,
        ),
        "maklumat": t.maklumat.teks,
        "maklumat_tempat": tempat,
        "tabel_standar": cap_sp,
        "layanan": layanan,
        "tabel_janji": cap_jl,
        "janji": [
            {"no": _nomor(i), "uraian": j.uraian, "waktu": _durasi(j.waktu)} for i, j in enumerate(t.janji_layanan, 1)
        ],
        "tabel_kanal": cap_kp,
        "kanal": [
            {"no": _nomor(i), "kanal": k.kanal, "alamat": k.alamat, "jam": k.jam_layanan}
            for i, k in enumerate(t.kanal_pengaduan, 1)
        ],
        "hak": [_kalimat(x) for x in t.hak_pelanggan],
        "kewajiban": [_kalimat(x) for x in t.kewajiban_pelanggan],
        "kompensasi": [
            kalimat(
                "t52_kompensasi",
                jenis=kalimat("t52_kompensasi_pdam") if s.berlaku_bagi == "PDAM" else kalimat("t52_sanksi_pelanggan"),
                keadaan=s.keadaan.rstrip("."),
                bentuk=_kalimat(s.bentuk),
            )
            for s in t.sanksi_kompensasi
        ],
        "pengantar_pemilahan": kalimat(
            "t52_pengantar_pemilahan",
            pdam_singkat=r["pdam_singkat"],
            tabel_langsung=_ref(cap_l),
            kepala_daerah=r["kepala_daerah"],
            tabel_perlu=_ref(cap_p),
        ),
        "tabel_langsung": cap_l,
        "tabel_perlu": cap_p,
        "tabel_belum": cap_b,
        "pemilahan": pemilahan,
        "analisis_finansial": t.analisis_finansial,
        "narasi": t.narasi_stpp,
    }


BAGIAN = Bagian(CitizenCharter, kertas_kerja, draft_stpp)
