"""Context of the draft Keputusan Bupati/Walikota forming the Pokja (``sk-pokja``).

Every piece of numbering a lawyer cites is computed here, never typed: the Menimbang letters and
the closing "huruf a dan huruf b" reference, the Mengingat order (hierarchy, then chronology), the
diktum ordinals and the "Diktum KESATU" cross-references. Form rules: docs/referensi/format-sk.md
and UU 12/2011 Lampiran II. What the drafter must still verify (a regulation's status) goes to a
separate "Catatan untuk Bagian Hukum" page after the Lampiran, never into the decree's wording.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from assembler import idfmt, legal
from assembler.analysis.analisis import Analisis
from assembler.content import SkDefault, sk_default
from assembler.documents.catatan import Catatan, regulasi
from assembler.documents.common import daftar_gambar, region_context
from assembler.documents.dasar_hukum import catatan_bernomor, katalog_ruang_kerja, pilih_berlaku
from assembler.documents.kalimat import Kalimat
from assembler.documents.kalimat import isi as isi
from assembler.documents.nama import judul_kapital, nama_pokja_dari
from assembler.documents.registry import Dokumen
from assembler.models.stpp import Stpp
from assembler.models.tahap1 import DIKTUM_BAKU, KEDUDUKAN_LABEL, DiktumTambahan, StakeholderPokja
from assembler.models.tahap2 import Regulasi
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.pictures import gambar_struktur_pokja
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("sk-pokja",)

#: The SK's fixed forms (``content/sk-pokja.yaml``; the defaults a Pokja may replace are in sk-default.yaml).
TEKS = Kalimat("sk-pokja.yaml")

#: Name the shipped wording gives the Pokja; a 1.1 file that keeps the model's default name gets it.


# --- small pure helpers (unit-tested) ----------------------------------------------------------


def _tanpa_akhir(teks: str) -> str:
    """A list item without whatever end punctuation (or trailing 'dan') the user typed."""
    teks = teks.strip().rstrip(";.,:").rstrip()
    for akhir in ("; dan", " dan", "; atau"):
        if teks.endswith(akhir):
            teks = teks[: -len(akhir)].rstrip(";, ")
    return teks


def rincian_akhir(butir: Sequence[str]) -> list[str]:
    """Items of a list inside one sentence: ``a;`` ... ``y; dan`` ... ``z.`` (UU 12/2011 Lampiran II)."""
    bersih = [_tanpa_akhir(b) for b in butir]
    n = len(bersih)
    out = []
    for i, teks in enumerate(bersih):
        if i == n - 1:
            out.append(f"{teks}.")
        elif i == n - 2:
            out.append(f"{teks}; dan")
        else:
            out.append(f"{teks};")
    return out


def butir_menimbang(pertimbangan: Sequence[str]) -> list[dict[str, str]]:
    """Menimbang rows: ``a.``, ``b.``, ... each ending ``;``; a single consideration is not lettered."""
    items = [t.rstrip().rstrip(";.").rstrip() + ";" for t in pertimbangan]
    if len(items) == 1:
        return [{"huruf": "", "teks": items[0]}]
    return [{"huruf": f"{idfmt.huruf(i)}.", "teks": t} for i, t in enumerate(items, start=1)]


def penutup_menimbang(templat: str, jumlah: int, nilai: Mapping[str, str]) -> str:
    """The closing "bahwa berdasarkan pertimbangan ... dalam huruf a dan huruf b ..." item."""
    return isi(templat, {**nilai, "rujukan": idfmt.rujukan_huruf(jumlah)})


@dataclass(frozen=True)
class Paragraf:
    """One paragraph of a diktum; ``templat`` says the text is shipped and may hold placeholders.

    ``lanjutan`` is data appended after the placeholders are filled (a task typed in 1.1 that
    completes a shipped opening sentence).
    """

    teks: str
    huruf: str = ""
    templat: bool = True
    lanjutan: str = ""
    #: User text that may cite other diktums as ``{diktum_<key>}`` (filled, nothing else is).
    rujukan: bool = False


@dataclass(frozen=True)
class Diktum:
    """A diktum before numbering: ``kunci`` lets other diktums refer to it as ``{diktum_<kunci>}``."""

    kunci: str
    paragraf: list[Paragraf] = field(default_factory=list)


def susun_diktum(daftar: Sequence[Diktum], nilai: Mapping[str, str]) -> list[dict[str, Any]]:
    """Number the diktums (KESATU ... KEDUA BELAS ...) and fill the cross-references from positions.

    A reference such as "sebagaimana dimaksud dalam Diktum {diktum_tugas}" follows the diktum when
    one is added or dropped before it, so the printed ordinal is always the right one.
    """
    label = {f"diktum_{d.kunci}": idfmt.diktum(i) for i, d in enumerate(daftar, start=1)}
    semua = {**nilai, **label}

    def teks(p: Paragraf) -> str:
        if p.templat:
            return isi(p.teks, semua)
        if p.rujukan:  # only the known diktum keys; 1.1's check rejects any other {diktum_...}
            return _RUJUKAN.sub(lambda m: label.get(m.group(0)[1:-1], m.group(0)), p.teks)
        return p.teks

    return [
        {
            "label": label[f"diktum_{d.kunci}"],
            "paragraf": [{"huruf": p.huruf, "teks": teks(p) + p.lanjutan} for p in d.paragraf],
        }
        for d in daftar
    ]


_RUJUKAN = re.compile(r"\{diktum_[a-z0-9_]+\}")


def paragraf_tugas(pembuka: str, rincian: Sequence[str]) -> list[Paragraf]:
    """The tasks diktum: a shipped opening sentence ending ':' and lettered items (data, already filled).

    A single task stays one sentence: "... mempunyai tugas menyusun STPP."
    """
    if len(rincian) == 1:
        return [Paragraf(f"{pembuka.rstrip().rstrip(':')} ", lanjutan=f"{_tanpa_akhir(rincian[0])}.")]
    items = rincian_akhir(rincian)
    return [Paragraf(pembuka)] + [
        Paragraf(t, huruf=f"{idfmt.huruf(i)}.", templat=False) for i, t in enumerate(items, start=1)
    ]


# --- the context -------------------------------------------------------------------------------


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """The sk-pokja.docx context (docs/dev/templates.md)."""
    stpp = view.stpp
    topik = view.get(StakeholderPokja)
    assert stpp is not None and isinstance(topik, StakeholderPokja), "sk-pokja memerlukan stpp.yaml dan 1.1"
    bawaan = view.content.sk if view.content is not None else sk_default()
    region = region_context(stpp)
    kepala = region["kepala"]

    nama_pokja = nama_pokja_resmi(stpp, topik)
    judul = judul_kapital(TEKS("pembentukan", pokja=nama_pokja))
    tentang = judul.upper()
    kepala_daerah_kapital = region["kepala_daerah_kapital"]  # BUPATI LEMBAH SARI
    nomor = stpp.opsi.nomor_sk.strip()
    if not nomor:
        nomor_baris = TEKS("nomor_kosong", tahun=stpp.tahun)
    elif "/" in nomor:  # a classification code already carries its year
        nomor_baris = TEKS("nomor_kode", nomor=nomor)
    else:
        nomor_baris = TEKS("nomor", nomor=nomor, tahun=stpp.tahun)

    sekretariat = topik.sk.sekretariat or stpp.sekretariat_pokja
    nilai = {
        "daerah": region["daerah"],
        "kepala": kepala,
        "kepala_daerah": region["kepala_daerah"],
        "pdam": stpp.pdam.nama,
        "pdam_singkatan": stpp.pdam.singkatan,
        "sekretariat": sekretariat,
        "tahun_anggaran": str(stpp.tahun_apbd),
        "judul": judul,
        # One reporting line: the tasks diktum and the Lampiran send reports the same way.
        "melalui": " " + TEKS("melalui") if topik.pokja.dengan_kedudukan("penanggung_jawab") else "",
    }

    # Menimbang: the Pokja's considerations (or the shipped ones), then the computed closing item.
    pertimbangan = topik.sk.menimbang_naskah() or [isi(t, nilai) for t in bawaan.menimbang]
    menimbang = butir_menimbang(
        [*pertimbangan, penutup_menimbang(bawaan.menimbang_penutup, len(pertimbangan), nilai)]
    )

    mengingat, _catatan = _mengingat(view, topik, bawaan)

    diktum = susun_diktum(_daftar_diktum(stpp, topik, bawaan, nama_pokja, nilai), nilai)
    anggota, tugas = _lampiran(topik, bawaan, nilai)

    tembusan_teks = []
    for t in stpp.opsi.tembusan:
        t = t.strip().rstrip(";.").rstrip()
        tembusan_teks.append(t if t.lower().startswith("yth") else TEKS("tembusan", tembusan=t))
    tembusan = [
        {"nomor": f"{i}.", "teks": t + ("." if i == len(tembusan_teks) else ";")}
        for i, t in enumerate(tembusan_teks, start=1)
    ]

    return {
        "judul": TEKS("judul", kepala_daerah=kepala_daerah_kapital),
        "nomor": nomor_baris,
        "tentang": tentang,
        "jabatan": f"{kepala_daerah_kapital},",
        "menimbang": menimbang,
        "mengingat": mengingat,
        "menetapkan": TEKS("menetapkan", kepala_daerah=kepala_daerah_kapital, tentang=tentang),
        "diktum": diktum,
        "ditetapkan_di": stpp.daerah.ibu_kota,
        "tanggal_penetapan": "",
        "penandatangan_nama": stpp.kepala_daerah.nama.upper(),
        "tembusan": tembusan,
        "lampiran_kop": [TEKS("judul", kepala_daerah=kepala_daerah_kapital), nomor_baris, "TENTANG", tentang],
        "lampiran_judul": TEKS("lampiran_judul", pokja=nama_pokja.upper()),
        "bagan_pokja": daftar_gambar(gambar_struktur_pokja(topik, nomor=None)),
        "kolom_kedudukan": TEKS("kolom_kedudukan"),
        "anggota": anggota,
        "tugas_judul": TEKS("tugas_judul"),
        "tugas": tugas,
    }


def nama_pokja_resmi(stpp: Stpp, topik: StakeholderPokja) -> str:
    """The Pokja's name as the SK writes it (one rule for every document: :func:`nama.nama_pokja_dari`)."""
    return nama_pokja_dari(stpp, topik.pokja.nama)


