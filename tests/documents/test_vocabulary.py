"""One vocabulary across the package: the same element reads the same in every document, no code leaks.

These tests read the built .docx files back, the way a reader of the DPRD print file would.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document

from assembler.documents.registry import DOKUMEN
from assembler.topics import STPP_FILE
from tests.conftest import CONTOH, replace_in
from tests.helpers.docx_content import all_text, body_tables, table_rows, text_lines
from tests.helpers.example import build_docs, build_example, copy_example

#: Every document but the working papers: the official drafts (SK, Tabel Hubungan, Smart Logframe,
#: Citizen Charter, Juklak/Juknis with its SOPs, best practice, Draft STPP, Berita Acara, the agreed STPP,
#: its Keputusan/Peraturan, the Keputusan Direksi, the cooperation agreements), the meeting kits and the
#: drafter's notes. Read from the registry, so a new document is covered the day it is added.
OFFICIAL = [d.id for d in DOKUMEN if not d.menampilkan_kode]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_example(tmp_path_factory, [d.id for d in DOKUMEN])  # the whole package, in build order


@pytest.fixture(scope="module")
def peraturan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The agreed STPP adopted by a Peraturan instead of the default Keputusan (its other form)."""
    ws = copy_example(tmp_path_factory.mktemp("peraturan") / "ws")
    replace_in(ws / STPP_FILE, "opsi:\n", "opsi:\n  bentuk_penetapan_stpp: peraturan\n")
    return build_docs(ws, ws / "keluaran", ["penetapan-stpp"])["penetapan-stpp"]


def _ids(node: object) -> set[str]:
    """Every ``id:`` value of a workspace file."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                found.add(value)
            found |= _ids(value)
    elif isinstance(node, list):
        for item in node:
            found |= _ids(item)
    return found


def workspace_ids(workspace: Path = CONTOH) -> set[str]:
    """The codes of the workspace: ids with a hyphen or a digit ('kl-1', 'm-kabid-teknik').

    A one-word id ('biaya', 'urgensi') is also an ordinary word of the text, so it cannot be told apart.
    """
    ids: set[str] = set()
    for path in sorted(workspace.glob("*.yaml")):
        ids |= _ids(yaml.safe_load(path.read_text(encoding="utf-8")))
    return {i for i in ids if re.search(r"[-\d]", i)}


def _leaked(path: Path) -> list[str]:
    """Codes of the workspace printed anywhere a reader sees text (each paragraph and cell on its own)."""
    text = "\n".join(text_lines(path))
    return sorted(i for i in workspace_ids() if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text))


def test_the_official_drafts_include_every_instrument() -> None:
    """The registry's split leaves the working papers out and nothing else the issue names."""
    assert {
        "sk-pokja",
        "juklak-juknis",
        "draft-stpp",
        "stpp",
        "penetapan-stpp",
        "standar-pelayanan",
        "kerja-sama-antar-instansi",
        "berita-acara-kesepakatan",
    } <= set(OFFICIAL)
    assert [d for d in OFFICIAL if d.startswith("kertas-kerja")] == []


@pytest.mark.parametrize("doc_id", OFFICIAL)
def test_no_internal_id_in_an_official_draft(package: dict[str, Path], doc_id: str) -> None:
    """A code such as 'kl-1' or 'm-kabid-teknik' links the working files; a signed draft never shows it."""
    assert _leaked(package[doc_id]) == []


def test_no_internal_id_in_the_peraturan_form_of_the_adoption(peraturan: Path) -> None:
    assert _leaked(peraturan) == []


def test_the_id_check_finds_a_code_in_a_document(package: dict[str, Path]) -> None:
    """The check can fail: the working paper of stage 5 shows its codes (in the Kode column)."""
    assert "kl-1" in workspace_ids()
    assert "kl-1" in _leaked(package["kertas-kerja-tahap-5"])


