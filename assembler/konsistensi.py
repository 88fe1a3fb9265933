"""Consistency rules across topics: the same fact typed twice, or a judgement a person must make.

Run by :func:`assembler.validate.validate_workspace` after every file validated on its own. Each finding
lands on one value and names the other place it disagrees with as ``file:line:col``, so the secretariat
sees both without searching. Errors where the package would be wrong; warnings where a human must judge
(a plan may legitimately change, a Perumda activity may be funded by the region's equity participation).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assembler.errors import Problem, Severity
from assembler.loading import Loc
from assembler.messages import register

if TYPE_CHECKING:  # pragma: no cover
    from assembler.loading import LoadedFile
    from assembler.validate import TopicState, ValidationResult

register(
    {
        "konsistensi.masa_kerja_pokja": (
            "{apa} berakhir {bulan}, sesudah masa kerja Pokja berakhir ({berakhir}, {lain}); "
            "perpanjang masa kerja dalam SK atau serahkan kepada unit/perangkat daerah",
            "{apa} ends {bulan}, after the Pokja's term ends ({berakhir}, {lain}); "
            "extend the term in the decree or hand it to a unit or regional office",
        ),
        "konsistensi.pelaksana_legislatif": (
            "penanggung jawab '{kode}' adalah anggota DPRD ({instansi}, {lain}); DPRD mengawasi, "
            "bukan melaksanakan rencana eksekutif: periksa apakah pelaksananya perangkat daerah atau PDAM",
            "the person responsible '{kode}' is a member of the DPRD ({instansi}, {lain}); the DPRD oversees, "
            "it does not carry out the executive's plan: check whether a regional office or the PDAM should",
        ),
        "konsistensi.pelaksana_lsm": (
            "penanggung jawab '{kode}' berasal dari organisasi masyarakat ({instansi}, {lain}); "
            "kelompok masyarakat dapat mendukung, tetapi tidak dapat dimintai tanggung jawab atas "
            "kegiatan dalam rencana eksekutif",
            "the person responsible '{kode}' comes from a civil-society organisation ({instansi}, {lain}); "
            "it can support but cannot be held to account for an activity of the executive's plan",
        ),
        "konsistensi.apbd_untuk_pdam": (
            "sumber dana {sumber} untuk kegiatan yang dilaksanakan PDAM sendiri (penanggung jawab '{kode}', "
            "{lain}); dana APBD/DAK sampai ke PDAM hanya melalui penyertaan modal atau hibah: "
            "sebutkan jalurnya atau ubah sumber dana",
            "funding source {sumber} for an activity the PDAM runs itself (responsible '{kode}', {lain}); "
            "regional or DAK money reaches the PDAM only as equity participation or a grant: name the route "
            "or change the source",
        ),
        "konsistensi.jangka_waktu": (
            "jangka waktu '{label}' tidak cocok dengan jadwal kegiatan {kegiatan} {mulai} s.d. {selesai} "
            "({bulan} bulan, {lain}); {saran}",
            "term '{label}' does not match the schedule of activity {kegiatan} {mulai} to {selesai} "
            "({bulan} months, {lain}); {saran}",
        ),
        "konsistensi.jangka_waktu.pendek": (
            "kegiatan sampai dua tahun masuk jangka pendek ('1-2 tahun')",
            "an activity of up to two years is short term ('1-2 tahun')",
        ),
        "konsistensi.jangka_waktu.menengah": (
            "kegiatan lebih dari dua tahun masuk jangka menengah ('5 tahun')",
            "an activity of more than two years is medium term ('5 tahun')",
        ),
        "konsistensi.jadwal_berbeda": (
            "jadwal penerapan kegiatan {kegiatan} {mulai} s.d. {selesai} berbeda dengan jadwal Skema "
            "Tindakan {mulai_51} s.d. {selesai_51} ({lain})",
            "the implementation schedule of activity {kegiatan} {mulai} to {selesai} differs from the "
            "action scheme's {mulai_51} to {selesai_51} ({lain})",
        ),
        "konsistensi.rapat_kesepakatan": (
            "{apa} rapat kesepakatan '{nilai}' berbeda dengan rencana di Kalender Kerja '{rencana}' ({lain}); "
            "bila rencana berubah, perbarui Kalender Kerja atau catat di kolom catatannya bahwa rapat dipindah/diundur",
            "the agreement meeting's {apa} '{nilai}' differs from the Kalender Kerja's plan '{rencana}' ({lain}); "
            "if the plan changed, update the Kalender Kerja or say in its catatan that the meeting was moved "
            "(dipindah/diundur)",
        ),
        "konsistensi.biaya_personil": (
            "biaya kegiatan untuk tindakan {tindakan} berjumlah {biaya} berbeda dengan biaya program personil "
            "{program} di Topik 4.4 sebesar {biaya_44} ({lain}); samakan angkanya karena keduanya dicetak "
            "dalam paket",
            "the cost of the activities for action {tindakan}, {biaya}, differs from the cost of personnel "
            "programme {program} in topic 4.4, {biaya_44} ({lain}); make them agree, both are printed in the package",
        ),
        "konsistensi.biaya_investasi": (
            "pembiayaan investasi usulan {usulan} sebesar {biaya_46} berbeda dengan biaya kegiatan {kegiatan} "
            "yang dibiayai di luar RKAP PDAM dalam Skema Tindakan sebesar {biaya} ({lain}); samakan angkanya "
            "karena keduanya dicetak dalam paket",
            "the investment financing of proposal {usulan}, {biaya_46}, differs from the cost of activities "
            "{kegiatan} funded outside the PDAM's RKAP in the action scheme, {biaya} ({lain}); make them agree, "
            "both are printed in the package",
        ),
        "konsistensi.target_indikator": (
            "target indikator logframe {kode} ({target}) berbeda dengan target indikator {indikator} di Topik 2.3 "
            "({target_23}, {lain}); bila ini target antara, tulis '(target antara)' pada ukurannya; "
            "bila tidak, samakan",
            "the target of logframe indicator {kode} ({target}) differs from indicator {indikator}'s target in "
            "topic 2.3 ({target_23}, {lain}); if it is an interim target write '(target antara)' in its measure, "
            "otherwise make them agree",
        ),
        "konsistensi.apa.kegiatan": ("kegiatan {kode}", "activity {kode}"),
        "konsistensi.apa.komunikasi": ("kegiatan komunikasi '{kode}'", "communication activity '{kode}'"),
        "konsistensi.apa.perumus": ("tugas Tim Perumus '{kode}'", "the drafting team's task '{kode}'"),
        "konsistensi.apa.tanggal": ("tanggal", "date"),
        "konsistensi.apa.tempat": ("tempat", "place"),
    }
)

#: Words in a Pokja member's institution that mark the regional parliament.
_DPRD = ("dprd", "dewan perwakilan rakyat")
#: Words that mark a civil-society organisation (NGO, forum, association, press union).
_LSM = ("lsm", "lembaga swadaya", "yayasan", "forum", "perkumpulan", "persatuan", "ikatan", "komunitas")
#: Words in the Kalender Kerja's note that say the planned meeting was moved.
_BERUBAH = ("diubah", "berubah", "dipindah", "ditunda", "diundur", "dimajukan")
#: Funding sources that are the region's or the State's budget, not the company's.
_ANGGARAN_PEMERINTAH = ("APBD", "APBN/DAK")


@dataclass(frozen=True)
class _Place:
    """One value of one file: its state (for the position map) and its location in the model."""

    state: TopicState
    loc: Loc

    def text(self) -> str:
        """``file:line:col`` for YAML, ``file:Sheet!Cell`` for a workbook, the way every message names a place."""
        loaded = self.state.loaded
        if loaded is None:
            return self.state.file
        cell = loaded.cell(self.loc)
        if cell:
            return f"{self.state.file}:{cell}"
        pos = loaded.position(self.loc)
        return f"{self.state.file}:{pos[0]}:{pos[1]}" if pos else self.state.file


#: How validation turns a location in a loaded file into a :class:`Problem` (``assembler.pydantic_problems.locate``;
#: passed in rather than imported, so this module does not import its caller).
Locate = Callable[["LoadedFile", Loc, str, dict[str, Any], str], Problem]


def check_consistency(result: ValidationResult, locate: Locate) -> list[Problem]:
    """Every consistency finding of a workspace whose files validated one by one."""
    problems: list[Problem] = []
    for rule in _RULES:
        for here, other, code, params, severity in rule(result):
            loaded = here.state.loaded
            if loaded is None:
                continue
            problems.append(locate(loaded, here.loc, code, {**params, "lain": other.text()}, severity))
    return problems


_Finding = tuple[_Place, _Place, str, dict[str, Any], Severity]


def _valid(result: ValidationResult, topic_id: str) -> TopicState | None:
    """A topic whose file validated with no error of its own: a broken topic never cascades into findings here."""
    state = result.topics.get(topic_id)
    if state is None or state.model is None or state.loaded is None:
        return None
    if any(p.severity == "error" and p.file == state.file for p in result.problems):
        return None
    return state


def _m(state: TopicState) -> Any:
    """The validated model of a state :func:`_valid` returned (rules read fields by name, like templates)."""
    return state.model


def _bulan(value: Any) -> str:
    return f"{value.year:04d}-{value.month:02d}"


def _months(mulai: str, selesai: str) -> int:
    return (int(selesai[:4]) - int(mulai[:4])) * 12 + int(selesai[5:7]) - int(mulai[5:7]) + 1


def _masa_kerja(result: ValidationResult) -> Iterator[_Finding]:
    """(b) Something the Pokja (or one of its members as Pokja) must do after the SK ends the Pokja."""
    s11 = _valid(result, "1.1")
    if s11 is None or _m(s11).sk.masa_kerja_berakhir is None:
        return
    model11: Any = _m(s11)
    berakhir = model11.sk.masa_kerja_berakhir
    end = _bulan(berakhir)
    term = _Place(s11, ("sk", "masa_kerja_berakhir"))
    anggota = {a.id for a in model11.pokja.anggota}
    base = {"berakhir": berakhir.isoformat()}
    s51 = _valid(result, "5.1")
    if s51 is not None:
        for loc, _kl, kg in _m(s51).iter_kegiatan():
            if kg.penanggung_jawab in anggota and kg.jadwal.selesai > end:
                apa = _apa("kegiatan", kg.id)
                params = {**base, "apa": apa, "bulan": kg.jadwal.selesai}
                yield _Place(s51, (*loc, "jadwal", "selesai")), term, "konsistensi.masa_kerja_pokja", params, "warning"
    s61 = _valid(result, "6.1")
    if s61 is not None:
        model61: Any = _m(s61)
        for i, rk in enumerate(model61.rencana_komunikasi):
            if rk.waktu > end:
                params = {**base, "apa": _apa("komunikasi", rk.kegiatan), "bulan": rk.waktu}
                here = _Place(s61, ("rencana_komunikasi", i, "waktu"))
                yield here, term, "konsistensi.masa_kerja_pokja", params, "warning"
        for i, tg in enumerate(model61.tim_perumus.tugas):
            if tg.tenggat > end:
                params = {**base, "apa": _apa("perumus", tg.judul), "bulan": tg.tenggat}
                here = _Place(s61, ("tim_perumus", "tugas", i, "tenggat"))
                yield here, term, "konsistensi.masa_kerja_pokja", params, "warning"


def _apa(kind: str, kode: str) -> Any:
    from assembler.messages import Localized, format_message

    params = {"kode": kode}
    code = f"konsistensi.apa.{kind}"
    return Localized(format_message(code, params, "id"), format_message(code, params, "en"))


def _pelaksana(result: ValidationResult) -> Iterator[_Finding]:
    """(c) and (d): who answers for a 5.1 activity, and where its money comes from."""
    s51 = _valid(result, "5.1")
    if s51 is None:
        return
    s11 = _valid(result, "1.1")
    s45 = _valid(result, "4.5")
    members: dict[str, tuple[int, Any]] = {}
    if s11 is not None:
        members = {a.id: (i, a) for i, a in enumerate(_m(s11).pokja.anggota)}
    units: dict[str, int] = {}
    if s45 is not None:
        units = {u.id: i for i, u in enumerate(_m(s45).unit)}
    pdam_names = _pdam_names(result)
    for loc, _kl, kg in _m(s51).iter_kegiatan():
        here = _Place(s51, (*loc, "penanggung_jawab"))
        pdam_site: _Place | None = None
        if kg.penanggung_jawab in members and s11 is not None:
            i, member = members[kg.penanggung_jawab]
            site = _Place(s11, ("pokja", "anggota", i, "instansi"))
            finding = _bukan_eksekutif(here, site, kg.penanggung_jawab, member.instansi)
            if finding is not None:
                yield finding
            elif any(n in member.instansi.casefold() for n in pdam_names):
                pdam_site = site
        elif kg.penanggung_jawab in units and s45 is not None:
            pdam_site = _Place(s45, ("unit", units[kg.penanggung_jawab], "id"))
        if pdam_site is not None and kg.sumber_dana in _ANGGARAN_PEMERINTAH:
            params = {"sumber": kg.sumber_dana, "kode": kg.penanggung_jawab}
            yield _Place(s51, (*loc, "sumber_dana")), pdam_site, "konsistensi.apbd_untuk_pdam", params, "warning"
    s71 = _valid(result, "7.1")
    if s71 is not None and s11 is not None:
        for j, fm in enumerate(getattr(_m(s71), "format_monev", [])):
            if fm.penanggung_jawab in members:
                i, member = members[fm.penanggung_jawab]
                site = _Place(s11, ("pokja", "anggota", i, "instansi"))
                here = _Place(s71, ("format_monev", j, "penanggung_jawab"))
                finding = _bukan_eksekutif(here, site, fm.penanggung_jawab, member.instansi)
                if finding is not None:
                    yield finding


def _bukan_eksekutif(here: _Place, site: _Place, kode: str, instansi: str) -> _Finding | None:
    """A legislator or a civil-society member made answerable for the executive's plan (a judgement)."""
    words = instansi.casefold()
    params = {"kode": kode, "instansi": instansi}
    if any(w in words for w in _DPRD):
        return here, site, "konsistensi.pelaksana_legislatif", params, "warning"
    if any(w in words.split() or (" " in w and w in words) for w in _LSM):
        return here, site, "konsistensi.pelaksana_lsm", params, "warning"
    return None


