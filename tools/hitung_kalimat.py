"""Count the sentence-sized string literals left in Python (issue 10: prose belongs in templates or content/).

A "sentence" is a string literal (an f-string's literal parts, each placeholder one word) of at least
:data:`MIN_KATA` words, not a docstring and not the message of an ``assert``/``raise``. Run
``python tools/hitung_kalimat.py [FOLDER ...]`` for the figure per module; ``tests/test_architecture.py``
holds the working papers' count at zero with the same function.

``--prosa`` applies the stricter rule of :func:`prosa` (any wording at all: an f-string with one word,
a literal with two); the test holds the Draft STPP's own modules (cover, summary, closing, agreement,
shared formats) at zero by it.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

MIN_KATA = 5


def _kata(node: ast.AST) -> int:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return len(node.value.split())
    if isinstance(node, ast.JoinedStr):
        return sum(len(v.value.split()) if isinstance(v, ast.Constant) else 1 for v in node.values)
    return 0


def kalimat(path: Path, min_kata: int = MIN_KATA) -> Iterator[tuple[int, str]]:
    """(line, text) of every sentence-sized literal of the module at ``path``."""
    for line, node in _literal(path):
        if _kata(node) >= min_kata:
            yield line, ast.unparse(node)


#: Two letters in a row: what makes a space-separated token a word (the ``t`` of ``f"t{id}"`` builds a
#: key, ``–`` and ``.....`` are layout, ``ada_biaya`` is one token, a key).
_HURUF = re.compile(r"[^\W\d_]{2}")


def _hitung_kata(teks: str) -> int:
    return sum(1 for token in teks.split() if _HURUF.search(token))


def _kata_prosa(node: ast.AST) -> int:
    """Words of fixed wording in a literal; an f-string's placeholders are values, not words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _hitung_kata(node.value)
    if isinstance(node, ast.JoinedStr):
        return sum(_hitung_kata(v.value) for v in node.values if isinstance(v, ast.Constant))
    return 0


def prosa(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every literal holding fixed wording: the stricter rule of the Draft STPP's modules.

    An f-string with a single word around its values (``f"TAHUN {tahun}"``) is wording a region may
    change, so it counts; a plain literal counts from two words, since one word is a key or a code
    (``"turun"``, ``"ada_biaya"``). Pure formats (``f"{a} – {b}"``, ``f"{id}\\t{judul}"``) do not count.
    """
    for line, node in _literal(path):
        n = _kata_prosa(node)
        if n >= 2 or (n == 1 and isinstance(node, ast.JoinedStr)):
            yield line, ast.unparse(node)


def _literal(path: Path) -> Iterator[tuple[int, ast.AST]]:
    """Every string literal of the module that is not a docstring nor an ``assert``/``raise`` message."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, (ast.Assert, ast.Raise)):
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.JoinedStr):
            # Its parts (and any format spec) are counted with the f-string itself.
            skip.update(id(n) for v in node.values for n in ast.walk(v))
    for node in ast.walk(tree):
        if id(node) not in skip and isinstance(node, (ast.Constant, ast.JoinedStr)):
            yield node.lineno, node


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1]
    ketat = "--prosa" in argv
    folders = [Path(a) for a in argv if a != "--prosa"] or [root / "assembler" / "documents"]
    total = 0
    for folder in folders:
        for path in sorted(folder.rglob("*.py")) if folder.is_dir() else [folder]:
            n = len(list(prosa(path) if ketat else kalimat(path)))
            total += n
            if n:
                print(f"{n:4d}  {path.relative_to(root) if path.is_relative_to(root) else path}")
    aturan = "f-string >= 1 kata, literal >= 2 kata" if ketat else f"literal >= {MIN_KATA} kata"
    print(f"{total:4d}  jumlah ({aturan})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
