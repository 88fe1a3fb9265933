"""``siap init`` forms: every key explained, valid as created, and a real YAML structure once uncommented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from assembler.scaffold import SCHEMA_DIR, init_workspace, render_form
from assembler.schema import models, schema_name


@pytest.mark.parametrize(("file", "model", "title"), models(), ids=[m[0] for m in models()])
def test_form_is_only_comments_and_explains_every_key(file: str, model: type, title: str) -> None:
    form = render_form(file, model, title)
    lines = form.splitlines()
    assert lines[0] == f"# yaml-language-server: $schema={SCHEMA_DIR}/{schema_name(file)}"
    assert all(not line.strip() or line.lstrip().startswith("#") for line in lines)
    key_lines = [i for i, line in enumerate(lines) if re.match(r"^\s*# (- )?[a-z_0-9]+:", line)]
    assert key_lines

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip())

    def explained(i: int) -> bool:
        # A field has its own '## ' text; a key of a mapping (a checklist cell, a year) is explained by
        # the field that holds the mapping.
        if lines[i - 1].lstrip().startswith("## "):
            return True
        parent = next((j for j in range(i - 1, -1, -1) if j in key_lines and indent(lines[j]) < indent(lines[i])), None)
        return parent is not None and explained(parent)

    for i in key_lines:
        assert explained(i), f"no explanation above: {lines[i]}"


@pytest.mark.parametrize(("file", "model", "title"), models(), ids=[m[0] for m in models()])
def test_uncommented_form_is_yaml_with_the_model_keys(file: str, model: type, title: str) -> None:
    body = render_form(file, model, title).split("\n\n", 1)[1]  # after the header comment block
    uncommented = "\n".join(
        re.sub(r"^(\s*)# ", r"\1", line) for line in body.splitlines() if not line.lstrip().startswith("##")
    )
    data = yaml.safe_load(uncommented)
    assert isinstance(data, dict)
    assert set(data) == set(model.model_fields)


def test_init_writes_schemas_the_forms_point_to(tmp_path: Path) -> None:
    written = init_workspace(tmp_path / "ws")
    assert len(written) == 22
    for path in written:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = path.parent / first.split("$schema=", 1)[1]
        schema = json.loads(target.read_text(encoding="utf-8"))
        assert schema["title"]


def test_schema_descriptions_are_indonesian() -> None:
    from assembler.models.stpp import Stpp
    from assembler.schema import schema_for

    schema = schema_for(Stpp, "x")
    assert schema["properties"]["tahun"]["description"].startswith("Tahun penyusunan STPP")
