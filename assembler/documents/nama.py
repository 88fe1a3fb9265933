"""One vocabulary for rendering: every workspace code a document mentions, as a reader names it.

Codes ('m-kabid-teknik', 'u-hublang', 'kg-1.1') link the working files; the documents print
names. Every builder resolves codes here, so a person, unit, action, activity, output, issue or
regulation is named the same way in every document. A code whose topic is absent prints as itself,
so a reader still sees which entry is meant (and the test of the example package sees the leak).

Formats (the same everywhere):
- ``orang``: a Pokja member by office (the office outlives the person, as the SK lists them ex
  officio); a unit of 4.5 by its name with the utility's short name ('Bagian Teknik Perumda ...').
- ``orang_lengkap``: the office with the person's name, 'Kepala Bagian Teknik (Ir. Budi)', in the
  working papers only (the Pokja knows who does what); every official draft names the office.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from assembler import interrupts
from assembler.documents.dasar_hukum import katalog_ruang_kerja
from assembler.documents.kalimat import Kalimat
from assembler.legal import judul as judul_regulasi
from assembler.models.stpp import Stpp
from assembler.models.tahap1 import AnggotaPokja, Pokja, StakeholderPokja
from assembler.models.tahap2 import IsuUtama, Kesenjangan
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.models.tahap3 import AkarMasalah
from assembler.models.tahap4 import KapasitasTeknis, Kebijakan, Organisasi, Prioritas, Tindakan
from assembler.models.tahap5 import CitizenCharter, Kesepakatan, SkemaTindakan
from assembler.workspace_view import WorkspaceView

_KATA_KECIL = frozenset(
    [
        "dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "pada", "dalam", "tentang", "atas",
        "terhadap", "bagi", "oleh", "dengan", "sebagai", "antara", "melalui", "menjadi",
    ]
)


def judul_kapital(teks: str) -> str:
    """Title Case as regional decrees write a title inside a sentence.

    Every word gets a capital initial except conjunctions and prepositions (not the first word);
    words already holding capitals past their first letter (PDAM, STPP, DPRD) are kept as written.
    """
    kata = teks.split()
    hasil = []
    for i, k in enumerate(kata):
        if i > 0 and k.lower() in _KATA_KECIL:
            hasil.append(k.lower())
        elif any(c.isupper() for c in k[1:]):
            hasil.append(k)
        else:
            hasil.append(k[:1].upper() + k[1:])
    return " ".join(hasil)


#: The Pokja's usual name (1.1's default); documents print it with the utility's legal name.
NAMA_POKJA_BAWAAN = str(Pokja.model_fields["nama"].default)

#: The SK's forms (``content/sk-pokja.yaml``): the usual name completed with the utility's legal name.
TEKS_SK = Kalimat("sk-pokja.yaml")

#: How the guide writes "the head of either kind of region"; a workspace reads its own office instead.
_KEPALA_GANDA = ("Bupati/Walikota", "Bupati/Wali Kota", "Bupati / Walikota", "Bupati atau Walikota")

P = TypeVar("P", bound=BaseModel)


def nama_pokja_dari(stpp: Stpp | None, nama: str) -> str:
    """The Pokja's name as its SK forms it: the usual name completed with the utility's legal name."""
    if nama == NAMA_POKJA_BAWAAN and stpp is not None:
        return TEKS_SK("nama_pokja_bawaan", pdam=stpp.pdam.nama)
    return nama


def nama_pokja(view: WorkspaceView) -> str:
    """The Pokja's name exactly as its SK forms it, for every document that names the Pokja (issue 11)."""
    t11 = view.get(StakeholderPokja)
    return nama_pokja_dari(view.stpp, str(t11.pokja.nama) if t11 is not None else NAMA_POKJA_BAWAAN)


def sesuai_daerah(teks: str, view: WorkspaceView) -> str:
    """Guide text written for both kinds of region ('SK Bupati/Walikota') as this region reads it."""
    if view.stpp is None:
        return teks
    for ganda in _KEPALA_GANDA:
        teks = teks.replace(ganda, view.stpp.daerah.kepala)
    return teks


def panduan_daerah(panduan: P, view: WorkspaceView) -> P:
    """A guide entry (content/topik.yaml) with every text made region-specific by :func:`sesuai_daerah`."""

    def ganti(value: object) -> object:
        if isinstance(value, str):
            return sesuai_daerah(value, view)
        if isinstance(value, list):
            return [ganti(v) for v in value]
        if isinstance(value, dict):
            return {k: ganti(v) for k, v in value.items()}
        return value

    with interrupts.deferred():
        return type(panduan).model_validate(ganti(panduan.model_dump()))


def nama_unit(view: WorkspaceView, nama: str) -> str:
    """A unit's name with its utility's short name, unless the name already carries it."""
    # "Bagian Teknik" alone could be a Bagian of the Sekretariat Daerah; the utility's name settles it.
    stpp = view.stpp
    if stpp is None or stpp.pdam.singkatan.casefold() in nama.casefold():
        return nama
    return f"{nama} {stpp.pdam.singkatan}"


