"""Citing regulations the way Indonesian legal drafters do (format-sk rules 8-10, 13-14).

The Bagian Hukum corrects citations by hand when they are wrong; generating them from the
catalogue (``content/regulasi.yaml``) makes them right the first time and keeps the status notes
(repealed, unconfirmed) next to the citation that needs them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

from assembler import messages
from assembler.content import KatalogRegulasi, Regulasi
from assembler.models.base import Finding

Katalog = KatalogRegulasi | Mapping[str, Regulasi]

messages.register(
    {
        "regulasi.dicabut": (
            "{kutipan} telah dicabut oleh {pengganti}; gunakan penggantinya",
            "{kutipan} has been repealed by {pengganti}; cite its replacement",
        ),
        "regulasi.diganti": (
            "{kutipan} telah diganti dengan {pengganti}; gunakan penggantinya",
            "{kutipan} has been replaced by {pengganti}; cite its replacement",
        ),
        "regulasi.tidak_berlaku": (
            "{kutipan} tidak berlaku lagi; penggantinya: {pengganti}",
            "{kutipan} is no longer in force; replaced by: {pengganti}",
        ),
        "regulasi.status_tidak_diketahui": (
            "status berlakunya {kutipan} tidak diketahui ({sumber}); periksa di JDIH sebelum mengutipnya",
            "the status of {kutipan} is unknown ({sumber}); check it in the JDIH before citing it",
        ),
        "regulasi.periksa_jdih": (
            "status {kutipan} belum terkonfirmasi (keyakinan {keyakinan}: {sumber}); perancang wajib "
            "memeriksa statusnya di JDIH/BPK sebelum naskah ditandatangani",
            "the status of {kutipan} is not confirmed (confidence {keyakinan}: {sumber}); the drafter must "
            "check it in the JDIH/BPK database before the document is signed",
        ),
    }
)

_TEMPAT_NEGARA = "Republik Indonesia"


def _lookup(catalogue: Katalog, reg_id: str) -> Regulasi:
    reg = catalogue.get(reg_id)
    if reg is None:
        raise KeyError(f"regulasi '{reg_id}' tidak ada dalam katalog")
    return reg


def judul(reg: Regulasi) -> str:
    """The title part of a citation: ``Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah``.

    A number that already carries the year (``18/PRT/M/2007``) is cited without ``Tahun``, as
    ministerial regulations are.
    """
    nama = reg.nama_jenis
    if reg.jenis == "UUD":
        return f"{reg.pasal} {nama}" if reg.pasal else nama
    assert reg.nomor is not None  # the model requires it outside UUD
    nomor = f"Nomor {reg.nomor}" if "/" in reg.nomor else f"Nomor {reg.nomor} Tahun {reg.tahun}"
    teks = f"{nama} {nomor} tentang {reg.tentang}"
    return f"{reg.pasal} {teks}" if reg.pasal else teks


def publikasi(reg: Regulasi) -> str:
    """The bracketed publication note, or ``""`` when no number is confirmed (never invented)."""
    bagian: list[str] = []
    if reg.ln_tahun is not None and reg.ln_nomor is not None:
        bagian.append(f"Lembaran Negara {_TEMPAT_NEGARA} Tahun {reg.ln_tahun} Nomor {reg.ln_nomor}")
    if reg.tln_nomor is not None:
        bagian.append(f"Tambahan Lembaran Negara {_TEMPAT_NEGARA} Nomor {reg.tln_nomor}")
    if reg.bn_tahun is not None and reg.bn_nomor is not None:
        bagian.append(f"Berita Negara {_TEMPAT_NEGARA} Tahun {reg.bn_tahun} Nomor {reg.bn_nomor}")
    if reg.daerah:
        if reg.ld_tahun is not None and reg.ld_nomor is not None:
            bagian.append(f"Lembaran Daerah {reg.daerah} Tahun {reg.ld_tahun} Nomor {reg.ld_nomor}")
        if reg.tld_nomor is not None:
            bagian.append(f"Tambahan Lembaran Daerah {reg.daerah} Nomor {reg.tld_nomor}")
        if reg.bd_tahun is not None and reg.bd_nomor is not None:
            bagian.append(f"Berita Daerah {reg.daerah} Tahun {reg.bd_tahun} Nomor {reg.bd_nomor}")
    return f"({', '.join(bagian)})" if bagian else ""


def kutip_tunggal(reg: Regulasi) -> str:
    """Title plus publication note, without the amendment chain."""
    note = publikasi(reg)
    return f"{judul(reg)} {note}" if note else judul(reg)


def kutip(regulasi: Regulasi, catalogue: Katalog) -> str:
    """The full Mengingat citation, amendment chain included, without the closing ``;``.

    One amendment: ``... sebagaimana telah diubah dengan <amendment>``; several: ``... sebagaimana
    telah diubah beberapa kali terakhir dengan <last amendment>`` (format-sk rule 9).
    """
    teks = kutip_tunggal(regulasi)
    chain = regulasi.diubah_dengan
    if not chain:
        return teks
    terakhir = kutip_tunggal(_lookup(catalogue, chain[-1]))
    if len(chain) == 1:
        return f"{teks} sebagaimana telah diubah dengan {terakhir}"
    return f"{teks} sebagaimana telah diubah beberapa kali terakhir dengan {terakhir}"


_ANGKA = re.compile(r"\d+")


def _nomor_urut(reg: Regulasi) -> tuple[int, str]:
    """Numeric part of the number (``18/PRT/M/2007`` -> 18, ``KEP/25/M.PAN/2/2004`` -> 25)."""
    if not reg.nomor:
        return (0, "")
    found = _ANGKA.search(reg.nomor)
    return (int(found.group()) if found else 0, reg.nomor)


def urutkan(regulasi: Iterable[Regulasi], didahulukan: Collection[str] = ()) -> list[Regulasi]:
    """Order legal bases as a Mengingat list: by hierarchy, then year, then number numerically.

    ``didahulukan`` names ids that go first within their level (the UU forming the regency is
    usually cited first among the UU, format-sk rule 10).
    """
    return sorted(
        regulasi,
        key=lambda r: (r.tingkat, r.id not in didahulukan, r.tahun, _nomor_urut(r), r.id),
    )


def _pengganti_teks(reg: Regulasi, catalogue: Katalog | None) -> str:
    """The catalogue's text naming the replacement, then any later replacement of that replacement.

    Kepmenkes 907/2002 was replaced by Permenkes 492/2010, itself repealed by Permenkes 2/2023: the
    drafter needs the current one, so the chain is followed through catalogued ids.
    """
    p = reg.pengganti
    if p is None:
        return ""
    langkah = [p.teks]
    seen = {reg.id}
    next_id = p.id
    while catalogue is not None and next_id is not None and next_id not in seen:
        seen.add(next_id)
        current = _lookup(catalogue, next_id)
        if not current.tidak_berlaku_lagi or current.pengganti is None:
            break
        langkah.append(current.pengganti.teks)
        next_id = current.pengganti.id
    return ", kemudian ".join(langkah)


def status_peringatan(regulasi: Regulasi, catalogue: Katalog | None = None) -> list[Finding]:
    """Warnings a drafter needs before citing ``regulasi`` (location empty: the caller places them).

    A repealed or replaced regulation names its replacement; a status not confirmed by the
    regulation's own text (confidence S or U) asks for a check in the JDIH, so a U is never
    presented as fact.
    """
    kutipan = judul(regulasi)
    hasil: list[Finding] = []
    if regulasi.tidak_berlaku_lagi:
        code = {"dicabut": "regulasi.dicabut", "diganti": "regulasi.diganti"}.get(
            regulasi.status, "regulasi.tidak_berlaku"
        )
        hasil.append(
            Finding(
                loc=(),
                code=code,
                params={"kutipan": kutipan, "pengganti": _pengganti_teks(regulasi, catalogue)},
                severity="warning",
            )
        )
    if regulasi.status == "tidak_diketahui":
        hasil.append(
            Finding(
                loc=(),
                code="regulasi.status_tidak_diketahui",
                params={"kutipan": kutipan, "sumber": regulasi.sumber},
                severity="warning",
            )
        )
    elif regulasi.keyakinan != "C":
        hasil.append(
            Finding(
                loc=(),
                code="regulasi.periksa_jdih",
                params={"kutipan": kutipan, "keyakinan": regulasi.keyakinan, "sumber": regulasi.sumber},
                severity="warning",
            )
        )
    if catalogue is not None and regulasi.diubah_dengan and not regulasi.tidak_berlaku_lagi:
        # The last amendment is printed in the citation, so its numbers need the same check.
        terakhir = _lookup(catalogue, regulasi.diubah_dengan[-1])
        if terakhir.keyakinan != "C":
            hasil.append(
                Finding(
                    loc=(),
                    code="regulasi.periksa_jdih",
                    params={
                        "kutipan": judul(terakhir),
                        "keyakinan": terakhir.keyakinan,
                        "sumber": terakhir.sumber,
                    },
                    severity="warning",
                )
            )
    return hasil