def _pdam_names(result: ValidationResult) -> list[str]:
    """How the company may be written in an institution: its names from stpp.yaml, and the generic words."""
    names = ["pdam", "perumda air minum", "perusahaan umum daerah air minum"]
    stpp: Any = result.stpp.model
    pdam = getattr(stpp, "pdam", None)
    for attr in ("nama", "singkatan"):
        value = getattr(pdam, attr, None)
        if isinstance(value, str) and value.strip():
            names.append(value.casefold())
    return names


def _jangka_waktu(result: ValidationResult) -> Iterator[_Finding]:
    """(e) 6.1's term label ('1-2 tahun' = RKAP/RKPD, '5 tahun' = Corporate Plan/RPJMD) against 5.1's dates."""
    s61, s51 = _valid(result, "6.1"), _valid(result, "5.1")
    if s61 is None or s51 is None:
        return
    kegiatan = {kg.id: (loc, kg) for loc, _kl, kg in _m(s51).iter_kegiatan()}
    for i, ps in enumerate(_m(s61).penyisipan):
        if ps.kegiatan not in kegiatan:
            continue
        loc, kg = kegiatan[ps.kegiatan]
        months = _months(kg.jadwal.mulai, kg.jadwal.selesai)
        if ps.jangka_waktu == "5 tahun" and months <= 24:
            saran = "pendek"
        elif ps.jangka_waktu == "1-2 tahun" and months > 24:
            saran = "menengah"
        else:
            continue
        from assembler.messages import Localized, format_message

        code = f"konsistensi.jangka_waktu.{saran}"
        params = {
            "label": ps.jangka_waktu,
            "kegiatan": kg.id,
            "mulai": kg.jadwal.mulai,
            "selesai": kg.jadwal.selesai,
            "bulan": months,
            "saran": Localized(format_message(code, {}, "id"), format_message(code, {}, "en")),
        }
        here = _Place(s61, ("penyisipan", i, "jangka_waktu"))
        yield here, _Place(s51, (*loc, "jadwal")), "konsistensi.jangka_waktu", params, "warning"


