"""``siap templates check``: find what will break a .docx template before a build does.

Templates get edited in Word, which splits tags into several runs, types curly quotes, and lets a
row-loop tag wander out of its table. Each finding names the template file and the paragraph or
table cell (with its text) so the person who edited it can find the spot in Word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from jinja2 import TemplateSyntaxError, meta

from assembler.errors import Problem
from assembler.messages import register

register(
    {
        "lint.open_tag": (
            "{where}: tag '{tag}' tidak ditutup dalam paragraf yang sama: «{text}»",
            "{where}: tag '{tag}' is not closed within the same paragraph: «{text}»",
        ),
        "lint.smart_quote": (
            "{where}: tanda kutip lengkung di dalam tag (ketikan Word): «{tag}»; ganti dengan kutip lurus ' atau \"",
            "{where}: curly quotes inside a tag (typed by Word): «{tag}»; use straight quotes ' or \"",
        ),
        "lint.split_tag": (
            "{where}: tag «{tag}» terpecah ke {runs} run Word dengan format berbeda; ketik ulang tag itu "
            "sekaligus agar formatnya seragam",
            "{where}: tag «{tag}» is split over {runs} Word runs with different formatting; retype the tag "
            "in one go so its formatting is uniform",
        ),
        "lint.structural_outside": (
            "{where}: tag «{tag}» hanya boleh berada di dalam {place}: «{text}»",
            "{where}: tag «{tag}» belongs inside {place}: «{text}»",
        ),
        "lint.structural_not_alone": (
            "{where}: tag «{tag}» harus sendirian di paragrafnya; teks lain di paragraf itu akan hilang: «{text}»",
            "{where}: tag «{tag}» must be alone in its paragraph; other text there is lost: «{text}»",
        ),
        "lint.tag_syntax": (
            "{where}: tag «{tag}» tidak sah: {detail}",
            "{where}: invalid tag «{tag}»: {detail}",
        ),
        "lint.template_syntax": (
            "susunan tag Jinja templat tidak sah: {detail}",
            "the template's Jinja tags do not nest correctly: {detail}",
        ),
        "lint.unknown_variable": (
            "templat memakai variabel '{name}' yang tidak disediakan naskah {doc}; yang tersedia: {available}",
            "the template uses variable '{name}', which document {doc} does not provide; available: {available}",
        ),
        "lint.unreadable": (
            "berkas bukan dokumen Word (.docx) yang dapat dibaca: {detail}",
            "not a readable Word (.docx) document: {detail}",
        ),
        "lint.where.paragraph": ("paragraf {n}", "paragraph {n}"),
        "lint.where.cell": ("tabel {t} baris {r} kolom {c}", "table {t} row {r} column {c}"),
        "lint.where.header": ("kepala/kaki halaman, paragraf {n}", "header/footer, paragraph {n}"),
        "lint.place.row": ("baris tabel", "a table row"),
        "lint.place.cell": ("sel tabel", "a table cell"),
    }
)

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENERS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))
_SMART = re.compile("[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb]")
# docxtpl consumes these cell directives before Jinja runs; they may share a paragraph with a loop tag.
_CELL_DIRECTIVE = re.compile(r"\{%\s*(colspan|cellbg)\s[^%]*%\}")
_STRUCTURAL = re.compile(r"^\{[{%]-?\s*(tr|tc|p|r)\s")


@dataclass(frozen=True)
class _Para:
    where: tuple[str, dict[str, Any]]
    text: str
    runs: list[tuple[str, str]]  # (text, formatting fingerprint)
    in_row: bool
    in_cell: bool


def _fingerprint(run_el: Any) -> str:
    rpr = run_el.find(qn("w:rPr"))
    if rpr is None:
        return ""
    from lxml import etree

    # Spelling marks and the like do not change what a reader sees; fonts, bold and size do.
    keep = [c for c in rpr if c.tag not in (qn("w:lang"), qn("w:noProof"), qn("w:rStyle"))]
    return "".join(etree.tostring(c, encoding="unicode") for c in keep)


def _paragraphs(doc: Any) -> Iterator[_Para]:
    body = doc.element.body
    tables = list(body.iter(qn("w:tbl")))
    table_index = {id(t): i + 1 for i, t in enumerate(tables)}
    n = 0
    for p in body.iter(qn("w:p")):
        runs = []
        for r in p.iter(qn("w:r")):
            text = "".join(t.text or "" for t in r.iter(qn("w:t")))
            if text:
                runs.append((text, _fingerprint(r)))
        text = "".join(t for t, _ in runs)
        cell = next((a for a in p.iterancestors(qn("w:tc"))), None)
        row = next((a for a in p.iterancestors(qn("w:tr"))), None)
        if cell is not None and row is not None:
            tbl = next(a for a in p.iterancestors(qn("w:tbl")))
            rows = list(tbl.iterchildren(qn("w:tr")))
            cells = list(row.iterchildren(qn("w:tc")))
            where = (
                "lint.where.cell",
                {"t": table_index.get(id(tbl), "?"), "r": rows.index(row) + 1, "c": cells.index(cell) + 1},
            )
        else:
            n += 1
            where = ("lint.where.paragraph", {"n": n})
        yield _Para(where, text, runs, row is not None, cell is not None)
    for section in doc.sections:
        for part in (section.header, section.footer):
            for i, p in enumerate(part._element.iter(qn("w:p")), 1):
                runs = [("".join(t.text or "" for t in r.iter(qn("w:t"))), _fingerprint(r)) for r in p.iter(qn("w:r"))]
                yield _Para(("lint.where.header", {"n": i}), "".join(t for t, _ in runs), runs, False, False)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "…"


def lint_paragraphs(path: Path, env: Any) -> list[Problem]:
    """Problems visible paragraph by paragraph (what Word editing typically breaks)."""
    from assembler.messages import Localized, format_message

    problems: list[Problem] = []
    try:
        doc = Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a broken file
        return [Problem("lint.unreadable", {"detail": str(exc)}, file=path.name)]

    def add(code: str, para: _Para, **params: Any) -> None:
        key, where_params = para.where
        where = Localized(format_message(key, where_params, "id"), format_message(key, where_params, "en"))
        problems.append(Problem(code, {"where": where, "text": _short(para.text), **params}, file=path.name))

    for para in _paragraphs(doc):
        text = para.text
        if "{" not in text:
            continue
        stripped = _TAG.sub("", text)
        for opener, _closer in _OPENERS:
            if opener in stripped:
                add("lint.open_tag", para, tag=opener)
        for match in _TAG.finditer(text):
            tag = match.group(0)
            if _SMART.search(tag):
                add("lint.smart_quote", para, tag=tag)
                continue
            runs = _runs_of(para.runs, match.start(), match.end())
            if len({fp for _, fp in runs}) > 1:
                add("lint.split_tag", para, tag=tag, runs=len(runs))
            structural = _STRUCTURAL.match(tag)
            if structural:
                kind = structural.group(1)
                if kind == "tr" and not para.in_row:
                    add("lint.structural_outside", para, tag=tag, place=Localized("baris tabel", "a table row"))
                elif kind == "tc" and not para.in_cell:
                    add("lint.structural_outside", para, tag=tag, place=Localized("sel tabel", "a table cell"))
                elif kind in ("p", "tr", "tc") and _CELL_DIRECTIVE.sub("", text).strip() != tag.strip():
                    add("lint.structural_not_alone", para, tag=tag)
                tag = tag.replace(f"{{%{kind} ", "{% ", 1).replace(f"{{{{{kind} ", "{{ ", 1)
            detail = _tag_syntax(tag, env)
            if detail:
                add("lint.tag_syntax", para, tag=match.group(0), detail=detail)
    return problems


def _runs_of(runs: list[tuple[str, str]], start: int, end: int) -> list[tuple[str, str]]:
    out, pos = [], 0
    for text, fp in runs:
        if pos < end and pos + len(text) > start:
            out.append((text, fp))
        pos += len(text)
    return out


_BLOCK_KEYWORDS = ("for", "endfor", "if", "elif", "else", "endif", "set", "with", "endwith", "macro", "endmacro")


def _tag_syntax(tag: str, env: Any) -> str | None:
    """Parse an expression tag on its own; block tags are checked as a whole template instead."""
    if not tag.startswith("{{"):
        return None
    try:
        env.parse(tag)
    except TemplateSyntaxError as exc:
        return exc.message or str(exc)
    return None


def template_variables(path: Path, env: Any) -> tuple[set[str], Problem | None]:
    """Top-level variables after docxtpl's own preparation, or the syntax error that prevents it."""
    from docxtpl import DocxTemplate

    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
        xml = tpl.patch_xml(tpl.get_xml())
        sources = [xml]
        for _uri, part in [*tpl.get_headers_footers(tpl.HEADER_URI), *tpl.get_headers_footers(tpl.FOOTER_URI)]:
            sources.append(tpl.patch_xml(tpl.get_part_xml(part)))
        names: set[str] = set()
        for source in sources:
            names |= meta.find_undeclared_variables(env.parse(source))
        return names, None
    except TemplateSyntaxError as exc:
        return set(), Problem("lint.template_syntax", {"detail": exc.message or str(exc)}, file=path.name)
    except Exception as exc:
        return set(), Problem("lint.unreadable", {"detail": str(exc)}, file=path.name)


