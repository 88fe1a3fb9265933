"""Shared pieces of the working papers: cell formats, names, and the tables several topics print.

Titles and columns are declared in ``content/topik.yaml`` (:mod:`.teks`); the helpers here fill rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from assembler import idfmt
from assembler.content import Content, load_content
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.lembar import Blok
from assembler.documents.nama import Nama
from assembler.documents.naskah import bulan_tahun
from assembler.models.tahap4 import Durasi
from assembler.models.tahap5 import PenandaTangan
from assembler.models.tahap6 import AnggotaTim
from assembler.workspace_view import WorkspaceView

# --------------------------------------------------------------------------- formatting helpers


def _no(i: int) -> str:
    return f"{i}."


def _angka(x: int | float | Decimal) -> str:
    return idfmt.angka(x)


def _rentang(mulai: str, selesai: str) -> str:
    return bulan_tahun(mulai) if mulai == selesai else f"{bulan_tahun(mulai)} – {bulan_tahun(selesai)}"


def _lama_bulan(mulai: str, selesai: str) -> int:
    """Months from ``mulai`` to ``selesai`` inclusive (March–May is 3)."""
    y1, m1 = (int(x) for x in mulai.split("-"))
    y2, m2 = (int(x) for x in selesai.split("-"))
    return (y2 - y1) * 12 + (m2 - m1) + 1


def _kapital(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


def _content(view: WorkspaceView) -> Content:
    return view.content if view.content is not None else load_content()


def _lines(items: Iterable[str], bernomor: bool = True) -> list[str]:
    """List items inside one cell: ``1. a``, ``2. b`` (a single item stays bare)."""
    items = list(items)
    if len(items) <= 1:
        return items or ["–"]
    if not bernomor:
        return [f"– {t}" for t in items]
    return [f"{i}. {t}" for i, t in enumerate(items, start=1)]


def _kepala(view: WorkspaceView) -> str:
    return view.stpp.daerah.kepala if view.stpp is not None else "Kepala Daerah"


def _rp(n: int) -> str:
    """An amount in a column headed "(Rp)": digits only, so wide budget tables stay readable."""
    return idfmt.angka(n)


# --------------------------------------------------------------------------- teams (6.1, 7.1, 7.2)


def _tim(kk: TeksBagian, kunci: str, view: WorkspaceView, anggota: Sequence[AnggotaTim]) -> Blok:
    """A team's members (6.1, 7.1, 7.2): the topic's table ``kunci`` declares title and columns."""
    nama = Nama(view)
    return kk.tabel(
        kunci,
        [
            [_no(i), nama.nama_anggota(a.anggota), nama.jabatan(a.anggota), a.peran]
            for i, a in enumerate(anggota, start=1)
        ],
    )


# --------------------------------------------------------------------------- shared by two topics (4.2/4.5, 5.2/5.3)


def _durasi(d: Durasi) -> str:
    return f"{_angka(Decimal(str(d.nilai)))} {d.satuan}"


def _penanda_tangan(kk: TeksBagian, kunci: str, items: Sequence[PenandaTangan]) -> Blok:
    """The signatories (5.2, 5.3): the topic's table ``kunci`` declares title and columns."""
    return kk.tabel(kunci, [[_no(i), p.nama, p.jabatan, p.nip or "–", p.pihak] for i, p in enumerate(items, start=1)])
