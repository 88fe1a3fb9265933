"""The package is written whole or not at all, deterministically, one build at a time, losing nothing."""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from assembler import package as pkg
from assembler.docxnorm import normalize_docx
from assembler.errors import SiapError, UsageError
from assembler.package import (
    BuiltDocument,
    InputFile,
    OutputLocationError,
    PackageError,
    PackageLockedError,
    PrintFile,
    RefusedError,
    Skipped,
    WorkspaceInfo,
    fs,
    lock,
    package_lock,
    swap,
    write_package,
)
from assembler.package import plan as pkg_plan

REPO = Path(__file__).resolve().parent.parent
WS = WorkspaceInfo(daerah="Kabupaten Lembah Sari", pdam="Perumda Air Minum Tirta Lestari", tahun=2026)
INPUTS = [InputFile("stpp.yaml", "b" * 64), InputFile("1.1-stakeholder-pokja.yaml", "a" * 64)]
_DOCX: dict[tuple[str, ...], bytes] = {}


def docx(*paragraphs: str) -> bytes:
    """A real (small, normalized) .docx, so the hand-edit checks can read its text."""
    if paragraphs not in _DOCX:
        from docx import Document

        doc = Document()
        for text in paragraphs:
            doc.add_paragraph(text)
        buf = io.BytesIO()
        doc.save(buf)
        _DOCX[paragraphs] = normalize_docx(buf.getvalue())
    return _DOCX[paragraphs]


def _docs(tag: str = "v1", *, pdf: bool = False) -> list[BuiltDocument]:
    return [
        BuiltDocument("sk-pokja", "Draft Keputusan Bupati tentang Pokja", "01-sk-pokja.docx", ["1.1"],
                      docx("MENIMBANG", f"sk {tag}"), "01-sk-pokja.pdf" if pdf else None,
                      f"%PDF sk {tag}".encode() if pdf else None),
        BuiltDocument("citizen-charter", "Citizen Charter — Maklumat", "04-citizen-charter.docx", ["5.2"],
                      docx("MAKLUMAT", f"cc {tag}"), "04-citizen-charter.pdf" if pdf else None,
                      f"%PDF cc {tag}".encode() if pdf else None),
    ]


SKIPPED = [Skipped("smart-logframe", ["4.7", "5.1"])]


def _write(out: Path, tag: str = "v1", **kw: object) -> pkg.PackageResult:
    pdf = bool(kw.pop("pdf", False))
    docs = kw.pop("docs", None) or _docs(tag, pdf=pdf)
    return write_package(out, docs, INPUTS, WS, SKIPPED, generator_version="9.9", **kw)  # type: ignore[arg-type]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes); symlinks as their target text."""
    result: dict[str, bytes] = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_symlink():
            result[rel] = b"->" + os.readlink(p).encode()
        elif p.is_file():
            result[rel] = p.read_bytes()
    return result


def user_files(out: Path) -> dict[str, bytes]:
    """What the user sees in OUT: everything except siap's own hidden folder."""
    return {k: v for k, v in snapshot(out).items() if not k.startswith(".siap")}


def archived(out: Path) -> dict[str, bytes]:
    """Archived files by their path inside the archive round (``arsip/<stamp>/x`` → ``x``)."""
    return {k.split("/", 1)[1]: v for k, v in snapshot(out / "arsip").items() if "/" in k}


def beside(folder: Path) -> list[str]:
    """What is next to OUT, without the lock file (kept by flock, removed on release where locks are soft)."""
    return sorted(p.name for p in folder.iterdir() if p.name != ".keluaran.lock")


def messages(exc: SiapError) -> list[str]:
    return [p.render("id") for p in exc.problems]


# --------------------------------------------------------------------------------------------------
# Shape, determinism, atomicity


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
    assert list(doc) == ["id", "title", "file", "sha256", "sources", "base"]
    assert doc["sha256"] == pkg.sha256_bytes(docx("MENIMBANG", "sk v1"))
    assert doc["base"] == ".siap/01-sk-pokja.docx"
    assert data["skipped"] == [{"id": "smart-logframe", "waiting_for": ["4.7", "5.1"]}]
    # ensure_ascii=False: the em dash is written as itself; indent 2.
    assert "Citizen Charter — Maklumat" in text
    assert '\n  "generator": {\n    "name": "siap",' in text
    assert sorted(p.name for p in out.iterdir()) == [".siap", "01-sk-pokja.docx", "04-citizen-charter.docx",
                                                     "manifest.json"]


def test_merge_base_is_the_exact_bytes_siap_generated(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out)
    for doc in _docs():
        assert (out / ".siap" / doc.file).read_bytes() == doc.data
    with zipfile.ZipFile(tmp_path / "keluaran.zip") as zf:
        assert not any(n.startswith(".siap") for n in zf.namelist())


def test_pdf_entry_is_listed_when_given(tmp_path: Path) -> None:
    out = tmp_path / "k"
    doc = BuiltDocument("sk-pokja", "SK", "01-sk-pokja.docx", ["1.1"], b"d", "01-sk-pokja.pdf", b"%PDF")
    write_package(out, [doc], INPUTS, WS, generator_version="1")
    entry = json.loads((out / "manifest.json").read_text())["documents"][0]
    assert list(entry) == ["id", "title", "file", "sha256", "sources", "pdf", "base"]
    assert (out / "01-sk-pokja.pdf").read_bytes() == b"%PDF"


def test_zip_is_deterministic_and_holds_the_same_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "keluaran", tmp_path / "b" / "keluaran"
    _write(a)
    time.sleep(2.1)
    _write(b)
    za, zb = (a.parent / "keluaran.zip").read_bytes(), (b.parent / "keluaran.zip").read_bytes()
    assert za == zb
    assert snapshot(a) == snapshot(b)
    with zipfile.ZipFile(a.parent / "keluaran.zip") as zf:
        assert zf.namelist() == ["01-sk-pokja.docx", "04-citizen-charter.docx", "manifest.json"]
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        for name in zf.namelist():
            assert zf.read(name) == (a / name).read_bytes()


