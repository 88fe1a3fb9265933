"""Struktur Organisasi Pokja (1.1): DOT content, page-sized parts and the PNG."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from assembler.models.tahap1 import StakeholderPokja
from assembler.pictures import gambar_struktur_pokja, potongan_struktur_pokja, struktur_pokja
from assembler.pictures.common import TINGGI_MAKS_MM, ukuran_alami_mm
from assembler.pictures.struktur_pokja import bagian_anggota, sumber_struktur_pokja

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"
RAW: dict[str, Any] = yaml.safe_load((CONTOH / "1.1-stakeholder-pokja.yaml").read_text(encoding="utf-8"))


def _flat(dot: str) -> str:
    """DOT label text with the wrapping undone, to look for whole names."""
    return dot.replace("<BR/>", " ").replace("</B>", "").replace("<B>", "")


def _pokja(n_anggota: int) -> StakeholderPokja:
    raw = copy.deepcopy(RAW)
    lead = [a for a in raw["pokja"]["anggota"] if a["kedudukan"] != "anggota"]
    base = [a for a in raw["pokja"]["anggota"] if a["kedudukan"] == "anggota"]
    extra = [
        dict(base[i % len(base)], id=f"m-uji-{i}", nama=f"Anggota Uji Nomor {i}") for i in range(n_anggota)
    ]
    raw["pokja"]["anggota"] = lead + extra
    raw["pokja"]["tim_inti"] = [a["id"] for a in lead[:2]]
    return StakeholderPokja.model_validate(raw)


def test_dot_names_every_member_office_and_tim_inti() -> None:
    data = StakeholderPokja.model_validate(RAW)
    dot = sumber_struktur_pokja(data)
    flat = _flat(dot)
    for a in data.pokja.anggota:
        assert a.nama in flat, a.nama
        assert a.jabatan in flat, a.jabatan
    assert flat.count("Tim Inti</I>") == len(data.pokja.tim_inti) + 1  # boxes plus the legend
    assert dot.count('peripheries="2"') == len(data.pokja.tim_inti)
    assert "ANGGOTA (10 orang)" in dot
    # Positions appear top-down in the decree's order.
    order = [
        dot.index(f"<B>{label}</B>") for label in ("PENGARAH", "PENANGGUNG JAWAB", "KETUA", "SEKRETARIS")
    ]
    assert order == sorted(order)


def test_png_is_deterministic_and_fits_the_page_at_natural_size() -> None:
    data = StakeholderPokja.model_validate(RAW)
    png = struktur_pokja(data)
    assert png == struktur_pokja.__wrapped__(data)  # drawn again, not from the cache
    lebar, tinggi = ukuran_alami_mm(png)
    assert 120 < lebar <= 160.5 and tinggi <= TINGGI_MAKS_MM  # printed unscaled: 8 pt stays 8 pt
    [g] = gambar_struktur_pokja(data)
    assert g.keterangan == "Gambar 1.1 Struktur Organisasi Pokja"
    assert g.lebar_mm == round(lebar, 1)


def test_sixty_members_are_cut_into_page_sized_parts() -> None:
    data = _pokja(55)
    assert bagian_anggota(55) == [range(12), range(12, 36), range(36, 55)]
    flat = "".join(_flat(sumber_struktur_pokja(data, b)) for b in bagian_anggota(55))
    for a in data.pokja.anggota:
        assert a.nama in flat
    assert "ANGGOTA 13–36 dari 55 orang (lanjutan)" in flat
    pngs = potongan_struktur_pokja(data)
    assert len(pngs) == 3
    for png in pngs:
        lebar, tinggi = ukuran_alami_mm(png)
        assert lebar <= 160.5 and tinggi <= TINGGI_MAKS_MM
    captions = [g.keterangan for g in gambar_struktur_pokja(data, "2")]
    assert captions[1] == "Gambar 2 Struktur Organisasi Pokja (bagian 2 dari 3)"


def test_no_anggota_and_odd_text() -> None:
    raw = copy.deepcopy(RAW)
    raw["pokja"]["anggota"] = [
        a for a in raw["pokja"]["anggota"] if a["kedudukan"] in ("ketua", "sekretaris")
    ]
    raw["pokja"]["anggota"][0]["nama"] = 'A & B <Tim> "Kutip" ' + "Panjangsekalitanpaspasi" * 6
    raw["pokja"]["tim_inti"] = []
    data = StakeholderPokja.model_validate(raw)
    dot = sumber_struktur_pokja(data)
    assert "A &amp; B &lt;Tim&gt; &quot;Kutip&quot;" in dot
    assert "cluster_anggota" not in dot and "Tim Inti" not in dot
    assert struktur_pokja(data)[:4] == b"\x89PNG"


def test_a_name_or_office_that_is_only_a_bracket_is_drawn() -> None:
    """Graphviz's HTML lexer fails on ``<B>]</B>``; siap writes the bracket as a character reference."""
    raw = copy.deepcopy(RAW)
    for a in raw["pokja"]["anggota"][:2]:
        a["nama"] = "]"
        a["jabatan"] = "]"
    data = StakeholderPokja.model_validate(raw)
    assert "<B>&#93;</B>" in sumber_struktur_pokja(data)
    assert struktur_pokja(data).startswith(b"\x89PNG")
