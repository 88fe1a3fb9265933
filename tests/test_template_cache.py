"""The template cache (docs/dev/render-cache.md, "Template cache"): a prepared template read back from the
cache folder renders the very bytes a fresh one does; a changed, damaged or failing template is never
served from it; and the example builds byte-identically with it cold, warm and off."""

from __future__ import annotations

import io
import multiprocessing
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docxtpl import DocxTemplate

from assembler import render, render_cache, template_cache
from assembler.build import build
from assembler.docxnorm import CoreProps, normalize_docx
from assembler.pictures import common
from assembler.render import RenderError
from assembler.render import render_docx as _render_raw
from tests.conftest import CONTOH

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin",
    reason="forked render workers only where fork exists and is safe",
)


def _template(tmp_path: Path, *lines: str, name: str = "uji.docx") -> Path:
    """A tiny template, one run per paragraph, with a header holding a tag (two parts to prepare)."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Kepala {{ a }}"
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / name
    doc.save(str(path))
    return path


def render_docx(template: Path | str, context: dict[str, Any], **kwargs: Any) -> bytes:
    """The document as a build writes it (normalized: the raw zip carries the clock's time)."""
    return normalize_docx(_render_raw(template, context, **kwargs), CoreProps(title="Uji"))


def _texts(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


class Counts:
    """How many times a template was really prepared (patched by docxtpl, compiled by Jinja)."""

    def __init__(self) -> None:
        self.patched = 0
        self.compiled = 0


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> Counts:
    seen = Counts()
    patch_xml, compile_ = DocxTemplate.patch_xml, render._CachingEnvironment.compile

    def counting_patch(self: Any, src_xml: str) -> str:
        seen.patched += 1
        result: str = patch_xml(self, src_xml)
        return result

    def counting_compile(self: Any, source: Any, *args: Any, **kwargs: Any) -> Any:
        seen.compiled += 1
        return compile_(self, source, *args, **kwargs)

    monkeypatch.setattr(DocxTemplate, "patch_xml", counting_patch)
    monkeypatch.setattr(render._CachingEnvironment, "compile", counting_compile)
    return seen


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SIAP_CACHE_DIR", str(folder))
    monkeypatch.delenv("SIAP_TEMPLATE_CACHE", raising=False)
    monkeypatch.delenv("SIAP_RENDER_CACHE", raising=False)
    return folder / "templat"


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process prepared (a new build starts with empty in-process caches)."""
    monkeypatch.setattr(render, "_ENV", None)
    monkeypatch.setattr(render, "_TEMPLATE_CLASS", None)


def _entries(folder: Path, magic: bytes) -> list[Path]:
    return sorted(p for p in folder.glob("*.bin") if p.read_bytes().startswith(magic)) if folder.is_dir() else []


CONTEXT = {"a": "PT Air & <Co>", "b": [1, 2, 3], "n": 1234567}
LINES = ("Awal {{ a }} akhir", "{% for x in b %}[{{ x }}]{% endfor %}", "Jumlah {{ n | rupiah }}")


def test_a_hit_renders_the_bytes_of_a_miss_and_of_no_cache(
    tmp_path: Path, cache: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _template(tmp_path, *LINES)
    _new_process(monkeypatch)
    miss = render_docx(path, CONTEXT)
    cold = (counts.patched, counts.compiled)
    assert cold[0] == 2 and cold[1] >= 2  # body and header patched; those and the core properties compiled
    assert len(_entries(cache, template_cache.MAGIC_XML)) == 2
    assert len(_entries(cache, template_cache.MAGIC_CODE)) == cold[1]

    _new_process(monkeypatch)
    hit = render_docx(path, CONTEXT)
    assert (counts.patched, counts.compiled) == cold  # nothing prepared again: all from the folder
    assert hit == miss
    assert _texts(hit) == ["Awal PT Air & <Co> akhir", "[1][2][3]", "Jumlah Rp1.234.567"]

    monkeypatch.setenv("SIAP_CACHE_DIR", "")
    _new_process(monkeypatch)
    assert render_docx(path, CONTEXT) == miss
    assert counts.compiled == 2 * cold[1]


@pytest.mark.parametrize("switch", [("SIAP_CACHE_DIR", ""), ("SIAP_TEMPLATE_CACHE", "0")])
def test_cache_off_writes_and_reads_nothing(
    tmp_path: Path, cache: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch, switch: tuple[str, str]
) -> None:
    path = _template(tmp_path, *LINES)
    _new_process(monkeypatch)
    cached = render_docx(path, CONTEXT)
    monkeypatch.setenv(*switch)
    before = sorted(cache.iterdir())
    for _ in range(2):
        _new_process(monkeypatch)
        compiled = counts.compiled
        assert render_docx(path, CONTEXT) == cached
        assert counts.compiled > compiled  # compiled again: the folder was not read
    assert sorted(cache.iterdir()) == before


def test_the_render_cache_switch_leaves_the_template_cache_on(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIAP_RENDER_CACHE", "0")
    _new_process(monkeypatch)
    render_docx(_template(tmp_path, *LINES), CONTEXT)
    assert _entries(cache, template_cache.MAGIC_CODE)


def test_a_changed_template_is_not_served_the_old_one(
    tmp_path: Path, cache: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same tags, other text: a key that ignored the source would print the first template's words."""
    first = _template(tmp_path, "Rapat pertama {{ a }}", name="satu.docx")
    second = _template(tmp_path, "Rapat kedua {{ a }}", name="dua.docx")
    _new_process(monkeypatch)
    render_docx(first, {"a": "x"})
    _new_process(monkeypatch)
    compiled = counts.compiled
    assert _texts(render_docx(second, {"a": "x"})) == ["Rapat kedua x"]
    assert counts.compiled > compiled
    _new_process(monkeypatch)
    assert _texts(render_docx(first, {"a": "y"})) == ["Rapat pertama y"]


def test_keys_differ_by_source_kind_and_settings() -> None:
    base = template_cache.key("code", "{{ a }}", "s")
    assert template_cache.key("code", "{{ b }}", "s") != base
    assert template_cache.key("xml", "{{ a }}", "s") != base
    assert template_cache.key("code", "{{ a }}", "t") != base
    env = render.make_environment()
    settings = template_cache.compile_settings(env)
    assert settings is not None and "autoescape=True" in settings and "rupiah" in settings
    other = render._new_environment()
    other.filters.pop("rupiah")
    assert template_cache.compile_settings(other) != settings


def _damage(entry: Path, how: str, other: bytes) -> None:
    blob = entry.read_bytes()
    if how == "truncated":
        entry.write_bytes(blob[: len(blob) // 2])
    elif how == "flipped":
        middle = len(blob) // 2
        entry.write_bytes(blob[:middle] + bytes([blob[middle] ^ 1]) + blob[middle + 1 :])
    elif how == "empty":
        entry.write_bytes(b"")
    else:  # another entry's bytes under this entry's name: its key does not match
        entry.write_bytes(other)


@pytest.mark.parametrize("how", ["truncated", "flipped", "empty", "foreign"])
def test_a_damaged_entry_is_a_miss_and_is_rewritten(
    tmp_path: Path, cache: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    path = _template(tmp_path, *LINES)
    _new_process(monkeypatch)
    good = render_docx(path, CONTEXT)
    cold = (counts.patched, counts.compiled)
    entries = sorted(cache.glob("*.bin"))
    intact = {p: p.read_bytes() for p in entries}
    for n, entry in enumerate(entries):
        _damage(entry, how, intact[entries[(n + 1) % len(entries)]])
    _new_process(monkeypatch)
    assert render_docx(path, CONTEXT) == good
    assert (counts.patched, counts.compiled) == (2 * cold[0], 2 * cold[1])  # every one prepared again
    assert {p: p.read_bytes() for p in entries} == intact  # rewritten as they were


def test_a_well_framed_entry_holding_no_code_is_a_miss(
    tmp_path: Path, cache: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _template(tmp_path, *LINES)
    _new_process(monkeypatch)
    good = render_docx(path, CONTEXT)
    cold = counts.compiled
    for entry in _entries(cache, template_cache.MAGIC_CODE):
        template_cache.store(cache, bytes.fromhex(entry.stem), template_cache.MAGIC_CODE, b"\x00not marshal")
    for entry in _entries(cache, template_cache.MAGIC_XML):
        template_cache.store(cache, bytes.fromhex(entry.stem), template_cache.MAGIC_XML, b"\xff\xfe")
    _new_process(monkeypatch)
    assert render_docx(path, CONTEXT) == good
    assert counts.compiled == 2 * cold


@pytest.mark.parametrize("lines", [("Baik {{ a }}", "{{ a }", "{% if %}"), ("{{ a | tidak_ada }}",)])
def test_a_template_error_is_reported_the_same_and_never_stored(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, lines: tuple[str, ...]
) -> None:
    path = _template(tmp_path, *lines)

    def message() -> list[str]:
        _new_process(monkeypatch)
        with pytest.raises(RenderError) as info:
            render_docx(path, {"a": 1}, name="rusak.docx")
        return [p.render(lang) for p in info.value.problems for lang in ("id", "en")]

    monkeypatch.setenv("SIAP_CACHE_DIR", "")
    without = message()
    assert "rusak.docx" in without[0]
    monkeypatch.setenv("SIAP_CACHE_DIR", str(cache.parent))
    assert message() == without
    assert _entries(cache, template_cache.MAGIC_CODE) == []  # the body failed first: nothing compiled is kept
    assert message() == without  # and the next build reports it again


def test_a_syntax_error_keeps_its_line(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _template(tmp_path, "Baik {{ a }}", "Baik juga", "{% if %}")
    lines = []
    for folder in ("", str(cache.parent), str(cache.parent)):
        monkeypatch.setenv("SIAP_CACHE_DIR", folder)
        _new_process(monkeypatch)
        with pytest.raises(RenderError) as info:
            render_docx(path, {"a": 1}, name="rusak.docx")
        problem = info.value.problems[0]
        assert problem.code == "render.syntax"
        lines.append(problem.params["baris"])
    assert lines == [4, 4, 4]  # docxtpl puts each paragraph on its own line, after the body's opening
    assert _entries(cache, template_cache.MAGIC_CODE) == []


def test_a_runtime_error_from_cached_code_is_blamed_on_the_template(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _template(tmp_path, "Bagi {{ 1 / n }}")
    messages = []
    for _ in range(2):  # a miss, then a hit: the code keeps its "<template>" file name
        _new_process(monkeypatch)
        with pytest.raises(RenderError) as info:
            render_docx(path, {"a": 1, "n": 0}, name="bagi.docx")
        messages.append(info.value.problems[0].render("en"))
    assert messages[0] == messages[1]
    assert "ZeroDivisionError" in messages[0]


def _render_in_child(path: str, folder: str, queue: Any) -> None:
    import os

    os.environ["SIAP_CACHE_DIR"] = folder
    render._ENV = None
    render._TEMPLATE_CLASS = None
    queue.put(render_docx(path, CONTEXT))


@needs_fork
def test_forked_renders_at_once_share_the_folder(tmp_path: Path, cache: Path) -> None:
    path = _template(tmp_path, *LINES)
    reference = render_docx(path, CONTEXT)  # the cache is on: warms nothing the children share in memory
    for entry in cache.glob("*.bin"):
        entry.unlink()
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    children = [ctx.Process(target=_render_in_child, args=(str(path), str(cache.parent), queue)) for _ in range(4)]
    for child in children:
        child.start()
    results = [queue.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=120)
        assert child.exitcode == 0
    assert results == [reference] * 4
    entries = sorted(cache.glob("*.bin"))
    assert len(entries) >= 4 and not list(cache.glob("*.tmp"))
    for entry in entries:
        magic = template_cache.MAGIC_CODE if entry.read_bytes().startswith(template_cache.MAGIC_CODE) else b""
        magic = magic or template_cache.MAGIC_XML
        assert template_cache.load(cache, bytes.fromhex(entry.stem), magic) is not None


def test_trim_keeps_the_folder_under_its_limit(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _template(tmp_path, *LINES)
    _new_process(monkeypatch)
    render_docx(path, CONTEXT)
    assert list(cache.glob("*.bin"))
    template_cache.trim(limit=0)
    assert not list(cache.glob("*.bin"))


def test_the_build_s_trim_trims_the_template_folder_too(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new_process(monkeypatch)
    render_docx(_template(tmp_path, *LINES), CONTEXT)
    entries = sorted(cache.glob("*.bin"))
    render_cache.trim()  # what build calls after its render step
    assert sorted(cache.glob("*.bin")) == entries  # far under the limit
    monkeypatch.setenv("SIAP_RENDER_CACHE", "0")  # the render cache's switch does not stop it
    monkeypatch.setattr(template_cache, "LIMIT_BYTES", sum(p.stat().st_size for p in entries) - 1)
    render_cache.trim()
    assert 0 < len(list(cache.glob("*.bin"))) < len(entries)


def _files(out: Path) -> dict[str, bytes]:
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    files["OUT.zip"] = out.with_name(out.name + ".zip").read_bytes()
    return files


@pytest.fixture
def counted_builds(monkeypatch: pytest.MonkeyPatch, counts: Counts) -> Iterator[Counts]:
    monkeypatch.setenv("SIAP_JOBS", "1")  # in this process: the counts see every compile
    monkeypatch.setenv("SIAP_RENDER_CACHE", "0")
    yield counts


def test_the_example_builds_the_same_bytes_cold_warm_and_without_the_cache(
    tmp_path: Path, cache: Path, counted_builds: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    def one(name: str) -> dict[str, bytes]:
        _new_process(monkeypatch)
        common._MEMO.clear()
        out = tmp_path / name
        build(CONTOH, out)
        return _files(out)

    cold = one("cold")
    compiled_cold = counted_builds.compiled
    assert compiled_cold > 20 and len(_entries(cache, template_cache.MAGIC_CODE)) == compiled_cold
    warm = one("warm")
    assert counted_builds.compiled == compiled_cold  # every template from the folder
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        monkeypatch.setenv("SIAP_JOBS", "2")  # forked render workers, each reading the folder
        parallel = one("parallel")
        assert parallel == warm
        monkeypatch.setenv("SIAP_JOBS", "1")
    monkeypatch.setenv("SIAP_CACHE_DIR", "")
    off = one("off")
    assert counted_builds.compiled == 2 * compiled_cold
    assert cold.keys() == warm.keys() == off.keys()
    assert [n for n in off if cold[n] != off[n] or warm[n] != off[n]] == []
