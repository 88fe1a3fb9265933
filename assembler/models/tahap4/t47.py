"""Topik 4.7, Prioritisasi Tindakan Peningkatan Pelayanan: actions scored by MCUA, tie-break rounds."""

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from assembler.messages import register
from assembler.models.base import (
    Finding,
    IdField,
    Kode,
    Loc,
    RefField,
    SiapModel,
    Teks,
    TeksOpsional,
    empty_list,
)
from assembler.models.tahap3 import AkarMasalah
from assembler.scoring.mcua import ASPEK, hitung_mcua, jumlah_terbobot

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

register(
    {
        "4.7.kriteria.jumlah_bobot": (
            "jumlah bobot kriteria {jumlah}, seharusnya 100",
            "criterion weights sum to {jumlah}, expected 100",
        ),
        "4.7.kriteria.skala_terbalik": (
            "skala_min ({min}) harus lebih kecil dari skala_maks ({maks})",
            "skala_min ({min}) must be smaller than skala_maks ({maks})",
        ),
        "4.7.kriteria.id_ganda": (
            "kode kriteria '{kriteria}' dipakai lebih dari sekali",
            "criterion code '{kriteria}' is used more than once",
        ),
        "4.7.skor.di_luar_skala": (
            "skor {nilai} di luar skala kriteria '{kriteria}' ({min}–{maks})",
            "score {nilai} is outside the scale of criterion '{kriteria}' ({min}-{maks})",
        ),
        "4.7.skor.kriteria_tidak_dikenal": (
            "kriteria '{kriteria}' tidak ada dalam daftar kriteria (yang ada: {ada})",
            "criterion '{kriteria}' is not in the list of criteria (existing: {ada})",
        ),
        "4.7.skor.belum_dinilai": (
            "tindakan '{tindakan}' belum dinilai pada kriteria '{kriteria}'",
            "action '{tindakan}' has no score for criterion '{kriteria}'",
        ),
        "4.7.tindakan.sub_aspek_wajib": (
            "tindakan aspek manajemen harus menyebut sub_aspek P3O (prosedur, personil, kebijakan, organisasi)",
            "a management action must name its P3O sub_aspek (prosedur, personil, kebijakan, organisasi)",
        ),
        "4.7.tindakan.sub_aspek_terlarang": (
            "sub_aspek hanya diisi untuk aspek manajemen; tindakan ini beraspek '{aspek}'",
            "sub_aspek is only for management actions; this action's aspect is '{aspek}'",
        ),
        "4.7.putaran.tidak_seri": (
            "putaran ulang hanya untuk tindakan yang bernilai sama pada putaran pertama; nilai: {rincian}",
            "a tie-break round is only for actions with equal first-round totals; totals: {rincian}",
        ),
        "4.7.putaran.bukan_peserta": (
            "tindakan '{tindakan}' bukan peserta putaran ulang ini (peserta: {peserta})",
            "action '{tindakan}' does not take part in this tie-break round (participants: {peserta})",
        ),
        "4.7.solusi_terpadu.tanpa_tindakan": (
            "solusi terpadu '{solusi}' (Topik 3.2) belum dijabarkan dalam usulan tindakan mana pun "
            "(rujukan.solusi_terpadu)",
            "integrated solution '{solusi}' (topic 3.2) is not taken up by any action (rujukan.solusi_terpadu)",
        ),
        "4.7.seri.belum_diputus": (
            "tindakan {tindakan} bernilai sama ({total}) pada aspek {aspek}; catat putaran ulang MCUA "
            "untuk menentukan urutannya",
            "actions {tindakan} have equal totals ({total}) in aspect {aspek}; record a tie-break MCUA "
            "round to order them",
        ),
    }
)


# --- 4.7 Prioritisasi Tindakan Peningkatan Pelayanan -----------------------------------------------

Aspek = Literal["teknis", "finansial", "manajemen"]
SubAspek = Literal["prosedur", "personil", "kebijakan", "organisasi"]


class Rujukan(SiapModel):
    """Where an action comes from in the earlier topics (all optional)."""

    solusi_terpadu: list[Kode] = RefField("solusi_terpadu", "Kode solusi terpadu (3.2).", default_factory=empty_list)
    strategi: list[Kode] = RefField("strategi", "Kode strategi (4.1).", default_factory=empty_list)
    usulan_teknis: list[Kode] = RefField(
        "usulan_teknis", "Kode usulan tindakan teknis (4.1).", default_factory=empty_list
    )
    prosedur: list[Kode] = RefField("prosedur", "Kode prosedur layanan (4.2).", default_factory=empty_list)
    kebijakan: list[Kode] = RefField("kebijakan", "Kode usulan kebijakan (4.3).", default_factory=empty_list)
    program_personil: list[Kode] = RefField(
        "program_personil", "Kode program peningkatan kemampuan personil (4.4).", default_factory=empty_list
    )
    unit: list[Kode] = RefField("unit", "Kode unit organisasi (4.5).", default_factory=empty_list)
    usulan_keuangan: list[Kode] = RefField("usulan_keuangan", "Kode usulan keuangan (4.6).", default_factory=empty_list)


