"""Topics as Excel workbooks: lossless both ways, read back by a real client, errors at their cell."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from assembler.build import build
from assembler.conform import conform
from assembler.excel.layout import layout_for
from assembler.excel.reader import read_workbook
from assembler.excel.writer import write_workbook
from assembler.loading import load_yaml_file
from assembler.models.base import SiapModel
from assembler.models.registry import MODELS
from assembler.scoring.mcua import hitung_mcua
from assembler.scoring.pemeringkatan import rank_issues
from assembler.topics import TOPIK, Topik
from assembler.validate import validate_workspace
from tests.conftest import CONTOH, run
from tests.helpers.example import copy_example
from tests.helpers.libreoffice import needs_soffice


def example_model(topik: Topik) -> SiapModel:
    """The example's topic as the pipeline reads it (text converted to the field types, then validated)."""
    return MODELS[topik.id].model_validate(conform(load_yaml_file(CONTOH / topik.file).data, MODELS[topik.id]).data)


def xlsx_name(topik: Topik) -> str:
    return topik.file.replace(".yaml", ".xlsx")


def read_model(topik: Topik, raw: bytes) -> SiapModel:
    loaded = read_workbook(raw, xlsx_name(topik))
    assert [p.render() for p in loaded.problems] == []
    return MODELS[topik.id].model_validate(loaded.data)


def edit(path: Path, sheet: str, header: str, row: int, value: Any) -> Any:
    """Change one cell of a workbook (``row`` 1 renames the header); returns what was there."""
    wb = load_workbook(path)
    ws = wb[sheet]
    cell = next(c for c in ws[1] if c.value == header)
    target = cell if row == 1 else ws.cell(row=row, column=cell.column)
    before = target.value
    target.value = value
    wb.save(path)
    return before


