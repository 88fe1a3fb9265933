"""Benchmark: ``siap build --only smart-logframe`` on a Skema Tindakan with 2,000 kegiatan.

Run: ``python -m pytest benchmarks/bench_logframe.py`` (pytest-benchmark prints the figures).
The workspace is the example (fixtures/contoh) with its 5.1 grown to 2,000 kegiatan: the example's
own twelve stay (6.1, 5.2 and 7.2 refer to them), the rest are spread over 40 extra keluaran, every
fifth one with its own indicator, all costs and schedules valid. The timing covers the whole build:
loading and validating the workspace, the budget analysis, the context, rendering, the package.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from assembler.build import build

REPO = Path(__file__).resolve().parent.parent
CONTOH = REPO / "fixtures" / "contoh"
KEGIATAN = 2_000
KELUARAN_TAMBAHAN = 40

#: Not mj-02: its cost is typed again in 4.4 (the personnel programmes) and must agree with 5.1.
TINDAKAN = ["tk-01", "tk-02", "tk-03", "fn-01", "fn-02", "mj-01", "mj-03", "mj-04"]
#: tk-01 and tk-03 cite 4.6's investment financing (uk-04), whose amount is the 5.1 cost of their
#: activities outside the RKAP; the extra ones are paid from the RKAP so that amount stays right.
TINDAKAN_RKAP = {"tk-01", "tk-03"}
PENANGGUNG_JAWAB = ["u-teknik", "u-hublang", "u-keuangan", "u-pengaduan", "m-kabid-teknik", "m-kadpupr"]
#: Regional and DAK money only for the Dinas PUPR's activities; the Perumda's own are paid by itself.
SUMBER_DANA_PEMDA = ["APBD", "APBN/DAK"]
SUMBER_DANA_PDAM = ["PDAM (RKAP)", "Hibah/CSR"]


def _sumber_dana(n: int, tindakan: str, penanggung_jawab: str) -> str:
    """A funding source no consistency rule objects to: a consistent workspace, as a real one should be."""
    if tindakan in TINDAKAN_RKAP:
        return "PDAM (RKAP)"
    if penanggung_jawab == "m-kadpupr":
        return SUMBER_DANA_PEMDA[n % 2]
    return SUMBER_DANA_PDAM[n % 2]


def _kegiatan(n: int) -> dict[str, Any]:
    mulai = 1 + n % 12
    two_years = n % 3 == 0
    tindakan = TINDAKAN[n % len(TINDAKAN)]
    penanggung_jawab = PENANGGUNG_JAWAB[n % len(PENANGGUNG_JAWAB)]
    kegiatan: dict[str, Any] = {
        "id": f"kg-b{n}",
        "rumusan": f"Kegiatan uji beban nomor {n}: rehabilitasi jaringan & pemasangan meter <blok {n % 97}>",
        "tindakan": tindakan,
        "jadwal": {"mulai": f"2026-{mulai:02d}", "selesai": f"{2027 if two_years else 2026}-12"},
        "pelaksana": "Bagian Teknik Perumda Air Minum Tirta Lestari bersama penyedia jasa konstruksi",
        "penanggung_jawab": penanggung_jawab,
        "biaya_per_tahun": {2026: 25_000_000 + 1_000 * n, **({2027: 10_000_000} if two_years else {})},
        "sumber_dana": _sumber_dana(n, tindakan, penanggung_jawab),
    }
    if n % 5 == 0:
        kegiatan["indikator"] = [
            {
                "id": f"il-b{n}",
                "ukuran": f"Sambungan yang direhabilitasi pada blok {n}",
                "satuan": "unit",
                "baseline": 0,
                "target": 100 + n,
                "tenggat": "2027-12",
                "sumber_verifikasi": "Berita acara serah terima pekerjaan",
            }
        ]
        kegiatan["asumsi"] = ["Material tersedia tepat waktu."]
    return kegiatan


def make_workspace(target: Path, kegiatan: int = KEGIATAN) -> Path:
    """A copy of the example whose 5.1 holds ``kegiatan`` kegiatan in total."""
    shutil.copytree(CONTOH, target, ignore=shutil.ignore_patterns("keluaran*"))
    path = target / "5.1-skema-tindakan.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sasaran = data["tujuan"]["sasaran"]
    existing = sum(len(kl["kegiatan"]) for ss in sasaran for kl in ss["keluaran"])
    counter = itertools.count(1)
    per_keluaran = -(-(kegiatan - existing) // KELUARAN_TAMBAHAN)  # ceiling
    remaining = kegiatan - existing
    for k in range(KELUARAN_TAMBAHAN):
        count = min(per_keluaran, remaining)
        if count <= 0:
            break
        remaining -= count
        sasaran[k % len(sasaran)]["keluaran"].append(
            {
                "id": f"kl-b{k}",
                "rumusan": f"Keluaran uji beban {k}: jaringan blok {k} direhabilitasi",
                "indikator": [
                    {
                        "id": f"il-kl-b{k}",
                        "ukuran": f"Kehilangan air pada blok {k}",
                        "satuan": "%",
                        "baseline": 38.6,
                        "target": 25,
                        "tenggat": "2028-12",
                        "sumber_verifikasi": "Laporan neraca air per zona",
                    }
                ],
                "kegiatan": [_kegiatan(next(counter)) for _ in range(count)],
            }
        )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_workspace(tmp_path_factory.mktemp("bench") / "contoh")


def test_build_logframe_2000_kegiatan(benchmark: Any, workspace: Path, tmp_path: Path) -> None:
    outs = (tmp_path / f"out-{i}" for i in itertools.count())

    def run() -> Any:
        return build(workspace, next(outs), only=["smart-logframe"])

    report = benchmark.pedantic(run, rounds=3, iterations=1, warmup_rounds=0)
    assert [d.id for d in report.built] == ["smart-logframe"]
    assert not [w for w in report.warnings if w.code.startswith("5.1")]
