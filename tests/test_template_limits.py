"""A workspace's own template cannot hang or exhaust the machine: every attempt is one message, exit 1.

Each test has a timeout: if a limit regresses, the test fails instead of hanging CI.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assembler import sandbox
from assembler.render import RenderError, render_docx
from assembler.resources import TEMPLATES_DIR
from tests.conftest import run

pytestmark = pytest.mark.timeout(120)

NOTHING_WRITTEN = "Paket naskah tidak dibuat; tidak ada yang ditulis."


def override(workspace: Path, text: str) -> int:
    """The SK template with one more paragraph holding ``text``; returns that paragraph's number."""
    folder = workspace / "templates"
    folder.mkdir(exist_ok=True)
    doc = Document(str(TEMPLATES_DIR / "sk-pokja.docx"))
    doc.add_paragraph(text)
    doc.save(str(folder / "sk-pokja.docx"))
    return len(doc.paragraphs)


def build_sk(workspace: Path, *extra: str) -> tuple[int, list[str]]:
    out = workspace / "keluaran"
    code, _, err = run("build", str(workspace), "--only", "sk-pokja", *extra)
    assert not out.exists()
    return code, err.splitlines()


# --- found by the linter, with the tag's paragraph, before anything renders ----------------------------


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        (
            "{{ 9**99999999 }}",
            "tag «{{ 9**99999999 }}» meminta 9 ** 99999999, melampaui batas templat (4.096); "
            "tag seperti ini tidak diizinkan",
        ),
        (
            "{{ 'a'*10**9 }}",
            "tag «{{ 'a'*10**9 }}» meminta 'a' * 1000000000, melampaui batas templat (10.000.000); "
            "tag seperti ini tidak diizinkan",
        ),
        (
            "{% include 'kop.docx' %}",
            "tag «{% include 'kop.docx' %}» tidak diizinkan: templat tidak boleh memuat templat lain "
            "(include/import/extends); salin isi yang diperlukan ke templat ini",
        ),
        (
            "{% import 'makro.docx' as m %}",
            "tag «{% import 'makro.docx' as m %}» tidak diizinkan: templat tidak boleh memuat templat lain "
            "(include/import/extends); salin isi yang diperlukan ke templat ini",
        ),
        (
            "{{ lipsum(1000, False, 100000, 100000) }}",
            "tag «{{ lipsum(1000, False, 100000, 100000) }}» memakai 'lipsum', yang tidak tersedia dalam templat siap",
        ),
    ],
    ids=["power", "repetition", "include", "import", "lipsum"],
)
def test_hostile_tag_stops_the_build_naming_template_and_paragraph(contoh: Path, tag: str, message: str) -> None:
    n = override(contoh, tag)
    code, err = build_sk(contoh)
    assert code == 1
    assert err == [f"sk-pokja.docx: paragraf {n}: {message}", "1 kesalahan, 0 peringatan", NOTHING_WRITTEN]


def test_templates_check_finds_a_huge_power_without_hanging(contoh: Path) -> None:
    n = override(contoh, "{{ 9**99999999 }}")
    code, out, err = run("templates", "check", str(contoh / "templates"))
    assert code == 1
    assert err.splitlines()[0] == (
        f"sk-pokja.docx: paragraf {n}: tag «{{{{ 9**99999999 }}}}» meminta 9 ** 99999999, melampaui batas templat "
        "(4.096); tag seperti ini tidak diizinkan"
    )
    assert out == "1 templat diperiksa, 1 masalah.\n"


def test_hostile_tag_in_english(contoh: Path) -> None:
    n = override(contoh, "{% include 'kop.docx' %}")
    code, err = build_sk(contoh, "--lang", "en")
    assert code == 1
    assert err[0] == (
        f"sk-pokja.docx: paragraph {n}: tag «{{% include 'kop.docx' %}}» is not allowed: a template may not load "
        "other templates (include/import/extends); copy what it needs into it"
    )
    assert err[-1] == "No package was built; nothing was written."


# --- stopped while rendering ---------------------------------------------------------------------------