class Nama:
    """Display names of the codes of one workspace, built once per document."""

    def __init__(self, view: WorkspaceView) -> None:
        self.anggota: dict[str, AnggotaPokja] = {}
        self.stakeholder: dict[str, str] = {}
        self.unit: dict[str, str] = {}
        self.tindakan: dict[str, str] = {}
        self.tindakan_model: dict[str, Tindakan] = {}
        self.kegiatan: dict[str, str] = {}
        self.keluaran: dict[str, str] = {}
        self.isu: dict[str, str] = {}
        self.indikator: dict[str, str] = {}
        self.lembaga: dict[str, str] = {}
        self.solusi: dict[str, str] = {}
        self.akar: dict[str, str] = {}
        self.solusi_terpadu: dict[str, str] = {}
        self.strategi: dict[str, str] = {}
        self.usulan: dict[str, str] = {}
        #: a unit as 4.5 writes it, without the utility's name: 4.5's own tables and its Draft STPP section
        self.unit_tertulis: dict[str, str] = {}
        self.layanan: dict[str, str] = {}
        self.kerja_sama: dict[str, str] = {}
        self.regulasi: dict[str, str] = {k: judul_regulasi(r) for k, r in katalog_ruang_kerja(view).items()}
        if (t11 := view.get(StakeholderPokja)) is not None:
            self.anggota = {a.id: a for a in t11.pokja.anggota}
            self.stakeholder = {s.id: s.nama for s in t11.stakeholders}
        if (t21 := view.get(IsuUtama)) is not None:
            self.isu = {i.id: i.rumusan for i in t21.isu}
        if (t22 := view.get(TopikRegulasi)) is not None:
            self.lembaga = {lb.id: lb.nama for lb in t22.lembaga}
        if (t23 := view.get(Kesenjangan)) is not None:
            self.indikator = {i.id: i.nama for i in t23.indikator}
        if (t32 := view.get(AkarMasalah)) is not None:
            self.solusi = {s.id: s.uraian for s in t32.solusi_alternatif}
            self.akar = {a.id: a.uraian for a in t32.akar_masalah}
            self.solusi_terpadu = {st.id: st.rumusan for st in t32.solusi_terpadu}
        if (t41 := view.get(KapasitasTeknis)) is not None:
            self.strategi = {s.id: s.uraian for s in t41.strategi}
        if (t43 := view.get(Kebijakan)) is not None:
            self.usulan = {u.id: u.judul for u in t43.usulan}
        if (t45 := view.get(Organisasi)) is not None:
            self.unit_tertulis = {u.id: u.nama for u in t45.unit}
            self.unit = {k: nama_unit(view, v) for k, v in self.unit_tertulis.items()}
        if (t47 := view.get(Prioritas)) is not None:
            self.tindakan_model = {t.id: t for t in t47.tindakan}
            self.tindakan = {t.id: t.nama for t in t47.tindakan}
        if (t51 := view.get(SkemaTindakan)) is not None:
            self.kegiatan = {kg.id: kg.rumusan for kg in t51.kegiatan_by_id().values()}
            self.keluaran = {kl.id: kl.rumusan for _loc, kl in t51.iter_keluaran()}
        if (t52 := view.get(CitizenCharter)) is not None:
            self.layanan = {s.id: s.nama_layanan for s in t52.standar_pelayanan}
        if (t53 := view.get(Kesepakatan)) is not None:
            self.kerja_sama = {ks.id: ks.judul for ks in t53.kerja_sama}

    def orang(self, kode: str | None) -> str:
        """A Pokja member by office, or a unit by name ('' for no code)."""
        if not kode:
            return ""
        if kode in self.anggota:
            return str(self.anggota[kode].jabatan)
        return self.unit.get(kode, kode)

    def orang_lengkap(self, kode: str | None) -> str:
        """A Pokja member by office and name, or a unit by name."""
        a = self.anggota.get(kode or "")
        return f"{a.jabatan} ({a.nama})" if a is not None else self.orang(kode)

    def nama_anggota(self, kode: str) -> str:
        a = self.anggota.get(kode)
        return str(a.nama) if a is not None else kode

    def jabatan(self, kode: str) -> str:
        a = self.anggota.get(kode)
        return str(a.jabatan) if a is not None else "–"

    def sh(self, kode: str) -> str:
        return self.stakeholder.get(kode, kode)

    def nama_tindakan(self, kode: str) -> str:
        return self.tindakan.get(kode, kode)

    def nama_kegiatan(self, kode: str) -> str:
        """A kegiatan's wording (a tindakan's name when the code is a tindakan of 4.7)."""
        return self.kegiatan.get(kode) or self.nama_tindakan(kode)

    def nama_regulasi(self, kode: str) -> str:
        return self.regulasi.get(kode, kode)

    def sebut(self, table: dict[str, str], kode: str) -> str:
        """``kode: name``: a working paper's way of pointing at the row a code stands for."""
        nama = table.get(kode)
        return f"{kode}: {nama}" if nama else kode
