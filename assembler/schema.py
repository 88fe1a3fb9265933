"""JSON Schemas of ``stpp.yaml`` and every topic file, so editors complete and explain each key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assembler.topics import STPP_FILE, TOPIK


def schema_name(yaml_file: str) -> str:
    """``2.1-isu-utama.yaml`` → ``2.1-isu-utama.schema.json``."""
    return yaml_file.rsplit(".", 1)[0] + ".schema.json"


def models() -> list[tuple[str, type[BaseModel], str]]:
    """(file, model, title) for stpp.yaml then the 21 topics, in guide order."""
    from assembler.models.registry import MODELS
    from assembler.models.stpp import Stpp

    rows: list[tuple[str, type[BaseModel], str]] = [(STPP_FILE, Stpp, "Data daerah dan PDAM")]
    rows += [(t.file, MODELS[t.id], f"Topik {t.id} {t.judul}") for t in TOPIK]
    return rows


def schema_for(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    schema["title"] = title
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def write_schemas(out_dir: Path) -> list[Path]:
    """Write one ``*.schema.json`` per workspace file; byte-stable for the same models."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for file, model, title in models():
        path = out_dir / schema_name(file)
        text = json.dumps(schema_for(model, title), ensure_ascii=False, indent=2) + "\n"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
