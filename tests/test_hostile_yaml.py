"""Fuzzing whole YAML documents against ``siap check`` and ``siap build`` (extends tests/test_hostile.py).

Each example takes one real topic file of the example workspace and mutates it: values replaced by
odd scalars (YAML 1.1 surprises, tags, huge numbers, impossible dates), random structures and deep
nesting, anchors and aliases (including ones that refer to themselves), duplicate and unknown keys.
The only outcomes allowed are exit 0 or 1 (2 for usage), no traceback and no internal error, within
a time bound (issue 9).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assembler.cli import main
from assembler.loading import load_yaml_file
from assembler.topics import STPP_FILE, TOPIK
from tests.conftest import CONTOH

#: Seconds one command may take on a busy two-core machine; a hang or a blow-up exceeds it by far.
TIME_BOUND = 60.0

SCALARS = [
    "45.000", "18.000", "031450", "1:30:00", "yes", "no", "on", "~", "null", "''", '""', "1e30", "-1", "0", "+5",
    "0x1F", "0o17", "1_000", "1_25_0", "999999999999", "1000000000000", "9" * 40, "2026-02-30", "2026-02-29",
    "2026-02-03", "0001-01-01", "9999-12-31", "3 Februari 2025", "25:61", "13:30", "09.30", "!!int abc",
    "!!timestamp abc", "!!float .nan", ".nan", ".inf", "-.inf", "!!str 5", "!!binary aGVsbG8=", "!foo bar",
    "!!set {a}", "!!omap [a: 1]", "'2026'", "2026", "Rp45.000", "38,6", "38.6", "0.125", "true", "!!bool yes",
    "!!null ''", '"\\x07bel"', "[]", "{}", "[1, [2, [3]]]", "{a: {b: {c: d}}}", "*nope", "2026-06", "2026-13",
    "isu-01", "sh-pdam", "1.1", "5.1", "APBD", "WIB", "kabupaten", "'{{ 7*7 }}'", "'a: b'", '"\\u202e"',
]


@dataclass
class Node:
    """A YAML node to emit: a map, a seq or a raw scalar token, with an optional anchor or as an alias."""

    kind: str
    items: list[Any] = field(default_factory=list)
    raw: str = ""
    anchor: str | None = None


def _to_node(value: Any) -> Node:
    if isinstance(value, dict):
        return Node("map", [(str(k), _to_node(v)) for k, v in value.items()])
    if isinstance(value, list):
        return Node("seq", [_to_node(v) for v in value])
    if value is None:
        return Node("raw", raw="~")
    text = str(value)
    if re.fullmatch(r"[A-Za-z0-9_.+\-][A-Za-z0-9_.+\- ]*", text) and not text.endswith(" "):
        return Node("raw", raw=text)
    return Node("raw", raw=json.dumps(text, ensure_ascii=False))


def _all(node: Node) -> list[Node]:
    found = [node]
    for item in node.items:
        found += _all(item[1] if isinstance(item, tuple) else item)
    return found


def _key_token(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_.+\-']+", key) else json.dumps(key, ensure_ascii=False)


def _emit(node: Node, indent: int, out: list[str], anchors: list[str], prefix: str) -> None:
    """Block style; ``prefix`` is what precedes the node on its line (``key:`` or ``-``)."""
    pad = " " * indent
    tag = f" &{node.anchor}" if node.anchor else ""
    if node.anchor:
        anchors.append(node.anchor)
    if node.kind == "alias":
        out.append(f"{prefix} *{anchors[hash(node.raw) % len(anchors)]}" if anchors else f"{prefix} ~")
    elif node.kind == "raw":
        out.append(f"{prefix}{tag} {node.raw}")
    elif not node.items:
        out.append(f"{prefix}{tag} {'{}' if node.kind == 'map' else '[]'}")
    else:
        out.append(f"{prefix}{tag}")
        for item in node.items:
            if node.kind == "map":
                key, child = item
                _emit(child, indent + 2, out, anchors, f"{pad}  {_key_token(key)}:")
            else:
                _emit(item, indent + 2, out, anchors, f"{pad}  -")


def render(node: Node) -> str:
    out: list[str] = []
    anchors: list[str] = []
    for key, child in node.items:
        _emit(child, 0, out, anchors, f"{_key_token(key)}:")
    return "\n".join(out) + "\n"


def _nested(depth: int, leaf: str) -> Node:
    node = Node("raw", raw=leaf)
    for i in range(depth):
        node = Node("seq", [node]) if i % 2 else Node("map", [("a", node)])
    return node


@st.composite
def mutated_topic(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from([STPP_FILE, *[t.file for t in TOPIK]]))
    data = load_yaml_file(CONTOH / name).data
    root = _to_node(data)
    for step in range(draw(st.integers(min_value=1, max_value=6))):
        nodes = _all(root)[1:]  # the top level stays a mapping (an empty stpp.yaml is issue 9's CLI part)
        target = nodes[draw(st.integers(min_value=0, max_value=len(nodes) - 1))]
        action = draw(st.sampled_from(["scalar", "scalar", "scalar", "nest", "anchor", "alias", "dupkey", "newkey",
                                       "drop", "wrap"]))
        if action == "scalar":
            target.kind, target.items, target.raw = "raw", [], draw(st.sampled_from(SCALARS))
        elif action == "nest":
            deep = _nested(draw(st.sampled_from([2, 5, 39, 45, 120])), draw(st.sampled_from(SCALARS)))
            target.kind, target.items, target.raw = deep.kind, deep.items, deep.raw
        elif action == "anchor":
            target.anchor = f"a{step}"
        elif action == "alias":
            target.kind, target.items, target.raw = "alias", [], str(draw(st.integers(0, 9)))
        elif target.kind == "map" and target.items and action in ("dupkey", "drop"):
            i = draw(st.integers(min_value=0, max_value=len(target.items) - 1))
            key = target.items[i][0]
            if action == "drop":
                del target.items[i]
            else:
                twin = f"'{key}'" if not key.startswith("'") else key.strip("'")
                target.items.append((twin, Node("raw", raw=draw(st.sampled_from(SCALARS)))))
        elif target.kind == "map" and action == "newkey":
            key = draw(st.sampled_from(["2026", "'2026'", "<<", "naam", "biaya", "tahun", "jumlah", "id", "x y"]))
            target.items.append((key, Node("raw", raw=draw(st.sampled_from(SCALARS)))))
        elif action == "wrap":
            copy = Node(target.kind, target.items, target.raw)
            target.kind, target.items, target.raw = "seq", [copy], ""
    return name, render(root)


def _run(*argv: str) -> tuple[int, str, float]:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    code = main(list(argv), stdout=out, stderr=err)
    return code, err.getvalue(), time.perf_counter() - start


_ONLY = {STPP_FILE: "sk-pokja", **{t.file: f"kertas-kerja-tahap-{t.tahap}" for t in TOPIK}}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "ws"
    shutil.copytree(CONTOH, target, ignore=shutil.ignore_patterns("keluaran*"))
    return target


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(case=mutated_topic())
def test_any_yaml_document_ends_in_a_message_never_a_traceback(workspace: Path, case: tuple[str, str]) -> None:
    name, text = case
    path = workspace / name
    original = (CONTOH / name).read_bytes()
    path.write_text(text, encoding="utf-8")
    out = workspace.parent / "keluaran"
    try:
        code, err, seconds = _run("check", str(workspace))
        assert code in (0, 1), err
        assert "Traceback" not in err and "kesalahan internal" not in err, err
        assert seconds < TIME_BOUND
        shutil.rmtree(out, ignore_errors=True)
        code, err, seconds = _run("build", str(workspace), "-o", str(out), "--only", _ONLY[name])
        assert code in (0, 1, 2), f"{name}\n{text}\n{err}"
        assert "Traceback" not in err and "kesalahan internal" not in err, f"{name}\n{text}\n{err}"
        assert seconds < TIME_BOUND
    finally:
        path.write_bytes(original)
        shutil.rmtree(out, ignore_errors=True)
        for lock in workspace.parent.glob("keluaran*"):
            if lock.is_file():
                lock.unlink()
