"""Tahap 1, Persiapan dan Pengenalan: the stakeholder matrix, the Pokja and its work calendar.

Topic 1.1 feeds the draft SK Kepala Daerah on the Pokja (the first document the Bagian Hukum
receives); topic 1.2 feeds every meeting kit (date, place, invitees of each topic).
"""

import datetime as _dt
import difflib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from assembler.messages import Localized, register
from assembler.models.base import Finding, IdField, Kode, RefField, SiapModel, Tanggal, Teks, TeksOpsional, empty_list
from assembler.scalars import ScalarError, to_jam
from assembler.topics import BY_ID, TOPIK

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
        "1.1.pokja.ketua_tidak_satu": (
            "Pokja harus memiliki tepat satu Ketua, tertulis {jumlah}",
            "the Pokja must have exactly one Ketua (chair), found {jumlah}",
        ),
        "1.1.pokja.tanpa_sekretaris": (
            "Pokja belum memiliki Sekretaris; tetapkan sekurang-kurangnya satu anggota dengan kedudukan "
            "'sekretaris'",
            "the Pokja has no Sekretaris (secretary); give at least one member the position 'sekretaris'",
        ),
        "1.1.pokja.keterwakilan": (
            "belum ada anggota Pokja yang mewakili {kategori}; panduan mensyaratkan keterwakilan "
            "stakeholders, baik sebagai penyelenggara maupun sebagai pengguna layanan",
            "no Pokja member represents {kategori}; the guide requires both providers and users of the "
            "service to be represented",
        ),
        "1.1.pokja.tugas_tanpa_anggota": (
            "tugas ditulis untuk {kedudukan}, tetapi tidak ada anggota Pokja pada kedudukan itu",
            "duties are written for {kedudukan}, but no Pokja member holds that position",
        ),
        "1.1.sk.menimbang_bahwa": (
            "setiap butir pertimbangan harus diawali kata 'bahwa', tertulis '{awal}'",
            "every consideration must start with the word 'bahwa', found '{awal}'",
        ),
        "1.1.sk.menimbang_penutup": (
            "butir penutup 'bahwa berdasarkan pertimbangan ...' disusun otomatis oleh program; hapus butir "
            "ini",
            "the closing item 'bahwa berdasarkan pertimbangan ...' is written by the program; remove this "
            "item",
        ),
        "1.1.sk.masa_kerja": (
            "masa kerja Pokja berakhir {tanggal}, sebelum tahun penyusunan STPP {tahun}",
            "the Pokja's working period ends {tanggal}, before the plan year {tahun}",
        ),
        "1.1.sk.diktum.sesudah": (
            "diktum '{sesudah}' tidak ada; tulis salah satu dari {pilihan}{saran}",
            "there is no diktum '{sesudah}'; write one of {pilihan}{saran}",
        ),
        "1.1.sk.diktum.rujukan": (
            "rujukan '{{diktum_{kunci}}}' tidak dikenal; diktum yang dapat dirujuk: {pilihan}{saran}",
            "unknown reference '{{diktum_{kunci}}}'; diktums that can be referred to: {pilihan}{saran}",
        ),
        "1.1.sk.diktum.kunci_ganda": (
            "kunci diktum '{kunci}' sudah dipakai; setiap diktum tambahan memerlukan kunci sendiri",
            "diktum key '{kunci}' is already used; every added diktum needs its own key",
        ),
        "1.2.jadwal.topik_tidak_dikenal": (
            "topik '{topik}' tidak dikenal; gunakan nomor topik panduan, 1.1 sampai 7.2",
            "unknown topic '{topik}'; use the guide's topic numbers, 1.1 to 7.2",
        ),
        "1.2.jadwal.topik_tidak_dikenal.suggest": (
            "topik '{topik}' tidak dikenal; maksud Anda '{suggestion}'?",
            "unknown topic '{topik}'; did you mean '{suggestion}'?",
        ),
        "1.2.jadwal.topik_ganda": (
            "topik {topik} sudah dijadwalkan pada jadwal[{pertama}]; setiap topik dijadwalkan sekali "
            "(isi 'tanggal_selesai' bila berlangsung lebih dari satu hari)",
            "topic {topik} is already scheduled at jadwal[{pertama}]; schedule each topic once "
            "(use 'tanggal_selesai' when it spans several days)",
        ),
        "1.2.jadwal.urutan": (
            "topik {topik} dijadwalkan {tanggal}, lebih awal daripada topik {sebelumnya} "
            "({tanggal_sebelumnya}) "
            "yang mendahuluinya dalam panduan",
            "topic {topik} is scheduled on {tanggal}, before topic {sebelumnya} ({tanggal_sebelumnya}) "
            "which precedes it in the guide",
        ),
        "1.2.jadwal.belum_dijadwalkan": (
            "topik berikut belum dijadwalkan dalam Kalender Kerja: {topik}",
            "these topics are not yet in the work calendar: {topik}",
        ),
        "1.2.jadwal.jam_selesai": (
            "jam selesai {selesai} harus setelah jam mulai {mulai}",
            "the end time {selesai} must be after the start time {mulai}",
        ),
        "1.2.jadwal.tanggal_selesai": (
            "tanggal selesai {selesai} mendahului tanggal mulai {mulai}",
            "the end date {selesai} is before the start date {mulai}",
        ),
    }
)