class KriteriaMcua(SiapModel):
    """An MCUA criterion: its weight (bobot, in percent) and its scoring scale."""

    id: Kode = Field(description="Kode kriteria, dipakai sebagai kunci skor, misalnya 'dampak'.")
    nama: Teks = Field(description="Nama kriteria, misalnya 'Dampak terhadap kualitas pelayanan'.")
    bobot: int = Field(ge=1, le=100, description="Bobot kriteria dalam persen; jumlah seluruh bobot harus 100.")
    skala_min: int = Field(default=1, description="Skor terendah yang boleh diberikan.")
    skala_maks: int = Field(default=5, description="Skor tertinggi yang boleh diberikan.")
    keterangan: TeksOpsional = Field(default="", description="Pedoman pemberian skor (boleh kosong).")


class Tindakan(SiapModel):
    """A proposed action (usulan tindakan) with its MCUA scores."""

    id: Kode = IdField("tindakan", "Kode tindakan, misalnya 'tk-01', 'fn-01', 'mj-01'.")
    nama: Teks = Field(description="Rumusan usulan tindakan peningkatan kualitas pelayanan.")
    aspek: Aspek = Field(description="Aspek tindakan: 'teknis', 'finansial' atau 'manajemen'.")
    sub_aspek: SubAspek | None = Field(
        default=None,
        description="Untuk aspek manajemen saja (P3O): 'prosedur', 'personil', 'kebijakan' atau 'organisasi'.",
    )
    rujukan: Rujukan = Field(default_factory=Rujukan, description="Asal usulan pada topik sebelumnya.")
    skor: dict[Kode, int] = Field(
        description="Skor tindakan per kriteria MCUA, ditulis 'kode_kriteria: skor', misalnya 'dampak: 4'."
    )


class PutaranUlang(SiapModel):
    """A recorded second MCUA round between actions tied in the first round."""

    tindakan: list[Kode] = RefField("tindakan", "Kode tindakan yang bernilai sama (paling sedikit dua).", min_length=2)
    kriteria: list[KriteriaMcua] = Field(
        default_factory=empty_list,
        description="Kriteria putaran ulang; bila kosong, kriteria putaran pertama dipakai kembali.",
    )
    skor: dict[Kode, dict[Kode, int]] = Field(
        description="Skor putaran ulang: untuk setiap tindakan peserta, 'kode_kriteria: skor'."
    )
    catatan: TeksOpsional = Field(default="", description="Catatan pembahasan putaran ulang.")


def _check_kriteria(kriteria: list[KriteriaMcua], base: Loc) -> Iterator[Finding]:
    jumlah = sum(k.bobot for k in kriteria)
    if jumlah != 100:
        yield Finding(loc=base, code="4.7.kriteria.jumlah_bobot", params={"jumlah": jumlah})
    kembar = {k for k, n in Counter(k.id for k in kriteria).items() if n > 1}
    for i, k in enumerate(kriteria):
        if k.id in kembar:
            yield Finding(loc=(*base, i, "id"), code="4.7.kriteria.id_ganda", params={"kriteria": k.id})
        if k.skala_min >= k.skala_maks:
            yield Finding(
                loc=(*base, i, "skala_maks"),
                code="4.7.kriteria.skala_terbalik",
                params={"min": k.skala_min, "maks": k.skala_maks},
            )


def _check_skor(tindakan: str, skor: dict[str, int], kriteria: list[KriteriaMcua], base: Loc) -> Iterator[Finding]:
    by_id = {k.id: k for k in kriteria}
    for kid, nilai in skor.items():
        k = by_id.get(kid)
        if k is None:
            yield Finding(
                loc=(*base, kid), code="4.7.skor.kriteria_tidak_dikenal", params={"kriteria": kid, "ada": list(by_id)}
            )
        elif not k.skala_min <= nilai <= k.skala_maks:
            yield Finding(
                loc=(*base, kid),
                code="4.7.skor.di_luar_skala",
                params={"nilai": nilai, "kriteria": kid, "min": k.skala_min, "maks": k.skala_maks},
            )
    for kid in by_id:
        if kid not in skor:
            yield Finding(loc=base, code="4.7.skor.belum_dinilai", params={"tindakan": tindakan, "kriteria": kid})