def judul_sk_pokja(view: WorkspaceView) -> str:
    """The SK's own title as other documents cite it: ``Rancangan Keputusan Bupati X tentang Pembentukan ...``."""
    stpp = view.stpp
    topik = view.require(StakeholderPokja)
    assert stpp is not None
    kepala_daerah = region_context(stpp)["kepala_daerah"]
    judul = judul_kapital(TEKS("pembentukan", pokja=nama_pokja_resmi(stpp, topik)))
    return TEKS("rancangan_judul", kepala_daerah=kepala_daerah, judul=judul)


def catatan(view: WorkspaceView) -> list[Catatan]:
    """What the Bagian Hukum must confirm in the SK (for ``catatan-perancang``), never printed in it."""
    stpp = view.stpp
    topik = view.require(StakeholderPokja)
    assert stpp is not None
    bawaan = view.content.sk if view.content is not None else sk_default()
    _mengingat_list, status = _mengingat(view, topik, bawaan)
    out = regulasi(status)
    for a in topik.pokja.anggota:
        if "DPRD" in a.jabatan or "Dewan Perwakilan Rakyat Daerah" in a.jabatan:
            out.append(Catatan("peringatan", TEKS("catatan_dprd", jabatan=a.jabatan)))
    if not stpp.opsi.nomor_sk.strip():
        out.append(Catatan("format", TEKS("catatan_nomor")))
    return out


