"""Context of the meeting kit of one topic (``pertemuan-<n.m>``): Kerangka Acuan (ToR) and Daftar Hadir.

The guide's facts per topic (objective, outputs, participants, facilitator, method, materials,
tools, time, agenda per session, follow-up) are data in ``content/topik.yaml``; the workspace adds
what only the Pokja knows: the date, hours and place from the Kalender Kerja (1.2), the invited
stakeholders, the Pokja members who sign the attendance list, and the results of the previous
topic when that topic is filled in. Regulations the guide cites (topic 2.2 above all) are printed
with their status from the catalogue, because several of the guide's 2009 references are repealed.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.content import Content, KatalogRegulasi, Regulasi, TopikPanduan, load_content
from assembler.documents.common import region_context
from assembler.documents.dasar_hukum import STATUS
from assembler.documents.kalimat import Kalimat
from assembler.documents.nama import nama_pokja, panduan_daerah
from assembler.documents.registry import Dokumen
from assembler.legal import judul as judul_regulasi
from assembler.legal import status_peringatan
from assembler.models.tahap1 import AnggotaPokja, JadwalTopik, KalenderKerja, StakeholderPokja
from assembler.models.tahap2 import IsuUtama
from assembler.topics import BY_ID, TAHAP_JUDUL, TOPIK, Topik
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("pertemuan-*",)

#: The kits' own wording (``content/pertemuan.yaml``; the guide's facts per topic are in topik.yaml).
TEKS = Kalimat("pertemuan.yaml")

#: The attendance list is printed before the meeting: enough numbered rows for walk-in guests.
BARIS_HADIR_MINIMUM = 25
#: Empty rows kept after the pre-filled names, at the least.
BARIS_KOSONG_MINIMUM = 5


def bilangan(n: int) -> str:
    """``21 (dua puluh satu)``: counts in an official text are written in figures and in words."""
    return f"{n} ({idfmt.terbilang(n)})"


def urutan(n: int) -> str:
    """``pertama``, ``kedua``, ``ketiga``: the ordinal an Indonesian sentence uses."""
    return TEKS("urutan_pertama") if n == 1 else TEKS("urutan", terbilang=idfmt.terbilang(n))


def bernomor(items: list[str], huruf: bool = False) -> list[dict[str, str]]:
    """A numbered (or lettered) list with Indonesian list punctuation: ``;``, then ``; dan``, then ``.``.

    content/topik.yaml writes items without final punctuation so the layout decides it here.
    """
    out = []
    for i, text in enumerate(items, start=1):
        text = text.rstrip().rstrip(";.")
        if i == len(items):
            end = "."
        elif i == len(items) - 1:
            end = "; dan"
        else:
            end = ";"
        label = idfmt.huruf(i) if huruf else str(i)
        out.append({"nomor": f"{label}.", "teks": text + end})
    return out


def _kalimat(text: str) -> str:
    """A facilitation step is a sentence: it ends with a full stop (a trailing colon introduces items)."""
    text = text.rstrip()
    return text if text.endswith((".", ":", "?", "!")) else text + "."


def _jam(angka: float) -> str:
    return TEKS("jam", jam=idfmt.angka(angka))


# --------------------------------------------------------------------------- date, time, place


def hari_tanggal(entry: JadwalTopik) -> str:
    """``Selasa, 3 Februari 2026`` or, over several days, ``Selasa, 17 ... s.d. Rabu, 18 November 2026``."""

    def one(d: _dt.date) -> str:
        return f"{idfmt.hari(d)}, {idfmt.tanggal(d)}"

    if entry.tanggal_selesai is not None and entry.tanggal_selesai != entry.tanggal:
        return TEKS("tanggal_rentang", mulai=one(entry.tanggal), selesai=one(entry.tanggal_selesai))
    return one(entry.tanggal)


def pukul(entry: JadwalTopik, zona: str) -> str:
    """``09.00–12.00 WIB``; without an end time ``09.00 WIB s.d. selesai``; no start time: ``""``."""
    if not entry.jam_mulai:
        return ""
    if not entry.jam_selesai:
        return TEKS("pukul_sampai_selesai", mulai=entry.jam_mulai, zona=zona)
    return f"{entry.jam_mulai}–{entry.jam_selesai} {zona}"


# --------------------------------------------------------------------------- background


def _previous(topik: Topik) -> Topik | None:
    index = TOPIK.index(topik)
    return TOPIK[index - 1] if index else None


def _latar_belakang(
    view: WorkspaceView,
    analisis: Analisis,
    topik: Topik,
    panduan: TopikPanduan,
    content: Content,
    kalender: KalenderKerja,
    ctx: dict[str, Any],
) -> list[str]:
    in_stage = [t for t in TOPIK if t.tahap == topik.tahap]
    paragraphs = [
        TEKS(
            "latar_stpp",
            pdam=ctx["pdam"],
            pokja=nama_pokja(view),
            jumlah_tahap=bilangan(len(TAHAP_JUDUL)),
            jumlah_topik=bilangan(len(TOPIK)),
            topik=topik.id,
            judul=panduan.judul,
            urutan=urutan(in_stage.index(topik) + 1),
            jumlah_topik_tahap=bilangan(len(in_stage)),
            tahap=idfmt.romawi(topik.tahap),
            tahap_judul=TAHAP_JUDUL[topik.tahap],
        )
    ]
    before = _previous(topik)
    if before is None:
        paragraphs.append(TEKS("latar_pertama"))
    else:
        opening = ""
        if before.tahap != topik.tahap:
            opening = TEKS("latar_buka_tahap", tahap=idfmt.romawi(topik.tahap)) + " "
        before_panduan = panduan_daerah(content.topik.topik[before.id], view)
        if view.has(before.id):
            entry = kalender.jadwal_topik(before.id)
            keluaran = idfmt.daftar(before_panduan.keluaran)
            if entry is not None:
                lanjut = TEKS(
                    "latar_lanjut_tanggal",
                    topik=before.id,
                    judul=before_panduan.judul,
                    tanggal=idfmt.tanggal(entry.tanggal),
                    keluaran=keluaran,
                )
            else:
                lanjut = TEKS("latar_lanjut", topik=before.id, judul=before_panduan.judul, keluaran=keluaran)
            paragraphs.append(opening + lanjut)
        else:
            paragraphs.append(opening + TEKS("latar_belum_tercatat", topik=before.id, judul=before_panduan.judul))
    isu = view.get(IsuUtama)
    if isinstance(isu, IsuUtama) and TOPIK.index(topik) > TOPIK.index(BY_ID["2.1"]):
        ranking = analisis.pemeringkatan
        utama = ranking.baris_isu(ranking.isu_utama) if ranking is not None and ranking.isu_utama else None
        if utama is not None:
            paragraphs.append(TEKS("latar_isu_utama", isu=utama.rumusan))
    paragraphs.append(TEKS("latar_pedoman", topik=topik.id))
    return paragraphs


# --------------------------------------------------------------------------- regulations


def status_regulasi(reg: Regulasi, katalog: KatalogRegulasi) -> dict[str, str]:
    """One row of the regulation table: as the guide cites it, its status, what applies now."""
    warnings = status_peringatan(reg, katalog)
    pengganti = next((str(w.params["pengganti"]) for w in warnings if "pengganti" in w.params), "")
    periksa = any(w.code in ("regulasi.periksa_jdih", "regulasi.status_tidak_diketahui") for w in warnings)
    nama = judul_regulasi(reg)
    status = STATUS[reg.status]  # the status words every document uses (dasar_hukum)
    if reg.status == "berlaku":
        berlaku = nama
    elif reg.status == "diubah":
        terakhir = katalog[reg.diubah_dengan[-1]]
        berlaku = TEKS("regulasi_diubah", nama=nama, terakhir=judul_regulasi(terakhir))
    elif reg.status in ("dicabut", "diganti", "tidak_berlaku"):
        berlaku = pengganti
    else:
        berlaku = TEKS("regulasi_periksa")
    if periksa and reg.status != "tidak_diketahui":
        status = TEKS("status_belum_terkonfirmasi", status=status)
    return {"peraturan": nama, "status": status, "berlaku": berlaku}


# --------------------------------------------------------------------------- attendance


def _hadir(pokja: StakeholderPokja | None, entry: JadwalTopik) -> list[dict[str, str]]:
    """Pokja members, then invited stakeholders not already represented, then numbered blank rows."""
    rows: list[tuple[str, str]] = []
    represented: set[str] = set()
    names: dict[str, str] = {}
    if pokja is not None:
        anggota: list[AnggotaPokja] = pokja.pokja.anggota
        rows += [(a.nama, a.jabatan) for a in anggota]
        represented = {a.stakeholder for a in anggota if a.stakeholder}
        names = {s.id: s.nama for s in pokja.stakeholders}
    for kode in entry.undangan:
        if kode not in represented:
            # The institution is invited, the person it sends is not known yet: the name stays blank.
            rows.append(("", names.get(kode, kode)))
            represented.add(kode)
    total = max(BARIS_HADIR_MINIMUM, len(rows) + BARIS_KOSONG_MINIMUM)
    total = -(-total // 5) * 5  # whole groups of five rows read and count more easily
    rows += [("", "")] * (total - len(rows))
    return [
        {
            "no": f"{i}.",
            "nama": nama,
            "jabatan": jabatan,
            # Odd numbers sign in the left half of the signature column, even numbers in the right.
            "ttd_kiri": f"{i}." if i % 2 else "",
            "ttd_kanan": "" if i % 2 else f"{i}.",
        }
        for i, (nama, jabatan) in enumerate(rows, start=1)
    ]


def _sekretaris(pokja: StakeholderPokja | None) -> AnggotaPokja | None:
    if pokja is None:
        return None
    return next(iter(pokja.pokja.dengan_kedudukan("sekretaris")), None)


# --------------------------------------------------------------------------- context


def topik_of(dokumen: Dokumen) -> Topik:
    return BY_ID[dokumen.id.removeprefix("pertemuan-")]


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Ready strings for ``pertemuan.docx`` (contract in docs/dev/templates.md)."""
    stpp = view.stpp
    kalender = view.get(KalenderKerja)
    assert stpp is not None and isinstance(kalender, KalenderKerja)  # the registry requires a valid 1.2
    topik = topik_of(dokumen)
    entry = kalender.jadwal_topik(topik.id)
    assert entry is not None  # the registry waits until the topic is scheduled
    content = view.content or load_content()
    panduan = panduan_daerah(content.topik.topik[topik.id], view)
    ctx = region_context(stpp)
    pokja = view.get(StakeholderPokja)
    pokja = pokja if isinstance(pokja, StakeholderPokja) else None
    zona = kalender.zona_waktu

    names = {s.id: s.nama for s in pokja.stakeholders} if pokja is not None else {}
    undangan = [names.get(kode, kode) for kode in entry.undangan]
    waktu = panduan.waktu
    sesi = [
        {
            "judul": TEKS("sesi", sesi=s.sesi, jam=_jam(waktu.jam_per_sesi)),
            "langkah": [
                {
                    "nomor": f"{i}.",
                    "teks": _kalimat(step.teks),
                    "rincian": bernomor(step.rincian, huruf=True),
                }
                for i, step in enumerate(s.langkah, start=1)
            ],
        }
        for s in panduan.agenda
    ]
    katalog = content.regulasi
    regulasi = [
        {"no": f"{i}.", **status_regulasi(katalog[r], katalog)}
        for i, r in enumerate(panduan.regulasi, start=1)
    ]
    sekretaris = _sekretaris(pokja)
    kegiatan = TEKS("kegiatan", topik=topik.id, judul=panduan.judul)
    return {
        **ctx,
        "pdam_kapital": ctx["pdam"].upper(),
        "topik": topik.id,
        "topik_judul": panduan.judul,
        "topik_judul_kapital": panduan.judul.upper(),
        "kegiatan": kegiatan,
        "judul_pertemuan": TEKS("judul_pertemuan", topik=topik.id),
        "tahap_label": TEKS("tahap", tahap=idfmt.romawi(topik.tahap), judul=TAHAP_JUDUL[topik.tahap]),
        "latar_belakang": _latar_belakang(view, analisis, topik, panduan, content, kalender, ctx),
        "tujuan": bernomor(panduan.tujuan),
        "keluaran": bernomor(panduan.keluaran),
        "peserta": bernomor(panduan.peserta),
        "undangan_pengantar": TEKS("undangan_pengantar") if undangan else TEKS("undangan_pokja_saja"),
        "undangan": bernomor(undangan),
        "fasilitator": bernomor(panduan.fasilitator),
        "narasumber": _kalimat(panduan.narasumber) if panduan.narasumber else "",
        "metode": bernomor(panduan.metode),
        "materi": bernomor(panduan.materi),
        "regulasi_pengantar": TEKS("regulasi_pengantar") if regulasi else "",
        "regulasi": regulasi,
        "alat_bahan": bernomor(panduan.alat_bahan),
        "hari_tanggal": hari_tanggal(entry),
        "pukul": pukul(entry, zona),
        "tempat": entry.tempat,
        "lama": TEKS(
            "lama",
            sesi=bilangan(waktu.sesi),
            jumlah=waktu.sesi,
            jam=_jam(waktu.jam_per_sesi),
            total=_jam(waktu.total_jam),
        ),
        "catatan": _kalimat(entry.catatan) if entry.catatan else "",
        "agenda_kalender": bernomor(list(entry.agenda)),
        "sesi": sesi,
        "tindak_lanjut": bernomor(panduan.tindak_lanjut),
        "hadir": _hadir(pokja, entry),
        "tanggal_ttd": idfmt.tanggal(entry.tanggal),
        "sekretaris_jabatan": TEKS("sekretaris_jabatan", pokja=pokja.pokja.nama if pokja else TEKS("pokja_umum")),
        "sekretaris_nama": sekretaris.nama if sekretaris is not None else "……………………………………",
    }
