"""The render cache (docs/dev/render-cache.md): a hit gives the very bytes a render gives, and only a hit
whose every input is unchanged; a change of one number renders exactly the documents that show it."""

from __future__ import annotations

import datetime as dt
import enum
import io
import multiprocessing
import os
import shutil
import struct
import sys
import zipfile
from collections import OrderedDict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from assembler import build as build_module
from assembler import docxnorm, render_cache
from assembler.build import build
from assembler.docxnorm import CoreProps
from assembler.pictures import common
from assembler.pictures.simbol_sop import Ubin
from assembler.render import Gambar
from tests.conftest import CONTOH
from tests.helpers.docx_content import all_text

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin",
    reason="parallel rendering only where fork exists and is safe",
)

#: A number of 4.6 (dampak_keuangan of one policy) that four documents print: Draft STPP, the stage-4 working
#: paper, the agreed STPP and its adopting instrument.
OLD, NEW = "dampak_keuangan: 2400000000", "dampak_keuangan: 2600000000"
OLD_TEXT, NEW_TEXT = "2.400.000.000", "2.600.000.000"
SHOWING_IT = {"draft-stpp", "kertas-kerja-tahap-4", "stpp", "penetapan-stpp"}


def _files(out: Path) -> dict[str, bytes]:
    """Every file of the package (documents, manifest, state folder) and OUT.zip beside it."""
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    files["OUT.zip"] = out.with_name(out.name + ".zip").read_bytes()
    return files


def _docs(out: Path) -> dict[str, bytes]:
    """The documents of a package by id (the manifest's file names)."""
    import json

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {d["id"]: (out / d["file"]).read_bytes() for d in manifest["documents"]}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A whole build of the example without the render cache, and the picture cache it filled."""
    tmp = tmp_path_factory.mktemp("reference")
    # A module fixture is made before the autouse one that forgets the pictures an earlier test drew in
    # this process; remembered pictures would never reach the folder this fixture hands out.
    common._MEMO.clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SIAP_CACHE_DIR", str(tmp / "cache"))
        mp.setenv("SIAP_RENDER_CACHE", "0")
        build(CONTOH, tmp / "out")
    assert not (tmp / "cache" / "naskah").exists()
    yield tmp / "out", tmp / "cache" / "gambar"


@pytest.fixture
def cache(tmp_path: Path, reference: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty render cache beside a filled picture cache (so that no test waits for pictures)."""
    folder = tmp_path / "cache"
    shutil.copytree(reference[1], folder / "gambar")
    monkeypatch.setenv("SIAP_CACHE_DIR", str(folder))
    monkeypatch.delenv("SIAP_RENDER_CACHE", raising=False)
    return folder


@pytest.fixture
def rendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Ids of the documents actually rendered (normalized) since the test began, in worker processes too.

    Each render ends in ``normalize_docx`` with the document's id as its subject; forked workers inherit
    the wrapper and append to the same file.
    """
    log = tmp_path / "rendered.log"
    log.write_text("")
    original = build_module.normalize_docx

    def normalize(data: bytes, props: CoreProps | None = None) -> bytes:
        assert props is not None
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(props.subject + "\n")
        return original(data, props)

    monkeypatch.setattr(build_module, "normalize_docx", normalize)
    ids: list[str] = []

    class Log(list[str]):
        def take(self) -> list[str]:
            """The ids rendered since the last call."""
            lines = log.read_text(encoding="utf-8").split()
            new = lines[len(ids) :]
            ids.extend(new)
            return sorted(new)

    yield Log()


def _fresh_process_state() -> None:
    """What a new siap process starts without: remembered pictures and compressed members."""
    common._MEMO.clear()
    docxnorm._DEFLATED.clear()


@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=needs_fork)])
def test_a_rebuild_renders_nothing_and_writes_the_same_bytes(
    jobs: str, tmp_path: Path, cache: Path, rendered: Any, reference: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """(a), (g): every file of the package, the state folder and OUT.zip equal to a build without the cache."""
    monkeypatch.setenv("SIAP_JOBS", jobs)
    expected = _files(reference[0])
    build(CONTOH, tmp_path / "first")
    assert len(rendered.take()) == len(_docs(reference[0])) == 41
    assert len(list((cache / "naskah").glob("*.bin"))) == 41
    _fresh_process_state()
    build(CONTOH, tmp_path / "second")
    assert rendered.take() == []
    for out in (tmp_path / "first", tmp_path / "second"):
        files = _files(out)
        assert list(files) == list(expected)
        for name, data in expected.items():
            assert files[name] == data, name


def test_one_changed_number_renders_exactly_the_documents_that_show_it(
    contoh: Path, tmp_path: Path, cache: Path, rendered: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(b): the four documents printing the number are rendered again and show the new value; 37 hit."""
    build(contoh, tmp_path / "before")
    rendered.take()
    before = _docs(tmp_path / "before")
    assert {i for i, data in before.items() if OLD_TEXT in all_text(data)} == SHOWING_IT
    path = contoh / "4.6-keuangan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW, 1), encoding="utf-8")
    _fresh_process_state()
    build(contoh, tmp_path / "after")
    assert rendered.take() == sorted(SHOWING_IT)
    after = _docs(tmp_path / "after")
    for doc_id in SHOWING_IT:
        text = all_text(after[doc_id])
        assert NEW_TEXT in text and OLD_TEXT not in text, doc_id
    assert {i for i in before if before[i] != after[i]} == SHOWING_IT
    # And nothing stale anywhere: the same package as a build that never saw the cache.
    monkeypatch.setenv("SIAP_RENDER_CACHE", "0")
    _fresh_process_state()
    build(contoh, tmp_path / "uncached")
    assert _files(tmp_path / "after") == _files(tmp_path / "uncached")