def test_first_output_has_one_number_and_name_everywhere(package: dict[str, Path]) -> None:
    """The first Keluaran of 5.1 is cited with the Smart Logframe's number in every part of the print file."""
    skema = yaml.safe_load((CONTOH / "5.1-skema-tindakan.yaml").read_text(encoding="utf-8"))
    rumusan = " ".join(skema["tujuan"]["sasaran"][0]["keluaran"][0]["rumusan"].split())
    judul = f"Keluaran 1.1.1: {rumusan}"
    for doc_id in ("smart-logframe", "draft-stpp", "kertas-kerja-tahap-5", "stpp", "penetapan-stpp"):
        text = all_text(package[doc_id])
        assert judul in text, doc_id
        assert "Keluaran 1:" not in text and "Keluaran kl-1" not in text, doc_id


def _baris_dengan(path: Path, judul: str) -> list[list[str]]:
    """The paragraphs of every row, in a table with a Status column, in which a paragraph starts with ``judul``."""
    rows = []
    for table in Document(str(path)).tables:
        if not any("Status" in c.text for c in table.rows[0].cells):
            continue
        for row in table.rows[1:]:
            cells = list({id(c._tc): c for c in row.cells}.values())  # a merged cell once
            paras = [p.text for c in cells for p in c.paragraphs]
            if any(p.startswith(judul) for p in paras):
                rows.append(paras)
    return rows


#: The documents that list 2.2's regulations with their status (the agreed STPP and its adoption carry
#: the draft's chapter), and those that cite a regulation by title only (the SK's and the Juklak's
#: Mengingat, which cite what is in force).
DENGAN_STATUS = ("hubungan-antar-kebijakan", "draft-stpp", "kertas-kerja-tahap-2", "stpp", "penetapan-stpp")
JUDUL_SAJA = ("sk-pokja", "juklak-juknis")


def test_regulation_written_out_in_2_2_reads_the_same_everywhere(package: dict[str, Path]) -> None:
    """Every regulation of 2.2 has one title and one status wording (confidence included) in every table
    that lists it, in the row that names it; a Perda the Pokja typed out is cited by that title in the
    SK and the Juklak/Juknis too."""
    from assembler.documents.dasar_hukum import katalog_ruang_kerja, kutipan
    from assembler.validate import validate_workspace

    view = validate_workspace(CONTOH).view()
    katalog = katalog_ruang_kerja(view)
    regulasi = yaml.safe_load((CONTOH / "2.2-regulasi.yaml").read_text(encoding="utf-8"))["regulasi"]
    tertulis = [e["id"] for e in regulasi if not e.get("katalog")]
    assert tertulis, "the example writes out at least one regulation in 2.2"
    salah = []
    for kode in [e.get("katalog") or e["id"] for e in regulasi]:
        judul, status = kutipan(katalog[kode], katalog)
        for doc_id in DENGAN_STATUS:
            rows = _baris_dengan(package[doc_id], judul)
            if not rows or any(status not in row for row in rows):
                salah.append((doc_id, kode, status, rows))
        if kode in tertulis:
            salah += [(doc_id, kode, judul) for doc_id in JUDUL_SAJA if judul not in all_text(package[doc_id])]
    assert salah == []


def _kode_lepas(path: Path) -> set[str]:
    """Paragraphs and cells that show a code other than as the row's ``Kode`` or as ``kode: nama``."""
    alt = "|".join(re.escape(i) for i in sorted(workspace_ids(), key=len, reverse=True))
    kode = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")
    rujukan = re.compile(rf"(?:{alt}): \S")
    doc = Document(str(path))
    teks: list[tuple[str, str]] = [("", p.text) for p in doc.paragraphs]
    for table in doc.tables:
        judul = [c.text for c in table.rows[0].cells]
        for row in table.rows[1:]:
            teks += [(judul[j], p.text) for j, c in enumerate(row.cells) for p in c.paragraphs]
    return {
        t
        for kolom, t in teks
        for m in kode.finditer(t)
        if not (kolom == "Kode" and t.strip() == m.group(0)) and not rujukan.match(t, m.start())
    }


@pytest.mark.parametrize("doc_id", [d.id for d in DOKUMEN if d.menampilkan_kode])
def test_a_working_paper_shows_a_code_in_its_kode_column_or_with_its_name(
    package: dict[str, Path], doc_id: str
) -> None:
    """A working paper may show codes: as the row's own ``Kode`` column, or as ``kode: nama`` where it cites."""
    assert _kode_lepas(package[doc_id]) == set()


