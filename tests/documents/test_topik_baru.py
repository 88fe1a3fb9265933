"""Issue 10's promise, kept by a test: a topic added inside the Draft STPP touches only its own places.

A scratch topic (a model with one list, one working-paper table, a Draft STPP section of generic
blocks) is added to a copy of the ``assembler`` package by editing exactly: its entry in
``content/topik.yaml``, its model, its module ``documents/topik/tNM.py`` and the import line of
``documents/topik/__init__.py``; four files for "3.3" (the model goes into ``models/tahap3.py``), five
for "4.8" (stages 4 and 5 are packages: ``models/tahap4/t48.py`` and the package's re-export,
docs/dev/topik-baru.md). No template, no Draft STPP module, no document table. The copy then builds
the stage's Kertas Kerja and the Draft STPP of the example plus the topic's file, in a fresh
interpreter, and both print the topic (read back with python-docx).
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.conftest import CONTOH
from tests.helpers.docx_content import blocks, header_rows_repeat, open_docx, paragraph_texts, table_rows

ROOT = Path(__file__).resolve().parents[2]

ENTRI = """\
  "{id}":
    judul: Uji Topik Tambahan
    berkas: {id}-uji-tambahan.yaml
    tujuan: [Menguji topik tambahan di dalam Draft STPP]
    keluaran: [Daftar butir uji yang disepakati]
    peserta: [Kelompok Kerja]
    fasilitator: [Fasilitator]
    metode: [Diskusi Pleno]
    materi: [ToR Kegiatan]
    alat_bahan: [Kertas plano]
    waktu: {{sesi: 1, jam_per_sesi: 1.5}}
    agenda:
      - sesi: 1
        langkah: [Fasilitator memandu peserta menyepakati butir uji]
    tindak_lanjut: [Kelompok Kerja merangkum hasil]
    kertas_kerja:
      tabel:
        butir-uji:
          judul: "Butir Uji Topik Tambahan"
          kolom:
            - {{judul: "No", lebar: 0.5, gaya: tengah}}
            - {{judul: "Butir Uji", lebar: 4}}
            - {{judul: "Nilai", lebar: 1, gaya: angka}}
      kalimat:
        pengantar-draft: "Kelompok Kerja menyepakati {{jumlah}} butir uji berikut."

"""

MODEL = '''\
"""Topik 4.8, a scratch topic (tests/documents/test_topik_baru.py)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from assembler.models.base import SiapModel, Teks
'''

#: The model itself (appended to a stage module, or the body of a stage package's new module).
MODEL_KELAS = '''

class ButirUji(SiapModel):
    uraian: Teks = Field(description="Uraian butir.")
    nilai: int = Field(description="Nilai butir.")


class UjiTambahan(SiapModel):
    TOPIK_ID: ClassVar[str] = "{id}"

    butir: list[ButirUji] = Field(min_length=1, description="Butir uji.")
'''

MODUL = '''\
"""Topik {id}, a scratch topic: its working-paper section and its Draft STPP section, both generic blocks."""

from __future__ import annotations

from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import Bahan, BlokDraft
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.lembar import Blok, paragraf
from assembler.documents.topik.bagian import Bagian
from assembler.models.tahap{tahap} import UjiTambahan
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("{id}")


def _tabel(data: UjiTambahan) -> Blok:
    return KK.tabel("butir-uji", [[str(i), b.uraian, str(b.nilai)] for i, b in enumerate(data.butir, 1)])


def kertas_kerja(view: WorkspaceView, analisis: Analisis, data: UjiTambahan) -> list[Blok]:
    return [_tabel(data)]


def draft_stpp(bahan: Bahan, data: UjiTambahan) -> list[Blok]:
    return [paragraf(KK.kalimat("pengantar-draft", jumlah=len(data.butir))), _tabel(data)]


