"""Context of the Berita Acara Kesepakatan Draft STPP (Topik 5.3).

The minutes record a meeting that already happened: the date is spelled out in words (minutes are
written so that a date cannot be altered), those present are grouped by the part of government or
society they represent, the responses of the DPRD leaders and the Kepala Daerah come first, and the
agreement lists the user's points followed by the decisions on the Juklak/Juknis and on every
inter-agency cooperation document, whose status comes from the same 5.3 file.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.common import region_context
from assembler.documents.kalimat import Kalimat
from assembler.documents.nama import nama_pokja
from assembler.documents.registry import Dokumen
from assembler.models.tahap5 import CitizenCharter, Kesepakatan, SkemaTindakan, Tanggapan
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("berita-acara-kesepakatan",)

#: The minutes' wording (``content/berita-acara.yaml``).
TEKS = Kalimat("berita-acara.yaml")

#: Groups of those present, in the order minutes list them (legislature first, then the executive).
UNSUR_URUTAN: tuple[str, ...] = (
    "DPRD",
    "Pemerintah Daerah",
    "Bappeda",
    "SKPD",
    "PDAM",
    "Masyarakat",
    "Fasilitator",
)

#: The DPRD leaders and the Kepala Daerah answer first: the guide hands the draft to them.
PIHAK_URUTAN: tuple[str, ...] = ("Pimpinan DPRD", "Kepala Daerah", "Bappeda", "SKPD Mitra Utama", "Lainnya")

#: Signature spaces on the signature table: the number and a dotted line, alternating sides.
GARIS_TTD = "……………"


def bilangan(n: int) -> str:
    """``12 (dua belas)``: counts in an official text are written in figures and in words."""
    return f"{n} ({idfmt.terbilang(n)})"


def _unsur_label(unsur: str, ctx: dict[str, Any]) -> str:
    labels = {
        "DPRD": TEKS("unsur_dprd", daerah=ctx["daerah"]),
        "Pemerintah Daerah": TEKS("unsur_pemerintah_daerah", daerah=ctx["daerah"]),
        "Bappeda": TEKS("unsur_bappeda"),
        "SKPD": TEKS("unsur_skpd"),
        "PDAM": TEKS("unsur_pdam", pdam_singkat=ctx["pdam_singkat"]),
        "Masyarakat": TEKS("unsur_masyarakat"),
        "Fasilitator": TEKS("unsur_fasilitator"),
    }
    return TEKS("unsur", unsur=labels[unsur])


def _hadir(data: Kesepakatan, ctx: dict[str, Any]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    nomor = 0
    letter = 0
    for unsur in UNSUR_URUTAN:
        members = [p for p in data.rapat.peserta if p.unsur == unsur]
        if not members:
            continue
        letter += 1
        rows = []
        for person in members:
            nomor += 1
            rows.append({"no": f"{nomor}.", "nama": person.nama, "jabatan": person.jabatan})
        groups.append(
            {"unsur": f"{idfmt.huruf(letter).upper()}. {_unsur_label(unsur, ctx)}", "peserta": rows}
        )
    return groups


def _tanggapan_judul(t: Tanggapan, ctx: dict[str, Any]) -> str:
    if t.pihak == "Pimpinan DPRD":
        return TEKS("tanggapan_dprd", daerah=ctx["daerah"])
    if t.pihak == "Kepala Daerah":
        return TEKS("tanggapan_kepala_daerah", kepala_daerah=ctx["kepala_daerah"])
    return TEKS("tanggapan_lain", jabatan=t.jabatan)


def _butir(items: list[str]) -> list[dict[str, str]]:
    return [{"huruf": f"{idfmt.huruf(i)}.", "teks": text} for i, text in enumerate(items, start=1)]


def _tanggapan(data: Kesepakatan, ctx: dict[str, Any]) -> list[dict[str, Any]]:
    ordered = sorted(
        data.tanggapan, key=lambda t: PIHAK_URUTAN.index(t.pihak)
    )  # stable: same pihak keeps order
    return [
        {
            "nomor": f"{i}.",
            "pihak": _tanggapan_judul(t, ctx),
            "penyampai": TEKS("tanggapan_penyampai", nama=t.nama, jabatan=t.jabatan),
            "pokok": _butir(t.pokok_tanggapan),
            "tindak_lanjut": _butir(t.tindak_lanjut),
        }
        for i, t in enumerate(ordered, start=1)
    ]


def _keputusan(subjek: str, status: str, catatan: list[str], penetap: str | None = None) -> str:
    """The decision on a draft as one sentence; corrections, when any, follow as lettered items.

    ``penetap`` (the Juklak/Juknis's) says who adopts the draft once agreed; a cooperation has none.
    """
    if status == "belum disepakati":
        return TEKS("belum_disepakati_rinci" if catatan else "belum_disepakati", subjek=subjek)
    perbaikan = status == "disepakati dengan perbaikan"
    if penetap is None:
        if not perbaikan:
            return TEKS("kerja_sama_disepakati", subjek=subjek)
        return TEKS("kerja_sama_perbaikan_rinci" if catatan else "kerja_sama_perbaikan", subjek=subjek)
    if not perbaikan:
        return TEKS("juklak_disepakati", subjek=subjek, penetap=penetap)
    return TEKS("juklak_perbaikan_rinci" if catatan else "juklak_perbaikan", subjek=subjek, penetap=penetap)


def _kesepakatan(data: Kesepakatan, ctx: dict[str, Any]) -> list[dict[str, Any]]:
    points: list[tuple[str, list[str]]] = [(text, []) for text in data.kesepakatan]

    jj = data.juklak_juknis
    penetap = (
        ctx["kepala_daerah"]
        if jj.disahkan_oleh == "Kepala Daerah"
        else TEKS("penetap_direksi", pdam_singkat=ctx["pdam_singkat"])
    )
    subjek = TEKS("subjek_juklak", judul=jj.judul)
    points.append((_keputusan(subjek, jj.status, jj.catatan_perbaikan, penetap), list(jj.catatan_perbaikan)))
    for ks in data.kerja_sama:
        subjek = TEKS("subjek_kerja_sama", judul=ks.judul, jangka=bilangan(ks.jangka_waktu_tahun))
        points.append((_keputusan(subjek, ks.status, ks.catatan_perbaikan), list(ks.catatan_perbaikan)))

    return [
        {"nomor": f"{i}.", "teks": text, "rincian": _butir(rincian)}
        for i, (text, rincian) in enumerate(points, start=1)
    ]


def _pengantar(view: WorkspaceView, analisis: Analisis, ctx: dict[str, Any]) -> list[str]:
    paragraphs = [
        TEKS(
            "pengantar_rapat",
            pdam=ctx["pdam"],
            pokja=nama_pokja(view),
            daerah=ctx["daerah"],
            kepala_daerah=ctx["kepala_daerah"],
        )
    ]
    skema = view.get(SkemaTindakan)
    if isinstance(skema, SkemaTindakan):
        kegiatan = [kg for _loc, _kl, kg in skema.iter_kegiatan()]
        anggaran = analisis.anggaran
        jumlah = bilangan(len(kegiatan))
        langsung = persetujuan = 0
        charter = view.get(CitizenCharter)
        if isinstance(charter, CitizenCharter):
            groups = [charter.kelompok(kg) for kg in kegiatan]
            langsung = groups.count("langsung_dilaksanakan")
            persetujuan = groups.count("perlu_persetujuan")
        kelompok = {
            "langsung": bilangan(langsung),
            "pdam_singkat": ctx["pdam_singkat"],
            "persetujuan": bilangan(persetujuan),
            "kepala_daerah": ctx["kepala_daerah"],
        }
        if anggaran is None:
            if langsung or persetujuan:
                kalimat = TEKS("pengantar_kegiatan_kelompok", jumlah=jumlah, **kelompok)
            else:
                kalimat = TEKS("pengantar_kegiatan", jumlah=jumlah)
        else:
            biaya = {"biaya": idfmt.rupiah(anggaran.total), "terbilang": idfmt.terbilang_rupiah(anggaran.total)}
            if langsung or persetujuan:
                kalimat = TEKS("pengantar_kegiatan_biaya_kelompok", jumlah=jumlah, **biaya, **kelompok)
            else:
                kalimat = TEKS("pengantar_kegiatan_biaya", jumlah=jumlah, **biaya)
        paragraphs.append(kalimat)
    return paragraphs


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Ready strings for ``berita-acara-kesepakatan.docx`` (contract in docs/dev/templates.md)."""
    stpp = view.stpp
    data = view.get(Kesepakatan)
    assert stpp is not None and isinstance(data, Kesepakatan)  # the registry requires a valid 5.3
    ctx = region_context(stpp)
    rapat = data.rapat
    d = rapat.tanggal
    waktu = rapat.waktu.strip()
    if waktu and not waktu.lower().startswith("pukul"):
        waktu = TEKS("waktu_pukul", waktu=waktu)
    jumlah_hadir = len(rapat.peserta)
    rapat_nilai = {
        "hari_tanggal": idfmt.tanggal_terbilang(d),
        "tanggal": f"{d:%d-%m-%Y}",
        "tempat": rapat.tempat,
        "pdam": ctx["pdam"],
        "pimpinan": rapat.pimpinan_rapat.nama,
        "jabatan": rapat.pimpinan_rapat.jabatan,
    }
    pembukaan = TEKS("pembukaan_waktu", waktu=waktu, **rapat_nilai) if waktu else TEKS("pembukaan", **rapat_nilai)
    penandatangan = []
    for i, s in enumerate(data.penanda_tangan, start=1):
        line = f"{i}. {GARIS_TTD}"
        penandatangan.append(
            {
                "no": f"{i}.",
                "nama": s.nama,
                "nip": s.nip,
                "jabatan": s.jabatan,
                # Odd numbers sign in the left half, even numbers in the right half.
                "ttd_kiri": line if i % 2 else "",
                "ttd_kanan": "" if i % 2 else line,
            }
        )
    return {
        **ctx,
        "judul": TEKS("judul"),
        "subjudul": TEKS("subjudul"),
        "pdam_kapital": ctx["pdam"].upper(),
        "nomor": TEKS("nomor"),
        "pembukaan": pembukaan,
        "pengantar": _pengantar(view, analisis, ctx),
        "hadir_pengantar": TEKS("hadir_pengantar", jumlah=bilangan(jumlah_hadir)),
        "hadir": _hadir(data, ctx),
        "tanggapan_pengantar": TEKS("tanggapan_pengantar"),
        "tanggapan": _tanggapan(data, ctx),
        "kesepakatan_pengantar": TEKS("kesepakatan_pengantar"),
        "kesepakatan": _kesepakatan(data, ctx),
        "penutup": TEKS("penutup"),
        "ttd_pengantar": TEKS("ttd_pengantar"),
        "penandatangan": penandatangan,
        "pimpinan_jabatan": rapat.pimpinan_rapat.jabatan,
        "pimpinan_nama": rapat.pimpinan_rapat.nama,
    }