# --- 1.1 ---------------------------------------------------------------------------------------

KategoriStakeholder = Literal["penyelenggara", "pengguna", "pendukung"]
#: How every document prints a KategoriStakeholder.
KATEGORI_STAKEHOLDER_LABEL: dict[KategoriStakeholder, str] = {
    "penyelenggara": "Penyelenggara",
    "pengguna": "Pengguna",
    "pendukung": "Pendukung",
}
Tingkat = Literal["tinggi", "sedang", "rendah"]
Kedudukan = Literal["pengarah", "penanggung_jawab", "ketua", "wakil_ketua", "sekretaris", "anggota"]

#: Positions in the order a decree's Lampiran lists them, with the label printed there.
KEDUDUKAN_LABEL: dict[str, str] = {
    "pengarah": "Pengarah",
    "penanggung_jawab": "Penanggung Jawab",
    "ketua": "Ketua",
    "wakil_ketua": "Wakil Ketua",
    "sekretaris": "Sekretaris",
    "anggota": "Anggota",
}

_KEDUDUKAN_EN: dict[str, str] = {
    "pengarah": "Pengarah (steering)",
    "penanggung_jawab": "Penanggung Jawab (person in charge)",
    "ketua": "Ketua (chair)",
    "wakil_ketua": "Wakil Ketua (vice-chair)",
    "sekretaris": "Sekretaris (secretary)",
    "anggota": "Anggota (member)",
    "tim_inti": "Tim Inti (core team)",
}

_BAHWA = re.compile(r"^bahwa\s", re.IGNORECASE)
_PENUTUP = re.compile(r"^bahwa\s+berdasarkan\s+pertimbangan\b", re.IGNORECASE)


class Stakeholder(SiapModel):
    """One row of the Format Pemetaan Stakeholders (Matriks Stakeholders Pelayanan PDAM)."""

    id: Kode = IdField("stakeholder", "Kode stakeholder, misalnya 'sh-forum-pelanggan'.")
    nama: Teks = Field(description="Nama lembaga atau kelompok, misalnya 'Forum Pelanggan Tirta Lestari'.")
    kategori: KategoriStakeholder = Field(
        description="Kedudukan terhadap layanan air minum: 'penyelenggara' (penyedia layanan), "
        "'pengguna' (penerima layanan), atau 'pendukung' (pihak yang mendukung atau mengawasi)."
    )
    peran: Teks = Field(description="Peran dan fungsi stakeholder dalam pelayanan PDAM.")
    kepentingan: Teks = Field(description="Kepentingan stakeholder terhadap peningkatan pelayanan PDAM.")
    pengaruh: Tingkat = Field(
        description="Tingkat pengaruh stakeholder terhadap keberhasilan STPP: "
        "'tinggi', 'sedang', atau 'rendah'."
    )
    tingkat_kepentingan: Tingkat | None = Field(
        default=None,
        description="Tingkat kepentingan stakeholder: 'tinggi', 'sedang', atau 'rendah' (boleh kosong); "
        "bersama tingkat pengaruh menentukan strategi pelibatan.",
    )
    keterlibatan: TeksOpsional = Field(
        default="",
        description="Bentuk pelibatan yang disepakati, misalnya 'anggota Pokja' atau "
        "'narasumber pada Tahap 2'.",
    )