ONE = ["pertemuan-1.1"]


def _reword(template: Path, old: str, new: str) -> None:
    """Change a word of a template's text (a template a person edited in Word)."""
    with zipfile.ZipFile(template) as zin:
        members = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    xml = members["word/document.xml"].decode("utf-8")
    assert old in xml
    members["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members.items():
            zout.writestr(name, data)


def test_a_shipped_template_changed_is_a_miss(
    tmp_path: Path, cache: Path, rendered: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(c): the shipped template's bytes are in the key (an upgrade, or a developer's edit)."""
    shipped = tmp_path / "shipped"
    shutil.copytree(build_module.TEMPLATES_DIR, shipped)
    monkeypatch.setattr(build_module, "TEMPLATES_DIR", shipped)
    build(CONTOH, tmp_path / "a", ONE)
    build(CONTOH, tmp_path / "b", ONE)
    assert rendered.take() == ONE
    _reword(shipped / "pertemuan.docx", "KERANGKA ACUAN", "KERANGKA ACUAN KERJA")
    build(CONTOH, tmp_path / "c", ONE)
    assert rendered.take() == ONE
    assert "KERANGKA ACUAN KERJA" in all_text(tmp_path / "c" / "16-pertemuan-1.1.docx")


def test_a_workspace_template_is_keyed_by_its_bytes(
    contoh: Path, tmp_path: Path, cache: Path, rendered: Any
) -> None:
    """(c): the workspace's own template: a copy of the shipped one hits, an edited one misses."""
    build(contoh, tmp_path / "a", ONE)
    assert rendered.take() == ONE
    (contoh / "templates").mkdir()
    override = contoh / "templates" / "pertemuan.docx"
    shutil.copyfile(build_module.TEMPLATES_DIR / "pertemuan.docx", override)
    build(contoh, tmp_path / "b", ONE)
    assert rendered.take() == []  # same bytes, same document
    _reword(override, "KERANGKA ACUAN", "KERANGKA ACUAN KERJA")
    build(contoh, tmp_path / "c", ONE)
    assert rendered.take() == ONE
    assert "KERANGKA ACUAN KERJA" in all_text(tmp_path / "c" / "16-pertemuan-1.1.docx")
    build(contoh, tmp_path / "d", ONE)
    assert rendered.take() == []


def test_code_and_library_changes_are_misses(
    tmp_path: Path, cache: Path, rendered: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(c): another siap (code, content/, templates) or another docxtpl/lxml/... renders again."""
    build(CONTOH, tmp_path / "a", ONE)
    assert rendered.take() == ONE
    monkeypatch.setattr(render_cache, "code_hash", lambda: "another siap")
    build(CONTOH, tmp_path / "b", ONE)
    assert rendered.take() == ONE
    monkeypatch.setattr(render_cache, "environment", lambda: "docxtpl=99")
    build(CONTOH, tmp_path / "c", ONE)
    assert rendered.take() == ONE
    build(CONTOH, tmp_path / "d", ONE)
    assert rendered.take() == []


def test_the_code_hash_covers_every_shipped_file(tmp_path: Path) -> None:
    """(c): content/*.yaml (the italic terms, prose), templates and code are all in the code hash."""
    root = tmp_path / "assembler"
    shutil.copytree(render_cache.package_root(), root, ignore=shutil.ignore_patterns("__pycache__"))
    assert render_cache.fingerprint_files(root) == render_cache.code_hash()
    seen = {render_cache.fingerprint_files(root)}
    for name in ("content/istilah-asing.yaml", "templates_docx/pertemuan.docx", "docxnorm.py"):
        path = root / name
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        seen.add(render_cache.fingerprint_files(root))
        path.write_bytes(original)
    (root / "content" / "baru.yaml").write_text("a: 1\n")
    seen.add(render_cache.fingerprint_files(root))
    assert len(seen) == 5
    (root / "content" / "baru.yaml").unlink()
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    assert render_cache.fingerprint_files(root) == render_cache.code_hash()


def test_a_context_with_an_unknown_type_is_rendered_and_not_stored(
    tmp_path: Path, cache: Path, rendered: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(d): a value the canonical form cannot describe exactly is never a key."""
    builder_for = build_module.builder_for

    def with_a_set(doc_id: str) -> Any:
        builder = builder_for(doc_id)
        assert builder is not None
        return lambda *args: {**builder(*args), "tambahan": {"a", "b"}}

    monkeypatch.setattr(build_module, "builder_for", with_a_set)
    build(CONTOH, tmp_path / "a", ONE)
    build(CONTOH, tmp_path / "b", ONE)
    assert rendered.take() == ONE + ONE
    assert not (cache / "naskah").exists() or not list((cache / "naskah").iterdir())


def test_a_damaged_entry_is_a_miss_and_is_rewritten(
    tmp_path: Path, cache: Path, rendered: Any, reference: tuple[Path, Path]
) -> None:
    """(e): truncated, one byte changed, another key's entry under this name: each renders again, correctly."""
    only = ["pertemuan-1.1", "pertemuan-1.2", "pertemuan-2.1", "sk-pokja"]
    build(CONTOH, tmp_path / "a", only)
    assert rendered.take() == sorted(only)
    entries = sorted((cache / "naskah").glob("*.bin"))
    assert len(entries) == 4
    damaged = {_entry_id(e) for e in entries[:3]}
    blob = entries[0].read_bytes()
    entries[0].write_bytes(blob[: len(blob) // 2])
    blob = bytearray(entries[1].read_bytes())
    blob[len(blob) // 2] ^= 1
    entries[1].write_bytes(bytes(blob))
    shutil.copyfile(entries[3], entries[2])
    _fresh_process_state()
    build(CONTOH, tmp_path / "b", only)
    assert set(rendered.take()) == damaged
    docs, expected = _docs(tmp_path / "b"), _docs(reference[0])
    assert all(docs[i] == expected[i] for i in only)
    build(CONTOH, tmp_path / "c", only)
    assert rendered.take() == []


def _entry_id(entry: Path) -> str:
    """The document an intact entry holds (its core properties' subject)."""
    blob = entry.read_bytes()
    start = len(b"siap-naskah-1\n")
    (size,) = struct.unpack_from("<Q", blob, start + 36)  # after the key and the CRC
    data = blob[start + 52 : start + 52 + size]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        core = z.read("docProps/core.xml").decode()
    return core.split("<dc:subject>")[1].split("<")[0]


def test_two_builds_at_once_share_the_cache(tmp_path: Path, cache: Path, reference: tuple[Path, Path]) -> None:
    """Two builds writing the same entries at the same moment: both correct, every entry intact, no leftovers."""
    import subprocess

    only = ["pertemuan-1.1", "pertemuan-2.1", "kertas-kerja-tahap-1", "hubungan-antar-kebijakan"]
    env = {**os.environ, "SIAP_CACHE_DIR": str(cache)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "assembler", "build", str(CONTOH), "-o", str(tmp_path / f"out{i}"), "--only", *only],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        for i in range(2)
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err.decode()
    expected = _docs(reference[0])
    for i in range(2):
        docs = _docs(tmp_path / f"out{i}")
        assert all(docs[d] == expected[d] for d in only)
    entries = list((cache / "naskah").iterdir())
    assert len(entries) == len(only) and all(e.suffix == ".bin" for e in entries)
    assert all(render_cache.load(e.parent, bytes.fromhex(e.stem)) is not None for e in entries)


def test_no_cache_folder_means_no_render_cache(
    tmp_path: Path, rendered: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(f): ``SIAP_CACHE_DIR=`` empty: every build renders, nothing is read or written."""
    monkeypatch.setenv("SIAP_CACHE_DIR", "")
    assert render_cache.folder() is None
    monkeypatch.setattr(render_cache, "load", lambda *a: pytest.fail("read"))
    monkeypatch.setattr(render_cache, "store", lambda *a: pytest.fail("written"))
    build(CONTOH, tmp_path / "a", ONE)
    build(CONTOH, tmp_path / "b", ONE)
    assert rendered.take() == ONE + ONE


def test_the_render_cache_alone_can_be_turned_off(
    tmp_path: Path, cache: Path, rendered: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIAP_RENDER_CACHE", "0")
    build(CONTOH, tmp_path / "a", ONE)
    build(CONTOH, tmp_path / "b", ONE)
    assert rendered.take() == ONE + ONE
    assert not (cache / "naskah").exists()


# --- the canonical form --------------------------------------------------------------------------------


class Warna(enum.IntEnum):
    MERAH = 1


class Teks(str):
    pass


GAMBAR = Gambar(png=b"\x89PNG-a", lebar_mm=100.0, keterangan="Gambar 1")

#: Values a template tells apart (they print differently, or iterate differently): distinct keys each.
DISTINCT: list[Any] = [
    1, True, 1.0, "1", Decimal("1"), Decimal("1.0"), Decimal("1.00"), None, "", "None", 0, False, 0.0, -0.0,
    "a", Markup("a"), "<b>", Markup("<b>"), [1], (1,), [1, 2], [[1], 2], [1, [2]], ["ab"], ["a", "b"],
    {"a": 1, "b": 2}, {"b": 2, "a": 1}, {"a": "1"}, {"a1": ""}, {}, [], (), dt.date(2026, 1, 2), "2026-01-02",
    GAMBAR, Gambar(png=b"\x89PNG-b", lebar_mm=100.0, keterangan="Gambar 1"),
    Gambar(png=b"\x89PNG-a", lebar_mm=100.1, keterangan="Gambar 1"),
    Gambar(png=b"\x89PNG-a", lebar_mm=100.0, keterangan="Gambar 2"),
    Gambar(png=b"\x89PNG-a", lebar_mm=100.0, keterangan="Gambar 1", tinggi_mm=20.0),
    Ubin(10.0, 5.0), Ubin(10.0, 5.0, "proses"), Ubin(10.0, 5.0, kiri=True), Ubin(10.0, 5.0, kanan=True),
    b"abc", "s3:abc", "\ud800", "\ud801",
]


def test_distinct_values_have_distinct_canonical_forms() -> None:
    forms = [render_cache.canonical({"x": v}) for v in DISTINCT]
    assert len(set(forms)) == len(DISTINCT)
    assert render_cache.canonical({"x": Ubin(10.0, 5.0)}) == render_cache.canonical({"x": Ubin(10.0, 5.0)})


class Model:
    nilai = 1


def _cycle() -> list[Any]:
    a: list[Any] = []
    a.append(a)
    return a


@pytest.mark.parametrize(
    "value",
    [
        {1, 2}, frozenset(), dt.datetime(2026, 1, 2, 3, 4), Warna.MERAH, Teks("a"), OrderedDict(a=1), {1: "a"},
        Model(), object(), bytearray(b"a"), _cycle(), 1 + 2j, range(3),
    ],
    ids=lambda v: type(v).__name__,
)
def test_unknown_types_are_refused(value: Any) -> None:
    with pytest.raises(render_cache.UncacheableError):
        render_cache.canonical({"x": [value]})


def test_a_pydantic_model_is_refused() -> None:
    from assembler.validate import validate_workspace

    stpp = validate_workspace(CONTOH).view().stpp
    with pytest.raises(render_cache.UncacheableError):
        render_cache.canonical({"stpp": stpp})


# --- entries -------------------------------------------------------------------------------------------


def test_an_entry_round_trips_and_anything_else_is_a_miss(tmp_path: Path) -> None:
    key = bytes(range(32))
    data = _docx()
    packed = docxnorm.deflated(data)
    render_cache.store(tmp_path, key, data, packed)
    assert render_cache.load(tmp_path, key) == (data, packed)
    assert render_cache.load(tmp_path, bytes(32)) is None  # another key
    path = tmp_path / f"{key.hex()}.bin"
    path.write_bytes(path.read_bytes() + b"x")
    assert render_cache.load(tmp_path, key) is None
    path.write_bytes(b"")
    assert render_cache.load(tmp_path, key) is None
    render_cache.store(tmp_path, key, b"not a zip", (0, b""))
    assert render_cache.load(tmp_path, key) is None  # well framed, but no document
    assert not list(tmp_path.glob("*.tmp"))


def test_a_cache_that_cannot_be_written_does_not_stop_the_render(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    render_cache.store(blocked / "naskah", bytes(32), _docx(), (0, b""))  # no exception


def _docx() -> bytes:
    out = io.BytesIO()
    docxnorm.write_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}, out)
    return out.getvalue()


def test_trim_removes_the_least_recently_used_entries_and_stale_temporary_files(tmp_path: Path) -> None:
    for i in range(5):
        path = tmp_path / f"{i:064x}.bin"
        path.write_bytes(b"x" * 100)
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    stale, fresh = tmp_path / "a.1.tmp", tmp_path / "b.2.tmp"
    stale.write_bytes(b"x")
    os.utime(stale, (1_000_000, 1_000_000))
    fresh.write_bytes(b"x")
    render_cache.trim(tmp_path, limit=250)
    assert sorted(p.name[-5:] for p in tmp_path.glob("*.bin")) == ["3.bin", "4.bin"]
    assert not stale.exists() and fresh.exists()