@pytest.fixture(scope="module")
def xlsx_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with every topic converted to a workbook by ``siap convert``."""
    ws = copy_example(tmp_path_factory.mktemp("xlsx") / "ws")
    code, _, err = run("convert", str(ws), "--to", "xlsx")
    assert code == 0, err
    return ws


# --- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("topik", TOPIK, ids=[t.id for t in TOPIK])
def test_every_example_topic_survives_yaml_to_xlsx_and_back(topik: Topik) -> None:
    model = example_model(topik)
    raw = write_workbook(topik, model.model_dump(exclude_unset=True), {})
    assert read_model(topik, raw) == model


def test_convert_moves_the_yaml_to_the_archive_and_back_gives_the_same_data(tmp_path: Path) -> None:
    ws = copy_example(tmp_path / "ws")
    code, out, _ = run("convert", str(ws), "--to", "xlsx")
    assert code == 0
    assert sorted(p.name for p in ws.glob("*.yaml")) == ["stpp.yaml"]
    assert len(list(ws.glob("*.xlsx"))) == 21
    (stamp,) = (ws / "arsip").iterdir()
    assert sorted(p.name for p in stamp.iterdir()) == sorted(t.file for t in TOPIK)
    assert f"  1.1  ditulis 1.1-stakeholder-pokja.xlsx; berkas lama dipindahkan ke arsip/{stamp.name}/" in out

    code, _, err = run("convert", str(ws), "--to", "yaml", "2.1", "5.1")
    assert code == 0, err
    assert (ws / "2.1-isu-utama.yaml").is_file() and not (ws / "2.1-isu-utama.xlsx").exists()
    code, _, err = run("convert", str(ws), "--to", "yaml")
    assert code == 0, err
    for topik in TOPIK:
        back = MODELS[topik.id].model_validate(load_yaml_file(ws / topik.file).data)
        assert back == example_model(topik), topik.id


def test_the_package_from_workbooks_is_the_package_from_yaml(xlsx_workspace: Path, tmp_path: Path) -> None:
    from_yaml = build(copy_example(tmp_path / "yaml"), tmp_path / "out-yaml")
    from_xlsx = build(xlsx_workspace, tmp_path / "out-xlsx")
    assert [d.file for d in from_xlsx.built] == [d.file for d in from_yaml.built]
    files = sorted(p.relative_to(tmp_path / "out-yaml") for p in (tmp_path / "out-yaml").rglob("*") if p.is_file())
    assert len(files) > 30
    for rel in files:
        if rel.name == "manifest.json":
            continue
        assert (tmp_path / "out-xlsx" / rel).read_bytes() == (tmp_path / "out-yaml" / rel).read_bytes(), rel
    yaml_manifest = json.loads((tmp_path / "out-yaml" / "manifest.json").read_text(encoding="utf-8"))
    xlsx_manifest = json.loads((tmp_path / "out-xlsx" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(i["path"] for i in xlsx_manifest.pop("inputs")) == sorted(
        ["stpp.yaml", *(xlsx_name(t) for t in TOPIK)]
    )
    yaml_manifest.pop("inputs")
    assert xlsx_manifest == yaml_manifest


def test_the_same_topic_gives_the_same_bytes() -> None:
    topik = TOPIK[0]
    data = example_model(topik).model_dump(exclude_unset=True)
    first = write_workbook(topik, data, {})
    time.sleep(1.1)  # a timestamp of the moment of saving would now differ
    assert write_workbook(topik, data, {}) == first


@needs_soffice
def test_workbooks_resaved_by_libreoffice_read_back_to_the_same_data(tmp_path: Path) -> None:
    books = []
    for topik in TOPIK:
        path = tmp_path / xlsx_name(topik)
        path.write_bytes(write_workbook(topik, example_model(topik).model_dump(exclude_unset=True), {}))
        books.append(path)
    out = tmp_path / "lo"
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-{uuid.uuid4().hex}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), *map(str, books)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    for topik, book in zip(TOPIK, books, strict=True):
        resaved = (out / book.name).read_bytes()
        assert resaved != book.read_bytes()  # really written by LibreOffice
        assert read_model(topik, resaved) == example_model(topik), topik.id
    # The formulas shown beside the rows give what siap computes (LibreOffice saved their values).
    isu, prioritas, skema = (example_model(t) for t in TOPIK if t.id in ("2.1", "4.7", "5.1"))
    shown = _last_column(out / "2.1-isu-utama.xlsx", "Isu", 1)
    assert shown == {n.isu: n.total for n in rank_issues(isu).baris}  # type: ignore[arg-type]
    shown = _last_column(out / "4.7-prioritas.xlsx", "Tindakan", 1)
    assert shown == {k: v.total for k, v in hitung_mcua(prioritas).nilai.items()}  # type: ignore[arg-type]
    shown = _last_column(out / "5.1-skema-tindakan.xlsx", "Kegiatan", 2)
    assert shown == {k: v.biaya for k, v in skema.kegiatan_by_id().items()}  # type: ignore[attr-defined]


def _last_column(path: Path, sheet: str, key_column: int) -> dict[str, Any]:
    ws = load_workbook(path, data_only=True)[sheet]
    return {row[key_column - 1].value: row[-1].value for row in ws.iter_rows(min_row=2) if row[0].value}


# --- errors at their cell ----------------------------------------------------------------------


def test_four_planted_errors_in_four_workbooks_are_reported_at_their_cells(
    xlsx_workspace: Path, tmp_path: Path
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(xlsx_workspace, ws)
    assert edit(ws / "4.4-personil.xlsx", "Program", "Biaya *", 3, "Rp 1,5 juta") == 120000000
    edit(ws / "6.2-pelaksanaan.xlsx", "Jadwal kerja", "Langkah", 1, "Langkh")
    assert edit(ws / "5.1-skema-tindakan.xlsx", "Kegiatan", "Penanggung jawab *", 3, "m-kadpup") == "m-kadpupr"
    edit(ws / "2.1-isu-utama.xlsx", "Isu", "Rumusan *", 3, None)
    code, _, err = run("check", str(ws))
    assert code == 1
    assert err.splitlines() == [
        "2.1-isu-utama.xlsx:Isu!B3: isu[1].rumusan: wajib diisi",
        "4.4-personil.xlsx:Program!H3: program[1].biaya: harus berupa bilangan bulat (angka saja, tanpa titik atau "
        "koma), tertulis Rp 1,5 juta",
        "5.1-skema-tindakan.xlsx:Kegiatan!I3: tujuan.sasaran[0].keluaran[0].kegiatan[1].penanggung_jawab: anggota "
        "Pokja 'm-kadpup' tidak ditemukan di 1.1-stakeholder-pokja.xlsx / 4.5-organisasi.xlsx; maksud Anda "
        "'m-kadpupr'?",
        "6.2-pelaksanaan.xlsx:'Jadwal kerja'!D1: kolom 'Langkh' tidak dikenal; maksud Anda 'Langkah'?",
        "4 kesalahan, 0 peringatan",
    ]
    code, _, err = run("--lang", "en", "check", str(ws))
    assert code == 1
    assert "6.2-pelaksanaan.xlsx:'Jadwal kerja'!D1: column 'Langkh' is not known; did you mean 'Langkah'?" in err


def test_numbers_and_dates_typed_as_text_are_read_exactly(xlsx_workspace: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(xlsx_workspace, ws)
    edit(ws / "4.4-personil.xlsx", "Program", "Biaya *", 3, "120000000")
    edit(ws / "2.3-kesenjangan.xlsx", "Indikator", "Target *", 2, "80.5")
    edit(ws / "1.2-kalender-kerja.xlsx", "Jadwal", "Tanggal *", 2, "3 Februari 2026")
    result = validate_workspace(ws)
    assert result.ok, [p.render() for p in result.problems]
    assert result.topics["4.4"].model.program[1].biaya == 120_000_000  # type: ignore[union-attr]
    assert result.topics["2.3"].model.indikator[0].target == Decimal("80.5")  # type: ignore[union-attr]
    assert result.topics["1.2"].model.jadwal[0].tanggal == dt.date(2026, 2, 3)  # type: ignore[union-attr]


def test_numbers_and_dates_typed_as_text_follow_the_yaml_rule_at_their_cell(
    xlsx_workspace: Path, tmp_path: Path
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(xlsx_workspace, ws)
    edit(ws / "4.4-personil.xlsx", "Program", "Biaya *", 3, "Rp 120.000.000")
    edit(ws / "2.3-kesenjangan.xlsx", "Indikator", "Target *", 2, "80,5")
    edit(ws / "1.2-kalender-kerja.xlsx", "Jadwal", "Tanggal *", 2, "10-02-2026")
    code, _, err = run("check", str(ws))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 4, err
    assert lines[0].startswith("1.2-kalender-kerja.xlsx:Jadwal!B2: jadwal[0].tanggal: ")
    assert lines[1].startswith("2.3-kesenjangan.xlsx:Indikator!D2: indikator[0].target: ")
    assert lines[2].startswith("4.4-personil.xlsx:Program!H3: program[1].biaya: ")
    assert "2026-02-10" in lines[0] and "80.5" in lines[1] and "120000000" in lines[2]


def test_a_formula_where_a_value_is_needed_is_an_error_at_its_cell(xlsx_workspace: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(xlsx_workspace, ws)
    edit(ws / "4.4-personil.xlsx", "Program", "Biaya *", 2, "=100*2")
    code, _, err = run("check", str(ws))
    assert code == 1
    assert err.splitlines()[0] == (
        "4.4-personil.xlsx:Program!H2: program[0].biaya: sel ini berisi rumus (=100*2); ketik nilainya, bukan rumus"
    )


def test_added_sheets_and_columns_are_a_warning_not_an_error(xlsx_workspace: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(xlsx_workspace, ws)
    path = ws / "1.1-stakeholder-pokja.xlsx"
    wb = load_workbook(path)
    wb.create_sheet("Catatan rapat")["A1"] = "rapat 3 Februari"
    wb["Stakeholders"]["J1"] = "Nomor telepon"
    wb["Stakeholders"]["J2"] = "0812"
    wb.save(path)
    code, _, err = run("check", str(ws))
    assert code == 0
    assert err.splitlines() == [
        "1.1-stakeholder-pokja.xlsx:Stakeholders!J1: peringatan: kolom 'Nomor telepon' tidak dikenal dan tidak dibaca",
        "1.1-stakeholder-pokja.xlsx:'Catatan rapat'!A1: peringatan: lembar 'Catatan rapat' tidak dikenal dan tidak "
        "dibaca",
        "0 kesalahan, 2 peringatan",
    ]


def test_a_topic_in_both_forms_is_an_error_naming_both(xlsx_workspace: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(xlsx_workspace, ws)
    shutil.copy(CONTOH / "2.1-isu-utama.yaml", ws)
    (ws / "~$2.2-regulasi.xlsx").write_bytes(b"Excel's lock file")
    code, _, err = run("check", str(ws))
    assert code == 1
    assert err.splitlines()[0] == (
        "2.1-isu-utama.xlsx: topik ini ada dua kali, sebagai 2.1-isu-utama.yaml dan sebagai 2.1-isu-utama.xlsx; "
        "simpan salah satu saja (yang lain dipindahkan ke folder arsip/)"
    )
    assert "~$" not in err


def test_init_xlsx_makes_a_workspace_of_empty_workbooks_that_is_valid(tmp_path: Path) -> None:
    code, out, _ = run("init", "--xlsx", str(tmp_path / "baru"))
    assert code == 0
    assert "21 buku kerja Excel" in out
    assert len(list((tmp_path / "baru").glob("*.xlsx"))) == 21
    code, out, err = run("check", str(tmp_path / "baru"))
    assert code == 0, err
    assert "  1.1-stakeholder-pokja.xlsx " in out


def test_the_workbook_is_a_form_a_secretary_can_follow() -> None:
    topik = TOPIK[0]
    wb = load_workbook(io.BytesIO(write_workbook(topik, None, {"regulasi": ["uu-23-2014"]})))
    assert wb.sheetnames[:3] == ["Petunjuk", "Isian", "Stakeholders"]
    guide = [c.value for c in wb["Petunjuk"]["A"] if c.value]
    assert guide[0] == "Topik 1.1 Analisis Stakeholders dan Pembentukan Kelompok Kerja"
    assert "• Matriks Stakeholders Pelayanan PDAM" in guide
    ws = wb["Stakeholders"]
    assert [c.value for c in ws[1]] == [
        "Kode *", "Nama *", "Kategori *", "Peran *", "Kepentingan *", "Pengaruh *", "Tingkat kepentingan",
        "Keterlibatan",
    ]
    assert ws.freeze_panes == "A2"
    assert ws["C1"].comment is not None and "Pilihan: penyelenggara, pengguna, pendukung." in ws["C1"].comment.text
    choices = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert choices["C2:C501"] == "'Daftar'!$A$1:$A$3"
    assert wb["Daftar"].sheet_state == "hidden"
    members = {str(dv.sqref): dv.formula1 for dv in wb["Anggota"].data_validations.dataValidation}
    assert members["F2:F501"] == "'Stakeholders'!$A$2:$A$501"  # codes of the same workbook, as they grow


def test_money_is_a_rupiah_number_percent_points_stay_points_and_dates_are_dates() -> None:
    topik = next(t for t in TOPIK if t.id == "4.4")
    wb = load_workbook(io.BytesIO(write_workbook(topik, example_model(topik).model_dump(exclude_unset=True), {})))
    biaya = wb["Program"]["H2"]
    assert isinstance(biaya.value, int) and biaya.number_format == '"Rp" #,##0'
    prioritas = next(t for t in TOPIK if t.id == "4.7")
    wb = load_workbook(io.BytesIO(write_workbook(prioritas, example_model(prioritas).model_dump(), {})))
    bobot = wb["Kriteria"]["C2"]
    assert isinstance(bobot.value, int) and bobot.number_format == '0"%"'
    kalender = next(t for t in TOPIK if t.id == "1.2")
    wb = load_workbook(io.BytesIO(write_workbook(kalender, example_model(kalender).model_dump(), {})))
    tanggal = wb["Jadwal"]["B2"]
    assert tanggal.is_date and tanggal.number_format == "DD-MM-YYYY"


def test_every_topic_layout_has_unique_sheet_titles_and_headers() -> None:
    for topik in TOPIK:
        layout = layout_for(MODELS[topik.id])
        titles = [t.title.lower() for t in layout.all_tables()]
        assert len(titles) == len(set(titles)), topik.id
        assert all(len(t) <= 31 for t in titles)
        for table in layout.all_tables():
            labels = [c.header.lower() for c in table.columns]
            assert len(labels) == len(set(labels)), (topik.id, table.title)


def test_convert_refuses_an_invalid_topic_and_writes_nothing(tmp_path: Path) -> None:
    ws = copy_example(tmp_path / "ws")
    text = (ws / "4.4-personil.yaml").read_text(encoding="utf-8")
    (ws / "4.4-personil.yaml").write_text(text.replace("biaya: 120000000", "biaya: 120.000.000"), encoding="utf-8")
    code, _, err = run("convert", str(ws), "--to", "xlsx")
    assert code == 1
    assert "4.4-personil.yaml: topik 4.4 belum valid sehingga belum dapat diubah; perbaiki kesalahan di atas lebih " \
        "dahulu" in err
    assert not list(ws.glob("*.xlsx")) and not (ws / "arsip").exists()


def test_convert_refuses_a_workbook_that_would_read_back_differently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The YAML moves to the archive only when its workbook reads back to exactly its data.

    A writer that loses a value (here made to, as the tie-break scores and blank numbers once did)
    leaves the topic in YAML with a message naming the value; as for any refused topic, nothing is converted.
    """
    from assembler.excel import convert

    def losing(topik: Topik, data: Any, known: Any) -> bytes:
        if topik.id == "4.4" and data is not None:
            data = json.loads(json.dumps(data, default=str))
            data["program"][1]["biaya"] = 1
        return write_workbook(topik, data, known)

    monkeypatch.setattr(convert, "write_workbook", losing)
    ws = copy_example(tmp_path / "ws")
    code, _, err = run("convert", str(ws), "--to", "xlsx")
    assert code == 1
    assert err.splitlines()[0] == (
        "4.4-personil.yaml: topik 4.4 tidak dapat ditulis ke buku kerja tanpa mengubah isinya ('program[1].biaya' "
        "terbaca lain dari yang ditulis); topik ini tidak diubah: biarkan dalam YAML dan laporkan kepada pengembang "
        "siap"
    )
    assert not list(ws.glob("*.xlsx")) and not (ws / "arsip").exists()