def _mengingat(
    view: WorkspaceView, topik: StakeholderPokja, bawaan: SkDefault
) -> tuple[list[dict[str, str]], list[str]]:
    """Legal bases in hierarchy-then-date order, each ending ';', and the drafter's notes on them.

    A repealed regulation is never cited silently: it is replaced by its catalogued successor now in
    force, or left out; either way the note says so.
    """
    katalog = katalog_ruang_kerja(view)
    kode = list(topik.sk.mengingat)
    if not kode:
        kode = list(bawaan.mengingat)
        # The shipped list knows no region; the Pokja's own Perda written out in 2.2 (the one on
        # its PDAM, typically) belongs among the legal bases of a regional decree.
        topik22 = view.get(Regulasi)
        if isinstance(topik22, TopikRegulasi):
            kode += [e.id for e in topik22.regulasi if e.id and e.jenis == "Perda" and e.status != "dicabut"]

    dipilih, catatan_ganti = pilih_berlaku(kode, katalog, TEKS("asal_mengingat"), "Mengingat")
    urut = legal.urutkan(dipilih.values())
    mengingat = [
        {"nomor": f"{i}.", "teks": f"{legal.kutip(reg, katalog)};"} for i, reg in enumerate(urut, start=1)
    ]
    catatan = catatan_bernomor(urut, katalog, catatan_ganti, "Mengingat")
    return mengingat, catatan


