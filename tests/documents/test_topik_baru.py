"""Issue 10's promise, kept by a test: a topic added inside the Draft STPP touches only its own places.

A scratch topic "4.8" (a model with one list, one working-paper table, a Draft STPP section of generic
blocks) is added to a copy of the ``assembler`` package by editing exactly: its entry in
``content/topik.yaml``, its model ``models/tahap4/t48.py`` and that package's re-export (stages 4 and 5
are packages: the one file more, docs/dev/topik-baru.md), its module ``documents/topik/t48.py`` and the
import line of ``documents/topik/__init__.py``. No template, no Draft STPP module, no document table.
The copy then builds Kertas Kerja Tahap 4 and the Draft STPP of the example plus a 4.8 file, in a
fresh interpreter, and both print the topic (read back with python-docx).
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONTOH
from tests.helpers.docx_content import blocks, header_rows_repeat, open_docx, paragraph_texts, table_rows

ROOT = Path(__file__).resolve().parents[2]

ENTRI = """\
  "4.8":
    judul: Uji Topik Tambahan
    berkas: 4.8-uji-tambahan.yaml
    tujuan: [Menguji topik tambahan di dalam Draft STPP]
    keluaran: [Daftar butir uji yang disepakati]
    peserta: [Kelompok Kerja]
    fasilitator: [Fasilitator]
    metode: [Diskusi Pleno]
    materi: [ToR Kegiatan]
    alat_bahan: [Kertas plano]
    waktu: {sesi: 1, jam_per_sesi: 1.5}
    agenda:
      - sesi: 1
        langkah: [Fasilitator memandu peserta menyepakati butir uji]
    tindak_lanjut: [Kelompok Kerja merangkum hasil]
    kertas_kerja:
      tabel:
        butir-uji:
          judul: "Butir Uji Topik Tambahan"
          kolom:
            - {judul: "No", lebar: 0.5, gaya: tengah}
            - {judul: "Butir Uji", lebar: 4}
            - {judul: "Nilai", lebar: 1, gaya: angka}
      kalimat:
        pengantar-draft: "Kelompok Kerja menyepakati {jumlah} butir uji berikut."

"""

MODEL = '''\
"""Topik 4.8, a scratch topic (tests/documents/test_topik_baru.py)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from assembler.models.base import SiapModel, Teks


class ButirUji(SiapModel):
    uraian: Teks = Field(description="Uraian butir.")
    nilai: int = Field(description="Nilai butir.")


class UjiTambahan(SiapModel):
    TOPIK_ID: ClassVar[str] = "4.8"

    butir: list[ButirUji] = Field(min_length=1, description="Butir uji.")
'''

MODUL = '''\
"""Topik 4.8, a scratch topic: its working-paper section and its Draft STPP section, both generic blocks."""

from __future__ import annotations

from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan, BlokDraft
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.lembar import Blok, paragraf
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap4 import UjiTambahan
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("4.8")


def _tabel(data: UjiTambahan) -> Blok:
    return KK.tabel("butir-uji", [[str(i), b.uraian, str(b.nilai)] for i, b in enumerate(data.butir, 1)])


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: UjiTambahan) -> list[Blok]:
    return [_tabel(data)]


def draft_stpp(bahan: Bahan, data: UjiTambahan) -> list[Blok]:
    return [paragraf(KK.kalimat("pengantar-draft", jumlah=len(data.butir))), _tabel(data)]