def test_nested_range_loops_stop_at_the_loop_budget(contoh: Path) -> None:
    override(contoh, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    code, err = build_sk(contoh)
    assert code == 1
    assert err == [
        "sk-pokja.docx: perulangan range() di templat seluruhnya melebihi 1.000.000 putaran; periksa perulangan "
        "bersarang",
        "1 kesalahan, 0 peringatan",
        NOTHING_WRITTEN,
    ]


def test_a_recursive_macro_is_a_message(contoh: Path) -> None:
    override(contoh, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")
    code, err = build_sk(contoh)
    assert code == 1
    assert err[0] == (
        "sk-pokja.docx: templat bersarang terlalu dalam: makro yang memanggil dirinya sendiri, atau tanda kurung dan "
        "tag yang bertumpuk terlalu banyak; periksa makro dan tag di templat"
    )


def test_a_loop_no_guard_sees_is_stopped_by_the_clock(contoh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two empty loops over a long string touch no counted operation: the watchdog stops them."""
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 1.0)
    override(contoh, "{% set s = 'x' * 1000000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}")
    code, err = build_sk(contoh)
    assert code == 1
    assert err == [
        "sk-pokja.docx: templat dihentikan setelah 1 detik belum selesai dirender; periksa perulangan dan makro di "
        "templat",
        "1 kesalahan, 0 peringatan",
        NOTHING_WRITTEN,
    ]


def _template(tmp_path: Path, text: str) -> Path:
    doc = Document()
    doc.add_paragraph(text)
    path = tmp_path / "uji.docx"
    doc.save(str(path))
    return path


def _message(tmp_path: Path, text: str) -> str:
    with pytest.raises(RenderError) as info:
        render_docx(_template(tmp_path, text), {})
    (problem,) = info.value.problems
    return problem.render()


SIZE = "di templat menghasilkan teks atau daftar lebih dari 10.000.000 karakter/butir; kurangi pengulangan di tag itu"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ f('ab', 40) }}",
            f"'ababababababababa...' ~ 'ababababababababa...' {SIZE}",
        ),
        (
            "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            f"'ababababababababa...' ~ 'ababababababababa...' {SIZE}",
        ),
        ("{% set s = 'ab' * 10 %}{{ s.center(10**9) }}", f"center(1000000000) {SIZE}"),
        ("{{ '%0999999999d' % 1 }}", f"'%0999999999d' {SIZE}"),
        ("{{ '{:>999999999}'.format(1) }}", f"'{{:>999999999}}' {SIZE}"),
        (
            "{{ ('a' * 100000)|replace('a', '" + "b" * 101 + "') }}",
            f"'aaaaaaaaaaaaaaaaa...'.replace('a', 'bbbbbbbbbbbbbbbbb...') {SIZE}",
        ),
        ("{{ [1]|batch(10**9, 0)|list }}", f"|batch(1000000000, 0) {SIZE}"),
        ("{{ range(10**9)|list }}", "range(1000000000) di templat melebihi 100.000 butir per perulangan"),
        ("{{ [[1] * 10**5] * 10**4 }}", f"<daftar 10000 butir> {SIZE}"),
        (
            "{% set x = [1] %}{% for i in range(40) %}{{ x.extend(x) }}{% endfor %}",
            "templat uji.docx: operasi yang tidak diizinkan dalam templat: access to attribute 'extend' of 'list' "
            "object is unsafe.",
        ),
        ("{{ 1 / 0 }}", "templat uji.docx: gagal dirender: ZeroDivisionError: division by zero"),
    ],
    ids=["macro-doubling", "namespace-doubling", "center", "percent-width", "format-width", "replace", "batch",
         "range", "printed-list", "list-extend", "zero-division"],
)
def test_render_refuses_before_allocating(tmp_path: Path, text: str, message: str) -> None:
    assert _message(tmp_path, text) == f"uji.docx: {message}"


def test_output_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_OUTPUT", 100_000)
    text = "{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}"
    assert _message(tmp_path, text) == (
        "uji.docx: hasil templat melebihi 100.000 karakter; periksa perulangan di templat"
    )


def test_reasonable_template_arithmetic_still_works(tmp_path: Path) -> None:
    text = (
        "{{ 2**10 }} {{ 'ab' * 3 }} {{ [1, 2]|join(', ') }} {% for i in range(3) %}{{ i }}{% endfor %} "
        "{{ '%05d' % 42 }} {{ '{:>4}'.format(7) }} {{ 'a' ~ 'b' }} {{ (45000000000 + 1)|string }} {{ 10 // 3 }}"
    )
    data = render_docx(_template(tmp_path, text), {})
    assert [p.text for p in Document(io.BytesIO(data)).paragraphs] == [
        "1024 ababab 1, 2 012 00042    7 ab 45000000001 3"
    ]


# --- files that are not templates ------------------------------------------------------------------------


def _bomb(path: Path) -> None:
    """A .docx whose document.xml inflates to 150 MB (a few hundred kB on disk)."""
    with zipfile.ZipFile(TEMPLATES_DIR / "sk-pokja.docx") as src, zipfile.ZipFile(
        path, "w", zipfile.ZIP_DEFLATED
    ) as dst:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                with dst.open("word/document.xml", "w", force_zip64=True) as f:
                    for _ in range(150):
                        f.write(b" " * 1_000_000)
            else:
                dst.writestr(info, src.read(info.filename))


def test_a_zip_bomb_says_what_is_wrong_once(contoh: Path) -> None:
    (contoh / "templates").mkdir()
    _bomb(contoh / "templates" / "sk-pokja.docx")
    with zipfile.ZipFile(contoh / "templates" / "sk-pokja.docx") as archive:
        megabytes = round(sum(i.file_size for i in archive.infolist()) / 1_000_000)
    assert 150 <= megabytes <= 152
    code, err = build_sk(contoh)
    assert code == 1
    assert err == [
        f"sk-pokja.docx: isi berkas ini mengembang menjadi {megabytes} MB saat dibuka (batas 100 MB); templat Word "
        "biasa jauh lebih kecil, jadi berkas ini rusak atau sengaja dibuat untuk menghabiskan memori ('bom zip'). "
        "Buat ulang templat dari templat bawaan",
        "1 kesalahan, 0 peringatan",
        NOTHING_WRITTEN,
    ]


def test_a_file_that_is_not_a_docx_is_reported_once(contoh: Path) -> None:
    folder = contoh / "templates"
    folder.mkdir()
    (folder / "sk-pokja.docx").write_text("ini bukan dokumen Word", encoding="utf-8")
    with zipfile.ZipFile(folder / "juklak-juknis.docx", "w") as archive:
        archive.writestr("catatan.txt", "arsip zip, bukan dokumen")
    (folder / "~$-pokja.docx").write_bytes(b"\x00" * 162)  # Word's lock file: not a template
    code, out, err = run("templates", "check", str(folder))
    assert code == 1
    assert err.splitlines() == [
        "juklak-juknis.docx: berkas ini arsip zip tetapi bukan dokumen Word: tidak ada word/document.xml di "
        "dalamnya; simpan templat dari Word sebagai 'Dokumen Word (*.docx)'",
        "sk-pokja.docx: berkas ini bukan dokumen Word (.docx): isinya bukan arsip .docx (mungkin dokumen .doc "
        "lama, berkas lain yang diberi nama .docx, atau berkas rusak); buka di Word lalu simpan sebagai 'Dokumen "
        "Word (*.docx)'",
        "2 kesalahan, 0 peringatan",
    ]
    assert out == "2 templat diperiksa, 2 masalah.\n"


def test_brackets_nested_thousands_deep_are_a_message(contoh: Path) -> None:
    tag = "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}"
    n = override(contoh, tag)
    code, err = build_sk(contoh)
    assert code == 1
    assert err[0] == (
        f"sk-pokja.docx: paragraf {n}: tag «{tag[:77]}…» bersarang terlalu dalam (terlalu banyak tanda kurung atau "
        "tag di dalam tag); sederhanakan tag itu"
    )
    code, _, err_text = run("templates", "check", str(contoh / "templates"))
    assert code == 1
    assert err_text.splitlines()[0] == err[0]


def test_an_opening_loop_tag_over_the_range_limit_is_found_by_the_linter(contoh: Path) -> None:
    n = override(contoh, "{% for i in range(10**9) %}{{ i }}{% endfor %}")
    code, _, err = run("templates", "check", str(contoh / "templates"))
    assert code == 1
    assert err.splitlines()[0] == (
        f"sk-pokja.docx: paragraf {n}: tag «{{% for i in range(10**9) %}}» meminta range(1000000000), melampaui "
        "batas templat (100.000); tag seperti ini tidak diizinkan"
    )


# --- random arithmetic: a message or a document, never a hang or a crash -----------------------------------

_ATOMS = st.sampled_from(
    ["0", "1", "-1", "2", "9", "10", "999999999", "10**9", "'a'", "'ab'", "[1]", "[1, 2]", "[[1] * 1000]",
     "'%09999999d'", "'{:>99999999}'", "1.5", "range(3)|list"]
)
_OPERATORS = st.sampled_from(["**", "*", "+", "~", "%", "//", "-"])
_WRAPS = st.sampled_from(
    ["({})", "({})|string", "({})|join(',')", "({})|batch(10**9)|list", "({})|replace('a', 'aaaaaaaaaa')",
     "({}).__class__", "range({})|list", "({})|length", "namespace(x={}).x"]
)


@st.composite
def _expressions(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 3 or draw(st.booleans()):
        expr = draw(_ATOMS)
    else:
        expr = f"{draw(_expressions(depth + 1))} {draw(_OPERATORS)} {draw(_expressions(depth + 1))}"
    if draw(st.integers(0, 3)) == 0:
        expr = draw(_WRAPS).format(expr)
    return expr


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(expression=_expressions())
def test_random_template_arithmetic_renders_or_is_one_message(tmp_path: Path, expression: str) -> None:
    path = _template(tmp_path, "{{ " + expression + " }}")
    try:
        data = render_docx(path, {})
    except RenderError as exc:
        (problem,) = exc.problems
        assert problem.file == "uji.docx"
        assert problem.code.startswith("render.")
    else:
        assert len(data) < 20_000_000


# A shot that lands in a gc callback is swallowed by Python ("Exception ignored in ..."): the render is then
# stopped by the deadline checks in its loops, which is what this test is about; the notice is expected.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_the_watchdog_never_fires_after_a_render_has_finished(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deadlines around the render's own length: each render ends in a document or the time message,
    and no late shot of the watchdog lands in the code that runs afterwards."""
    import time

    path = _template(tmp_path, "{% for i in range(2000) %}{{ i }}{% endfor %}")
    outcomes = set()
    for step in range(60):
        monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.001 * (step % 20))
        try:
            render_docx(path, {})
            outcomes.add("dokumen")
        except RenderError as exc:
            assert exc.problems[0].code == "render.limit.time"
            outcomes.add("waktu")
        end = time.monotonic() + 0.02
        while time.monotonic() < end:  # Python steps where a stray exception would surface
            sum(range(100))
    assert "waktu" in outcomes


_PROFILED_RENDER = """
import cProfile, sys
from pathlib import Path
from assembler.render import render_docx
with cProfile.Profile():
    for _ in range(2):
        render_docx(Path(sys.argv[1]), {})
print("selesai")
"""


def test_a_render_under_a_profiler_finishes(tmp_path: Path) -> None:
    """A developer profiling or debugging siap (cProfile, coverage, an IDE) must not see it hang.

    The watchdog's stand-down once cleared the render thread's pending exception even when none had
    been fired, and CPython 3.11 then spun for ever at the next traced step.
    """
    import subprocess
    import sys

    path = _template(tmp_path, "{% for i in range(20) %}{{ i }}{% endfor %}")
    done = subprocess.run(
        [sys.executable, "-c", _PROFILED_RENDER, str(path)], capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stdout) == (0, "selesai\n"), done.stderr


def test_a_docx_with_broken_xml_is_reported_once(contoh: Path) -> None:
    folder = contoh / "templates"
    folder.mkdir()
    with zipfile.ZipFile(TEMPLATES_DIR / "sk-pokja.docx") as src, zipfile.ZipFile(folder / "sk-pokja.docx", "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, data[:200] if info.filename == "word/document.xml" else data)
    code, out, err = run("templates", "check", str(folder))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 2 and lines[1] == "1 kesalahan, 0 peringatan"
    assert lines[0].startswith("sk-pokja.docx: berkas bukan dokumen Word (.docx) yang dapat dibaca: XMLSyntaxError: ")
    assert out == "1 templat diperiksa, 1 masalah.\n"


def test_strings_kept_alive_by_a_loop_stop_at_the_creation_budget(tmp_path: Path) -> None:
    """Each step is within the limits; together they would fill the memory."""
    text = (
        "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}"
        "{% set ns.l = ns.l + [('x' * 10**7) ~ i] %}{% endfor %}"
    )
    assert _message(tmp_path, text) == (
        "uji.docx: templat membuat teks dan daftar lebih dari 500.000.000 karakter/butir seluruhnya; periksa "
        "perulangan dan pengulangan teks di templat"
    )