def test_convert_refuses_a_topic_with_a_code_used_twice(tmp_path: Path) -> None:
    """Two kegiatan with one code: in a workbook the second's costs would find the first (costs lost)."""
    ws = copy_example(tmp_path / "ws")
    path = ws / "5.1-skema-tindakan.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("- id: kg-2.1\n") == 1
    path.write_text(text.replace("- id: kg-2.1\n", "- id: kg-1.1\n"), encoding="utf-8")
    code, _, err = run("convert", str(ws), "--to", "xlsx", "5.1")
    assert code == 1
    assert err.splitlines()[-3:] == [
        "5.1-skema-tindakan.yaml:139:19: tujuan.sasaran[0].keluaran[1].kegiatan[0].id: kode kegiatan 'kg-1.1' sudah "
        "dipakai di 5.1-skema-tindakan.yaml:73; setiap kode harus unik",
        "5.1-skema-tindakan.yaml: topik 5.1 belum valid sehingga belum dapat diubah; perbaiki kesalahan di atas lebih "
        "dahulu",
        "2 kesalahan, 0 peringatan",
    ]
    assert not list(ws.glob("*.xlsx")) and not (ws / "arsip").exists()


def test_convert_refuses_a_list_item_that_cannot_share_a_cell(tmp_path: Path) -> None:
    ws = copy_example(tmp_path / "ws")
    path = ws / "3.1-kebutuhan-teknis-manajemen.yaml"
    text = path.read_text(encoding="utf-8")
    item = "    - Forum Pelanggan Tirta Lestari aktif dan bersedia menjadi mitra pengawasan."
    assert item in text
    path.write_text(text.replace(item, '    - "Forum Pelanggan Tirta Lestari aktif\\ndan bersedia"'), encoding="utf-8")
    code, _, err = run("convert", str(ws), "--to", "xlsx", "3.1")
    assert code == 1, err
    assert "tidak dapat ditulis dalam satu sel bersama butir lain" in err
    assert not (ws / "3.1-kebutuhan-teknis-manajemen.xlsx").exists()


