"""Shared picture plumbing: sizes, wrapping, and a missing Graphviz."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.errors import ExitCode
from assembler.messages import format_message, has_message
from assembler.pictures import GraphvizTidakAdaError
from assembler.pictures.common import gambar, lebar_cetak_mm, lebar_teks_mm, png_graphviz, wrap_mm


def _png(w: int, h: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff" * w for _ in range(h))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )


def test_print_width_never_enlarges_and_respects_the_page() -> None:
    assert lebar_cetak_mm(_png(1181, 1181)) == 100.0  # 100 mm at 300 dpi: printed as drawn
    assert lebar_cetak_mm(_png(2362, 1181)) == 160.0  # 200 mm wide: shrunk to the text width
    assert lebar_cetak_mm(_png(1181, 4724)) == 58.8  # 400 mm tall: shrunk so it fits 235 mm
    assert gambar(_png(1181, 1181), "Gambar 1 Uji").keterangan == "Gambar 1 Uji"


def test_wrap_respects_measured_width_and_cuts_long_words() -> None:
    lines = wrap_mm("Kepala Bagian Hubungan Langganan Perusahaan Umum Daerah " + "x" * 80, 40.0, 8.0)
    assert all(lebar_teks_mm(line, 8.0) <= 40.0 for line in lines)
    assert " ".join(lines).replace(" ", "").startswith("KepalaBagian")
    assert wrap_mm("", 40.0, 8.0) == [""]


def test_missing_dot_is_a_siap_error_with_install_advice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizTidakAdaError) as info:
        png_graphviz("digraph { a }", "Struktur Organisasi Pokja")
    problem = info.value.problems[0]
    assert problem.code == "gambar.graphviz_tidak_ada" and has_message(problem.code)
    assert info.value.exit_code == ExitCode.INVALID
    text = format_message(problem.code, problem.params)
    assert text.startswith("program 'dot' dari Graphviz tidak ditemukan; gambar 'Struktur Organisasi Pokja'")
    assert "apt-get install graphviz" in text