class AnggotaPokja(SiapModel):
    """A Pokja member, listed by office (ex officio) as real Tim decrees do."""

    id: Kode = IdField("anggota", "Kode anggota Pokja, misalnya 'm-dirut'.")
    nama: Teks = Field(description="Nama lengkap pejabat atau wakil kelompok, dengan gelar.")
    jabatan: Teks = Field(
        description="Jabatan yang dicantumkan dalam Lampiran SK, misalnya 'Sekretaris Daerah Kabupaten "
        "Lembah Sari'."
    )
    instansi: Teks = Field(description="Instansi, perangkat daerah, atau kelompok asal anggota.")
    kedudukan: Kedudukan = Field(
        description="Kedudukan dalam Pokja: 'pengarah', 'penanggung_jawab', 'ketua', 'wakil_ketua', "
        "'sekretaris', atau 'anggota'."
    )
    stakeholder: str | None = RefField(
        "stakeholder",
        "Kode stakeholder yang diwakili anggota ini; dipakai untuk memeriksa keterwakilan penyelenggara "
        "dan pengguna layanan.",
        default=None,
    )


class TugasPokja(SiapModel):
    """Duties grouped per position, as the SK's Lampiran lists them (Peran dan Fungsi Anggota Pokja).

    A position left empty takes the standard duties shipped in ``content/sk-default.yaml``.
    """

    pengarah: list[Teks] = Field(
        default_factory=empty_list, description="Uraian tugas Pengarah, satu tugas per butir."
    )
    penanggung_jawab: list[Teks] = Field(
        default_factory=empty_list, description="Uraian tugas Penanggung Jawab, satu tugas per butir."
    )
    ketua: list[Teks] = Field(default_factory=empty_list, description="Uraian tugas Ketua, satu tugas per butir.")
    wakil_ketua: list[Teks] = Field(
        default_factory=empty_list, description="Uraian tugas Wakil Ketua, satu tugas per butir."
    )
    sekretaris: list[Teks] = Field(
        default_factory=empty_list, description="Uraian tugas Sekretaris, satu tugas per butir."
    )
    anggota: list[Teks] = Field(
        default_factory=empty_list, description="Uraian tugas Anggota, satu tugas per butir."
    )
    tim_inti: list[Teks] = Field(
        default_factory=empty_list, description="Uraian tugas Tim Inti, satu tugas per butir."
    )

    def untuk(self, kedudukan: str) -> list[str]:
        """The duties of one position (or 'tim_inti')."""
        return list(getattr(self, kedudukan))


class Pokja(SiapModel):
    """Struktur Organisasi Kelompok Kerja Peningkatan Pelayanan PDAM."""

    nama: Teks = Field(
        default="Kelompok Kerja Peningkatan Pelayanan PDAM",
        description="Nama Pokja sebagaimana ditulis dalam judul SK.",
    )
    anggota: list[AnggotaPokja] = Field(
        min_length=1, description="Susunan keanggotaan Pokja, diurutkan seperti dalam Lampiran SK."
    )
    tim_inti: list[str] = RefField(
        "anggota", "Kode anggota Pokja yang menjadi Tim Inti.", default_factory=empty_list
    )
    tugas: TugasPokja = Field(
        default_factory=TugasPokja,
        description="Peran dan fungsi anggota Pokja: uraian tugas per kedudukan. Kedudukan yang dibiarkan "
        "kosong memakai uraian tugas baku dari katalog program.",
    )

    def dengan_kedudukan(self, kedudukan: str) -> list[AnggotaPokja]:
        """Members holding ``kedudukan``, in the order written."""
        return [a for a in self.anggota if a.kedudukan == kedudukan]