def _jadwal_kerja(result: ValidationResult) -> Iterator[_Finding]:
    """(a) 6.2's schedule of an activity typed again: it must be 5.1's (the agreed plan) or say why not."""
    s62, s51 = _valid(result, "6.2"), _valid(result, "5.1")
    if s62 is None or s51 is None:
        return
    kegiatan = {kg.id: (loc, kg) for loc, _kl, kg in _m(s51).iter_kegiatan()}
    for i, jk in enumerate(getattr(_m(s62), "jadwal_kerja", [])):
        if jk.kegiatan not in kegiatan:
            continue
        loc, kg = kegiatan[jk.kegiatan]
        if (jk.mulai, jk.selesai) == (kg.jadwal.mulai, kg.jadwal.selesai):
            continue
        params = {
            "kegiatan": kg.id,
            "mulai": jk.mulai,
            "selesai": jk.selesai,
            "mulai_51": kg.jadwal.mulai,
            "selesai_51": kg.jadwal.selesai,
        }
        here = _Place(s62, ("jadwal_kerja", i, "mulai"))
        yield here, _Place(s51, (*loc, "jadwal")), "konsistensi.jadwal_berbeda", params, "warning"


def _rapat_kesepakatan(result: ValidationResult) -> Iterator[_Finding]:
    """(f) The 5.3 meeting as held (Berita Acara) against its plan in the Kalender Kerja (1.2)."""
    s12, s53 = _valid(result, "1.2"), _valid(result, "5.3")
    if s12 is None or s53 is None:
        return
    rapat: Any = _m(s53).rapat
    for i, jd in enumerate(_m(s12).jadwal):
        if jd.topik != "5.3" or any(w in jd.catatan.casefold() for w in _BERUBAH):
            continue  # the plan's note says it changed: the difference is explained
        if jd.tanggal != rapat.tanggal:
            params = {"apa": _apa("tanggal", ""), "nilai": rapat.tanggal.isoformat(), "rencana": jd.tanggal.isoformat()}
            yield _Place(s53, ("rapat", "tanggal")), _Place(s12, ("jadwal", i, "tanggal")), (
                "konsistensi.rapat_kesepakatan"
            ), params, "warning"
        if jd.tempat.casefold() != rapat.tempat.casefold():
            params = {"apa": _apa("tempat", ""), "nilai": rapat.tempat, "rencana": jd.tempat}
            yield _Place(s53, ("rapat", "tempat")), _Place(s12, ("jadwal", i, "tempat")), (
                "konsistensi.rapat_kesepakatan"
            ), params, "warning"


