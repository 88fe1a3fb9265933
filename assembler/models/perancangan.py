"""Drafting errors a Bagian Hukum typically corrects (docs/referensi/format-perkada-sop.md §4), as 5.3 checks.

A task given to the DPRD in an executive instrument, an entry into force written into the Lampiran,
an agreed change left only as a reminder, a change aimed at a section that does not exist. Kept apart
from the 5.3 model so each stays readable; their messages are registered here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from assembler.messages import Localized, register
from assembler.models.base import Finding, Loc

if TYPE_CHECKING:  # pragma: no cover
    from assembler.models.tahap5 import CitizenCharter, JuklakJuknis, Kesepakatan
    from assembler.workspace_view import WorkspaceView

register(
    {
        "5.2.kompensasi.tanpa_batas": (
            "kompensasi PDAM '{bentuk}' tidak menyebut batasnya; tulis 'batas' (misalnya 'paling banyak 50% dari "
            "biaya pemasangan') agar janji kompensasi terukur",
            "the utility's compensation '{bentuk}' has no cap; write 'batas' (e.g. 'paling banyak 50% dari biaya "
            "pemasangan') so that the promise is bounded",
        ),
        "5.2.maklumat.sebelum_standar": (
            "Maklumat Pelayanan bertanggal {maklumat}, sebelum Standar Pelayanan ditetapkan ({standar}); maklumat "
            "diterbitkan sesudah standar ditetapkan",
            "the Maklumat Pelayanan is dated {maklumat}, before the Standar Pelayanan was adopted ({standar}); the "
            "maklumat follows the adoption",
        ),
        "5.2.prosedur.kosong": (
            "prosedur layanan belum ada; tulis 'prosedur' (kode prosedur perbaikan Topik 4.2, misalnya "
            "'pr-sambungan-baru') atau, bila layanan ini tidak diperbaiki di Topik 4.2, 'sistem_mekanisme_prosedur'",
            "the service has no procedure; write 'prosedur' (the code of an improved procedure of topic 4.2, e.g. "
            "'pr-sambungan-baru') or, when topic 4.2 does not redesign this service, 'sistem_mekanisme_prosedur'",
        ),
        "5.2.prosedur.ganda": (
            "langkah prosedur diambil dari Topik 4.2 ('{prosedur}'); hapus 'sistem_mekanisme_prosedur' agar "
            "prosedur hanya ditulis sekali (yang dicetak adalah langkah perbaikan Topik 4.2)",
            "the procedure's steps come from topic 4.2 ('{prosedur}'); delete 'sistem_mekanisme_prosedur' so that "
            "the procedure is written once (the documents print topic 4.2's improved steps)",
        ),
        "5.2.prosedur.lebih_lama": (
            "jangka waktu {janji} lebih singkat daripada jumlah waktu langkah prosedur perbaikan '{prosedur}' di "
            "Topik 4.2 ({total}); janji layanan tidak dapat ditepati: perpanjang jangka waktu atau perbaiki "
            "prosedurnya",
            "the time limit {janji} is shorter than the steps of improved procedure '{prosedur}' in topic 4.2 "
            "take ({total}); the promise cannot be kept: lengthen the limit or fix the procedure",
        ),
        "5.3.perbaikan.bagian": (
            "bagian '{bagian}' tidak ada; tulis judul salah satu ketentuan_pelaksanaan, 'Pembiayaan' atau "
            "'Pemantauan'{saran}",
            "section '{bagian}' does not exist; write the title of one of ketentuan_pelaksanaan, 'Pembiayaan' or "
            "'Pemantauan'{saran}",
        ),
        "5.3.perbaikan.belum_dimuat": (
            "rancangan disepakati dengan perbaikan, tetapi perbaikannya belum ditulis pada 'perbaikan' "
            "(bagian dan bunyi ketentuan baru); Peraturan dibuat tanpa perbaikan itu",
            "the draft was agreed with changes, but the changes are not written in 'perbaikan' (section and "
            "new wording); the regulation is made without them",
        ),
        "5.3.lampiran.mulai_berlaku": (
            "'penutup' mengatur saat mulai berlaku; ketentuan itu milik batang tubuh Peraturan (Pasal "
            "terakhir), bukan Lampiran, sehingga tidak dicetak dalam Lampiran",
            "'penutup' sets the entry into force; that provision belongs in the body of the regulation (its "
            "last Pasal), not in the Lampiran, so it is not printed in the Lampiran",
        ),
        "5.3.tugas_dprd": (
            "ketentuan memberi tugas kepada DPRD atau anggotanya ('{kutipan}'); Bagian Hukum lazim mengoreksinya "
            "karena peraturan Kepala Daerah tidak memerintah DPRD: tulis 'berkoordinasi dengan' atau hapus",
            "a provision gives a task to the DPRD or its members ('{kutipan}'); legal sections usually correct "
            "this, as a regulation of the Kepala Daerah does not order the DPRD: write 'berkoordinasi dengan' or "
            "drop it",
        ),
    }
)


def checks_charter(self: CitizenCharter, ws: WorkspaceView) -> Iterator[Finding]:
    """A compensation promise without a cap; a Maklumat dated before the standard it refers to (§3.3); a
    procedure written once (4.2 or here) and a time limit its steps can keep."""
    yield from _checks_prosedur(self, ws)
    for i, sk in enumerate(self.sanksi_kompensasi):
        if sk.berlaku_bagi == "PDAM" and not sk.batas.strip():
            yield Finding(("sanksi_kompensasi", i, "bentuk"), "5.2.kompensasi.tanpa_batas", {"bentuk": sk.bentuk},
                          "warning")
    tgl, std = self.maklumat.tanggal, self.standar_ditetapkan
    if tgl is not None and std is not None and tgl < std:
        yield Finding(("maklumat", "tanggal"), "5.2.maklumat.sebelum_standar",
                      {"maklumat": tgl.isoformat(), "standar": std.isoformat()}, "warning")


def _checks_prosedur(self: CitizenCharter, ws: WorkspaceView) -> Iterator[Finding]:
    from assembler.idfmt import angka
    from assembler.models.tahap4 import Prosedur

    p42 = ws.get(Prosedur)
    layanan = {lay.id: lay for lay in (p42.layanan if p42 is not None else [])}
    for i, s in enumerate(self.standar_pelayanan):
        loc: Loc = ("standar_pelayanan", i)
        if s.prosedur is None and not s.sistem_mekanisme_prosedur:
            yield Finding((*loc, "prosedur"), "5.2.prosedur.kosong")
        elif s.prosedur is not None and s.sistem_mekanisme_prosedur:
            yield Finding((*loc, "sistem_mekanisme_prosedur"), "5.2.prosedur.ganda", {"prosedur": s.prosedur})
        if s.prosedur not in layanan:
            continue
        # Working days and calendar days never convert (docs: analysis/prosedur.py); minutes and hours do.
        satuan = s.jangka_waktu.satuan
        menit = {"menit": Decimal(1), "jam": Decimal(60)}
        steps = [st.durasi for st in layanan[s.prosedur].langkah_perbaikan]
        if satuan in menit:
            total = sum((Decimal(str(d.nilai)) * menit[d.satuan] for d in steps if d.satuan in menit), Decimal(0))
            janji = Decimal(str(s.jangka_waktu.nilai)) * menit[satuan]
            shown = f"{angka(total / menit[satuan])} {satuan}"
        else:
            total = sum((Decimal(str(d.nilai)) for d in steps if d.satuan == satuan), Decimal(0))
            janji = Decimal(str(s.jangka_waktu.nilai))
            shown = f"{angka(total)} {satuan}"
        if total > janji:
            params = {"janji": f"{angka(janji if satuan not in menit else janji / menit[satuan])} {satuan}",
                      "prosedur": s.prosedur, "total": shown}
            yield Finding((*loc, "jangka_waktu", "nilai"), "5.2.prosedur.lebih_lama", params)


#: Words that name the DPRD or its members as the subject of a task (format-perkada-sop.md §4 no. 1).
_DPRD = re.compile(r"\b(DPRD|Dewan Perwakilan Rakyat Daerah|Pimpinan Dewan|Komisi [A-Z])\b")
_TUGAS = re.compile(r"\b(wajib|melaksanakan|menyampaikan|melaporkan|menyusun|menetapkan|mengagendakan|bertugas)\b")


def tugas_dprd(teks: str) -> str | None:
    """The DPRD named as the one who acts in ``teks`` (a task), or None; 'berkoordinasi dengan DPRD' is fine."""
    m = _DPRD.search(teks)
    if m is None or "koordinasi" in teks[: m.start()].lower()[-40:]:
        return None
    awal = teks[: m.start()].strip()
    # The DPRD is the subject when it opens the sentence and a verb of duty follows it.
    if awal and not awal.lower().startswith(("pimpinan", "ketua", "anggota")):
        return None
    return teks if _TUGAS.search(teks[m.end():]) else None


def _bagian_juklak(jj: JuklakJuknis) -> dict[str, str]:
    """Sections a change may go into: casefolded title -> title as written."""
    out = {b.judul.strip().casefold(): b.judul.strip() for b in jj.ketentuan_pelaksanaan}
    out.update({"pembiayaan": "Pembiayaan", "pemantauan": "Pemantauan"})
    return out


def checks_juklak(self: Kesepakatan) -> Iterator[Finding]:
    """Drafting errors a Bagian Hukum corrects (format-perkada-sop.md §4), reported as warnings."""
    jj = self.juklak_juknis
    bagian = _bagian_juklak(jj)
    for i, p in enumerate(jj.perbaikan):
        if p.bagian.strip().casefold() not in bagian:
            near = difflib.get_close_matches(p.bagian.strip().casefold(), list(bagian), n=1, cutoff=0.6)
            saran: Localized | str = (
                Localized(f"; maksud Anda '{bagian[near[0]]}'?", f"; did you mean '{bagian[near[0]]}'?") if near else ""
            )
            yield Finding(("juklak_juknis", "perbaikan", i, "bagian"), "5.3.perbaikan.bagian",
                          {"bagian": p.bagian, "saran": saran})
    if jj.status == "disepakati dengan perbaikan" and jj.catatan_perbaikan and not jj.perbaikan:
        yield Finding(("juklak_juknis", "catatan_perbaikan"), "5.3.perbaikan.belum_dimuat", {}, "warning")
    if "mulai berlaku" in jj.penutup.lower():
        yield Finding(("juklak_juknis", "penutup"), "5.3.lampiran.mulai_berlaku", {}, "warning")
    teks: list[tuple[Loc, str]] = []
    for i, b in enumerate(jj.ketentuan_pelaksanaan):
        teks += [(("juklak_juknis", "ketentuan_pelaksanaan", i, "ketentuan", j), t) for j, t in enumerate(b.ketentuan)]
    teks += [(("juklak_juknis", "pembiayaan", j), t) for j, t in enumerate(jj.pembiayaan)]
    teks += [(("juklak_juknis", "pemantauan", j), t) for j, t in enumerate(jj.pemantauan)]
    for i, p in enumerate(jj.perbaikan):
        teks += [(("juklak_juknis", "perbaikan", i, "ketentuan", j), t) for j, t in enumerate(p.ketentuan)]
    for loc, t in teks:
        if tugas_dprd(t):
            kutipan = t if len(t) <= 60 else t[:57] + "…"
            yield Finding(loc, "5.3.tugas_dprd", {"kutipan": kutipan}, "warning")

