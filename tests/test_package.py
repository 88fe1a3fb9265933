"""The package is written whole or not at all, deterministically, one build at a time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from assembler import package as pkg
from assembler.package import (
    BuiltDocument,
    InputFile,
    PackageError,
    PackageLockedError,
    Skipped,
    WorkspaceInfo,
    package_lock,
    write_package,
)

REPO = Path(__file__).resolve().parent.parent
WS = WorkspaceInfo(daerah="Kabupaten Lembah Sari", pdam="Perumda Air Minum Tirta Lestari", tahun=2026)
INPUTS = [InputFile("stpp.yaml", "b" * 64), InputFile("1.1-stakeholder-pokja.yaml", "a" * 64)]


def _docs(tag: str = "v1") -> list[BuiltDocument]:
    return [
        BuiltDocument("sk-pokja", "Draft Keputusan Bupati tentang Pokja", "01-sk-pokja.docx", ["1.1"],
                      f"sk {tag}".encode()),
        BuiltDocument("citizen-charter", "Citizen Charter — Maklumat", "04-citizen-charter.docx", ["5.2"],
                      f"cc {tag}".encode()),
    ]


SKIPPED = [Skipped("smart-logframe", ["4.7", "5.1"])]


def _write(out: Path, tag: str = "v1", **kw: object) -> pkg.PackageResult:
    return write_package(out, _docs(tag), INPUTS, WS, SKIPPED, generator_version="9.9", **kw)  # type: ignore[arg-type]


def test_manifest_has_the_contract_shape(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out)
    text = (out / "manifest.json").read_text(encoding="utf-8")
    assert text.endswith("}\n")
    data = json.loads(text)
    assert list(data) == ["generator", "workspace", "inputs", "documents", "skipped"]
    assert data["generator"] == {"name": "siap", "version": "9.9"}
    assert data["workspace"] == {"daerah": "Kabupaten Lembah Sari", "pdam": "Perumda Air Minum Tirta Lestari",
                                 "tahun": 2026}
    assert [i["path"] for i in data["inputs"]] == ["1.1-stakeholder-pokja.yaml", "stpp.yaml"]
    doc = data["documents"][0]
    assert list(doc) == ["id", "title", "file", "sha256", "sources"]
    assert doc["sha256"] == pkg.sha256_bytes(b"sk v1")
    assert data["skipped"] == [{"id": "smart-logframe", "waiting_for": ["4.7", "5.1"]}]
    # ensure_ascii=False: the em dash is written as itself; indent 2.
    assert "Citizen Charter — Maklumat" in text
    assert '\n  "generator": {\n    "name": "siap",' in text
    assert sorted(p.name for p in out.iterdir()) == ["01-sk-pokja.docx", "04-citizen-charter.docx", "manifest.json"]


def test_pdf_entry_is_listed_when_given(tmp_path: Path) -> None:
    out = tmp_path / "k"
    doc = BuiltDocument("sk-pokja", "SK", "01-sk-pokja.docx", ["1.1"], b"d", "01-sk-pokja.pdf", b"%PDF")
    write_package(out, [doc], INPUTS, WS, generator_version="1")
    entry = json.loads((out / "manifest.json").read_text())["documents"][0]
    assert list(entry) == ["id", "title", "file", "sha256", "sources", "pdf"]
    assert (out / "01-sk-pokja.pdf").read_bytes() == b"%PDF"


def test_zip_is_deterministic_and_holds_the_same_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "keluaran", tmp_path / "b" / "keluaran"
    _write(a)
    time.sleep(2.1)
    _write(b)
    za, zb = (a.parent / "keluaran.zip").read_bytes(), (b.parent / "keluaran.zip").read_bytes()
    assert za == zb
    assert (a / "manifest.json").read_bytes() == (b / "manifest.json").read_bytes()
    with zipfile.ZipFile(a.parent / "keluaran.zip") as zf:
        assert zf.namelist() == ["01-sk-pokja.docx", "04-citizen-charter.docx", "manifest.json"]
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        for name in zf.namelist():
            assert zf.read(name) == (a / name).read_bytes()


def test_rebuild_replaces_the_package_and_leaves_no_temporaries(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    (out / "sisa-lama.docx").write_bytes(b"old")
    _write(out, "v2")
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk v2"
    assert not (out / "sisa-lama.docx").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".keluaran.lock", "keluaran", "keluaran.zip"]


def test_archive_moves_listed_files_and_carries_old_archives(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    (out / "01-sk-pokja.docx").write_bytes(b"edited by Bagian Hukum")
    res = _write(out, "v2", archive=["01-sk-pokja.docx"], archive_stamp="20260301-101500")
    kept = out / "arsip" / "20260301-101500" / "01-sk-pokja.docx"
    assert kept.read_bytes() == b"edited by Bagian Hukum"
    assert res.archive_dir == out / "arsip" / "20260301-101500"
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk v2"
    _write(out, "v3")  # a later rebuild without archiving keeps the earlier archive
    assert kept.read_bytes() == b"edited by Bagian Hukum"
    with zipfile.ZipFile(tmp_path / "keluaran.zip") as zf:
        assert not any(n.startswith("arsip") for n in zf.namelist())


def test_archive_of_a_missing_file_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    with pytest.raises(PackageError) as info:
        _write(out, "v2", archive=["tidak-ada.docx"])
    assert info.value.problems[0].code == "package.archive_missing"
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk v1"


def test_failure_midway_leaves_previous_package_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    zip_before = (tmp_path / "keluaran.zip").read_bytes()
    calls = {"n": 0}
    real = pkg._write_file

    def failing(path: Path, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(pkg, "_write_file", failing)
    with pytest.raises(PackageError) as info:
        _write(out, "v2")
    assert info.value.problems[0].code == "package.write_failed"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert (tmp_path / "keluaran.zip").read_bytes() == zip_before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".keluaran.lock", "keluaran", "keluaran.zip"]


def test_crash_between_renames_is_recovered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without RENAME_EXCHANGE the swap is two renames; a crash between them is undone next time."""
    out = tmp_path / "keluaran"
    _write(out, "v1")
    monkeypatch.setattr(pkg, "_exchange", lambda a, b: False)
    real_rename = os.rename

    def crash_on_second(src: object, dst: object) -> None:
        if Path(str(dst)) == out:
            raise KeyboardInterrupt  # stands in for a kill: no cleanup code runs
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr("assembler.package.os.rename", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        _write(out, "v2")
    monkeypatch.setattr("assembler.package.os.rename", real_rename)
    assert not out.exists()  # the window the recovery is for
    pkg._recover(out)
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".keluaran.lock", "keluaran", "keluaran.zip"]