def _biaya_personil(result: ValidationResult) -> Iterator[_Finding]:
    """(a) A 4.7 action made only of 4.4 programmes: 5.1's cost for it restates 4.4's (a warning: it may be revised).

    Actions that also draw on other topics (technical works, finance) are not compared: their cost has
    more parts than 4.4 knows.
    """
    s44, s47, s51 = _valid(result, "4.4"), _valid(result, "4.7"), _valid(result, "5.1")
    if s44 is None or s47 is None or s51 is None:
        return
    from assembler.idfmt import rupiah

    programs = {pp.id: (i, pp) for i, pp in enumerate(_m(s44).program)}
    costed = ("strategi", "usulan_teknis", "prosedur", "kebijakan", "unit", "usulan_keuangan")
    by_tindakan: dict[str, list[tuple[Loc, Any]]] = {}
    for loc, _kl, kg in _m(s51).iter_kegiatan():
        by_tindakan.setdefault(kg.tindakan, []).append((loc, kg))
    for tk in _m(s47).tindakan:
        refs = [r for r in tk.rujukan.program_personil if r in programs]
        if not refs or any(getattr(tk.rujukan, c) for c in costed) or tk.id not in by_tindakan:
            continue
        kegiatan = by_tindakan[tk.id]
        total_51 = sum(kg.biaya for _loc, kg in kegiatan)
        total_44 = sum(programs[r][1].biaya for r in refs)
        if total_51 == total_44:
            continue
        loc, first = kegiatan[0]
        params = {
            "tindakan": tk.id,
            "biaya": rupiah(total_51),
            "program": list(refs),
            "biaya_44": rupiah(total_44),
        }
        there = _Place(s44, ("program", programs[refs[0]][0], "biaya"))
        here = _Place(s51, (*loc, "biaya_per_tahun", min(first.biaya_per_tahun)))
        yield here, there, "konsistensi.biaya_personil", params, "error"