#: The standard diktums of the SK, in order (an added diktum goes after one of them).
DIKTUM_BAKU: tuple[str, ...] = (
    "pembentukan", "tugas", "uraian", "tim_inti", "masa_kerja", "sekretariat", "pembiayaan", "mulai_berlaku"
)
_RUJUKAN_DIKTUM = re.compile(r"\{diktum_([a-z0-9_]+)\}")


class DiktumTambahan(SiapModel):
    """A diktum the Pokja's drafter adds (revoking an earlier decree, involving other parties, reporting)."""

    teks: Teks = Field(
        description="Bunyi diktum, diawali huruf kapital. Rujukan ke diktum lain ditulis '{diktum_tugas}', "
        "'{diktum_pembentukan}', atau '{diktum_<kunci>}' diktum tambahan; program mengisinya dengan urutan "
        "yang benar (KESATU, KEDUA, ...)."
    )
    sesudah: str = Field(
        default="pembiayaan",
        description="Diktum baku yang mendahului diktum ini: pembentukan, tugas, uraian, tim_inti, masa_kerja, "
        "sekretariat, atau pembiayaan (bawaan: sesudah pembiayaan, sebelum 'mulai berlaku').",
    )
    kunci: TeksOpsional = Field(
        default="", description="Kunci agar diktum ini dapat dirujuk diktum lain, misalnya 'pelaporan' (boleh kosong)."
    )


class SkPokja(SiapModel):
    """What the draft SK Kepala Daerah needs beyond the Pokja itself."""

    menimbang: list[Teks] = Field(
        default_factory=empty_list,
        description="Butir pertimbangan SK, masing-masing diawali 'bahwa'. Butir penutup 'bahwa berdasarkan "
        "pertimbangan sebagaimana dimaksud dalam huruf a ...' tidak ditulis: program menyusunnya. Bila "
        "kosong, dipakai pertimbangan baku dari katalog program.",
    )
    mengingat: list[str] = RefField(
        "regulasi",
        "Kode regulasi dasar hukum SK (dari katalog atau dari berkas 2.2). Bila kosong, dipakai daftar baku "
        "dari katalog program.",
        default_factory=empty_list,
    )
    masa_kerja_berakhir: Tanggal | None = Field(
        default=None,
        description="Tanggal berakhirnya masa kerja Pokja; bila kosong, sampai 31 Desember tahun anggaran.",
    )
    sekretariat: TeksOpsional = Field(
        default="",
        description="Unit sekretariat Pokja bila berbeda dari 'sekretariat_pokja' pada stpp.yaml; boleh "
        "kosong.",
    )
    tugas_pokja: list[Teks] = Field(
        default_factory=empty_list,
        description="Rincian tugas Pokja dalam diktum SK, satu tugas per butir; bila kosong, dipakai rincian "
        "baku (tugas menurut tahapan STPP).",
    )
    pembiayaan: TeksOpsional = Field(
        default="",
        description="Rumusan diktum pembiayaan bila berbeda dari rumusan baku (beban APBD tahun anggaran); "
        "boleh kosong.",
    )

    diktum_tambahan: list[DiktumTambahan] = Field(
        default_factory=empty_list,
        description="Diktum yang ditambahkan perancang (mencabut Keputusan lama, melibatkan pihak lain, "
        "pelaporan); urutan KESATU, KEDUA, ... dan setiap rujukan 'Diktum ...' dihitung program.",
    )

    def menimbang_naskah(self) -> list[str]:
        """Considerations as printed: a lower-case 'bahwa', without the user's final ';' or '.'."""
        out = []
        for text in self.menimbang:
            text = text.rstrip().rstrip(";.").rstrip()
            if _BAHWA.match(text):
                text = "bahwa" + text[5:]
            out.append(text)
        return out


