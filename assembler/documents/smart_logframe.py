"""Context of ``smart-logframe``: the Smart Logframe (5.1) and the Skema Tindakan table with its budget.

Sources: 5.1 (the hierarchy, indicators, kegiatan), 4.7 (aspect and MCUA priority of each kegiatan's
tindakan), 5.2 (which kegiatan PDAM starts at once and which wait for the pimpinan daerah), 1.1 and
4.5 (who the penanggung jawab is, by office and name, never by code), 6.1 when present (jangka
waktu, kode anggaran). Every total comes from :mod:`assembler.analysis.anggaran`.

The builder is linear in the number of kegiatan and indicators: every lookup is a dict or set built
once, because the lead benchmarks a 2,000-kegiatan logframe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.analysis.anggaran import TotalKeluaran
from assembler.analysis.logframe import NomorLogframe
from assembler.documents.kalimat import Kalimat
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun, periode
from assembler.models.tahap4 import Prioritas
from assembler.models.tahap5 import CitizenCharter, Kegiatan, Keluaran, Sasaran, SkemaTindakan, Tujuan
from assembler.models.tahap6 import IntegrasiCorporatePlan

if TYPE_CHECKING:  # pragma: no cover
    from assembler.documents.registry import Dokumen
    from assembler.models.stpp import Stpp
    from assembler.models.tahap4 import Prioritas
    from assembler.models.tahap5 import CitizenCharter, IndikatorLogframe, Kegiatan, SkemaTindakan
    from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("smart-logframe",)

#: The document's wording (``content/smart-logframe.yaml``).
TEKS = Kalimat("smart-logframe.yaml")

JUDUL = TEKS("judul")

#: How the guide's split (Topik 5.2) reads in the Pelaksanaan column.
PELAKSANAAN = {
    "langsung_dilaksanakan": TEKS("langsung_dilaksanakan"),
    "perlu_persetujuan": TEKS("perlu_persetujuan"),
    None: TEKS("belum_dipilah"),
}

ASPEK_NAMA = {"teknis": "Teknis", "finansial": "Finansial", "manajemen": "Manajemen"}

#: 6.1's two planning horizons, as a planner names them.
JANGKA_WAKTU = {"5 tahun": TEKS("jangka_menengah"), "1-2 tahun": TEKS("jangka_pendek")}


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Ready strings for ``smart-logframe.docx`` (contract: docs/dev/templates.md)."""
    stpp = view.stpp
    skema: SkemaTindakan = view.require(SkemaTindakan)
    assert stpp is not None and skema is not None  # the registry builds this only when 5.1 is valid
    prioritas: Prioritas | None = view.get(Prioritas)
    charter: CitizenCharter | None = view.get(CitizenCharter)

    ringkasan = analisis.anggaran
    assert ringkasan is not None  # 5.1 is present
    lookup = _Lookup.of(view, analisis, stpp, prioritas, charter)
    keluaran = _skema_rows(skema, ringkasan.per_keluaran, analisis.logframe, lookup)
    total = ringkasan.total
    years = [t.tahun for t in ringkasan.per_tahun]

    return {
        "judul": _judul(stpp, years),
        "pengantar": [_pengantar(stpp)],
        "logframe": _logframe_rows(skema, analisis.logframe),
        "catatan": skema.catatan.strip(),
        "keluaran": keluaran,
        "total": idfmt.angka(total),
        "total_terbilang": idfmt.terbilang_rupiah(total),
        "total_persen": idfmt.persen(100) if total else "–",
        "per_sumber_dana": _ringkasan((s.sumber_dana, s.jumlah) for s in ringkasan.per_sumber_dana),
        "per_tahun": _ringkasan((str(t.tahun), t.jumlah) for t in ringkasan.per_tahun),
        "per_aspek": _ringkasan(
            (ASPEK_NAMA.get(a.aspek, a.aspek) if a.aspek else TEKS("aspek_kosong"), a.jumlah)
            for a in ringkasan.per_aspek
        ),
    }


# --------------------------------------------------------------------------- title