def _biaya_investasi(result: ValidationResult) -> Iterator[_Finding]:
    """A 4.6 investment-financing proposal restates what 5.1 costs the actions citing it outside the RKAP.

    An error: 4.6 and 5.1 are both printed; the amount financed by DAK, APBD, grants or KPBU is the sum of
    the cost of the 5.1 activities of every 4.7 action that cites the proposal, except those the PDAM pays
    from its own RKAP.
    """
    s46, s47, s51 = _valid(result, "4.6"), _valid(result, "4.7"), _valid(result, "5.1")
    if s46 is None or s47 is None or s51 is None:
        return
    from assembler.idfmt import rupiah

    kegiatan = list(_m(s51).iter_kegiatan())
    for i, uk in enumerate(_m(s46).usulan):
        if uk.kategori != "pembiayaan_investasi":
            continue
        actions = {tk.id for tk in _m(s47).tindakan if uk.id in tk.rujukan.usulan_keuangan}
        funded = [(loc, kg) for loc, _kl, kg in kegiatan if kg.tindakan in actions and kg.sumber_dana != "PDAM (RKAP)"]
        if not funded:
            continue
        total = sum(kg.biaya for _loc, kg in funded)
        if total == abs(uk.dampak_keuangan):
            continue
        params = {
            "usulan": uk.id,
            "biaya_46": rupiah(abs(uk.dampak_keuangan)),
            "kegiatan": [kg.id for _loc, kg in funded],
            "biaya": rupiah(total),
        }
        loc, first = funded[0]
        there = _Place(s51, (*loc, "biaya_per_tahun", min(first.biaya_per_tahun)))
        yield _Place(s46, ("usulan", i, "dampak_keuangan")), there, "konsistensi.biaya_investasi", params, "error"