def test_a_renamed_sheet_and_a_deleted_required_column_are_one_message_each(
    xlsx_workspace: Path, tmp_path: Path
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(xlsx_workspace, ws)
    wb = load_workbook(ws / "1.1-stakeholder-pokja.xlsx")
    wb["Stakeholders"].title = "Stakeholder"
    wb.save(ws / "1.1-stakeholder-pokja.xlsx")
    wb = load_workbook(ws / "7.1-monev.xlsx")
    wb["Rencana kerja"].delete_cols(2)
    wb["Rencana kerja"]["A2"] = "=1+1"
    wb.save(ws / "7.1-monev.xlsx")
    code, _, err = run("check", str(ws))
    assert code == 1
    assert err.splitlines() == [
        "1.1-stakeholder-pokja.xlsx:Stakeholder!A1: lembar 'Stakeholder' tidak dikenal; maksud Anda 'Stakeholders'?",
        "7.1-monev.xlsx:'Rencana kerja'!D1: kolom wajib 'Waktu *' tidak ada pada lembar ini",
        "7.1-monev.xlsx:'Rencana kerja'!A2: rencana_kerja[0].kegiatan: sel ini berisi rumus (=1+1); ketik nilainya, "
        "bukan rumus",
        "3 kesalahan, 0 peringatan",
    ]


def test_a_workbook_open_in_excel_is_left_alone_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = copy_example(tmp_path / "ws")
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(src).name == "2.1-isu-utama.yaml":  # as Windows refuses to move a file another program holds
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    code, out, err = run("convert", str(ws), "--to", "xlsx", "1.1", "2.1")
    assert code == 1
    assert err.splitlines() == [
        "2.1-isu-utama.yaml: berkas ini tidak dapat dipindahkan ke arsip (Permission denied); tutup berkas ini di "
        "Excel atau program lain lalu ulangi; topik ini tidak diubah",
        # not "1 kesalahan": the file is fine, it is only in use
        "1 topik tidak diubah karena berkasnya sedang dipakai (lihat di atas); topik lainnya sudah diubah. Tutup "
        "berkas itu, lalu jalankan 'siap convert' lagi untuk topik tersebut.",
    ]
    assert "  1.1  ditulis 1.1-stakeholder-pokja.xlsx" in out
    assert (ws / "2.1-isu-utama.yaml").is_file() and not (ws / "2.1-isu-utama.xlsx").exists()
    assert not list(ws.glob(".*siap-tmp"))


def test_one_value_and_values_per_criterion_for_the_same_issue_are_refused_not_dropped(
    xlsx_workspace: Path, tmp_path: Path
) -> None:
    """A tie-break score given both as one number and per criterion: keeping either loses the other's numbers.

    Found by the property test: the reader kept the first form and dropped the other rows' numbers.
    """
    ws = tmp_path / "ws"
    shutil.copytree(xlsx_workspace, ws)
    wb = load_workbook(ws / "2.1-isu-utama.xlsx")
    sheet = wb["Skor putaran ulang"]
    assert [c.value for c in sheet[1]] == ["Putaran ulang (No) *", "Isu *", "Kriteria", "Nilai *"]
    assert [c.value for c in sheet[2]] == [1, "isu-02", "urgensi", 4]
    sheet.append([1, "isu-02", None, 12])  # after isu-02's three criteria and isu-03's
    sheet.insert_rows(2)  # and the reverse: isu-03 as one number before its per-criterion rows
    for col, value in enumerate([1, "isu-03", None, 9], start=1):
        sheet.cell(row=2, column=col, value=value)
    wb.save(ws / "2.1-isu-utama.xlsx")
    code, _, err = run("check", str(ws))
    assert code == 1
    assert err.splitlines() == [
        "2.1-isu-utama.xlsx:'Skor putaran ulang'!C6: 'isu-03' sudah diberi satu nilai tanpa 'Kriteria' di "
        "'Skor putaran ulang'!B2, di sini diberi nilai per 'Kriteria'; tulis satu nilai tanpa 'Kriteria' atau "
        "satu baris untuk setiap 'Kriteria', tidak keduanya",
        "2.1-isu-utama.xlsx:'Skor putaran ulang'!B9: 'isu-02' sudah diberi nilai per 'Kriteria' mulai "
        "'Skor putaran ulang'!C3, di sini diberi satu nilai tanpa 'Kriteria'; tulis satu nilai tanpa 'Kriteria' "
        "atau satu baris untuk setiap 'Kriteria', tidak keduanya",
        "2 kesalahan, 0 peringatan",
    ]
    code, _, err = run("--lang", "en", "check", str(ws))
    assert code == 1
    assert (
        "2.1-isu-utama.xlsx:'Skor putaran ulang'!B9: 'isu-02' already has values per 'Kriteria' from "
        "'Skor putaran ulang'!C3, here one value without 'Kriteria'; write one value without 'Kriteria' or one "
        "row for each 'Kriteria', not both"
    ) in err.splitlines()


def test_a_blank_required_value_of_a_keyed_row_is_required_at_its_cell(xlsx_workspace: Path, tmp_path: Path) -> None:
    """Not pydantic's 'harus berupa daftar (butir diawali '- ')', a YAML hint about a None nobody typed."""
    ws = tmp_path / "ws"
    shutil.copytree(xlsx_workspace, ws)
    assert edit(ws / "4.1-kapasitas-teknis.xlsx", "Kuadran", "Nilai *", 2, None).startswith("Sumber air baku")
    code, _, err = run("check", str(ws))
    assert code == 1
    assert err.splitlines() == [
        "4.1-kapasitas-teknis.xlsx:Kuadran!B2: kuadran.kekuatan: wajib diisi",
        "1 kesalahan, 0 peringatan",
    ]
