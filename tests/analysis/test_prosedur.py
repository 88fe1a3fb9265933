"""Duration totals of a 4.2 procedure: minutes and hours combine, working and calendar days never do."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from assembler.analysis.prosedur import teks_satuan, teks_total, total_durasi
from assembler.models.tahap4 import Langkah


def langkah(*durasi: tuple[float, str]) -> list[Langkah]:
    return [
        Langkah.model_validate(
            {"kode": f"A{i}", "uraian": "Langkah uji", "pelaku": "Petugas", "durasi": {"nilai": n, "satuan": s}}
        )
        for i, (n, s) in enumerate(durasi, start=1)
    ]


def test_minutes_and_hours_combine_into_minutes() -> None:
    total = total_durasi(langkah((30, "menit"), (2, "jam"), (45, "menit")))
    assert total == {"menit": Decimal(195)}
    assert teks_total(total) == "3 jam 15 menit"


def test_working_days_and_calendar_days_stay_apart() -> None:
    total = total_durasi(langkah((2, "hari kerja"), (3, "hari"), (0.5, "hari kerja"), (1.5, "jam")))
    assert total == {"hari kerja": Decimal("2.5"), "hari": Decimal(3), "menit": Decimal(90)}
    assert teks_total(total) == "3 hari + 2,5 hari kerja + 1 jam 30 menit"


def test_decimal_sums_are_exact() -> None:
    assert total_durasi(langkah((0.1, "hari"), (0.2, "hari"))) == {"hari": Decimal("0.3")}


def test_one_unit_of_a_total() -> None:
    total = {"hari kerja": Decimal(14), "menit": Decimal(120)}
    assert teks_satuan(total, "hari kerja") == "14 hari kerja"
    assert teks_satuan(total, "menit") == "2 jam"
    assert teks_satuan(total, "hari") == "0 hari"
    assert teks_satuan({"menit": Decimal(45)}, "menit") == "45 menit"
    assert teks_satuan({}, "menit") == "0 menit"


def test_empty_procedure() -> None:
    assert total_durasi([]) == {}
    assert teks_total({}) == "0 menit"


def test_a_longer_improved_procedure_reads_as_an_increase(contoh: Path, tmp_path: Path) -> None:
    from assembler.build import build
    from tests.conftest import replace_in
    from tests.helpers.docx_content import all_text

    replace_in(contoh / "4.2-prosedur.yaml", "durasi: {nilai: 30, satuan: menit}", "durasi: {nilai: 90, satuan: menit}")
    result = build(contoh, tmp_path / "out", only=["kertas-kerja-tahap-4"])
    page = all_text(result.built[0].data)
    assert "bertambah 1 jam 30 menit" in page
    assert "-1 jam" not in page