def _target_indikator(result: ValidationResult) -> Iterator[_Finding]:
    """A 5.1 logframe indicator linked to a 2.3 indicator restates its target (a warning: it may be interim)."""
    s23, s51 = _valid(result, "2.3"), _valid(result, "5.1")
    if s23 is None or s51 is None:
        return
    from decimal import Decimal

    from assembler.idfmt import angka

    gap = {ind.id: (i, ind) for i, ind in enumerate(_m(s23).indikator)}
    for loc, il in _indikator_logframe(_m(s51)):
        if il.indikator not in gap:
            continue
        i, ind = gap[il.indikator]
        if Decimal(str(il.target)) == Decimal(str(ind.target)) or "target antara" in il.ukuran.casefold():
            continue
        def nilai(x: Any, satuan: str) -> str:
            return f"{angka(Decimal(str(x)))}{'%' if satuan.strip() == '%' else ' ' + satuan}"

        params = {
            "kode": il.id,
            "target": nilai(il.target, il.satuan),
            "indikator": ind.id,
            "target_23": nilai(ind.target, ind.satuan),
        }
        there = _Place(s23, ("indikator", i, "target"))
        yield _Place(s51, (*loc, "target")), there, "konsistensi.target_indikator", params, "warning"


def _indikator_logframe(model: Any) -> Iterator[tuple[Loc, Any]]:
    """Every logframe indicator of 5.1 with its location (tujuan, sasaran, keluaran, kegiatan levels)."""
    tj = model.tujuan
    base: Loc = ("tujuan",)
    yield from (((*base, "indikator", k), il) for k, il in enumerate(tj.indikator))
    for s, ss in enumerate(tj.sasaran):
        loc_s: Loc = (*base, "sasaran", s)
        yield from (((*loc_s, "indikator", k), il) for k, il in enumerate(ss.indikator))
        for o, kl in enumerate(ss.keluaran):
            loc_o: Loc = (*loc_s, "keluaran", o)
            yield from (((*loc_o, "indikator", k), il) for k, il in enumerate(kl.indikator))
            for g, kg in enumerate(kl.kegiatan):
                loc_g: Loc = (*loc_o, "kegiatan", g)
                yield from (((*loc_g, "indikator", k), il) for k, il in enumerate(kg.indikator))


_RULES: list[Callable[[ValidationResult], Iterator[_Finding]]] = [
    _biaya_personil,
    _biaya_investasi,
    _masa_kerja,
    _pelaksana,
    _jangka_waktu,
    _jadwal_kerja,
    _rapat_kesepakatan,
    _target_indikator,
]