def test_the_code_form_check_finds_a_bare_code(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Topik terpilih: kg-1.2 dan kg-1.3.")
    doc.add_paragraph("kg-1.2: Pembentukan zona DMA")
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Kode", "Kegiatan"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "kg-1.2", "Lihat kg-1.3"
    doc.save(str(tmp_path / "k.docx"))
    assert _kode_lepas(tmp_path / "k.docx") == {"Topik terpilih: kg-1.2 dan kg-1.3.", "Lihat kg-1.3"}


def _baris(path: Path) -> list[list[str]]:
    """Every table row of a document, as its cells' texts (a merged cell once)."""
    return [row for table in body_tables(path) for row in table_rows(table)]


def test_a_person_and_a_unit_are_named_the_same_way_in_every_document(package: dict[str, Path]) -> None:
    """Issue 10, "people are named by one resolver": read back where the SK, the Draft STPP, the Smart
    Logframe and the Kertas Kerja name the Pokja's chair, a responsible member and a responsible unit.

    The chair (1.1) is named by the office exactly as 1.1 writes it in the SK (ex officio, no name) and,
    beside the person's name, in the Draft STPP's and Kertas Kerja Tahap 1's member tables. A unit of 4.5
    answering for a kegiatan of 5.1 is the same string (its name with the utility's short name) in the
    kegiatan's row of the Smart Logframe, the Draft STPP and Kertas Kerja Tahap 5. A member answering for
    one is the same office in the two official drafts, bound together in the DPRD's print file
    (``Nama.orang``, as the SK does: the office outlives the person); only the working paper adds the name
    in brackets (``Nama.orang_lengkap``).
    """
    from assembler.models.tahap1 import StakeholderPokja
    from assembler.models.tahap4 import Organisasi
    from assembler.models.tahap5 import SkemaTindakan
    from assembler.validate import validate_workspace

    view = validate_workspace(CONTOH).view()
    t11, t45, t51, stpp = view.get(StakeholderPokja), view.get(Organisasi), view.get(SkemaTindakan), view.stpp
    assert t11 is not None and t45 is not None and t51 is not None and stpp is not None
    ketua = next(a for a in t11.pokja.anggota if a.kedudukan == "ketua")
    baris = {
        d: _baris(package[d])
        for d in ("sk-pokja", "draft-stpp", "smart-logframe", "kertas-kerja-tahap-1", "kertas-kerja-tahap-5")
    }
    salah: list[object] = []
    if not any(ketua.jabatan in row for row in baris["sk-pokja"]):
        salah.append(("sk-pokja", ketua.jabatan))
    for doc_id in ("draft-stpp", "kertas-kerja-tahap-1"):
        if not any(ketua.nama in row and ketua.jabatan in row for row in baris[doc_id]):
            salah.append((doc_id, ketua.nama, ketua.jabatan))

    unit = {u.id: f"{u.nama} {stpp.pdam.singkatan}" for u in t45.unit}
    anggota = {a.id: a for a in t11.pokja.anggota}
    diperiksa = {"unit": 0, "anggota": 0}
    for _loc, _kl, kg in t51.iter_kegiatan():
        pj = kg.penanggung_jawab
        if pj in unit:
            harap = dict.fromkeys(("smart-logframe", "draft-stpp", "kertas-kerja-tahap-5"), unit[pj])
            diperiksa["unit"] += 1
        elif pj in anggota:
            a = anggota[pj]
            lengkap = f"{a.jabatan} ({a.nama})"
            harap = {"smart-logframe": a.jabatan, "draft-stpp": a.jabatan, "kertas-kerja-tahap-5": lengkap}
            diperiksa["anggota"] += 1
        else:
            continue
        for doc_id, nama in harap.items():
            rows = [row for row in baris[doc_id] if any(s.endswith(kg.rumusan) for c in row for s in c.split("\n"))]
            if not any(nama in row for row in rows):
                salah.append((doc_id, kg.id, nama, rows))
    assert diperiksa["unit"] and diperiksa["anggota"], diperiksa  # the example has both kinds
    assert salah == []