def test_two_rename_fallback_swaps_correctly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pkg, "_exchange", lambda a, b: False)
    out = tmp_path / "keluaran"
    _write(out, "v1")
    _write(out, "v2")
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk v2"


_KILL_SCRIPT = """
import sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
from assembler import package as pkg
real = pkg._write_file
def slow(path, data):
    real(path, data)
    print("writing", flush=True)
    time.sleep(0.2)
pkg._write_file = slow
docs = [pkg.BuiltDocument(f"d{{i}}", "t", f"{{i:02d}}.docx", [], b"new") for i in range(40)]
pkg.write_package(Path({out!r}), docs, [], pkg.WorkspaceInfo("K", "P", 2026), generator_version="1")
"""


def test_killed_build_leaves_previous_package(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    proc = subprocess.Popen([sys.executable, "-c", _KILL_SCRIPT.format(repo=str(REPO), out=str(out))],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for _ in range(3):
        assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert any(p.name.startswith(".keluaran.baru-") for p in tmp_path.iterdir())
    _write(out, "v2")  # the next build cleans up after the killed one
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk v2"
    assert not any(p.name.startswith(".keluaran.baru-") for p in tmp_path.iterdir())


def test_second_build_refuses_after_timeout(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    with package_lock(out):
        start = time.monotonic()
        with pytest.raises(PackageLockedError) as info:
            _write(out, "v2", lock_timeout=0.3)
        assert 0.3 <= time.monotonic() - start < 2
    problem = info.value.problems[0]
    assert problem.code == "package.locked"
    assert str(out) in problem.render("id")
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk v1"


def test_second_build_waits_for_the_first(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    released = threading.Event()

    def hold() -> None:
        with package_lock(out):
            time.sleep(0.4)
        released.set()

    t = threading.Thread(target=hold)
    t.start()
    time.sleep(0.1)
    _write(out, "v2", lock_timeout=10)
    assert released.is_set()
    t.join()
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk v2"


@pytest.mark.parametrize("name", ["../x.docx", "a/b.docx", "manifest.json", "arsip", ""])
def test_bad_file_names_are_refused(tmp_path: Path, name: str) -> None:
    doc = BuiltDocument("x", "x", name, [], b"x")
    with pytest.raises(PackageError) as info:
        write_package(tmp_path / "k", [doc], [], WS)
    assert info.value.problems[0].code == "package.bad_name"
    assert not (tmp_path / "k").exists()


def test_duplicate_file_names_are_refused(tmp_path: Path) -> None:
    docs = [BuiltDocument("a", "a", "x.docx", [], b"1"), BuiltDocument("b", "b", "x.docx", [], b"2")]
    with pytest.raises(PackageError) as info:
        write_package(tmp_path / "k", docs, [], WS)
    assert info.value.problems[0].code == "package.duplicate_name"


def test_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "k").write_text("bukan folder")
    with pytest.raises(PackageError) as info:
        write_package(tmp_path / "k", _docs(), [], WS)
    assert info.value.problems[0].code == "package.not_a_folder"
    assert (tmp_path / "k").read_text() == "bukan folder"


def test_atomic_exchange_swaps_two_folders(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "f").write_text("A")
    (b / "f").write_text("B")
    if not pkg._exchange(a, b):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not supported here; the two-rename fallback is tested")
    assert (a / "f").read_text() == "B" and (b / "f").read_text() == "A"