class Prioritas(SiapModel):
    """Isi berkas ``4.7-prioritas.yaml``: Matriks Penilaian MCUA. Peringkat dihitung, tidak diketik."""

    TOPIK_ID: ClassVar[str] = "4.7"

    kriteria: list[KriteriaMcua] = Field(
        min_length=1, description="Kriteria MCUA beserta bobot (jumlah 100) dan skala skornya."
    )
    tindakan: list[Tindakan] = Field(
        min_length=1,
        description="Usulan tindakan peningkatan kualitas pelayanan dari Topik 4.1-4.6, dengan skor per kriteria.",
    )
    putaran_ulang: list[PutaranUlang] = Field(
        default_factory=empty_list,
        description="Putaran MCUA ulang untuk tindakan yang bernilai sama; menentukan urutan di antara mereka.",
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        errors = list(self._errors())
        yield from errors
        if errors:
            return  # ranks of an inconsistent matrix would only add noise
        yield from self._coverage(ws)
        hasil = hitung_mcua(self)
        posisi = {t.id: i for i, t in enumerate(self.tindakan)}
        for aspek in ASPEK:
            for kelompok in hasil.seri_per_aspek.get(aspek, ()):
                terakhir = max(kelompok, key=lambda t: posisi[t])
                yield Finding(
                    loc=("tindakan", posisi[terakhir], "skor"),
                    code="4.7.seri.belum_diputus",
                    params={"tindakan": list(kelompok), "total": hasil.nilai[kelompok[0]].total, "aspek": aspek},
                    severity="warning",
                )

    def _coverage(self, ws: "WorkspaceView") -> Iterator[Finding]:
        # The integrated solutions are the plan's strategic points: one that no action carries
        # forward silently drops out of the STPP.
        akar = ws.get(AkarMasalah)
        if akar is None:
            return
        dijabarkan = {st for t in self.tindakan for st in t.rujukan.solusi_terpadu}
        for st in akar.solusi_terpadu:
            if st.id not in dijabarkan:
                yield Finding(
                    loc=("tindakan",),
                    code="4.7.solusi_terpadu.tanpa_tindakan",
                    params={"solusi": st.id},
                    severity="warning",
                )

    def _errors(self) -> Iterator[Finding]:
        pertama = list(self._first_round_errors())
        yield from pertama
        yield from self._round_errors(first_round_ok=not pertama)

    def _first_round_errors(self) -> Iterator[Finding]:
        yield from _check_kriteria(self.kriteria, ("kriteria",))
        for i, t in enumerate(self.tindakan):
            if t.aspek == "manajemen" and t.sub_aspek is None:
                yield Finding(loc=("tindakan", i, "aspek"), code="4.7.tindakan.sub_aspek_wajib")
            if t.aspek != "manajemen" and t.sub_aspek is not None:
                yield Finding(
                    loc=("tindakan", i, "sub_aspek"), code="4.7.tindakan.sub_aspek_terlarang", params={"aspek": t.aspek}
                )
            yield from _check_skor(t.id, t.skor, self.kriteria, ("tindakan", i, "skor"))

    def _round_errors(self, first_round_ok: bool) -> Iterator[Finding]:
        bobot = {k.id: k.bobot for k in self.kriteria}
        total = {t.id: jumlah_terbobot(bobot, t.skor) for t in self.tindakan}
        for r, p in enumerate(self.putaran_ulang):
            base: Loc = ("putaran_ulang", r)
            kriteria = p.kriteria or self.kriteria
            if p.kriteria:
                yield from _check_kriteria(p.kriteria, (*base, "kriteria"))
            dikenal = [t for t in p.tindakan if t in total]  # unknown ids: the reference pass reports them
            # Totals of an inconsistent first round are meaningless; its errors come first.
            if first_round_ok and len({total[t] for t in dikenal}) > 1:
                yield Finding(
                    loc=(*base, "tindakan"),
                    code="4.7.putaran.tidak_seri",
                    params={"rincian": [f"{t} = {total[t]}" for t in dikenal]},
                )
            for tid, skor in p.skor.items():
                if tid not in p.tindakan:
                    yield Finding(
                        loc=(*base, "skor", tid),
                        code="4.7.putaran.bukan_peserta",
                        params={"tindakan": tid, "peserta": p.tindakan},
                    )
                else:
                    yield from _check_skor(tid, skor, kriteria, (*base, "skor", tid))
            for j, tid in enumerate(p.tindakan):
                if tid not in p.skor:
                    for k in kriteria:
                        yield Finding(
                            loc=(*base, "tindakan", j),
                            code="4.7.skor.belum_dinilai",
                            params={"tindakan": tid, "kriteria": k.id},
                        )