def _judul(stpp: Stpp, years: list[int]) -> list[str]:
    lines = [JUDUL, stpp.pdam.nama.upper()]
    daerah = stpp.daerah.nama_lengkap
    # The utility's legal name usually carries the region already; print it only when it does not.
    if daerah.casefold() not in stpp.pdam.nama.casefold():
        lines.append(daerah.upper())
    if years:
        lines.append(
            TEKS("tahun", tahun=years[0])
            if years[0] == years[-1]
            else TEKS("tahun_rentang", awal=years[0], akhir=years[-1])
        )
    return lines


def _pengantar(stpp: Stpp) -> str:
    return TEKS("pengantar", pdam=stpp.pdam.nama)


# --------------------------------------------------------------------------- Part A


def _logframe_rows(skema: SkemaTindakan, nomor: NomorLogframe) -> list[dict[str, str]]:
    """One row per indicator; the element's number, wording and assumptions only on its first row."""
    rows: list[dict[str, str]] = []
    tujuan = skema.tujuan

    def element(e: Tujuan | Sasaran | Keluaran | Kegiatan) -> None:
        _element_rows(rows, nomor.nomor[e.id], nomor.tingkat[e.id], e.rumusan, e.indikator, e.asumsi)

    element(tujuan)
    for ss in tujuan.sasaran:
        element(ss)
        for kl in ss.keluaran:
            element(kl)
            for kg in kl.kegiatan:
                element(kg)
    return rows


def _element_rows(
    rows: list[dict[str, str]],
    no: str,
    tingkat: str,
    rumusan: str,
    indikator: list[IndikatorLogframe],
    asumsi: list[str],
) -> None:
    first = {"no": no, "tingkat": tingkat, "rumusan": rumusan, "asumsi": "\n".join(asumsi), "vm": "restart"}
    if not indikator:
        rows.append({**first, "ukuran": "", "baseline": "", "target": "", "tenggat": "", "sumber_verifikasi": ""})
        return
    rest = {"no": "", "tingkat": "", "rumusan": "", "asumsi": "", "vm": "continue"}
    for n, ind in enumerate(indikator):
        rows.append(
            {
                **(first if n == 0 else rest),
                "ukuran": f"{ind.ukuran} ({ind.satuan})",
                "baseline": idfmt.angka(ind.baseline),
                "target": idfmt.angka(ind.target),
                "tenggat": bulan_tahun(ind.tenggat),
                "sumber_verifikasi": ind.sumber_verifikasi,
            }
        )


def jadwal(mulai: str, selesai: str) -> str:
    """``Juni–September 2026``, ``Oktober 2026–Desember 2027`` or ``Juni 2026``."""
    return periode(mulai, selesai, "–")


# --------------------------------------------------------------------------- Part B


@dataclass(frozen=True)
class _Lookup:
    """Everything a kegiatan row needs from other topics, as dicts built once."""

    orang: Mapping[str, str]  # penanggung jawab id -> office and name, or unit name
    aspek: Mapping[str, str]  # tindakan id -> "Teknis" / "Manajemen (Prosedur)"
    prioritas: Mapping[str, str]  # tindakan id -> "Prioritas 1" / "Prioritas 2 (seri)"
    tindakan: Mapping[str, str]  # tindakan id -> its wording in 4.7
    langsung: frozenset[str]
    perlu: frozenset[str]
    penyisipan: Mapping[str, tuple[str, str]]  # kegiatan id -> (jangka waktu, kode anggaran)

    @classmethod
    def of(
        cls,
        view: WorkspaceView,
        analisis: Analisis,
        stpp: Stpp,
        prioritas: Prioritas | None,
        charter: CitizenCharter | None,
    ) -> _Lookup:
        nama_kode = Nama(view)
        # An official draft names the office, as the Draft STPP it is printed with (the person in the working papers)
        orang = {kode: nama_kode.orang(kode) for kode in [*nama_kode.unit, *nama_kode.anggota]}

        aspek: dict[str, str] = {}
        peringkat: dict[str, str] = {}
        tindakan: dict[str, str] = {}
        if prioritas is not None:
            for t in prioritas.tindakan:
                nama = ASPEK_NAMA.get(t.aspek, t.aspek)
                aspek[t.id] = f"{nama} ({t.sub_aspek.capitalize()})" if t.sub_aspek else nama
                tindakan[t.id] = t.nama
            assert analisis.mcua is not None  # 4.7 is present
            for baris in analisis.mcua.per_aspek.values():
                for p in baris:
                    peringkat[p.tindakan] = TEKS("prioritas_seri" if p.seri else "prioritas", peringkat=p.peringkat)

        penyisipan: dict[str, tuple[str, str]] = {}
        integrasi = view.get(IntegrasiCorporatePlan)
        if integrasi is not None:
            for row in integrasi.penyisipan:
                kode = TEKS("kode_anggaran", kode=row.kode_anggaran) if row.kode_anggaran else ""
                penyisipan.setdefault(row.kegiatan, (JANGKA_WAKTU.get(row.jangka_waktu, row.jangka_waktu), kode))

        langsung = frozenset(charter.pemilahan.langsung_dilaksanakan) if charter else frozenset()
        perlu = frozenset(charter.pemilahan.perlu_persetujuan) if charter else frozenset()
        return cls(orang, aspek, peringkat, tindakan, langsung, perlu, penyisipan)

    def kelompok(self, kg: Kegiatan) -> str | None:
        """Same rule as :meth:`CitizenCharter.kelompok` (the kegiatan's own id wins), with sets: O(1)."""
        for key in (kg.id, kg.tindakan):
            if key in self.langsung:
                return "langsung_dilaksanakan"
            if key in self.perlu:
                return "perlu_persetujuan"
        return None