def lint_template(path: Path, provided: Mapping[str, set[str]] | None = None) -> list[Problem]:
    """Every problem of one template; ``provided`` maps document ids to the context keys they supply."""
    from assembler.render import make_environment

    env = make_environment()
    problems = lint_paragraphs(path, env)
    names, syntax = template_variables(path, env)
    if syntax is not None:
        problems.append(syntax)
    for doc_id, keys in sorted((provided or {}).items()):
        for name in sorted(names - keys):
            problems.append(
                Problem(
                    "lint.unknown_variable",
                    {"name": name, "doc": doc_id, "available": ", ".join(sorted(keys)) or "-"},
                    file=path.name,
                )
            )
    return problems


def provided_keys(workspace: Path) -> dict[str, dict[str, set[str]]]:
    """For each template file name: the context keys each document built with it provides.

    Contexts come from ``workspace`` (the example workspace when checking the shipped templates).
    """
    from assembler.analysis.analisis import analyse
    from assembler.documents.builders import builder_for
    from assembler.documents.registry import DOKUMEN
    from assembler.facade import check

    report = check(workspace)
    view = report.result.view()
    analisis = analyse(view)
    statuses = {s.dokumen.id: s for s in report.documents}
    out: dict[str, dict[str, set[str]]] = {}
    for dokumen in DOKUMEN:
        builder = builder_for(dokumen.id)
        if builder is None or not statuses[dokumen.id].buildable:
            continue
        out.setdefault(dokumen.template, {})[dokumen.id] = set(builder(view, analisis, dokumen))
    return out


def check_templates(paths: list[Path], workspace: Path) -> list[Problem]:
    """Lint ``paths``; variables are checked against what ``workspace``'s documents provide."""
    keys = provided_keys(workspace) if workspace.is_dir() else {}
    problems: list[Problem] = []
    for path in paths:
        problems += lint_template(path, keys.get(path.name))
    return problems
