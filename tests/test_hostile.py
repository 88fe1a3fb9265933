"""Hostile and accidental input: pasted text, template syntax typed by users, arbitrary Unicode."""

from __future__ import annotations

import typing
import zipfile
from pathlib import Path
from typing import Any

import annotated_types
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pydantic import BaseModel, StringConstraints

from assembler.analysis.analisis import analyse
from assembler.build import build
from assembler.documents.builders import builder_for
from assembler.documents.registry import DOKUMEN
from assembler.docxnorm import normalize_docx
from assembler.models.base import id_kind, ref_kinds
from assembler.render import render_docx
from assembler.resources import TEMPLATES_DIR
from assembler.validate import validate_workspace
from tests.conftest import CONTOH, replace_in
from tests.helpers.docx_content import all_text, open_docx


def test_user_text_that_looks_like_a_template_stays_literal(contoh: Path, tmp_path: Path) -> None:
    path = contoh / "1.1-stakeholder-pokja.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("    peran: "))
    lines[first] = "    peran: '{{ 7*7 }} {% for x in y %} A & B <C> \"kutip\" — '\n"
    path.write_text("".join(lines), encoding="utf-8")
    replace_in(contoh / "stpp.yaml", "  ibu_kota: Sarimulya", "  ibu_kota: Sari{{ 7*7 }}mulya & <Kota>")
    result = build(contoh, tmp_path / "out", only=["sk-pokja", "kertas-kerja-tahap-1"])
    sk = all_text(tmp_path / "out" / "01-sk-pokja.docx")
    assert "Sari{{ 7*7 }}mulya & <Kota>" in sk
    assert "49" not in sk.split("Sari")[1][:10]
    tahap1 = next(d for d in result.built if d.id == "kertas-kerja-tahap-1")
    assert "{{ 7*7 }} {% for x in y %} A & B <C>" in all_text(tahap1.data)


def test_control_character_is_removed_and_the_docx_stays_valid(contoh: Path, tmp_path: Path) -> None:
    replace_in(contoh / "stpp.yaml", "  ibu_kota: Sarimulya", "  ibu_kota: Sari\x0bmulya")
    result = build(contoh, tmp_path / "out", only=["sk-pokja"])
    assert [w.render() for w in result.warnings if not w.code.startswith("konsistensi.")] == [
        "stpp.yaml:8:17: peringatan: karakter kendali tak terlihat (U+000B) dihapus dari teks"
    ]
    assert "Ditetapkan di Sarimulya" in all_text(tmp_path / "out" / "01-sk-pokja.docx")


def test_crlf_tabs_in_text_and_a_bom_work(contoh: Path, tmp_path: Path) -> None:
    path = contoh / "stpp.yaml"
    text = path.read_text(encoding="utf-8").replace("  ibu_kota: Sarimulya", '  ibu_kota: "Sari\\tmulya"')
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert validate_workspace(contoh).ok
    build(contoh, tmp_path / "out", only=["sk-pokja"])


# --- arbitrary Unicode in every free-text field --------------------------------------------------


def _is_free_text(info: Any) -> bool:
    """A plain text field: no id or reference, no pattern, no validator of a special form."""
    if id_kind(info.json_schema_extra) or ref_kinds(info.json_schema_extra):
        return False
    annotation = info.annotation
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if annotation is not str and args != [str]:
        return False
    return all(
        isinstance(m, (annotated_types.MinLen, annotated_types.MaxLen))
        or (isinstance(m, StringConstraints) and m.pattern is None)
        for m in info.metadata
    )


def _free_text_slots(model: BaseModel) -> list[tuple[BaseModel, str]]:
    slots: list[tuple[BaseModel, str]] = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, str) and _is_free_text(info):
            slots.append((model, name))
        for child in value if isinstance(value, list) else value.values() if isinstance(value, dict) else [value]:
            if isinstance(child, BaseModel):
                slots += _free_text_slots(child)
    return slots


_BASE = validate_workspace(CONTOH)

unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # surrogates cannot be encoded at all
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(unicode_text, min_size=7, max_size=7))
def test_arbitrary_unicode_in_every_free_text_field_gives_valid_documents(texts: list[str]) -> None:
    view = _BASE.view()
    models = [view.stpp, *view.topics.values()]
    slots = [slot for m in models for slot in _free_text_slots(m)]  # type: ignore[arg-type]
    assert len(slots) > 200
    originals = [getattr(m, n) for m, n in slots]
    try:
        for i, (model, name) in enumerate(slots):
            object.__setattr__(model, name, texts[i % len(texts)])
        for dokumen in DOKUMEN:
            builder = builder_for(dokumen.id)
            if builder is None:
                continue
            data = normalize_docx(render_docx(TEMPLATES_DIR / dokumen.template, builder(view, analyse(view), dokumen)))
            with zipfile.ZipFile(__import__("io").BytesIO(data)) as zf:
                for name in zf.namelist():
                    if name.endswith(".xml"):
                        etree.fromstring(zf.read(name))  # raises on invalid XML
            open_docx(data)
    finally:
        for (model, name), value in zip(slots, originals, strict=True):
            object.__setattr__(model, name, value)


def test_a_document_full_of_odd_unicode_converts_with_libreoffice(tmp_path: Path) -> None:
    from assembler.printing import convert_to_pdf

    view = _BASE.view()
    odd = "Ω≈ç√ ∫˜µ ≤≥÷ 田中さん ‮kanan‬ 👩‍👩‍👧 Zalgo z̷̢a̶l̸g̵o & <tag> \u00a0 ﷽"
    slots = _free_text_slots(view.topic("1.1"))
    originals = [getattr(m, n) for m, n in slots]
    try:
        for model, name in slots:
            object.__setattr__(model, name, odd)
        dokumen = next(d for d in DOKUMEN if d.id == "sk-pokja")
        builder = builder_for("sk-pokja")
        assert builder is not None
        path = tmp_path / "sk.docx"
        path.write_bytes(render_docx(TEMPLATES_DIR / dokumen.template, builder(view, analyse(view), dokumen)))
    finally:
        for (model, name), value in zip(slots, originals, strict=True):
            object.__setattr__(model, name, value)
    (pdf,) = convert_to_pdf([path], tmp_path / "pdf")
    assert pdf.stat().st_size > 1000


def test_dollar_signs_and_control_characters_in_picture_labels(contoh: Path, tmp_path: Path) -> None:
    path = contoh / "2.3-kesenjangan.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    nama: Tingkat kehilangan air (non-revenue water)",
        '    nama: "Biaya $x^$ per m³ \\x1b & <b>"',
    )
    path.write_text(text, encoding="utf-8")
    replace_in(
        contoh / "1.1-stakeholder-pokja.yaml",
        "      nama: Drs. Agus Prasetyo, M.Si.",
        '      nama: "Drs. Agus\\x1b $Prasetyo$ <M.Si.>"',
    )
    result = build(contoh, tmp_path / "out", only=["kertas-kerja-tahap-1", "kertas-kerja-tahap-2"])
    assert len(result.built) == 2
