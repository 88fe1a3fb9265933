"""Numbers and dates are never silently changed: each way of writing one is read exactly or refused at its line.

Every case runs ``siap check`` on the example workspace with one value edited the way a Pokja
secretariat might type it, and asserts the exit code and the message word for word (issue 9).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from assembler.cli import main
from assembler.validate import validate_workspace
from tests.conftest import replace_in

BIAYA = ("7.2-dokumentasi-replikasi.yaml", "    biaya: 75_000_000")
PELANGGAN = ("stpp.yaml", "  jumlah_pelanggan: 31450")
REALISASI = ("2.3-kesenjangan.yaml", "    realisasi: 38.6")
TANGGAL = ("1.2-kalender-kerja.yaml", "    tanggal: 2026-02-03")
JAM = ("1.2-kalender-kerja.yaml", '    jam_mulai: "09.00"')
TAHUNAN = ("5.1-skema-tindakan.yaml", "                2026: 350_000_000")

AT_BIAYA = "7.2-dokumentasi-replikasi.yaml:103:12: rencana_diseminasi[0].biaya: "
AT_PELANGGAN = "stpp.yaml:23:21: pdam.jumlah_pelanggan: "
AT_REALISASI = "2.3-kesenjangan.yaml:13:16: indikator[0].realisasi: "
AT_TANGGAL = "1.2-kalender-kerja.yaml:21:14: jadwal[0].tanggal: "
AT_JAM = "1.2-kalender-kerja.yaml:22:16: jadwal[0].jam_mulai: "
AT_TAHUNAN = "5.1-skema-tindakan.yaml:82:17: tujuan.sasaran[0].keluaran[0].kegiatan[0].biaya_per_tahun."
KUTIP = "harus berupa bilangan bulat (angka saja, tanpa titik atau koma), tertulis "

CASES_ID = [
    (
        BIAYA,
        "    biaya: 45.000",
        AT_BIAYA + "angka ditulis tanpa titik, koma atau spasi ribuan, tertulis 45.000; maksud Anda 45000?",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: 18.000",
        AT_PELANGGAN + "angka ditulis tanpa titik, koma atau spasi ribuan, tertulis 18.000; maksud Anda 18000?",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: 031450",
        AT_PELANGGAN + "angka tidak boleh diawali nol, tertulis 031450; tulis 31450",
    ),
    (PELANGGAN, "  jumlah_pelanggan: 31450.5", AT_PELANGGAN + KUTIP + "31450.5"),
    (
        PELANGGAN,
        "  jumlah_pelanggan: 31450.0",
        AT_PELANGGAN + "harus berupa bilangan bulat tanpa angka desimal, tertulis 31450.0; tulis 31450",
    ),
    (PELANGGAN, "  jumlah_pelanggan: 31450.125", AT_PELANGGAN + KUTIP + "31450.125"),
    (BIAYA, "    biaya: 1:30:00", AT_BIAYA + KUTIP + "1:30:00"),
    (BIAYA, "    biaya: yes", AT_BIAYA + KUTIP + "yes"),
    (
        BIAYA,
        "    biaya: Rp75.000.000",
        AT_BIAYA + "tulis angkanya saja, tanpa 'Rp' dan tanpa titik ribuan, "
        "tertulis Rp75.000.000; maksud Anda 75000000?",
    ),
    (BIAYA, "    biaya: 1e6", AT_BIAYA + "tulis angka biasa tanpa eksponen, tertulis 1e6; maksud Anda 1000000?"),
    (
        BIAYA,
        "    biaya: 1000000000000000000000000000000",
        AT_BIAYA + "angka terlalu besar untuk naskah, "
        "tertulis 1000000000000000000000000000000; paling besar 999999999999 (di bawah satu triliun)",
    ),
    (
        REALISASI,
        "    realisasi: 38,6",
        AT_REALISASI + "tanda desimal ditulis dengan titik, bukan koma, tertulis 38,6; tulis 38.6",
    ),
    (
        REALISASI,
        "    realisasi: 45.000",
        AT_REALISASI + "45.000 dapat dibaca sebagai ribuan atau sebagai desimal; "
        "tulis 45000 bila maksudnya ribuan, atau 45 bila desimal (tanda desimal adalah titik)",
    ),
    (REALISASI, "    realisasi: .nan", AT_REALISASI + "nilai .nan bukan angka yang dapat dipakai"),
    (
        TANGGAL,
        "    tanggal: 2025-02-30",
        AT_TANGGAL + "tanggal 2025-02-30 tidak ada: Februari 2025 hanya sampai tanggal 28",
    ),
    (
        TANGGAL,
        "    tanggal: 2026-02-29",
        AT_TANGGAL + "tanggal 2026-02-29 tidak ada: Februari 2026 hanya sampai tanggal 28",
    ),
    (TANGGAL, "    tanggal: 2026-13-01", AT_TANGGAL + "tanggal 2026-13-01 tidak ada: bulan ditulis 01 sampai 12"),
    (
        TANGGAL,
        "    tanggal: 3 Feb 2026",
        AT_TANGGAL + "harus berupa tanggal TTTT-BB-HH, tertulis 3 Feb 2026; maksud Anda 2026-02-03?",
    ),
    (
        TANGGAL,
        "    tanggal: 03/02/2026",
        AT_TANGGAL + "harus berupa tanggal TTTT-BB-HH, tertulis 03/02/2026; maksud Anda 2026-02-03?",
    ),
    (
        TANGGAL,
        "    tanggal: Selasa",
        AT_TANGGAL + "harus berupa tanggal TTTT-BB-HH, misalnya 2025-02-03, tertulis Selasa",
    ),
    (
        TANGGAL,
        "    tanggal: 2026-02-03 09:00",
        AT_TANGGAL + "harus berupa tanggal tanpa jam, tertulis 2026-02-03 09:00; tulis 2026-02-03",
    ),
    (TANGGAL, "    tanggal: 0001-01-01", AT_TANGGAL + "tahun pada tanggal 0001-01-01 harus antara 1945 dan 2100"),
    (TANGGAL, "    tanggal: 9999-12-31", AT_TANGGAL + "tahun pada tanggal 9999-12-31 harus antara 1945 dan 2100"),
    (JAM, "    jam_mulai: 25:61", AT_JAM + "jam 25:61 tidak ada: jam ditulis 00.00 sampai 23.59"),
    (JAM, "    jam_mulai: 25.00", AT_JAM + "jam 25.00 tidak ada: jam ditulis 00.00 sampai 23.59"),
    (JAM, "    jam_mulai: 9.3", AT_JAM + "menit ditulis dengan dua angka, tertulis 9.3; maksud Anda 09.30 atau 09.03?"),
    (
        JAM,
        "    jam_mulai: 09.00 WIB",
        AT_JAM + "tulis jamnya saja (zona waktu ditulis sekali, di zona_waktu), tertulis 09.00 WIB; maksud Anda 09.00?",
    ),
    (JAM, "    jam_mulai: pukul 9", AT_JAM + "harus berupa jam JJ.MM, tertulis pukul 9; maksud Anda 09.00?"),
    (JAM, "    jam_mulai: 09,30", AT_JAM + "harus berupa jam JJ.MM, tertulis 09,30; maksud Anda 09.30?"),
    (
        JAM,
        "    jam_mulai: 09.00-12.00",
        AT_JAM + "tulis satu jam saja: jam mulai di jam_mulai dan jam selesai di jam_selesai, tertulis 09.00-12.00",
    ),
    (
        JAM,
        "    jam_mulai: pagi",
        AT_JAM + "harus berupa jam JJ.MM antara 00.00 dan 23.59, misalnya 09.00 atau 13.30, tertulis pagi",
    ),
    (
        TANGGAL,
        "    tanggal: !!timestamp abc",
        "1.2-kalender-kerja.yaml:21:14: nilai 'abc' tidak sesuai dengan tanda "
        "tipe '!!timestamp'; hapus tanda itu atau perbaiki nilainya",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: !!int abc",
        "stpp.yaml:23:21: nilai 'abc' tidak sesuai dengan tanda tipe '!!int'; hapus tanda itu atau perbaiki nilainya",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: !!python/object/apply:os.system [ls]",
        "stpp.yaml:23:21: tanda tipe YAML '!!python/object/apply:os.system' tidak dipakai di siap; hapus tanda itu",
    ),
    (
        TAHUNAN,
        "                2026: 350_000_000\n                '2026': 1",
        "5.1-skema-tindakan.yaml:83:17: kunci '2026' ditulis dua kali (pertama di baris 82); hapus salah satunya",
    ),
    (
        TAHUNAN,
        "                2026: 350_000_000\n                +2026: 1",
        "5.1-skema-tindakan.yaml:83:17: "
        "tujuan.sasaran[0].keluaran[0].kegiatan[0].biaya_per_tahun.+2026: kunci '+2026' sama nilainya dengan kunci "
        "'2026' yang sudah ditulis; hapus salah satunya",
    ),
    (TAHUNAN, "                2o26: 350_000_000", AT_TAHUNAN + "2o26: " + KUTIP + "2o26"),
    (
        PELANGGAN,
        "  jumlah_pelanggan: &a [*a]",
        "stpp.yaml:23:25: alias '*a' merujuk ke nilai yang sedang didefinisikannya sendiri; hapus alias itu",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: " + "[" * 100 + "]" * 100,
        "stpp.yaml:23:59: susunan bertingkat terlalu dalam (lebih dari 40 tingkat); periksa indentasi dan alias",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: 31450\n jumlah: 3",
        "stpp.yaml:24:2: sintaks YAML tidak valid: indentasi tidak konsisten",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: 31450\n  - 3",
        "stpp.yaml:24:3: sintaks YAML tidak valid: butir daftar '-' pada indentasi yang salah",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: 31450\n  'a' b: 3",
        "stpp.yaml:24:7: sintaks YAML tidak valid: indentasi tidak "
        "konsisten: baris ini tidak sejajar dengan baris di atasnya",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: 31450\n  catatan: a: b",
        "stpp.yaml:24:13: sintaks YAML tidak valid: nilai "
        "pemetaan tidak boleh di sini (periksa tanda ':' dan indentasi)",
    ),
]

CASES_EN = [
    (
        BIAYA,
        "    biaya: 45.000",
        AT_BIAYA + "numbers are written without thousands separators, found 45.000; did you mean 45000?",
    ),
    (
        REALISASI,
        "    realisasi: 38,6",
        AT_REALISASI + "decimals are written with a dot, not a comma, found 38,6; write 38.6",
    ),
    (TANGGAL, "    tanggal: 2025-02-30", AT_TANGGAL + "there is no date 2025-02-30: February 2025 ends on day 28"),
    (JAM, "    jam_mulai: 25:00", AT_JAM + "there is no time 25:00: a time is 00.00 to 23.59"),
    (
        JAM,
        "    jam_mulai: 9.3",
        AT_JAM + "minutes are written with two digits, found 9.3; did you mean 09.30 or 09.03?",
    ),
    (
        JAM,
        "    jam_mulai: 09.00 WITA",
        AT_JAM + "write the time only (the time zone is written once, in zona_waktu), found 09.00 WITA; did you "
        "mean 09.00?",
    ),
    (JAM, "    jam_mulai: 0930", AT_JAM + "must be a time HH.MM, found 0930; did you mean 09.30?"),
    (
        JAM,
        "    jam_mulai: 09.00 s.d. 12.00",
        AT_JAM + "write one time only: the start in jam_mulai and the end in jam_selesai, found 09.00 s.d. 12.00",
    ),
    (
        JAM,
        "    jam_mulai: pagi",
        AT_JAM + "must be a time HH.MM between 00.00 and 23.59, for example 09.00 or 13.30, found pagi",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: &a [*a]",
        "stpp.yaml:23:25: alias '*a' refers to the value that contains it; remove the alias",
    ),
    (
        PELANGGAN,
        "  jumlah_pelanggan: 31450\n  - 3",
        "stpp.yaml:24:3: invalid YAML syntax: expected <block end>, but found '-'",
    ),
]


def check(workspace: Path, lang: str = "id") -> tuple[int, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", lang, "check", str(workspace)], stdout=out, stderr=err)
    return code, err.getvalue().splitlines()


@pytest.mark.parametrize(("where", "typed", "message"), CASES_ID, ids=[c[1].strip()[:40] for c in CASES_ID])
def test_a_number_or_date_written_another_way_is_refused_at_its_line(
    contoh: Path, where: tuple[str, str], typed: str, message: str
) -> None:
    replace_in(contoh / where[0], where[1], typed)
    code, lines = check(contoh)
    assert code == 1
    assert lines[:-1] == [message]


@pytest.mark.parametrize(("where", "typed", "message"), CASES_EN, ids=[c[1].strip()[:40] for c in CASES_EN])
def test_the_same_messages_in_english(contoh: Path, where: tuple[str, str], typed: str, message: str) -> None:
    replace_in(contoh / where[0], where[1], typed)
    code, lines = check(contoh, "en")
    assert code == 1
    assert lines[:-1] == [message]


def test_build_refuses_45_000_and_writes_nothing(contoh: Path, tmp_path: Path) -> None:
    replace_in(contoh / BIAYA[0], BIAYA[1], "    biaya: 45.000")
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(contoh), "-o", str(tmp_path / "out")], stdout=out, stderr=err)
    assert code == 1
    assert err.getvalue().splitlines()[0] == AT_BIAYA + (
        "angka ditulis tanpa titik, koma atau spasi ribuan, tertulis 45.000; maksud Anda 45000?"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("    biaya: 45000", 45000),
        ("    biaya: '45000'", 45000),
        ("    biaya: 45_000", 45000),
        ("    biaya: +45000", 45000),
        ("    biaya: 999999999999", 999_999_999_999),
    ],
)
def test_whole_numbers_written_plainly_are_read_exactly(contoh: Path, typed: str, expected: int) -> None:
    replace_in(contoh / BIAYA[0], BIAYA[1], typed)
    result = validate_workspace(contoh)
    assert result.ok, [p.render() for p in result.errors]
    assert result.view().topic("7.2").rencana_diseminasi[0].biaya == expected  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("38.6", "38.6"), ("38.60", "38.60"), ("0.125", "0.125"), ("1.5", "1.5"), ("1234.5", "1234.5"), (".5", "0.5")],
)
def test_decimals_with_a_dot_are_read_exactly(contoh: Path, typed: str, expected: str) -> None:
    from decimal import Decimal

    replace_in(contoh / REALISASI[0], REALISASI[1], f"    realisasi: {typed}")
    result = validate_workspace(contoh)
    assert result.ok, [p.render() for p in result.errors]
    value = result.view().topic("2.3").indikator[0].realisasi  # type: ignore[attr-defined]
    assert value == Decimal(expected) and str(value) == expected


@pytest.mark.parametrize("typed", ["3 Februari 2026", "3 februari 2026", "03 Februari 2026", "2026-2-3"])
def test_a_date_in_words_or_without_leading_zeros_is_read_exactly(contoh: Path, typed: str) -> None:
    replace_in(contoh / TANGGAL[0], TANGGAL[1], f"    tanggal: {typed}")
    result = validate_workspace(contoh)
    assert result.ok, [p.render() for p in result.errors]
    assert result.view().topic("1.2").jadwal[0].tanggal == dt.date(2026, 2, 3)  # type: ignore[attr-defined]


def test_text_fields_keep_what_yaml_1_1_would_have_changed(contoh: Path) -> None:
    """An unquoted ``031450``, ``yes`` or ``1:30`` in a text field is the text written, not 13096, True or 90."""
    replace_in(contoh / "stpp.yaml", "  ibu_kota: Sarimulya", "  ibu_kota: 031450")
    replace_in(contoh / "stpp.yaml", "  wakil: Siti Rahmawati", "  wakil: yes")
    result = validate_workspace(contoh)
    assert result.ok, [p.render() for p in result.errors]
    stpp = result.view().stpp
    assert stpp is not None
    assert stpp.daerah.ibu_kota == "031450"
    assert stpp.kepala_daerah.wakil == "yes"


def test_a_topic_saved_by_notepad_as_yaml_txt_is_a_warning_naming_the_file(contoh: Path) -> None:
    (contoh / "1.2-kalender-kerja.yaml").rename(contoh / "1.2-kalender-kerja.yaml.txt")
    (contoh / "2.1-isu-utama.yaml").rename(contoh / "2.1-isu-utama.YAML")
    (contoh / "catatan rapat.txt").write_text("bukan topik\n", encoding="utf-8")
    code, lines = check(contoh)
    assert code == 0
    assert lines[:2] == [
        "1.2-kalender-kerja.yaml.txt: peringatan: berkas ini tidak dibaca karena namanya berakhiran '.txt' "
        "(Notepad menambahkannya bila 'Save as type' bukan 'All files'); ubah namanya menjadi "
        "'1.2-kalender-kerja.yaml'",
        "2.1-isu-utama.YAML: peringatan: berkas ini tidak dibaca karena namanya tidak tepat; ubah namanya "
        "menjadi '2.1-isu-utama.yaml'",
    ]
    assert not any("catatan rapat" in line for line in lines)


def test_an_empty_quoted_number_is_shown_as_empty(contoh: Path) -> None:
    replace_in(contoh / BIAYA[0], BIAYA[1], "    biaya: ''")
    assert check(contoh)[1][:-1] == [AT_BIAYA + KUTIP + "''"]


def test_a_check_on_a_converted_year_key_lands_on_its_line(contoh: Path) -> None:
    """Keys of ``biaya_per_tahun`` become ints for the model; a finding about one still names its line."""
    replace_in(contoh / "5.1-skema-tindakan.yaml", "                2027: 1_350_000_000", "                2028: 1")
    assert check(contoh)[1][:-1] == [
        "5.1-skema-tindakan.yaml:98:23: tujuan.sasaran[0].keluaran[0].kegiatan[1].biaya_per_tahun[2028]: biaya "
        "tahun 2028 berada di luar jadwal kegiatan (2026-10 s.d. 2027-12); tahun biaya harus di antara tahun mulai "
        "dan tahun selesai"
    ]


def test_every_pyyaml_syntax_problem_has_an_indonesian_text() -> None:
    """PyYAML's scanner and parser problems, read from its source, each start with a translated text."""
    import inspect
    import re

    import yaml.parser
    import yaml.reader
    import yaml.scanner

    from assembler.yaml_syntax import _PROBLEM_ID

    found: set[str] = set()
    for module in (yaml.scanner, yaml.parser, yaml.reader):
        source = inspect.getsource(module)
        for text in re.findall(
            r'"((?:expected|found|could not|did not|mapping|sequence|special|unacceptable)[^"]*)"', source
        ):
            found.add(text.split("%")[0])
    assert len(found) > 25
    missing = [text for text in sorted(found) if not any(text.startswith(k) for k in _PROBLEM_ID)]
    assert missing == []


def test_a_plan_month_in_year_0001_is_refused_by_check(contoh: Path) -> None:
    replace_in(contoh / "5.1-skema-tindakan.yaml", "                mulai: 2026-06", "                mulai: 0001-06")
    assert check(contoh)[1][:-1] == [
        "5.1-skema-tindakan.yaml:77:24: tujuan.sasaran[0].keluaran[0].kegiatan[0].jadwal.mulai: tahun pada bulan "
        "'0001-06' harus antara 1945 dan 2100"
    ]