def test_rebuild_replaces_the_package_and_leaves_no_temporaries(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    _write(out, "v2")
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v2")
    assert beside(tmp_path) == ["keluaran", "keluaran.zip"]


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_out_and_its_files_take_the_users_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        out = tmp_path / "keluaran"
        _write(out, "v1")
        _write(out, "v2")  # a rebuild too: the folder is new, and takes the umask again
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~umask
    assert stat.S_IMODE((out / "01-sk-pokja.docx").stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE((tmp_path / "keluaran.zip").stat().st_mode) == 0o666 & ~umask


def test_failure_midway_leaves_previous_package_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    before = snapshot(out)
    zip_before = (tmp_path / "keluaran.zip").read_bytes()
    calls = {"n": 0}
    real = swap._write_file

    def failing(path: Path, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(swap, "_write_file", failing)
    with pytest.raises(PackageError) as info:
        _write(out, "v2")
    assert messages(info.value) == [
        f"paket tidak dapat ditulis ke {out}: [Errno 28] No space left on device; paket sebelumnya tidak berubah"
    ]
    assert snapshot(out) == before
    assert (tmp_path / "keluaran.zip").read_bytes() == zip_before
    assert beside(tmp_path) == ["keluaran", "keluaran.zip"]


def test_crash_between_renames_is_recovered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without RENAME_EXCHANGE the swap is two renames; a crash between them is undone next time."""
    out = tmp_path / "keluaran"
    _write(out, "v1")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    real_rename = os.rename

    def crash_on_second(src: object, dst: object) -> None:
        if Path(str(dst)) == out:
            raise KeyboardInterrupt  # stands in for a kill: no cleanup code runs
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr("assembler.package.swap.os.rename", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        _write(out, "v2")
    monkeypatch.setattr("assembler.package.swap.os.rename", real_rename)
    assert not out.exists()  # the window the recovery is for
    swap._recover(out, tmp_path / "keluaran.zip")
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v1")
    assert beside(tmp_path) == ["keluaran", "keluaran.zip"]


def test_two_rename_fallback_swaps_correctly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    out = tmp_path / "keluaran"
    _write(out, "v1")
    _write(out, "v2")
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v2")


_KILL_SCRIPT = """
import sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
from assembler import package as pkg
from assembler.package import swap
real = swap._write_file
def slow(path, data):  # called by several writer threads at once: one whole line per write
    real(path, data)
    sys.stdout.write("writing\\n")
    sys.stdout.flush()
    time.sleep(0.2)
swap._write_file = slow
docs = [pkg.BuiltDocument(f"d{{i}}", "t", f"{{i:02d}}.docx", [], b"new") for i in range(40)]
pkg.write_package(Path({out!r}), docs, [], pkg.WorkspaceInfo("K", "P", 2026), generator_version="1")
"""


def test_killed_build_leaves_previous_package(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    before = snapshot(out)
    proc = subprocess.Popen([sys.executable, "-c", _KILL_SCRIPT.format(repo=str(REPO), out=str(out))],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for _ in range(3):
        assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert snapshot(out) == before
    assert any(p.name.startswith(".keluaran.baru-") for p in tmp_path.iterdir())
    _write(out, "v2")  # the next build cleans up after the killed one
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v2")
    assert not any(p.name.startswith(".keluaran.baru-") for p in tmp_path.iterdir())


#: A one-document package written by a child process after ``patch`` replaced one step of the package stage.
_CHILD = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from assembler import package as pkg
from assembler.package import swap
{patch}
docs = [pkg.BuiltDocument("sk-pokja", "SK", "01-sk-pokja.docx", ["1.1"], {data!r})]
pkg.write_package(Path({out!r}), docs, [], pkg.WorkspaceInfo("K", "P", 2026), generator_version="1")
"""


def _package_in_a_child(out: Path, patch: str, data: bytes) -> int:
    """Write the package in a child process that ``patch`` kills at some point; its exit status."""
    script = _CHILD.format(repo=str(REPO), out=str(out), patch=textwrap.dedent(patch), data=data)
    return subprocess.run([sys.executable, "-c", script]).returncode


def _write_sk(out: Path, data: bytes) -> pkg.PackageResult:
    """A one-document package (the SK holding ``data``), as the child process writes it."""
    return write_package(out, [BuiltDocument("sk-pokja", "SK", "01-sk-pokja.docx", ["1.1"], data)], [], WS,
                         generator_version="1")


_DIE_BEFORE_ZIP = """
    real = os.replace
    def die_before_zip(src, dst):
        if str(dst).endswith(".zip"):
            os.kill(os.getpid(), signal.SIGKILL)  # the folder is swapped, the zip is not yet
        real(src, dst)
    swap.os.replace = die_before_zip
"""


def test_killed_right_after_the_swap_the_zip_is_repaired_at_the_next_start(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write_sk(out, b"sk v1")
    assert _package_in_a_child(out, _DIE_BEFORE_ZIP, b"sk v2") == -signal.SIGKILL
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk v2"
    with zipfile.ZipFile(tmp_path / "keluaran.zip") as zf:
        assert zf.read("01-sk-pokja.docx") == b"sk v1"  # the window: folder new, zip old
    (out / "catatan.txt").write_text("milik pengguna")  # the next build is even refused ...
    with pytest.raises(RefusedError):
        _write_sk(out, b"sk v3")
    with zipfile.ZipFile(tmp_path / "keluaran.zip") as zf:  # ... yet the zip belongs to the folder again
        assert zf.read("01-sk-pokja.docx") == b"sk v2"
        assert zf.read("manifest.json") == (out / "manifest.json").read_bytes()
        assert "catatan.txt" not in zf.namelist()
    assert not any(p.name.startswith(".keluaran.zip.") for p in tmp_path.iterdir())


def test_second_build_refuses_after_timeout(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    with package_lock(out):
        start = time.monotonic()
        with pytest.raises(PackageLockedError) as info:
            _write(out, "v2", lock_timeout=0.3)
        assert 0.3 <= time.monotonic() - start < 2
    assert messages(info.value) == [
        f"folder keluaran {out} sedang ditulis oleh proses lain (kunci {tmp_path / '.keluaran.lock'}); "
        "sudah menunggu 0.3 detik. Tunggu proses itu selesai lalu ulangi"
    ]
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v1")


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
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v2")


@pytest.mark.parametrize("name", ["../x.docx", "a/b.docx", "manifest.json", "arsip", ".siap", "x.revisi.docx", ""])
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


def test_atomic_exchange_swaps_two_folders(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "f").write_text("A")
    (b / "f").write_text("B")
    if not fs._exchange(a, b):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not supported here; the two-rename fallback is tested")
    assert (a / "f").read_text() == "B" and (b / "f").read_text() == "A"


# --------------------------------------------------------------------------------------------------
# Where OUT is: every unusable place is a usage error (exit 2) with its reason


def test_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "k").write_text("bukan folder")
    with pytest.raises(OutputLocationError) as info:
        write_package(tmp_path / "k", _docs(), [], WS)
    assert info.value.exit_code == 2
    assert messages(info.value) == [f"{tmp_path / 'k'} sudah ada tetapi bukan folder; pilih folder keluaran lain"]
    assert (tmp_path / "k").read_text() == "bukan folder"


def test_out_below_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "laporan.docx").write_bytes(b"punya pengguna")
    out = tmp_path / "laporan.docx" / "sub" / "keluaran"
    with pytest.raises(OutputLocationError) as info:
        write_package(out, _docs(), [], WS)
    assert info.value.exit_code == 2
    assert messages(info.value) == [
        f"folder keluaran {out} tidak dapat dibuat karena {tmp_path / 'laporan.docx'} adalah berkas, bukan folder; "
        "pilih folder keluaran lain"
    ]
    assert (tmp_path / "laporan.docx").read_bytes() == b"punya pengguna"


def test_a_name_over_the_file_system_limit_is_refused(tmp_path: Path) -> None:
    name = "k" * 240
    with pytest.raises(OutputLocationError) as info:
        write_package(tmp_path / name, _docs(), [], WS)
    assert info.value.exit_code == 2
    assert messages(info.value) == [
        f"nama folder keluaran '{'k' * 40}…{'k' * 12}' terlalu panjang untuk sistem berkas (240 bita; paling banyak "
        "215); pilih nama yang lebih pendek"
    ]
    assert list(tmp_path.iterdir()) == []


def _as_if_not_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests run as root, for whom every folder is writable; judge by the permission bits instead."""
    real = os.access

    def access(path: object, mode: int) -> bool:
        if mode & os.W_OK:
            return bool(os.stat(path).st_mode & stat.S_IWUSR)  # type: ignore[arg-type]
        return real(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(lock.os, "access", access)


def test_a_read_only_out_is_refused_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    before = snapshot(out)
    out.chmod(0o555)
    _as_if_not_root(monkeypatch)
    try:
        with pytest.raises(OutputLocationError) as info:
            _write(out, "v2")
    finally:
        out.chmod(0o755)
    assert info.value.exit_code == 2
    assert messages(info.value) == [
        f"folder keluaran {out} hanya-baca, jadi siap tidak menggantinya; izinkan penulisan pada folder itu atau "
        "pilih folder keluaran lain"
    ]
    assert snapshot(out) == before


def test_an_unwritable_parent_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = tmp_path / "bersama"
    parent.mkdir(mode=0o555)
    _as_if_not_root(monkeypatch)
    with pytest.raises(OutputLocationError) as info:
        _write(parent / "keluaran")
    assert info.value.exit_code == 2
    assert messages(info.value) == [
        f"folder {parent} tidak dapat ditulisi (izin ditolak), jadi paket tidak dapat ditulis di sana; pilih "
        "folder keluaran lain atau minta izin tulis"
    ]


def test_an_unwritable_lock_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    (tmp_path / ".keluaran.lock").touch()  # left by another user's build
    (tmp_path / ".keluaran.lock").chmod(0o444)
    _as_if_not_root(monkeypatch)
    with pytest.raises(OutputLocationError) as info:
        _write(out, "v2")
    assert messages(info.value) == [
        f"berkas kunci {tmp_path / '.keluaran.lock'} tidak dapat dibuka untuk ditulis (izin ditolak); hapus berkas "
        "itu atau minta izin tulis, lalu ulangi"
    ]
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v1")


def test_a_symlinked_out_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "bersama" / "paket-stpp"
    target.mkdir(parents=True)
    link = tmp_path / "keluaran"
    link.symlink_to(target)
    _write(link, "v1")
    _write(link, "v2")
    assert link.is_symlink() and link.resolve() == target
    assert (target / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v2")
    with zipfile.ZipFile(tmp_path / "keluaran.zip") as zf:  # the zip is beside the name the user gave
        assert zf.read("01-sk-pokja.docx") == docx("MENIMBANG", "sk v2")


def test_a_broken_symlink_out_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "keluaran"
    link.symlink_to(tmp_path / "hilang")
    with pytest.raises(OutputLocationError) as info:
        _write(link)
    assert messages(info.value) == [
        f"folder keluaran {link} adalah tautan (symlink) ke {tmp_path / 'hilang'} yang tidak ada; buat folder itu "
        "atau pilih folder keluaran lain"
    ]
    assert link.is_symlink()


# --------------------------------------------------------------------------------------------------
# What is in OUT: nothing the user had is lost


FOREIGN_CASES = {
    "dotfile": (lambda out: (out / ".catatan").write_text("rahasia"), ".catatan", "berkas ini tidak dibuat siap"),
    "plain file named arsip": (lambda out: (out / "arsip").write_text("bukan folder"), "arsip",
                               "berkas ini tidak dibuat siap"),
    "subfolder": (lambda out: ((out / "draf lama").mkdir(), (out / "draf lama" / "a.docx").write_bytes(b"A")),
                  "draf lama", "folder ini tidak dibuat siap"),
    "symlink": (lambda out: (out / "pintasan").symlink_to("/nowhere"), "pintasan", "berkas ini tidak dibuat siap"),
    "stray docx": (lambda out: (out / "surat.docx").write_bytes(b"surat"), "surat.docx",
                   "berkas ini tidak dibuat siap"),
}


@pytest.mark.parametrize("case", sorted(FOREIGN_CASES))
def test_a_foreign_entry_stops_the_build_and_force_archives_it(tmp_path: Path, case: str) -> None:
    make, name, what = FOREIGN_CASES[case]
    out = tmp_path / "keluaran"
    _write(out, "v1")
    make(out)
    before = snapshot(out)
    with pytest.raises(RefusedError) as info:
        _write(out, "v2")
    assert info.value.exit_code == 3
    assert messages(info.value) == [
        f"{out / name}: {what}; pembuatan dibatalkan dan tidak ada yang diubah. Pindahkan "
        f"{'folder' if 'folder' in what else 'berkas'} ini, atau jalankan ulang dengan --force untuk memindahkannya "
        "ke keluaran/arsip/ lebih dahulu"
    ]
    assert snapshot(out) == before
    result = _write(out, "v2", force=True, archive_stamp="20260301-101500")
    assert result.archived == [name]
    assert result.archive_dir == out / "arsip" / "20260301-101500"
    theirs = {k: v for k, v in before.items() if k == name or k.startswith(name + "/")}
    assert archived(out) == theirs  # byte for byte, folders with their content, links as links
    if name == "arsip":
        assert (out / "arsip").is_dir()  # now the archive itself
    else:
        assert not (out / name).exists() and not (out / name).is_symlink()
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v2")


def test_two_archive_rounds_in_the_same_second_never_collide(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    (out / "surat.docx").write_bytes(b"edisi pertama")
    _write(out, "v2", force=True, archive_stamp="20260301-101500")
    (out / "surat.docx").write_bytes(b"edisi kedua")
    result = _write(out, "v3", force=True, archive_stamp="20260301-101500")
    assert result.archive_dir == out / "arsip" / "20260301-101500-2"
    assert snapshot(out / "arsip") == {
        "20260301-101500/surat.docx": b"edisi pertama",
        "20260301-101500-2/surat.docx": b"edisi kedua",
    }


@pytest.mark.parametrize("lock_name", ["~$-sk-pokja.docx", "~$01-sk-pokja.docx", ".~lock.01-sk-pokja.docx#"])
def test_a_document_open_in_word_stops_the_build_even_with_force(tmp_path: Path, lock_name: str) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    (out / lock_name).write_bytes(b"\x0bWord owner")
    before = snapshot(out)
    for force in (False, True):
        with pytest.raises(RefusedError) as info:
            _write(out, "v2", force=force)
        assert info.value.exit_code == 3
        assert messages(info.value) == [
            f"{out / '01-sk-pokja.docx'}: naskah ini sedang dibuka ({lock_name} ada); tutup dokumen ini di "
            f"Word/LibreOffice lalu ulangi. Bila tidak ada yang membukanya, hapus {lock_name}"
        ]
        assert snapshot(out) == before


def test_an_annotated_pdf_stops_the_build_and_force_archives_it(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1", pdf=True)
    (out / "01-sk-pokja.pdf").write_bytes(b"%PDF sk v1 + catatan rapat")
    with pytest.raises(RefusedError) as info:
        _write(out, "v1", pdf=True)
    assert messages(info.value) == [
        f"{out / '01-sk-pokja.pdf'}: PDF ini diubah setelah dibuat siap (mungkin diberi anotasi); pembuatan "
        "dibatalkan dan tidak ada yang diubah. Simpan di luar folder ini, atau jalankan ulang dengan --force untuk "
        "memindahkannya ke keluaran/arsip/ lebih dahulu"
    ]
    _write(out, "v1", pdf=True, force=True)
    assert archived(out) == {"01-sk-pokja.pdf": b"%PDF sk v1 + catatan rapat"}
    assert (out / "01-sk-pokja.pdf").read_bytes() == b"%PDF sk v1"


def test_a_rebuild_without_pdf_keeps_the_pdfs_of_unchanged_documents(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    docs = _docs("v1", pdf=True)
    printed = PrintFile("cetak-draft-stpp.pdf", ["sk-pokja"], b"%PDF cetak")
    write_package(out, docs, INPUTS, WS, prints=[printed], generator_version="9.9")
    changed = [docs[0], BuiltDocument("citizen-charter", "Citizen Charter — Maklumat", "04-citizen-charter.docx",
                                      ["5.2"], docx("MAKLUMAT", "cc v2"))]
    without_pdf = [BuiltDocument(d.id, d.title, d.file, d.sources, d.data) for d in changed]
    result = write_package(out, without_pdf, INPUTS, WS, archive_stamp="S", generator_version="9.9")
    # The SK did not change: its PDF and the print file (made of the SK only) stay, listed as before.
    assert (out / "01-sk-pokja.pdf").read_bytes() == b"%PDF sk v1"
    assert (out / "cetak-draft-stpp.pdf").read_bytes() == b"%PDF cetak"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["documents"][0]["pdf"] == "01-sk-pokja.pdf"
    assert manifest["prints"] == [{"file": "cetak-draft-stpp.pdf", "parts": ["sk-pokja"]}]
    assert "pdf" not in manifest["documents"][1]
    # The charter changed: its old PDF would show the old text, so it goes to the archive, never away.
    assert result.stale_pdfs == ["04-citizen-charter.pdf"]
    assert archived(out) == {"04-citizen-charter.pdf": b"%PDF cc v1"}
    assert not (out / "04-citizen-charter.pdf").exists()
    with zipfile.ZipFile(tmp_path / "keluaran.zip") as zf:
        assert sorted(zf.namelist()) == ["01-sk-pokja.docx", "01-sk-pokja.pdf", "04-citizen-charter.docx",
                                         "cetak-draft-stpp.pdf", "manifest.json"]


def test_only_leaves_every_other_document_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1", pdf=True)
    manifest_before = json.loads((out / "manifest.json").read_text())
    sk_only = [d for d in _docs("v2") if d.id == "sk-pokja"]
    result = write_package(out, sk_only, INPUTS, WS, [], replace={"sk-pokja"}, generator_version="9.9")
    assert result.written == ["01-sk-pokja.docx"] and result.carried == ["04-citizen-charter.docx"]
    assert (out / "04-citizen-charter.docx").read_bytes() == docx("MAKLUMAT", "cc v1")
    assert (out / "04-citizen-charter.pdf").read_bytes() == b"%PDF cc v1"
    assert (out / ".siap" / "04-citizen-charter.docx").read_bytes() == docx("MAKLUMAT", "cc v1")
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["documents"][1] == manifest_before["documents"][1]
    assert manifest["skipped"] == manifest_before["skipped"]  # not this build's business either
    with zipfile.ZipFile(tmp_path / "keluaran.zip") as zf:
        assert zf.read("04-citizen-charter.docx") == docx("MAKLUMAT", "cc v1")
        assert zf.read("04-citizen-charter.pdf") == b"%PDF cc v1"


def test_a_hand_edited_document_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    edited = docx("MENIMBANG", "sk v1", "ditambah Bagian Hukum")
    (out / "01-sk-pokja.docx").write_bytes(edited)
    result = _write(out, "v1")  # inputs unchanged: nothing is written for it
    assert (out / "01-sk-pokja.docx").read_bytes() == edited
    assert [(k.file, k.text_changed, k.revision) for k in result.kept] == [("01-sk-pokja.docx", True, None)]
    assert not (out / "01-sk-pokja.revisi.docx").exists()
    assert (out / ".siap" / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v1")  # the base stays
    with zipfile.ZipFile(tmp_path / "keluaran.zip") as zf:
        assert zf.read("01-sk-pokja.docx") == edited


def test_an_unreadable_hand_edit_is_kept_and_said(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    (out / "01-sk-pokja.docx").write_bytes(b"rusak")
    result = _write(out, "v2")
    assert (out / "01-sk-pokja.docx").read_bytes() == b"rusak"
    assert [(k.file, k.unreadable) for k in result.kept] == [("01-sk-pokja.docx", True)]


def test_an_edit_saved_while_the_build_runs_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hand-edit check runs under the lock just before the swap, on the bytes on disk then."""
    out = tmp_path / "keluaran"
    _write(out, "v1")
    late_edit = docx("MENIMBANG", "sk v1", "disimpan saat build berjalan")
    real = swap._assemble
    calls = {"n": 0}

    def save_during(new: Path, out_: Path, plan: pkg_plan._Plan, stamp: str | None) -> Path | None:
        calls["n"] += 1
        result = real(new, out_, plan, stamp)
        if calls["n"] == 1:
            time.sleep(0.01)
            (out / "01-sk-pokja.docx").write_bytes(late_edit)  # Word saves now
        return result

    monkeypatch.setattr(swap, "_assemble", save_during)
    result = _write(out, "v1")
    assert calls["n"] == 2  # looked again
    assert (out / "01-sk-pokja.docx").read_bytes() == late_edit
    assert [k.file for k in result.kept] == ["01-sk-pokja.docx"]


def test_a_folder_that_keeps_changing_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    real = swap._assemble
    n = {"i": 0}

    def always(new: Path, out_: Path, plan: pkg_plan._Plan, stamp: str | None) -> Path | None:
        result = real(new, out_, plan, stamp)
        n["i"] += 1
        (out / "01-sk-pokja.docx").write_bytes(docx("MENIMBANG", "sk v1", f"simpan {n['i']}"))
        return result

    monkeypatch.setattr(swap, "_assemble", always)
    with pytest.raises(RefusedError) as info:
        _write(out, "v2")
    assert messages(info.value) == [
        f"isi folder keluaran {out} terus berubah selama pembuatan (ada berkas yang sedang disimpan); tidak ada "
        "yang diubah. Ulangi setelah selesai menyimpan"
    ]
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v1", "simpan 3")
    assert not any(p.name.startswith(".keluaran.baru-") for p in tmp_path.iterdir())


def test_a_save_in_the_instant_of_the_swap_is_rescued_into_the_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    real = swap._swap_in

    def save_then_swap(new: Path, out_: Path, old: Path) -> Path:
        (out / "catatan.txt").write_text("tepat waktu")  # after the last look, before the rename
        return real(new, out_, old)

    monkeypatch.setattr(swap, "_swap_in", save_then_swap)
    result = _write(out, "v2", archive_stamp="S")
    assert result.rescued == ["catatan.txt"]
    assert snapshot(out / "arsip") == {"S-pulih/catatan.txt": b"tepat waktu"}


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"{ bukan json", "Expecting property name enclosed in double quotes: line 1 column 3 (char 2)"),
        (b'{"documents": [1]}', "documents[0] tanpa 'file' dan 'sha256'"),
        (b'{"documents": [{"file": "../x", "sha256": "0"}]}', "documents[0]: nama berkas '../x'"),
        (b"[]", "bukan objek JSON"),
        (b'{"documents": [{"id": ["x"], "file": "a.docx", "sha256": "0"}]}', "documents[0].id bukan teks"),
        (b'{"documents": [{"file": "a.docx", "sha256": "0"}, {"file": "a.docx", "sha256": "1"}]}',
         "naskah tercantum dua kali"),
        (b'{"documents": [], "skipped": 7}', "'skipped' tidak dikenal"),
        (b'{"documents": [], "prints": [{"file": "c.pdf", "parts": "sk"}]}', "'prints' tidak dikenal"),
        (b'{"documents": [{"file": "a.docx", "sha256": "0", "revision": {"file": 1}}]}',
         "documents[0].revision tidak dikenal"),
        (b"\xff\xfe", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
    ],
)
def test_a_malformed_manifest_stops_the_build_and_force_archives_everything(
    tmp_path: Path, content: bytes, detail: str
) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    (out / "manifest.json").write_bytes(content)
    before = user_files(out)
    with pytest.raises(RefusedError) as info:
        _write(out, "v2")
    assert info.value.exit_code == 3
    assert messages(info.value) == [
        f"{out / 'manifest.json'}: manifest.json rusak ({detail}), jadi siap tidak dapat mengenali naskah yang "
        "disunting tangan; pembuatan dibatalkan dan tidak ada yang diubah. Jalankan ulang dengan --force untuk "
        "memindahkan seluruh isi folder ke keluaran/arsip/ lebih dahulu"
    ]
    assert user_files(out) == before
    _write(out, "v2", force=True, archive_stamp="S")
    assert archived(out) == before
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v2")


def test_a_folder_without_manifest_is_not_ours(tmp_path: Path) -> None:
    out = tmp_path / "dokumen-saya"
    out.mkdir()
    (out / "skripsi.docx").write_bytes(b"penting")
    with pytest.raises(UsageError) as info:
        _write(out, force=True)
    assert messages(info.value) == [
        f"folder hasil '{out}' sudah berisi berkas lain dan bukan paket siap (tidak ada manifest.json); "
        "pilih folder lain"
    ]
    assert snapshot(out) == {"skripsi.docx": b"penting"}


# --------------------------------------------------------------------------------------------------
# Windows branches, exercised on Linux


def as_if_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """siap's own platform checks answer "Windows" (patching ``sys.platform`` itself would also send
    filelock down its Windows path, which cannot run here)."""
    monkeypatch.setattr(fs, "_on_windows", lambda: True)
    monkeypatch.setattr(fs, "_on_linux", lambda: False)


def test_windows_swap_with_a_document_open_in_word_keeps_the_old_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to rename a folder holding an open file: say which file, keep the old package."""
    out = tmp_path / "keluaran"
    _write(out, "v1")
    before = snapshot(out)
    zip_before = (tmp_path / "keluaran.zip").read_bytes()
    as_if_on_windows(monkeypatch)
    real_rename, real_open = os.rename, open
    held = out / "04-citizen-charter.docx"

    def rename(src: object, dst: object) -> None:
        if Path(str(src)) == out:
            raise PermissionError(13, "The process cannot access the file because it is being used", str(src))
        real_rename(src, dst)  # type: ignore[arg-type]

    def sharing_open(path: object, mode: str = "r", *a: object, **kw: object) -> object:
        if Path(str(path)) == held and "+" in mode:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, mode, *a, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(swap.os, "rename", rename)
    monkeypatch.setattr(fs, "open", sharing_open, raising=False)
    with pytest.raises(RefusedError) as info:
        _write(out, "v2")
    assert info.value.exit_code == 3
    assert messages(info.value) == [
        f"{held}: berkas ini sedang dipakai program lain; tutup dokumen ini di Word/LibreOffice lalu ulangi. "
        "Paket sebelumnya tidak berubah"
    ]
    assert snapshot(out) == before
    assert (tmp_path / "keluaran.zip").read_bytes() == zip_before
    assert beside(tmp_path) == ["keluaran", "keluaran.zip"]


def test_windows_swap_refused_without_a_known_open_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    as_if_on_windows(monkeypatch)
    real_rename = os.rename

    def rename(src: object, dst: object) -> None:
        if Path(str(src)) == out:
            raise PermissionError(13, "Access is denied", str(src))
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(swap.os, "rename", rename)
    with pytest.raises(RefusedError) as info:
        _write(out, "v2")
    assert messages(info.value) == [
        f"folder keluaran {out} tidak dapat diganti karena ada berkas di dalamnya yang sedang dipakai program lain; "
        "tutup dokumen di Word/LibreOffice (dan jendela folder itu) lalu ulangi. Paket sebelumnya tidak berubah"
    ]
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v1")


def test_windows_never_opens_a_directory_and_swaps_by_two_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    as_if_on_windows(monkeypatch)
    real_open = os.open

    def no_directories(path: object, flags: int, *a: object) -> int:
        assert not Path(str(path)).is_dir(), "os.open on a directory fails on Windows"
        return real_open(path, flags, *a)  # type: ignore[arg-type]

    monkeypatch.setattr(fs.os, "open", no_directories)
    renames: list[str] = []
    real_rename = os.rename

    def rename(src: object, dst: object) -> None:
        renames.append(Path(str(dst)).name)
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(swap.os, "rename", rename)
    _write(out, "v2")
    assert [n.split("-")[0] for n in renames] == [".keluaran.lama", "keluaran"]  # no renameat2 exchange
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v2")
    assert fs._name_max(tmp_path) == 255


def test_the_exchange_is_only_tried_on_linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(sys, "platform", platform)
        assert fs._exchange(tmp_path / "a", tmp_path / "b") is False


def test_no_fcntl_anywhere_in_assembler() -> None:
    offenders = [str(p) for p in (REPO / "assembler").rglob("*.py") if "import fcntl" in p.read_text(encoding="utf-8")]
    assert offenders == []


_NO_FCNTL = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "fcntl":
            raise ImportError("No module named 'fcntl' (as on Windows)")
        return None
sys.meta_path.insert(0, Block())
sys.modules.pop("fcntl", None)
sys.path.insert(0, {repo!r})
from pathlib import Path
from assembler import package as pkg
docs = [pkg.BuiltDocument("sk-pokja", "SK", "01-sk-pokja.docx", ["1.1"], b"sk")]
for _ in range(2):
    pkg.write_package(Path({out!r}), docs, [], pkg.WorkspaceInfo("K", "P", 2026), generator_version="1")
print("ok")
"""


def test_the_package_is_written_where_fcntl_does_not_exist(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    proc = subprocess.run([sys.executable, "-c", _NO_FCNTL.format(repo=str(REPO), out=str(out))],
                          capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "ok", proc.stderr
    assert (out / "01-sk-pokja.docx").read_bytes() == b"sk"


def test_a_hand_edited_document_gets_the_pdf_printed_from_the_edit(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1", pdf=True)
    edited = docx("MENIMBANG", "sk v1", "ditambah Bagian Hukum")
    (out / "01-sk-pokja.docx").write_bytes(edited)
    printed_from_edit = [
        BuiltDocument(d.id, d.title, d.file, d.sources, d.data, d.pdf_file, d.pdf_data + b" (edit)"
                      if d.id == "sk-pokja" and d.pdf_data else d.pdf_data,
                      pkg.sha256_bytes(edited) if d.id == "sk-pokja" else None)
        for d in _docs("v1", pdf=True)
    ]
    cetak = PrintFile("cetak-draft-stpp.pdf", ["sk-pokja", "citizen-charter"], b"%PDF cetak dari suntingan")
    write_package(out, printed_from_edit, INPUTS, WS, prints=[cetak], generator_version="9.9")
    assert (out / "01-sk-pokja.docx").read_bytes() == edited
    assert (out / "01-sk-pokja.pdf").read_bytes() == b"%PDF sk v1 (edit)"
    assert (out / "cetak-draft-stpp.pdf").read_bytes() == b"%PDF cetak dari suntingan"


def test_a_pdf_of_siaps_version_is_never_put_beside_a_hand_edit(tmp_path: Path) -> None:
    """Printed from the generated bytes (the edit was saved after printing): neither it nor the print file."""
    out = tmp_path / "keluaran"
    _write(out, "v1", pdf=True)
    edited = docx("MENIMBANG", "sk v1", "ditambah Bagian Hukum")
    (out / "01-sk-pokja.docx").write_bytes(edited)
    cetak = PrintFile("cetak-draft-stpp.pdf", ["sk-pokja", "citizen-charter"], b"%PDF cetak versi siap")
    result = write_package(out, _docs("v2", pdf=True), INPUTS, WS, prints=[cetak], archive_stamp="S",
                           generator_version="9.9")
    assert (out / "01-sk-pokja.docx").read_bytes() == edited
    assert not (out / "01-sk-pokja.pdf").exists() and not (out / "cetak-draft-stpp.pdf").exists()
    assert result.stale_pdfs == ["01-sk-pokja.pdf"]  # the old one showed siap's old version: archived
    assert archived(out) == {"01-sk-pokja.pdf": b"%PDF sk v1"}
    assert (out / "04-citizen-charter.pdf").read_bytes() == b"%PDF cc v2"


_SLOW_BUILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
sys.path.insert(0, {tests!r})
from assembler import package as pkg
from assembler.package import swap
from test_package import _docs, INPUTS, WS
real = swap._assemble
def slow(*args):
    result = real(*args)
    print("assembled", flush=True)
    time.sleep(1.0)
    return result
swap._assemble = slow
res = pkg.write_package(Path({out!r}), _docs("v2"), INPUTS, WS, generator_version="9.9")
print("kept", [k.file for k in res.kept], flush=True)
"""


def test_an_edit_saved_during_a_running_build_process_survives(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    script = _SLOW_BUILD.format(repo=str(REPO), tests=str(REPO / "tests"), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "assembled"
    edited = docx("MENIMBANG", "sk v1", "disimpan Word saat build berjalan")
    (out / "01-sk-pokja.docx").write_bytes(edited)
    rest = proc.stdout.read()
    assert proc.wait(timeout=60) == 0
    assert rest.splitlines()[-1] == "kept ['01-sk-pokja.docx']"
    assert (out / "01-sk-pokja.docx").read_bytes() == edited
    assert (out / "01-sk-pokja.revisi.docx").is_file()  # its inputs changed (v1 → v2): a revision beside it
    assert (out / "04-citizen-charter.docx").read_bytes() == docx("MAKLUMAT", "cc v2")


def test_an_unreadable_file_in_out_is_refused_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    locked = out / "01-sk-pokja.docx"
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    for force in (False, True):
        with pytest.raises(RefusedError) as info:
            _write(out, "v2", force=force)
        assert messages(info.value) == [
            f"{locked}: berkas ini tidak dapat dibaca (Permission denied), jadi siap tidak dapat memeriksa apakah "
            "berkas ini disunting; tidak ada yang diubah. Periksa izin berkas itu (atau tutup program yang "
            "menguncinya) lalu ulangi"
        ]
    monkeypatch.undo()
    assert locked.read_bytes() == docx("MENIMBANG", "sk v1")


def test_an_old_pdf_that_does_not_show_the_hand_edit_goes_to_the_archive(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    cetak = PrintFile("cetak-draft-stpp.pdf", ["sk-pokja"], b"%PDF cetak v1")
    write_package(out, _docs("v1", pdf=True), INPUTS, WS, prints=[cetak], generator_version="9.9")
    edited = docx("MENIMBANG", "sk v1", "ditambah Bagian Hukum")
    (out / "01-sk-pokja.docx").write_bytes(edited)
    result = _write(out, "v1", archive_stamp="S")  # no --pdf, inputs unchanged
    assert (out / "01-sk-pokja.docx").read_bytes() == edited
    assert result.stale_pdfs == ["01-sk-pokja.pdf", "cetak-draft-stpp.pdf"]
    assert archived(out) == {"01-sk-pokja.pdf": b"%PDF sk v1", "cetak-draft-stpp.pdf": b"%PDF cetak v1"}
    assert (out / "04-citizen-charter.pdf").read_bytes() == b"%PDF cc v1"  # unchanged beside its .docx
    state = json.loads((out / ".siap" / "state.json").read_text())
    assert state["printed_from"] == {"04-citizen-charter.pdf": {"citizen-charter": pkg.sha256_bytes(
        docx("MAKLUMAT", "cc v1"))}}


# --------------------------------------------------------------------------------------------------
# Property: whatever a user leaves in OUT, a build either refuses and changes nothing, or keeps every
# byte the user made (in OUT or in the archive).

_ACTIONS = st.lists(
    st.sampled_from(
        [
            ("edit", "01-sk-pokja.docx"),
            ("edit-docx", "01-sk-pokja.docx"),
            ("edit", "04-citizen-charter.docx"),
            ("delete", "04-citizen-charter.docx"),
            ("edit", "01-sk-pokja.pdf"),
            ("file", ".catatan"),
            ("file", "arsip"),
            ("file", "catatan.txt"),
            ("dir", "draf"),
            ("file", "~$-sk-pokja.docx"),
            ("file", "manifest.json"),
            ("file", "01-sk-pokja.revisi.docx"),
        ]
    ),
    max_size=4,
)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=_ACTIONS, force=st.booleans(), tag=st.sampled_from(["v1", "v2"]), pdf=st.booleans())
def test_nothing_the_user_made_in_out_is_ever_lost(
    tmp_path_factory: pytest.TempPathFactory, actions: list[tuple[str, str]], force: bool, tag: str, pdf: bool
) -> None:
    out = tmp_path_factory.mktemp("prop") / "keluaran"
    _write(out, "v1", pdf=True)
    made_by_siap = set(snapshot(out).values())
    for n, (kind, name) in enumerate(actions):
        path = out / name
        if kind == "edit" and path.is_file():
            path.write_bytes(path.read_bytes() + f" suntingan {n}".encode())
        elif kind == "edit-docx" and path.is_file():
            path.write_bytes(docx("MENIMBANG", "sk v1", f"suntingan {n}"))
        elif kind == "delete" and path.is_file():
            path.unlink()
        elif kind == "file" and not path.is_dir():
            path.write_bytes(f"milik pengguna {n}".encode())
        elif kind == "dir":
            path.mkdir(exist_ok=True)
            (path / f"isi-{n}.txt").write_bytes(f"isi {n}".encode())
    before = snapshot(out)
    theirs = [v for v in before.values() if v not in made_by_siap]
    try:
        _write(out, tag, pdf=pdf, force=force, archive_stamp="S")
    except (RefusedError, UsageError) as exc:
        assert exc.exit_code in (2, 3)
        assert snapshot(out) == before  # refused: nothing changed
        return
    after = list(snapshot(out).values())
    for data in theirs:
        assert data in after  # still in OUT, or in the archive, byte for byte


_DIE_BEFORE_RESCUE = """
    real = swap._swap_in
    def swap_then_die(new, out, old):
        (out / "catatan.txt").write_text("disimpan tepat saat penukaran")  # lands in what becomes the old folder
        moved = real(new, out, old)
        os.kill(os.getpid(), signal.SIGKILL)  # before the rescue and the clean-up
    swap._swap_in = swap_then_die
"""


def test_a_save_left_in_the_old_folder_by_a_killed_build_is_rescued_at_the_next_start(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write_sk(out, b"sk v1")
    assert _package_in_a_child(out, _DIE_BEFORE_RESCUE, b"sk v2") == -signal.SIGKILL
    assert any(p.name.startswith(".keluaran.lama-") for p in tmp_path.iterdir())
    _write_sk(out, b"sk v3")
    (stamp,) = list((out / "arsip").iterdir())
    assert stamp.name.endswith("-pulih")
    assert snapshot(stamp) == {"catatan.txt": b"disimpan tepat saat penukaran"}  # not the old generated SK
    assert not any(p.name.startswith(".keluaran.lama-") for p in tmp_path.iterdir())


def test_a_zip_held_open_is_a_warning_and_is_brought_up_to_date_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "keluaran"
    zpath = tmp_path / "keluaran.zip"
    _write(out, "v1")
    real = os.replace

    def zip_in_use(src: object, dst: object) -> None:
        if Path(str(dst)) == zpath:
            raise PermissionError(13, "The process cannot access the file because it is being used", str(dst))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(swap.os, "replace", zip_in_use)
    result = _write(out, "v2")
    assert [p.render("id") for p in result.warnings] == [
        f"peringatan: {zpath} tidak dapat diganti ([Errno 13] The process cannot access the file because it is being "
        f"used: '{zpath}'); folder {out} sudah baru, dan zip diperbarui pada build berikutnya"
    ]
    assert (out / "01-sk-pokja.docx").read_bytes() == docx("MENIMBANG", "sk v2")
    monkeypatch.undo()
    (out / "catatan.txt").write_text("x")
    with pytest.raises(RefusedError):  # even a refused build starts by repairing the zip
        _write(out, "v3")
    with zipfile.ZipFile(zpath) as zf:
        assert zf.read("01-sk-pokja.docx") == docx("MENIMBANG", "sk v2")
    assert not any(p.name.startswith(".keluaran.zip.") for p in tmp_path.iterdir())


def test_a_malformed_manifest_is_explained_in_english_too(tmp_path: Path) -> None:
    out = tmp_path / "keluaran"
    _write(out, "v1")
    (out / "manifest.json").write_bytes(b'{"documents": "all"}')
    with pytest.raises(RefusedError) as info:
        _write(out, "v2")
    assert [p.render("en") for p in info.value.problems] == [
        f"{out / 'manifest.json'}: manifest.json is damaged ('documents' is not a list), so siap cannot tell which "
        "documents were edited by hand; the build stopped and nothing was changed. Run again with --force to move "
        "everything in the folder into keluaran/arsip/ first"
    ]