class StakeholderPokja(SiapModel):
    """Isi berkas 1.1: Matriks Stakeholders, Struktur dan Peran Pokja, dan bahan SK pembentukan Pokja."""

    TOPIK_ID: ClassVar[str] = "1.1"

    stakeholders: list[Stakeholder] = Field(
        min_length=1, description="Matriks stakeholders pelayanan PDAM (Format Pemetaan Stakeholders)."
    )
    pokja: Pokja = Field(description="Struktur organisasi, keanggotaan, dan tugas Pokja.")
    sk: SkPokja = Field(description="Bahan draft SK Kepala Daerah tentang pembentukan Pokja.")

    def stakeholder(self, kode: str) -> Stakeholder | None:
        return next((s for s in self.stakeholders if s.id == kode), None)

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        yield from self._check_struktur()
        yield from self._check_keterwakilan()
        yield from self._check_sk(ws)

    def _check_struktur(self) -> Iterator[Finding]:
        anggota = self.pokja.anggota
        ketua = [i for i, a in enumerate(anggota) if a.kedudukan == "ketua"]
        if len(ketua) != 1:
            loc: tuple[str | int, ...] = ("pokja", "anggota")
            if len(ketua) > 1:
                loc = (*loc, ketua[1], "kedudukan")
            yield Finding(loc, "1.1.pokja.ketua_tidak_satu", {"jumlah": len(ketua)})
        if not self.pokja.dengan_kedudukan("sekretaris"):
            yield Finding(("pokja", "anggota"), "1.1.pokja.tanpa_sekretaris")
        held: set[str] = {a.kedudukan for a in anggota}
        if self.pokja.tim_inti:
            held.add("tim_inti")
        for kedudukan in [*KEDUDUKAN_LABEL, "tim_inti"]:
            if self.pokja.tugas.untuk(kedudukan) and kedudukan not in held:
                label = Localized(KEDUDUKAN_LABEL.get(kedudukan, "Tim Inti"), _KEDUDUKAN_EN[kedudukan])
                yield Finding(
                    ("pokja", "tugas", kedudukan),
                    "1.1.pokja.tugas_tanpa_anggota",
                    {"kedudukan": label},
                    "warning",
                )

    def _check_keterwakilan(self) -> Iterator[Finding]:
        # The guide: "keterwakilan stakeholders, baik sebagai penyelenggara maupun sebagai pengguna
        # layanan publik, harus menjadi prioritas". Unknown stakeholder codes are the reference pass's job.
        kategori = {s.id: s.kategori for s in self.stakeholders}
        represented = {kategori.get(a.stakeholder or "") for a in self.pokja.anggota}
        wanted = {
            "penyelenggara": Localized("penyelenggara layanan", "the service providers"),
            "pengguna": Localized("pengguna layanan", "the service users"),
        }
        for key, label in wanted.items():
            if key not in represented:
                yield Finding(("pokja", "anggota"), "1.1.pokja.keterwakilan", {"kategori": label}, "warning")

    def _check_sk(self, ws: "WorkspaceView") -> Iterator[Finding]:
        for i, text in enumerate(self.sk.menimbang):
            if _PENUTUP.match(text):
                yield Finding(("sk", "menimbang", i), "1.1.sk.menimbang_penutup")
            elif not _BAHWA.match(text + " "):
                yield Finding(
                    ("sk", "menimbang", i), "1.1.sk.menimbang_bahwa", {"awal": " ".join(text.split()[:3])}
                )
        yield from self._check_diktum_tambahan()
        end = self.sk.masa_kerja_berakhir
        if end is not None and ws.stpp is not None and end.year < ws.stpp.tahun:
            yield Finding(
                ("sk", "masa_kerja_berakhir"),
                "1.1.sk.masa_kerja",
                {"tanggal": end.isoformat(), "tahun": ws.stpp.tahun},
            )


    def _check_diktum_tambahan(self) -> Iterator[Finding]:
        tambahan = self.sk.diktum_tambahan
        kunci = [d.kunci for d in tambahan if d.kunci]
        dikenal = [k for k in DIKTUM_BAKU if k != "mulai_berlaku"]
        rujukan = [*DIKTUM_BAKU, *kunci]
        seen: set[str] = set()
        for i, d in enumerate(tambahan):
            loc: tuple[str | int, ...] = ("sk", "diktum_tambahan", i)
            if d.kunci and (d.kunci in seen or d.kunci in DIKTUM_BAKU):
                yield Finding((*loc, "kunci"), "1.1.sk.diktum.kunci_ganda", {"kunci": d.kunci})
            seen.add(d.kunci)
            if d.sesudah not in dikenal:
                params = {"sesudah": d.sesudah, "pilihan": ", ".join(dikenal), "saran": _saran(d.sesudah, dikenal)}
                yield Finding((*loc, "sesudah"), "1.1.sk.diktum.sesudah", params)
            for m in _RUJUKAN_DIKTUM.finditer(d.teks):
                if m.group(1) not in rujukan:
                    yield Finding((*loc, "teks"), "1.1.sk.diktum.rujukan",
                                  {"kunci": m.group(1), "pilihan": ", ".join(rujukan),
                                   "saran": _saran(m.group(1), rujukan)})




