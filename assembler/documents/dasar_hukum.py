"""Regulations as the documents cite them: the shipped catalogue plus those the Pokja wrote out in 2.2.

A regional Perda (the one establishing the PDAM, typically) is not in the catalogue; topic 2.2 lets
the Pokja write it out with the catalogue's own fields, so here it becomes a catalogue-shaped
:class:`~assembler.content.Regulasi` that :mod:`assembler.legal` cites and orders like any other.
The status notes say where each fact comes from, so a drafter knows what still has to be checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assembler import idfmt, legal
from assembler.content import Pengganti, Regulasi, katalog_regulasi
from assembler.documents.kalimat import Kalimat
from assembler.messages import format_message
from assembler.models.stpp import Stpp
from assembler.models.tahap2 import EntriRegulasi
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.workspace_view import WorkspaceView

#: The status wording every document shares (``content/dasar-hukum.yaml``).
TEKS = Kalimat("dasar-hukum.yaml")

#: Where a written-out regulation's data come from, as printed in status notes.
SUMBER_TERTULIS = TEKS("sumber_tertulis")

#: What a catalogue confidence letter means, for readers who have not seen the catalogue.
KEYAKINAN: dict[str, str] = {
    "C": TEKS("keyakinan_c"),
    "S": TEKS("keyakinan_s"),
    "U": TEKS("keyakinan_u"),
}

STATUS: dict[str, str] = {
    "berlaku": TEKS("status_berlaku"),
    "diubah": TEKS("status_diubah"),
    "dicabut": TEKS("status_dicabut"),
    "diganti": TEKS("status_diganti"),
    "tidak_berlaku": TEKS("status_tidak_berlaku"),
    "tidak_diketahui": TEKS("status_tidak_diketahui"),
}


def regulasi_tertulis(entri: EntriRegulasi, stpp: Stpp | None) -> Regulasi:
    """A 2.2 entry written out in full, shaped as a catalogue entry.

    Built without the catalogue's validators: a Pokja may record that a Perda was amended without
    listing the amendment, which the catalogue (whose chains must resolve) would refuse. The data
    are the Pokja's, so the confidence is "S" and the status note asks the drafter to check them.
    """
    assert entri.id is not None and entri.jenis is not None and entri.tahun is not None
    daerah = entri.daerah or (stpp.daerah.nama_lengkap if stpp is not None else "")
    kepala = entri.kepala_daerah
    if kepala is None and stpp is not None:
        kepala = "Bupati" if stpp.daerah.jenis == "kabupaten" else "Walikota"
    pengganti = None
    if entri.status == "dicabut":
        pengganti = Pengganti(teks=TEKS("pengganti_belum_dicantumkan"))
    return Regulasi.model_construct(
        id=entri.id,
        jenis=entri.jenis,
        nomor=entri.nomor,
        tahun=entri.tahun,
        tentang=entri.tentang,
        pasal=None,
        daerah=daerah or None,
        kepala_daerah=kepala,
        ln_tahun=entri.ln_tahun,
        ln_nomor=entri.ln_nomor,
        tln_nomor=entri.tln_nomor,
        bn_tahun=entri.bn_tahun,
        bn_nomor=entri.bn_nomor,
        ld_tahun=entri.ld_tahun,
        ld_nomor=entri.ld_nomor,
        tld_nomor=entri.tld_nomor,
        bd_tahun=entri.bd_tahun,
        bd_nomor=entri.bd_nomor,
        status=entri.status,
        dicabut_oleh=pengganti,
        diganti_oleh=None,
        diubah_dengan=[],
        keyakinan="S",
        sumber=SUMBER_TERTULIS,
        catatan="",
    )


def katalog_ruang_kerja(view: WorkspaceView) -> dict[str, Regulasi]:
    """Every regulation the workspace may cite: the shipped catalogue plus 2.2's written-out entries."""
    katalog = (view.content.regulasi if view.content is not None else katalog_regulasi()).as_dict()
    topik = view.get(TopikRegulasi)
    if isinstance(topik, TopikRegulasi):
        for entri in topik.regulasi:
            if entri.id is not None and entri.katalog is None:
                katalog[entri.id] = regulasi_tertulis(entri, view.stpp)
    return katalog


def status_singkat(reg: Regulasi, katalog: dict[str, Regulasi]) -> str:
    """``Berlaku dengan perubahan, diubah terakhir dengan ...`` / ``Dicabut oleh ...``: the status in a line.

    A status the catalogue has not confirmed says so in the same line (a U is never shown as fact),
    and a written-out regulation's status is the Pokja's word.
    """
    label = STATUS[reg.status]
    if reg.diubah_dengan and reg.diubah_dengan[-1] in katalog:
        terakhir = katalog[reg.diubah_dengan[-1]]
        label = TEKS(
            "diubah_terakhir" if len(reg.diubah_dengan) > 1 else "diubah_dengan",
            status=label,
            perubahan=sebutan_singkat(terakhir),
        )
    elif reg.tidak_berlaku_lagi and reg.pengganti is not None:
        label = TEKS(
            "dicabut_oleh" if reg.status == "dicabut" else "diganti_dengan",
            status=label,
            pengganti=reg.pengganti.teks,
        )
    if reg.sumber == SUMBER_TERTULIS:
        return TEKS("menurut_pokja", status=label)
    if reg.keyakinan == "U" and reg.status != "tidak_diketahui":
        return TEKS("belum_terkonfirmasi", status=label)
    return label


