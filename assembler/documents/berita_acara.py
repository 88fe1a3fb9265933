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
from assembler.documents.nama import nama_pokja
from assembler.documents.registry import Dokumen
from assembler.models.tahap5 import CitizenCharter, Kesepakatan, SkemaTindakan, Tanggapan
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("berita-acara-kesepakatan",)

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
        "DPRD": f"Dewan Perwakilan Rakyat Daerah {ctx['daerah']}",
        "Pemerintah Daerah": f"Pemerintah {ctx['daerah']}",
        "Bappeda": "Badan Perencanaan Pembangunan Daerah",
        "SKPD": "Perangkat Daerah Terkait",
        "PDAM": ctx["pdam_singkat"],
        "Masyarakat": "Masyarakat dan Pelanggan",
        "Fasilitator": "Fasilitator",
    }
    return f"Unsur {labels[unsur]}"


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
        return f"Tanggapan Pimpinan Dewan Perwakilan Rakyat Daerah {ctx['daerah']}"
    if t.pihak == "Kepala Daerah":
        return f"Tanggapan {ctx['kepala_daerah']}"
    return f"Tanggapan {t.jabatan}"


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
            "penyampai": (
                f"Disampaikan oleh {t.nama} ({t.jabatan}), dengan pokok-pokok tanggapan sebagai berikut:"
            ),
            "pokok": _butir(t.pokok_tanggapan),
            "tindak_lanjut": _butir(t.tindak_lanjut),
        }
        for i, t in enumerate(ordered, start=1)
    ]


def _keputusan(subjek: str, status: str, catatan: list[str], tujuan: str = "") -> str:
    """The decision on a draft as one sentence; corrections, when any, follow as lettered items."""
    if status == "disepakati":
        return f"{subjek} disepakati{tujuan}."
    if status == "disepakati dengan perbaikan":
        if catatan:
            return f"{subjek} disepakati{tujuan} dengan perbaikan sebagai berikut:"
        return f"{subjek} disepakati dengan perbaikan{tujuan}."
    lanjut = " dengan catatan sebagai berikut:" if catatan else "."
    return f"{subjek} belum disepakati dan akan dibahas kembali oleh Kelompok Kerja{lanjut}"


def _kesepakatan(data: Kesepakatan, ctx: dict[str, Any]) -> list[dict[str, Any]]:
    points: list[tuple[str, list[str]]] = [(text, []) for text in data.kesepakatan]

    jj = data.juklak_juknis
    penetap = (
        ctx["kepala_daerah"] if jj.disahkan_oleh == "Kepala Daerah" else f"Direksi {ctx['pdam_singkat']}"
    )
    subjek = f"Draft {jj.judul} (Juklak/Juknis)"
    points.append(
        (
            _keputusan(subjek, jj.status, jj.catatan_perbaikan, f" untuk ditetapkan oleh {penetap}"),
            list(jj.catatan_perbaikan),
        )
    )
    for ks in data.kerja_sama:
        subjek = f"Draft {ks.judul} dengan jangka waktu kerja sama {bilangan(ks.jangka_waktu_tahun)} tahun"
        points.append((_keputusan(subjek, ks.status, ks.catatan_perbaikan), list(ks.catatan_perbaikan)))

    return [
        {"nomor": f"{i}.", "teks": text, "rincian": _butir(rincian)}
        for i, (text, rincian) in enumerate(points, start=1)
    ]


def _pengantar(view: WorkspaceView, analisis: Analisis, ctx: dict[str, Any]) -> list[str]:
    paragraphs = [
        f"Rapat membahas Draft Skema Tindakan Peningkatan Pelayanan (STPP) {ctx['pdam']} yang disusun oleh "
        f"{nama_pokja(view)} dan telah disampaikan kepada Pimpinan "
        f"Dewan Perwakilan Rakyat Daerah {ctx['daerah']} dan {ctx['kepala_daerah']}."
    ]
    skema = view.get(SkemaTindakan)
    if isinstance(skema, SkemaTindakan):
        kegiatan = [kg for _loc, _kl, kg in skema.iter_kegiatan()]
        anggaran = analisis.anggaran
        kalimat = f"Draft STPP memuat {bilangan(len(kegiatan))} kegiatan"
        if anggaran is not None:
            kalimat += (
                f" dengan perkiraan biaya seluruhnya {idfmt.rupiah(anggaran.total)} "
                f"({idfmt.terbilang_rupiah(anggaran.total)})"
            )
        charter = view.get(CitizenCharter)
        if isinstance(charter, CitizenCharter):
            groups = [charter.kelompok(kg) for kg in kegiatan]
            langsung = groups.count("langsung_dilaksanakan")
            persetujuan = groups.count("perlu_persetujuan")
            if langsung or persetujuan:
                kalimat += (
                    f", terdiri atas {bilangan(langsung)} kegiatan yang dapat langsung dilaksanakan oleh "
                    f"{ctx['pdam_singkat']} dan {bilangan(persetujuan)} kegiatan yang memerlukan persetujuan "
                    f"{ctx['kepala_daerah']}"
                )
        paragraphs.append(kalimat + ".")
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
        waktu = f"pukul {waktu}"
    jumlah_hadir = len(rapat.peserta)
    pembukaan = (
        f"Pada hari ini {idfmt.tanggal_terbilang(d)} ({d:%d-%m-%Y}), bertempat di {rapat.tempat}"
        f"{', ' + waktu if waktu else ''}, telah diselenggarakan Rapat Penyepakatan Draft Skema Tindakan "
        f"Peningkatan Pelayanan {ctx['pdam']} yang dipimpin oleh {rapat.pimpinan_rapat.nama}, "
        f"{rapat.pimpinan_rapat.jabatan}."
    )
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
        "judul": "BERITA ACARA KESEPAKATAN",
        "subjudul": "DRAFT SKEMA TINDAKAN PENINGKATAN PELAYANAN",
        "pdam_kapital": ctx["pdam"].upper(),
        "nomor": "Nomor: ………………………………",
        "pembukaan": pembukaan,
        "pengantar": _pengantar(view, analisis, ctx),
        "hadir_pengantar": f"Rapat dihadiri oleh {bilangan(jumlah_hadir)} orang sebagai berikut:",
        "hadir": _hadir(data, ctx),
        "tanggapan_pengantar": "Atas Draft STPP tersebut disampaikan tanggapan sebagai berikut:",
        "tanggapan": _tanggapan(data, ctx),
        "kesepakatan_pengantar": (
            "Setelah mendengar dan membahas tanggapan tersebut, rapat menyepakati hal-hal sebagai berikut:"
        ),
        "kesepakatan": _kesepakatan(data, ctx),
        "penutup": (
            "Demikian Berita Acara ini dibuat dengan sebenarnya dan ditandatangani bersama untuk "
            "dipergunakan sebagaimana mestinya."
        ),
        "ttd_pengantar": "Berita Acara ini ditandatangani oleh:",
        "penandatangan": penandatangan,
        "pimpinan_jabatan": rapat.pimpinan_rapat.jabatan,
        "pimpinan_nama": rapat.pimpinan_rapat.nama,
    }