def _daftar_diktum(
    stpp: Stpp, topik: StakeholderPokja, bawaan: SkDefault, nama_pokja: str, nilai: Mapping[str, str]
) -> list[Diktum]:
    """Diktums in the order of format-sk rule 14: forming, tasks, working period, secretariat, cost, force."""
    d = bawaan.diktum
    # The shipped sentence names the Pokja by its usual name; a Pokja named otherwise in 1.1 keeps
    # its own name (filled in after the placeholders, as data).
    pembentukan = isi(d["pembentukan"].teks, nilai).replace(TEKS("nama_pokja_bawaan", pdam=stpp.pdam.nama), nama_pokja)
    daftar = [Diktum("pembentukan", [Paragraf(pembentukan, templat=False)])]

    rincian = topik.sk.tugas_pokja or [isi(t, nilai) for t in d["tugas"].rincian]
    daftar.append(Diktum("tugas", paragraf_tugas(d["tugas"].teks, rincian)))

    held = [k for k in KEDUDUKAN_LABEL if topik.pokja.dengan_kedudukan(k)]
    daftar.append(
        Diktum(
            "uraian",
            [
                Paragraf(
                    TEKS(
                        "uraian",
                        diktum_tugas="{diktum_tugas}",  # numbered by susun_diktum
                        kedudukan=idfmt.daftar([KEDUDUKAN_LABEL[k] for k in held]),
                    )
                )
            ],
        )
    )
    if topik.pokja.tim_inti:
        tim_inti = TEKS("tim_inti_keanggotaan_tugas" if topik.pokja.tugas.tim_inti else "tim_inti_keanggotaan")
        daftar.append(Diktum("tim_inti", [Paragraf(tim_inti, templat=False)]))
    akhir = topik.sk.masa_kerja_berakhir
    akhir_teks = idfmt.tanggal(akhir) if akhir is not None else TEKS("akhir_tahun_anggaran", tahun=stpp.tahun_apbd)
    # {diktum_pembentukan} is numbered by susun_diktum
    masa_kerja = TEKS("masa_kerja", diktum_pembentukan="{diktum_pembentukan}", tanggal=akhir_teks)
    daftar.append(Diktum("masa_kerja", [Paragraf(masa_kerja)]))
    daftar.append(Diktum("sekretariat", [Paragraf(d["sekretariat"].teks)]))
    if topik.sk.pembiayaan:
        biaya = topik.sk.pembiayaan.strip().rstrip(";.") + "."
        daftar.append(Diktum("pembiayaan", [Paragraf(biaya, templat=False)]))
    else:
        daftar.append(Diktum("pembiayaan", [Paragraf(d["pembiayaan"].teks)]))
    daftar.append(Diktum("mulai_berlaku", [Paragraf(d["mulai_berlaku"].teks)]))  # always last
    return _sisipkan(daftar, topik.sk.diktum_tambahan)