def _saran(salah: str, pilihan: list[str]) -> Localized | str:
    """``; maksud Anda 'x'?`` for a near miss, in both languages; empty when nothing is close."""
    near = difflib.get_close_matches(salah, pilihan, n=1, cutoff=0.6)
    return Localized(f"; maksud Anda '{near[0]}'?", f"; did you mean '{near[0]}'?") if near else ""


# --- 1.2 ---------------------------------------------------------------------------------------


def _topik_text(value: Any) -> Any:
    """A topic number given as a number (``topik: 2.1`` from a spreadsheet cell, say): take its text.

    From YAML it is already the text as written (the loader never guesses numbers).
    """
    if isinstance(value, float) and not isinstance(value, bool):
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _jam(value: Any) -> Any:
    """Normalise a clock time to 'HH.MM' (the Indonesian way of writing '09.00 WIB'), see ``scalars.to_jam``.

    The loader hands over the text as typed, so ``13:30``, ``13.30``, ``9.30`` and ``9`` are read as
    written (YAML 1.1 would have made ``13:30`` the number 810 and ``09.30`` the float 9.3). A time that
    does not exist (``25:61``) or a minute written with one digit (``9.3``: 9.03 or 9.30?) is refused.
    """
    if isinstance(value, _dt.time):
        return f"{value.hour:02d}.{value.minute:02d}"
    try:
        return to_jam(value if isinstance(value, str) else str(value))
    except ScalarError as exc:
        raise PydanticCustomError(exc.code, "invalid time", exc.params) from None


def _saran_topik(topik: str) -> list[str]:
    """A near topic number, preferring the same stage: '2.4' suggests '2.3', not '4.4'."""
    stage = topik.partition(".")[0]
    same_stage = [t.id for t in TOPIK if t.id.partition(".")[0] == stage]
    return difflib.get_close_matches(topik, same_stage, n=1, cutoff=0.6) or difflib.get_close_matches(
        topik, list(BY_ID), n=1, cutoff=0.6
    )


KodeTopik = Annotated[str, BeforeValidator(_topik_text)]
Jam = Annotated[str, BeforeValidator(_jam)]


class Kesepakatan(SiapModel):
    """Kesepakatan penyusunan STPP yang partisipatif oleh Kelompok Kerja."""

    isi: Teks = Field(description="Rumusan kesepakatan Pokja untuk menyusun STPP secara partisipatif.")
    tanggal: Tanggal = Field(description="Tanggal kesepakatan (TTTT-BB-HH).")
    tempat: Teks = Field(description="Tempat kesepakatan dibuat.")


class JadwalTopik(SiapModel):
    """One row of the Kalender Kerja Penyusunan STPP: when and where a topic is held, who is invited."""

    topik: KodeTopik = Field(description="Nomor topik panduan dalam tanda kutip, misalnya '2.1'.")
    tanggal: Tanggal = Field(
        description="Tanggal pertemuan yang direncanakan (TTTT-BB-HH); yang terlaksana dicatat dalam berita acara."
    )
    tanggal_selesai: Tanggal | None = Field(
        default=None,
        description="Tanggal terakhir bila topik berlangsung lebih dari satu hari; boleh kosong.",
    )
    jam_mulai: Jam | None = Field(default=None, description="Jam mulai dalam tanda kutip, misalnya '09.00'.")
    jam_selesai: Jam | None = Field(
        default=None, description="Jam selesai dalam tanda kutip, misalnya '12.00'; kosong berarti 'selesai'."
    )
    tempat: Teks = Field(description="Tempat pertemuan yang direncanakan.")
    undangan: list[str] = RefField(
        "stakeholder",
        "Kode stakeholder yang diundang selain anggota Pokja (anggota Pokja selalu diundang).",
        default_factory=empty_list,
    )
    agenda: list[Teks] = Field(
        default_factory=empty_list,
        description="Agenda yang disepakati untuk pertemuan ini; bila kosong dipakai agenda menurut panduan.",
    )
    catatan: TeksOpsional = Field(
        default="", description="Catatan tambahan, misalnya bahan yang harus dibawa."
    )