BAGIAN = Bagian(UjiTambahan, kertas_kerja, BlokDraft(draft_stpp))
'''

BERKAS = """\
# Topik 4.8 Uji Topik Tambahan
butir:
  - uraian: Butir pertama yang disepakati
    nilai: 7
  - uraian: Butir kedua yang disepakati
    nilai: 12
"""

BUILD = """\
import json, sys
from pathlib import Path
import assembler
assert Path(assembler.__file__).is_relative_to(Path(sys.argv[1])), assembler.__file__
from assembler.build import build
report = build(Path(sys.argv[2]), Path(sys.argv[3]), only=["kertas-kerja-tahap-4", "draft-stpp"])
print(json.dumps({d.id: d.file for d in report.built}))
"""


def _add_topic(src: Path) -> None:
    """The four places (five in stage 4): nothing else of the package is edited."""
    pkg = src / "assembler"
    topik_yaml = pkg / "content" / "topik.yaml"
    text = topik_yaml.read_text(encoding="utf-8")
    assert text.count('\n  "5.1":\n') == 1
    topik_yaml.write_text(text.replace('\n  "5.1":\n', "\n" + ENTRI + '  "5.1":\n'), encoding="utf-8")
    (pkg / "models" / "tahap4" / "t48.py").write_text(MODEL, encoding="utf-8")
    init = pkg / "models" / "tahap4" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    anchor = "from assembler.models.tahap4.umum import ("
    reexport = "from assembler.models.tahap4.t48 import UjiTambahan\n"
    init.write_text(text.replace(anchor, reexport + anchor), encoding="utf-8")
    (pkg / "documents" / "topik" / "t48.py").write_text(MODUL, encoding="utf-8")
    registry = pkg / "documents" / "topik" / "__init__.py"
    text = registry.read_text(encoding="utf-8")
    assert text.count("    t47,\n") == 1 and text.count("t46, t47, t51") == 1
    text = text.replace("    t47,\n", "    t47,\n    t48,\n").replace("t46, t47, t51", "t46, t47, t48, t51")
    registry.write_text(text, encoding="utf-8")


def _changed(original: Path, copy: Path) -> list[str]:
    """Files of ``copy`` that differ from (or are not in) ``original``, relative paths."""
    out = []
    for path in sorted(copy.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(copy)
        before = original / rel
        if not before.is_file() or not filecmp.cmp(before, path, shallow=False):
            out.append(rel.as_posix())
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("topik-baru")
    src = tmp / "src"
    shutil.copytree(ROOT / "assembler", src / "assembler", ignore=shutil.ignore_patterns("__pycache__"))
    _add_topic(src)
    assert _changed(ROOT / "assembler", src / "assembler") == [
        "content/topik.yaml",
        "documents/topik/__init__.py",
        "documents/topik/t48.py",
        "models/tahap4/__init__.py",
        "models/tahap4/t48.py",
    ]
    ws = tmp / "ws"
    shutil.copytree(CONTOH, ws, ignore=shutil.ignore_patterns("keluaran*"))
    (ws / "4.8-uji-tambahan.yaml").write_text(BERKAS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(src), str(ws), str(tmp / "out")],
        capture_output=True, text=True, env=env, cwd=tmp, check=False, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    files = json.loads(done.stdout.strip().splitlines()[-1])
    return {doc_id: tmp / "out" / name for doc_id, name in files.items()}


def _table_after(path: Path, caption: str) -> tuple[list[list[str]], list[bool]]:
    items = blocks(open_docx(path))
    i = next(k for k, b in enumerate(items) if not hasattr(b, "rows") and b.text == caption)
    table = next(b for b in items[i + 1 :] if hasattr(b, "rows"))
    return table_rows(table), header_rows_repeat(table)  # type: ignore[arg-type]


def test_the_new_topic_prints_in_its_stages_working_paper(built: dict[str, Path]) -> None:
    path = built["kertas-kerja-tahap-4"]
    paras = paragraph_texts(path)
    assert "Topik 4.8 Uji Topik Tambahan" in paras
    caption = next(p for p in paras if p.endswith(" Butir Uji Topik Tambahan"))
    assert caption.startswith("Tabel 4.")
    rows, _repeat = _table_after(path, caption)
    assert rows == [
        ["No", "Butir Uji", "Nilai"],
        ["1", "Butir pertama yang disepakati", "7"],
        ["2", "Butir kedua yang disepakati", "12"],
    ]


def test_the_new_topic_prints_in_the_draft_stpp_after_its_chapters_own_topics(built: dict[str, Path]) -> None:
    path = built["draft-stpp"]
    headings = paragraph_texts(path, "Heading 2")
    # Chapter IV's topics in the guide's order, the new one last, numbered as the others are.
    chapter4 = [h.split("\t")[0] for h in headings if h.startswith("4.")]
    assert chapter4 == ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8"]
    assert "4.8\tUji Topik Tambahan" in headings
    paras = paragraph_texts(path)
    i = paras.index("4.8\tUji Topik Tambahan")
    assert paras[i + 1] == "Kelompok Kerja menyepakati 2 butir uji berikut."
    # Its table continues chapter IV's numbering (the last hand-made table of 4.7 comes before it).
    captions = [p for p in paras if p.startswith("Tabel 4.")]
    assert captions[-1] == f"Tabel 4.{len(captions)} Butir Uji Topik Tambahan"
    assert paras[i + 2] == captions[-1]
    rows, repeat = _table_after(path, captions[-1])
    assert rows == [
        ["No", "Butir Uji", "Nilai"],
        ["1", "Butir pertama yang disepakati", "7"],
        ["2", "Butir kedua yang disepakati", "12"],
    ]
    assert repeat[0] is True  # the header row repeats on every page, as in every table of the draft
    # The draft is complete (no KONSEP): 4.8 counts among the topics it reviews, and it is not missing.
    assert "Topik 4.8 belum dibahas" not in "\n".join(paras)
    assert not any(p.startswith("Naskah ini masih berupa konsep") for p in paras)
