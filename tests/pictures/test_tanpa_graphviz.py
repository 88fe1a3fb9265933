"""Without Graphviz (``dot`` hidden from PATH) the package still builds: one warning, notices for its pictures."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from assembler.cli import main
from assembler.documents.registry import DOKUMEN
from tests.conftest import without_known_contradictions
from tests.helpers.docx_content import paragraph_texts


def _pictures(docx: Path) -> int:
    with zipfile.ZipFile(docx) as z:
        return sum(1 for n in z.namelist() if n.startswith("word/media/"))


def test_a_build_without_dot_warns_once_and_puts_notices_where_graphviz_pictures_go(
    contoh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no dot (and nothing else) on PATH
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(contoh)], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    lines = without_known_contradictions(err.getvalue().splitlines())
    assert lines[-1] == "0 kesalahan, 1 peringatan"
    warning = lines[-2]
    assert warning.startswith(
        "peringatan: program 'dot' dari Graphviz tidak ditemukan; 3 gambar (Struktur Organisasi Pokja, "
        "Bagan Alir Prosedur "
    )
    assert warning.endswith(
        ") diganti pemberitahuan di naskah. Pasang Graphviz (Debian/Ubuntu: 'apt-get install graphviz'; "
        "Windows/macOS: https://graphviz.org/download/) lalu susun ulang"
    )
    keluaran = contoh / "keluaran"
    manifest = json.loads((keluaran / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["documents"]) == len(DOKUMEN) and manifest["skipped"] == []
    sk = paragraph_texts(keluaran / "01-sk-pokja.docx")
    assert "Gambar Struktur Organisasi Pokja (belum digambar karena Graphviz tidak terpasang)" in sk
    assert _pictures(keluaran / "01-sk-pokja.docx") == 1  # the notice stands where the chart goes
    tahap4 = "\n".join(paragraph_texts(next(keluaran.glob("*-kertas-kerja-tahap-4.docx"))))
    assert "(belum digambar karena Graphviz tidak terpasang)" in tahap4
    # Pictures drawn with matplotlib are real: the Draft STPP keeps its gap chart and service flow; its
    # Pokja structure and procedure flowcharts (Graphviz) are notices in their place.
    draft = paragraph_texts(keluaran / "07-draft-stpp.docx")
    assert "Gambar 2.1 Grafik Kesenjangan Target dan Realisasi Indikator" in draft
    assert "Gambar 3.1 Diagram Alur Pelayanan dan Akar Masalah" in draft
    assert "Gambar 1.1 Struktur Organisasi Pokja (belum digambar karena Graphviz tidak terpasang)" in draft
    assert sum("Graphviz" in t for t in draft) == 3
    assert _pictures(keluaran / "07-draft-stpp.docx") == 5


def test_the_notice_is_not_cached_so_installing_graphviz_gives_the_chart(
    contoh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.setenv("SIAP_CACHE_DIR", str(tmp_path / "cache"))
    real_path = os.environ["PATH"]
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["build", str(contoh), "--only", "sk-pokja"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    monkeypatch.setenv("PATH", real_path)
    from assembler.pictures import common

    common._MEMO.clear()
    err = io.StringIO()
    assert main(["build", str(contoh), "--only", "sk-pokja"], stdout=io.StringIO(), stderr=err) == 0
    assert "Graphviz" not in err.getvalue()
    assert not any("Graphviz" in t for t in paragraph_texts(contoh / "keluaran" / "01-sk-pokja.docx"))