def kutipan(reg: Regulasi, katalog: dict[str, Regulasi]) -> tuple[str, str]:
    """(title, status) of ``reg`` as every document prints them: the one citation path.

    The SK, the Juklak/Juknis, the Tabel Hubungan, the Draft STPP and the working paper of Tahap 2
    all cite through here, so a regulation written out in 2.2 reads the same in each of them.
    """
    return legal.judul(reg), status_singkat(reg, katalog)


def sebutan_singkat(reg: Regulasi) -> str:
    """``Undang-Undang Nomor 23 Tahun 2014``: the title without its subject, for cross-references."""
    return legal.judul(reg).split(" tentang ", 1)[0]


def kalimat(teks: str) -> str:
    """A message as a sentence: capital first letter, final period."""
    teks = teks.strip()
    if not teks:
        return teks
    teks = teks[0].upper() + teks[1:]
    return teks if teks.endswith(".") else teks + "."


def catatan_status(reg: Regulasi, katalog: dict[str, Regulasi]) -> list[str]:
    """The drafter's warnings for ``reg`` (repealed, replaced, unconfirmed), as sentences."""
    return [kalimat(format_message(f.code, f.params)) for f in legal.status_peringatan(reg, katalog)]


def pengganti_berlaku(reg: Regulasi, katalog: dict[str, Regulasi]) -> Regulasi | None:
    """The catalogued regulation now in force in place of a repealed one, following the chain."""
    seen = {reg.id}
    current = reg
    while current.tidak_berlaku_lagi:
        p = current.pengganti
        if p is None or p.id is None or p.id in seen or p.id not in katalog:
            return None
        seen.add(p.id)
        current = katalog[p.id]
    return current if current is not reg else None


def pilih_berlaku(
    kode: Iterable[str], katalog: dict[str, Regulasi], asal: str, bagian: str
) -> tuple[dict[str, Regulasi], dict[str, str]]:
    """The regulations to cite for ``kode``, by id, and the drafter's note on each repealed one.

    A repealed regulation is never cited silently: it is replaced by its catalogued successor now in
    force (the note is keyed by the successor's id, to be printed at its number), or left out (keyed
    by its own id). ``asal`` says where the code was written (``pada Topik 2.2``), ``bagian`` which
    part of the document cites (``Dasar Hukum``, ``Mengingat``).
    """
    dipilih: dict[str, Regulasi] = {}
    catatan_ganti: dict[str, str] = {}
    for k in kode:
        reg = katalog.get(k)
        if reg is None:
            # Only possible before 2.2 exists (the check warns): a regulation the Pokja will write out
            # there. It cannot be cited yet, and the drafter must know it was meant to be.
            catatan_ganti[k] = TEKS("catatan_belum_ada", kode=k, asal=asal, bagian=bagian)
            continue
        if reg.tidak_berlaku_lagi:
            pengganti = pengganti_berlaku(reg, katalog)
            lama = legal.judul(reg)
            if pengganti is not None:
                catatan_ganti[pengganti.id] = TEKS(
                    "catatan_diganti", lama=lama, asal=asal, bagian=bagian, pengganti=legal.judul(pengganti)
                )
                reg = pengganti
            else:
                catatan_ganti[reg.id] = (
                    TEKS("catatan_tidak_dikutip", lama=lama, asal=asal, bagian=bagian)
                    + " "
                    + " ".join(catatan_status(reg, katalog))
                )
                continue
        dipilih.setdefault(reg.id, reg)
    return dipilih, catatan_ganti


def catatan_bernomor(
    urut: Sequence[Regulasi], katalog: dict[str, Regulasi], catatan_ganti: dict[str, str], bagian: str
) -> list[str]:
    """The drafter's notes on the cited list ``urut``: ``Mengingat angka 2 dan angka 5: ...``.

    One note per distinct warning, naming every item it concerns (an amendment cited in two chains
    is checked once); the notes on repealed regulations left out of the list come last.
    """
    sisa = dict(catatan_ganti)
    per_teks: dict[str, list[int]] = {}
    for i, reg in enumerate(urut, start=1):
        if reg.id in sisa:
            per_teks.setdefault(sisa.pop(reg.id), []).append(i)
        for teks in catatan_status(reg, katalog):
            # After "Mengingat angka n:" the note goes on in lower case ("status ... belum ...").
            if teks.startswith("Status "):
                teks = "s" + teks[1:]
            per_teks.setdefault(teks, []).append(i)
    catatan = [f"{bagian} {idfmt.daftar([f'angka {i}' for i in nomor])}: {teks}" for teks, nomor in per_teks.items()]
    catatan.extend(sisa.values())  # repealed ones left out of the list
    return catatan
