"""Template linting: what a Word edit breaks is reported with the template file and the spot."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from docx import Document

from assembler.build import build
from assembler.cli import main
from assembler.errors import InvalidInputError
from assembler.resources import TEMPLATES_DIR
from assembler.template_lint import lint_template


def edited_sk(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    target = tmp_path / "sk-pokja.docx"
    doc = Document(str(TEMPLATES_DIR / "sk-pokja.docx"))
    edit(doc)
    doc.save(str(target))
    return target


def messages(path: Path, provided: dict[str, set[str]] | None = None) -> list[str]:
    return [p.render() for p in lint_template(path, provided)]


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES_DIR.glob("*.docx")))
def test_shipped_templates_are_clean(template: str) -> None:
    assert messages(TEMPLATES_DIR / template) == []


def test_curly_quotes_typed_by_word_are_reported(tmp_path: Path) -> None:
    def edit(doc):  # type: ignore[no-untyped-def]
        doc.paragraphs[1].runs[0].text = "{{ nomor | default(\u201c\u2026\u201d) }}"

    assert messages(edited_sk(tmp_path, edit)) == [
        "sk-pokja.docx: paragraf 2: tanda kutip lengkung di dalam tag (ketikan Word): "
        "«{{ nomor | default(\u201c\u2026\u201d) }}»; ganti dengan kutip lurus ' atau \""
    ]


def test_unclosed_tag_is_reported_with_its_paragraph(tmp_path: Path) -> None:
    def edit(doc):  # type: ignore[no-untyped-def]
        doc.paragraphs[3].runs[0].text = "{{ tentang "

    problems = messages(edited_sk(tmp_path, edit))
    assert problems[0] == "sk-pokja.docx: paragraf 4: tag '{{' tidak ditutup dalam paragraf yang sama: «{{ tentang»"
    assert problems[-1].startswith("sk-pokja.docx: susunan tag Jinja templat tidak sah:")


def test_tag_split_over_runs_with_different_formatting(tmp_path: Path) -> None:
    def edit(doc):  # type: ignore[no-untyped-def]
        p = doc.paragraphs[0]
        p.runs[0].text = "{{ jud"
        p.add_run("ul }}").bold = True

    assert messages(edited_sk(tmp_path, edit)) == [
        "sk-pokja.docx: paragraf 1: tag «{{ judul }}» terpecah ke 2 run Word dengan format berbeda; ketik ulang "
        "tag itu sekaligus agar formatnya seragam"
    ]


def test_row_loop_outside_a_table(tmp_path: Path) -> None:
    def edit(doc):  # type: ignore[no-untyped-def]
        doc.paragraphs[2].runs[0].text = "{%tr for x in diktum %}"
        doc.paragraphs[4].runs[0].text = "{%tr endfor %}"

    problems = messages(edited_sk(tmp_path, edit))
    assert problems[:2] == [
        "sk-pokja.docx: paragraf 3: tag «{%tr for x in diktum %}» hanya boleh berada di dalam baris tabel: "
        "«{%tr for x in diktum %}»",
        "sk-pokja.docx: paragraf 5: tag «{%tr endfor %}» hanya boleh berada di dalam baris tabel: «{%tr endfor %}»",
    ]


def test_variable_the_document_does_not_provide(tmp_path: Path) -> None:
    def edit(doc):  # type: ignore[no-untyped-def]
        doc.paragraphs[1].runs[0].text = "{{ nomer }}"

    provided = {"sk-pokja": set(_variables(TEMPLATES_DIR / "sk-pokja.docx"))}
    assert messages(edited_sk(tmp_path, edit), provided) == [
        "sk-pokja.docx: templat memakai variabel 'nomer' yang tidak disediakan naskah sk-pokja; yang tersedia: "
        + ", ".join(sorted(provided["sk-pokja"]))
    ]


def _variables(path: Path) -> set[str]:
    from assembler.render import make_environment
    from assembler.template_lint import template_variables

    return template_variables(path, make_environment())[0]


def test_a_broken_override_stops_the_build_naming_the_file(contoh: Path, tmp_path: Path) -> None:
    (contoh / "templates").mkdir()

    def edit(doc):  # type: ignore[no-untyped-def]
        doc.paragraphs[1].runs[0].text = "{{ nomor | default(\u201c\u2026\u201d) }}"

    shutil.copy(edited_sk(tmp_path, edit), contoh / "templates" / "sk-pokja.docx")
    with pytest.raises(InvalidInputError) as info:
        build(contoh, tmp_path / "out", only=["sk-pokja"])
    assert info.value.problems[0].file == "sk-pokja.docx"
    assert not (tmp_path / "out").exists()


def test_cli_templates_check_of_a_folder(contoh: Path, tmp_path: Path) -> None:
    folder = contoh / "templates"
    folder.mkdir()

    def edit(doc):  # type: ignore[no-untyped-def]
        doc.paragraphs[3].runs[0].text = "{{ tentang "

    shutil.copy(edited_sk(tmp_path, edit), folder / "sk-pokja.docx")
    out, err = io.StringIO(), io.StringIO()
    assert main(["templates", "check", str(folder)], stdout=out, stderr=err) == 1
    assert "sk-pokja.docx: paragraf 4: tag '{{' tidak ditutup" in err.getvalue()
    assert out.getvalue().strip() == "1 templat diperiksa, 2 masalah."
