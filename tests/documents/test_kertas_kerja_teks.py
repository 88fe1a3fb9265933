"""The working papers' words live in content/topik.yaml: every entry is used, a typo is refused at its line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assembler.documents.kertas_kerja.teks import BERKAS, TeksBagian, muat
from assembler.documents.lembar import Kolom
from assembler.resources import CONTENT_DIR

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "assembler" / "documents"


def _code_of(section: str) -> str:
    if section == "umum":
        paths = [DOCS / "kertas_kerja" / "__init__.py", DOCS / "kertas_kerja" / "umum.py"]
    else:
        paths = [DOCS / "topik" / f"t{section.replace('.', '')}.py"]
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


def test_every_table_and_sentence_of_the_file_is_used_by_its_section() -> None:
    """An entry no code asks for is a dead word a template author would edit in vain."""
    unused = []
    for section, teks in muat().root.items():
        code = _code_of(section)
        assert f'TeksBagian("{section}")' in code, section
        unused += [f"{section}.tabel.{k}" for k in teks.tabel if f'"{k}"' not in code]
        unused += [f"{section}.kalimat.{k}" for k in teks.kalimat if f'"{k}"' not in code]
    assert unused == []


def test_every_key_the_code_asks_for_is_in_the_file() -> None:
    asked = []
    for section, teks in muat().root.items():
        code = _code_of(section)
        for kind, key in re.findall(r'KK\.(tabel|kolom|judul|kalimat)\(\s*"([^"]+)"', code):
            table = teks.kalimat if kind == "kalimat" else teks.tabel
            if key not in table:
                asked.append(f"{section}.{kind}.{key}")
    assert asked == []


def test_a_typo_is_refused_at_its_line_and_column(tmp_path: Path) -> None:
    shutil.copy(CONTENT_DIR / BERKAS, tmp_path / BERKAS)
    path = tmp_path / BERKAS
    lines = path.read_text(encoding="utf-8").splitlines()
    first_width = lines.index('            - {judul: "Stakeholder", lebar: 3}')
    first_angka = lines.index('            - {judul: "Jumlah Stakeholder", lebar: 1, gaya: angka}')
    # the table's column entries sit 12 spaces deep inside the topic's 'kertas_kerja'
    lines[first_width] = lines[first_width].replace("lebar: 3}", "lebr: 3}")
    lines[first_angka] = lines[first_angka].replace("gaya: angka}", "gaya: angke}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        muat(tmp_path)
    col_width = lines[first_width].index("lebr") + 1
    col_angka = lines[first_angka].index("angke") + 1
    assert str(info.value).splitlines() == [
        f"{BERKAS}:{first_width + 1}:{col_width}: "
        "topik.1.1.kertas_kerja.tabel.matriks-stakeholders-pelayanan-pdam.kolom[1].lebr: "
        "Extra inputs are not permitted",
        f"{BERKAS}:{first_angka + 1}:{col_angka}: "
        "topik.1.1.kertas_kerja.tabel.keterwakilan-stakeholders-dalam-pokja.kolom[1].gaya: "
        "Input should be 'isi', 'angka', 'tengah', 'tebal' or 'tebal_angka'",
    ]


def test_a_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    (tmp_path / BERKAS).write_text('kertas_kerja:\n  kalimat:\n    a: {judul: "x"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=rf"^{re.escape(BERKAS)}:\d+:\d+: "):
        muat(tmp_path)


def test_columns_the_code_adds_go_where_the_file_marks_them_and_nowhere_else() -> None:
    kk = TeksBagian("2.1")
    kriteria = [Kolom("Urgensi", 1.2, "angka")]
    kolom = kk.kolom("matriks-pemeringkatan-isu", sisipan={"kriteria": kriteria}, jika={"putaran": False})
    assert [k.judul for k in kolom] == ["No", "Kode", "Isu", "Urgensi", "Jumlah Skor", "Peringkat", "Urutan Akhir"]
    kolom = kk.kolom("matriks-pemeringkatan-isu", sisipan={"kriteria": kriteria}, jika={"putaran": True})
    assert "Nilai Putaran Ulang" in [k.judul for k in kolom]
    with pytest.raises(KeyError, match="sisipan 'kriteria' tidak diisi kode"):
        kk.kolom("matriks-pemeringkatan-isu", jika={"putaran": True})
    with pytest.raises(KeyError, match=r"tanpa tanda sisipan/syarat \['tahun'\]"):
        kk.kolom("matriks-pemeringkatan-isu", sisipan={"kriteria": [], "tahun": []}, jika={"putaran": True})
    with pytest.raises(KeyError, match=r"isian \['ke'\], kode memberi \[\]"):
        kk.judul("putaran-ulang")


def test_identifiers_are_shown_in_one_labelled_column_the_same_way_everywhere() -> None:
    """A working paper shows a row's own code in a column headed "Kode", always as wide (issue 10)."""
    kode = [
        (f"{s}.{k}", (c.judul, c.lebar, c.gaya))
        for s, teks in muat().root.items()
        for k, t in teks.tabel.items()
        for c in t.kolom
        if hasattr(c, "judul") and c.judul.startswith("Kode")
    ]
    assert len(kode) >= 20
    assert {v for _, v in kode if v[0] == "Kode"} == {("Kode", 0.9, "isi")}
    # the one other code column names the kind of code it holds (a budget code of the Perumda's plan)
    assert sorted({v[0] for _, v in kode}) == ["Kode", "Kode Program/Kegiatan"]


def test_a_code_outside_the_kode_column_always_comes_with_the_name_it_stands_for() -> None:
    """The working papers (their goldens, built from the example) point at another row as ``kode: name``.

    A bare code (``isu-01``, ``sg-01, sg-03``) made the reader look the row up elsewhere; the one label left
    is 5.3's "Kerja sama ks-01" (a kind and its code naming the document of that row, its title beside it).
    """
    import yaml

    code = re.compile(r"(?<![\w/.-])(?!ke-)([a-z]{1,5}-\d[\d.]*[a-z]?)(?![\w-])")
    bare = []
    for path in sorted((ROOT / "tests" / "documents" / "test_kertas_kerja").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["isi"]:
            if "tabel" not in item:
                continue
            head, *rows = item["tabel"]
            for row in rows:
                for header, cell in zip(head, row, strict=False):
                    if header == "Kode" or not isinstance(cell, str):
                        continue
                    for m in code.finditer(cell):
                        after = cell[m.end() : m.end() + 1]
                        if after != ":" and not cell[: m.start()].endswith("Kerja sama "):
                            bare.append(f"{path.name}: {header}: {cell[:40]}")
    assert bare == []