def _skema_rows(
    skema: SkemaTindakan, totals: Iterable[TotalKeluaran], nomor: NomorLogframe, lookup: _Lookup
) -> list[dict[str, Any]]:
    """Kegiatan grouped per keluaran, numbered as in Part A, each group with its subtotal."""
    groups: list[dict[str, Any]] = []
    total_iter = iter(totals)
    for _loc, kl in skema.iter_keluaran():
        subtotal = next(total_iter)
        assert subtotal.keluaran == kl.id  # anggaran lists keluaran in logframe order
        groups.append(
            {
                "judul": f"{nomor.label(kl.id)}: {kl.rumusan}",
                "kegiatan": [_kegiatan_row(nomor.nomor[kg.id], kg, lookup) for kg in kl.kegiatan],
                "jumlah_label": TEKS("jumlah_keluaran", keluaran=nomor.label(kl.id)),
                "jumlah": idfmt.angka(subtotal.jumlah),
            }
        )
    return groups


def _kegiatan_row(no: str, kg: Kegiatan, lookup: _Lookup) -> dict[str, Any]:
    jangka, kode = lookup.penyisipan.get(kg.id, ("", ""))
    tindakan = lookup.tindakan.get(kg.tindakan)
    per_tahun = sorted(kg.biaya_per_tahun.items())
    return {
        "no": no,
        "rumusan": kg.rumusan,
        "tindakan": TEKS("tindakan", tindakan=tindakan) if tindakan else "",
        "aspek": lookup.aspek.get(kg.tindakan, ""),
        "prioritas": lookup.prioritas.get(kg.tindakan, ""),
        # An id that resolves nowhere (1.1 or 4.5 absent) still prints, so nothing silently disappears.
        "penanggung_jawab": lookup.orang.get(kg.penanggung_jawab, kg.penanggung_jawab),
        "pelaksana": kg.pelaksana,
        "jadwal": jadwal(kg.jadwal.mulai, kg.jadwal.selesai),
        "jangka_waktu": jangka,
        "biaya": idfmt.angka(kg.biaya),
        # A one-year cost needs no breakdown: the schedule already names the year.
        "rincian_biaya": [f"{t}: {idfmt.angka(n)}" for t, n in per_tahun] if len(per_tahun) > 1 else [],
        "sumber_dana": kg.sumber_dana,
        "kode_anggaran": kode,
        "pelaksanaan": PELAKSANAAN[lookup.kelompok(kg)],
    }


# --------------------------------------------------------------------------- Part C


def _ringkasan(items: Iterable[tuple[str, int]]) -> list[dict[str, str]]:
    pairs = list(items)
    total = sum(n for _, n in pairs)  # the same figure as RingkasanAnggaran.total: each split is a partition
    return [
        {
            "no": f"{i}.",
            "nama": nama,
            "jumlah": idfmt.angka(n),
            "persen": idfmt.persen(n * 100 / total) if total else "–",
        }
        for i, (nama, n) in enumerate(pairs, 1)
    ]