class KalenderKerja(SiapModel):
    """Isi berkas 1.2: kesepakatan penyusunan STPP dan Kalender Kerja Pokja."""

    TOPIK_ID: ClassVar[str] = "1.2"

    kesepakatan: Kesepakatan = Field(description="Kesepakatan penyusunan STPP yang partisipatif.")
    zona_waktu: Literal["WIB", "WITA", "WIT"] = Field(
        default="WIB", description="Zona waktu jam pertemuan: 'WIB', 'WITA', atau 'WIT'."
    )
    jadwal: list[JadwalTopik] = Field(
        min_length=1, description="Kalender Kerja Penyusunan STPP: satu butir untuk setiap topik."
    )

    def jadwal_topik(self, topik: str) -> JadwalTopik | None:
        """The calendar entry of ``topik`` ("2.1"), or None when it is not scheduled."""
        return next((j for j in self.jadwal if j.topik == topik), None)

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        first: dict[str, int] = {}
        for i, entry in enumerate(self.jadwal):
            here = ("jadwal", i)
            if entry.topik not in BY_ID:
                match = _saran_topik(entry.topik)
                if match:
                    yield Finding(
                        (*here, "topik"),
                        "1.2.jadwal.topik_tidak_dikenal.suggest",
                        {"topik": entry.topik, "suggestion": match[0]},
                    )
                else:
                    yield Finding((*here, "topik"), "1.2.jadwal.topik_tidak_dikenal", {"topik": entry.topik})
            elif entry.topik in first:
                yield Finding(
                    (*here, "topik"),
                    "1.2.jadwal.topik_ganda",
                    {"topik": entry.topik, "pertama": first[entry.topik]},
                )
            else:
                first[entry.topik] = i
            if entry.tanggal_selesai is not None and entry.tanggal_selesai < entry.tanggal:
                yield Finding(
                    (*here, "tanggal_selesai"),
                    "1.2.jadwal.tanggal_selesai",
                    {"selesai": entry.tanggal_selesai.isoformat(), "mulai": entry.tanggal.isoformat()},
                )
            if entry.jam_mulai and entry.jam_selesai and entry.jam_selesai <= entry.jam_mulai:
                yield Finding(
                    (*here, "jam_selesai"),
                    "1.2.jadwal.jam_selesai",
                    {"selesai": entry.jam_selesai, "mulai": entry.jam_mulai},
                )
        yield from self._check_urutan(first)
        missing = [t.id for t in TOPIK if t.id not in first]
        if missing:
            yield Finding(("jadwal",), "1.2.jadwal.belum_dijadwalkan", {"topik": missing}, "warning")

    def _check_urutan(self, first: dict[str, int]) -> Iterator[Finding]:
        # Each topic is compared with the scheduled topic just before it in the guide: one date typed
        # in the wrong year then gives one warning, not one for every topic after it.
        previous: tuple[str, int] | None = None
        for topik in TOPIK:
            index = first.get(topik.id)
            if index is None:
                continue
            entry = self.jadwal[index]
            if previous is not None:
                before = self.jadwal[previous[1]]
                if entry.tanggal < before.tanggal:
                    yield Finding(
                        ("jadwal", index, "tanggal"),
                        "1.2.jadwal.urutan",
                        {
                            "topik": topik.id,
                            "tanggal": entry.tanggal.isoformat(),
                            "sebelumnya": previous[0],
                            "tanggal_sebelumnya": before.tanggal.isoformat(),
                        },
                        "warning",
                    )
            previous = (topik.id, index)
