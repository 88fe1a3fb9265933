"""content/draft-stpp.yaml holds the Draft STPP's wording: every key is used, every key asked for exists.

The code asks for a sentence with ``kalimat("kunci", nama=...)`` (``assembler.documents.draft_stpp.kalimat``);
these tests read every module of the package that imports it, so a section moved to another folder stays
covered. A typo is reported at the caller's ``file:line``, an unused key at its line in the YAML file.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

import assembler.documents.draft_stpp.kalimat as kalimat_modul
from assembler.documents.draft_stpp.kalimat import _teks
from assembler.documents.draft_stpp.pembuka_penutup import LAMPIRAN_KESEPAKATAN
from assembler.documents.draft_stpp.umum import _Penomor, _ref
from assembler.documents.registry import BY_ID, LAMPIRAN_DRAFT
from assembler.resources import CONTENT_DIR
from tests.conftest import CONTOH
from tests.helpers.docx_content import paragraph_texts
from tests.helpers.example import build_docs
from tests.helpers.kalimat_kunci import cocokkan

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "assembler"
BERKAS = CONTENT_DIR / "draft-stpp.yaml"
MODUL = "assembler.documents.draft_stpp.kalimat"
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def _kunci_berkas() -> dict[str, tuple[int, set[str]]]:
    """Every key of the file: its line and the placeholders its sentence has."""
    root = yaml.compose(BERKAS.read_text(encoding="utf-8"))
    assert isinstance(root, yaml.MappingNode)
    kalimat = next(v for k, v in root.value if k.value == "kalimat")
    assert isinstance(kalimat, yaml.MappingNode)
    return {k.value: (k.start_mark.line + 1, set(PLACEHOLDER.findall(str(v.value)))) for k, v in kalimat.value}


def _permintaan(path: Path) -> list[tuple[int, str, set[str] | None]]:
    """(line, key, placeholder names given) of every call of the loader's functions in ``path``.

    The names given are None when the call cannot be read statically (``**nilai``, or ``kalimat_mentah``
    which fills nothing); a key that is not a literal is returned as ``""`` so that it is reported.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nama = {
        (a.asname or a.name): a.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == MODUL
        for a in node.names
    }
    out: list[tuple[int, str, set[str] | None]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in nama):
            continue
        fungsi = nama[node.func.id]
        if fungsi not in ("kalimat", "kalimat_mentah") or not node.args:
            continue
        arg = node.args[0]
        pilihan = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
        diberi: set[str] | None = {k.arg for k in node.keywords if k.arg is not None}
        if fungsi == "kalimat_mentah" or any(k.arg is None for k in node.keywords):
            diberi = None
        for p in pilihan:
            kunci = p.value if isinstance(p, ast.Constant) and isinstance(p.value, str) else ""
            out.append((node.lineno, kunci, diberi))
    return out


def periksa(paths: list[Path], kunci_berkas: dict[str, tuple[int, set[str]]]) -> list[str]:
    """Every mismatch between the code's requests and the file, one line each, ``file:line: ...``."""
    return cocokkan(((path, *p) for path in paths for p in _permintaan(path)), kunci_berkas, BERKAS.name)


def _modul_pemakai() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if MODUL in p.read_text(encoding="utf-8")]


def test_every_key_is_used_and_every_key_asked_for_exists() -> None:
    """Against the shipped file: no dead sentence, no missing one, no placeholder given in vain or left out."""
    pemakai = _modul_pemakai()
    # The chapters, the front and back matter and the agreed STPP all ask for sentences here.
    assert {p.name for p in pemakai} >= {"pembuka_penutup.py", "umum.py", "stpp_disepakati.py"}
    kunci = _kunci_berkas()
    assert set(kunci) == set(_teks().kalimat)  # the composed view and the loader agree on the keys
    assert periksa(pemakai, kunci) == []


def test_a_typo_is_reported_at_its_line(tmp_path: Path) -> None:
    """The check itself: a wrong key, a wrong placeholder, a computed key and an unused key are all named."""
    modul = tmp_path / "bagian.py"
    modul.write_text(
        "from assembler.documents.draft_stpp.kalimat import kalimat as k\n"
        "\n"
        'A = k("sampul_tahun", tahun=2026)\n'
        'B = k("sampul_tahn", tahun=2026)\n'
        'C = k("sampul_tahun", tahunn=2026)\n'
        "D = k(A)\n",
        encoding="utf-8",
    )
    kunci = {"sampul_tahun": (7, {"tahun"}), "bab": (9, {"nomor", "judul"})}
    assert periksa([modul], kunci) == [
        f"{modul}:4: kunci 'sampul_tahn' tidak ada di draft-stpp.yaml",
        f"{modul}:5: 'sampul_tahun' diberi ['tahunn'], kalimatnya memakai ['tahun']",
        f"{modul}:6: kunci bukan literal; tulis kuncinya apa adanya",
        "draft-stpp.yaml:9: kunci 'bab' tidak dipakai kode mana pun",
    ]


def test_a_reworded_table_number_changes_captions_and_references_together(monkeypatch: pytest.MonkeyPatch) -> None:
    """``tabel`` is the caption's number and the prose's reference: a region's wording reaches both."""
    teks = _teks().model_copy(update={"kalimat": {**_teks().kalimat, "tabel": "Tab. {nomor}"}})
    monkeypatch.setattr(kalimat_modul, "_teks", lambda: teks)
    nomor = _Penomor()
    nomor(2, "Pertama")
    caption = nomor(2, "Analisis Kesenjangan 2.1 Tab.")
    assert (caption, _ref(caption)) == ("Tab. 2.2 Analisis Kesenjangan 2.1 Tab.", "Tab. 2.2")


def test_annex_titles_name_no_office_in_general_terms() -> None:
    """The annex list prints registry titles as they are: only the SK's names the office, under its own title.

    ``Kepala Daerah`` in a printed title would be a generic office where the region's (Bupati/Walikota)
    belongs; the Draft STPP's annex list therefore takes the SK's own title (test_draft_stpp.py reads it).
    """
    umum = [d for d in LAMPIRAN_DRAFT + LAMPIRAN_KESEPAKATAN if d != "sk-pokja"]
    assert [d for d in umum if "Kepala Daerah" in BY_ID[d].judul] == []


def test_a_reworded_sentence_reaches_the_built_draft(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The wording moved out of Python is what the document prints: reword three keys, read the draft back."""
    kalimat = {
        **_teks().kalimat,
        "bab_penutup": "BAB {nomor} PENUTUP DAN PERMOHONAN",
        "sampul_tahun": "TAHUN ANGGARAN {tahun}",
        "tabel": "Tab. {nomor}",
    }
    teks = _teks().model_copy(update={"kalimat": kalimat})
    monkeypatch.setattr(kalimat_modul, "_teks", lambda: teks)
    paras = paragraph_texts(build_docs(CONTOH, tmp_path / "out", ["draft-stpp"])["draft-stpp"])
    assert "BAB VI PENUTUP DAN PERMOHONAN" in paras and "BAB VI PENUTUP" not in paras
    assert "TAHUN ANGGARAN 2026" in paras
    captions = [p for p in paras if re.match(r"Tab(el|\.) \d+\.\d+ ", p)]
    assert captions and all(c.startswith("Tab. ") for c in captions)
    # the prose points at the tables with the same words
    assert any("(Tab. 2.2)" in p for p in paras) and not any(re.search(r"Tabel \d+\.\d+", p) for p in paras)