def _sisipkan(daftar: list[Diktum], tambahan: Sequence[DiktumTambahan]) -> list[Diktum]:
    """The drafter's diktums after the standard one each names (in the order written), never after the last.

    A standard diktum absent from this SK (no Tim Inti) passes its added diktums to the one before it.
    """
    keys = [d.kunci for d in daftar]
    out = list(daftar)
    for j, t in enumerate(tambahan, start=1):
        sesudah = t.sesudah
        pos = DIKTUM_BAKU.index(sesudah) if sesudah in DIKTUM_BAKU else DIKTUM_BAKU.index("pembiayaan")
        while DIKTUM_BAKU[pos] not in keys:
            pos -= 1
        anchor = DIKTUM_BAKU[pos]
        # After the anchor and the diktums already added after it.
        at = 1 + max(
            i for i, d in enumerate(out) if d.kunci == anchor or (isinstance(d, _Tambahan) and d.setelah == anchor)
        )
        at = min(at, len(out) - 1)  # "mulai berlaku" stays last
        teks = t.teks.strip()
        teks = teks[:1].upper() + teks[1:]
        if not teks.endswith("."):
            teks = teks.rstrip(";,") + "."
        out.insert(at, _Tambahan(t.kunci or f"tambahan_{j}", [Paragraf(teks, templat=False, rujukan=True)], anchor))
    return out


@dataclass(frozen=True)
class _Tambahan(Diktum):
    """An added diktum remembers the standard one it follows (so several keep their written order)."""

    setelah: str = ""


def _lampiran(
    topik: StakeholderPokja, bawaan: SkDefault, nilai: Mapping[str, str]
) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """The member table (by office, in position order) and the duties grouped per position."""
    pokja = topik.pokja
    inti = set(pokja.tim_inti)
    urutan = list(KEDUDUKAN_LABEL)
    # Members stay in the order written: 1.1 lists them "as in the Lampiran".
    anggota = [
        {
            "no": f"{i}.",
            "jabatan": a.jabatan,
            "kedudukan": (
                TEKS("kedudukan_tim_inti", kedudukan=KEDUDUKAN_LABEL[a.kedudukan])
                if a.id in inti
                else KEDUDUKAN_LABEL[a.kedudukan]
            ),
        }
        for i, a in enumerate(pokja.anggota, start=1)
    ]
    groups: list[tuple[str, list[str]]] = []
    for k in urutan:
        if not pokja.dengan_kedudukan(k):
            continue  # duties of a position nobody holds would be dead text in a decree
        own = pokja.tugas.untuk(k)
        groups.append((KEDUDUKAN_LABEL[k], own or [isi(t, nilai) for t in bawaan.tugas_kedudukan[k]]))
    if inti and pokja.tugas.tim_inti:
        groups.append((TEKS("tim_inti"), pokja.tugas.tim_inti))
    tugas = [
        {
            "huruf": f"{idfmt.huruf(i).upper()}.",
            "peran": peran,
            "butir": [{"nomor": f"{j}.", "teks": t} for j, t in enumerate(rincian_akhir(butir), start=1)],
        }
        for i, (peran, butir) in enumerate(groups, start=1)
    ]
    return anggota, tugas