BAGIAN = Bagian(UjiTambahan, kertas_kerja, BlokDraft(draft_stpp))
'''

BERKAS = """\
# Topik {id} Uji Topik Tambahan
butir:
  - uraian: Butir pertama yang disepakati
    nilai: 7
  - uraian: Butir kedua yang disepakati
    nilai: 12
"""

BUILD = """\
import json, sys
from dataclasses import dataclass
from pathlib import Path
import assembler
assert Path(assembler.__file__).is_relative_to(Path(sys.argv[1])), assembler.__file__
from assembler.build import build
report = build(Path(sys.argv[2]), Path(sys.argv[3]), only=[sys.argv[4], "draft-stpp"])
print(json.dumps({d.id: d.file for d in report.built}))
"""


@dataclass(frozen=True)
class Baru:
    """A scratch topic: its id, the topic after which it stands, and whether its stage's models are a package."""

    id: str
    sebelum: str
    paket: bool

    @property
    def tahap(self) -> int:
        return int(self.id[0])

    @property
    def modul(self) -> str:
        return "t" + self.id.replace(".", "")

    @property
    def berubah(self) -> list[str]:
        model = [f"models/tahap{self.tahap}/__init__.py", f"models/tahap{self.tahap}/{self.modul}.py"]
        return sorted(
            ["content/topik.yaml", "documents/topik/__init__.py", f"documents/topik/{self.modul}.py"]
            + (model if self.paket else [f"models/tahap{self.tahap}.py"])
        )


BARU = [Baru("3.3", "3.2", paket=False), Baru("4.8", "4.7", paket=True)]


def _ganti(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _add_topic(pkg: Path, baru: Baru) -> None:
    """The four places (five in a stage whose models are a package): nothing else of the package is edited."""
    nxt = next(f'\n  "{t}":\n' for t in ("4.1", "5.1") if t > baru.id)
    _ganti(pkg / "content" / "topik.yaml", nxt, "\n" + ENTRI.format(id=baru.id) + nxt[1:])
    model = MODEL_KELAS.replace("{id}", baru.id)
    if baru.paket:
        (pkg / "models" / f"tahap{baru.tahap}" / f"{baru.modul}.py").write_text(MODEL + model, encoding="utf-8")
        anchor = f"from assembler.models.tahap{baru.tahap}.umum import ("
        reexport = f"from assembler.models.tahap{baru.tahap}.{baru.modul} import UjiTambahan\n"
        _ganti(pkg / "models" / f"tahap{baru.tahap}" / "__init__.py", anchor, reexport + anchor)
    else:
        stage = pkg / "models" / f"tahap{baru.tahap}.py"
        stage.write_text(stage.read_text(encoding="utf-8") + model, encoding="utf-8")
    modul = MODUL.replace("{id}", baru.id).replace("{tahap}", str(baru.tahap))
    (pkg / "documents" / "topik" / f"{baru.modul}.py").write_text(modul, encoding="utf-8")
    registry = pkg / "documents" / "topik" / "__init__.py"
    sebelum = "t" + baru.sebelum.replace(".", "")
    _ganti(registry, f"    {sebelum},\n", f"    {sebelum},\n    {baru.modul},\n")
    _ganti(registry, f"    {sebelum}.BAGIAN,\n", f"    {sebelum}.BAGIAN,\n    {baru.modul}.BAGIAN,\n")


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


@pytest.fixture(scope="module", params=BARU, ids=[b.id for b in BARU])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Baru, dict[str, Path]]:
    baru: Baru = request.param
    tmp = tmp_path_factory.mktemp("topik-baru")
    src = tmp / "src"
    shutil.copytree(ROOT / "assembler", src / "assembler", ignore=shutil.ignore_patterns("__pycache__"))
    _add_topic(src / "assembler", baru)
    assert _changed(ROOT / "assembler", src / "assembler") == baru.berubah
    assert len(baru.berubah) == (5 if baru.paket else 4)
    ws = tmp / "ws"
    shutil.copytree(CONTOH, ws, ignore=shutil.ignore_patterns("keluaran*"))
    (ws / f"{baru.id}-uji-tambahan.yaml").write_text(BERKAS.format(id=baru.id), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(src)}
    kertas = f"kertas-kerja-tahap-{baru.tahap}"
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(src), str(ws), str(tmp / "out"), kertas],
        capture_output=True, text=True, env=env, cwd=tmp, check=False, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    files = json.loads(done.stdout.strip().splitlines()[-1])
    return baru, {doc_id: tmp / "out" / name for doc_id, name in files.items()}


def _table_after(path: Path, caption: str) -> tuple[list[list[str]], list[bool]]:
    items = blocks(open_docx(path))
    i = next(k for k, b in enumerate(items) if isinstance(b, Paragraph) and b.text == caption)
    table = next(b for b in items[i + 1 :] if isinstance(b, Table))
    return table_rows(table), header_rows_repeat(table)


BARIS = [
    ["No", "Butir Uji", "Nilai"],
    ["1", "Butir pertama yang disepakati", "7"],
    ["2", "Butir kedua yang disepakati", "12"],
]


def test_the_new_topic_prints_in_its_stages_working_paper(built: tuple[Baru, dict[str, Path]]) -> None:
    baru, docs = built
    path = docs[f"kertas-kerja-tahap-{baru.tahap}"]
    paras = paragraph_texts(path)
    assert f"Topik {baru.id} Uji Topik Tambahan" in paras
    caption = next(p for p in paras if p.endswith(" Butir Uji Topik Tambahan"))
    assert caption.startswith(f"Tabel {baru.tahap}.")
    assert _table_after(path, caption)[0] == BARIS


def test_the_new_topic_prints_in_the_draft_stpp_after_its_chapters_own_topics(
    built: tuple[Baru, dict[str, Path]],
) -> None:
    baru, docs = built
    path = docs["draft-stpp"]
    headings = paragraph_texts(path, "Heading 2")
    # The chapter's topics in the guide's order, the new one last, its heading written as the others are.
    bab = [h.split("\t")[0] for h in headings if h.startswith(f"{baru.tahap}.")]
    assert bab[-2:] == [baru.sebelum, baru.id]
    assert f"{baru.id}\tUji Topik Tambahan" in headings
    paras = paragraph_texts(path)
    i = paras.index(f"{baru.id}\tUji Topik Tambahan")
    assert paras[i + 1] == "Kelompok Kerja menyepakati 2 butir uji berikut."
    # Its table continues the chapter's numbering, after the tables of the chapter's own topics.
    captions = [p for p in paras if p.startswith(f"Tabel {baru.tahap}.")]
    assert paras[i + 2] == captions[-1] == f"Tabel {baru.tahap}.{len(captions)} Butir Uji Topik Tambahan"
    rows, repeat = _table_after(path, captions[-1])
    assert rows == BARIS
    assert repeat[0] is True  # the header row repeats on every page, as in every table of the draft
    # The draft is complete (no KONSEP): the topic counts among those it reviews, and it is there.
    assert f"Topik {baru.id} belum dibahas" not in "\n".join(paras)
    assert not any(p.startswith("Naskah ini masih berupa konsep") for p in paras)
