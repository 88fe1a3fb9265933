"""Count the sentence-sized string literals left in Python (issue 10: prose belongs in templates or content/).

A "sentence" is a string literal (an f-string's literal parts, each placeholder one word) of at least
:data:`MIN_KATA` words, not a docstring and not the message of an ``assert``/``raise``. Run
``python tools/hitung_kalimat.py [FOLDER ...]`` for the figure per module; ``tests/test_architecture.py``
holds the working papers' count at zero with the same function.
"""

from __future__ import annotations

import ast
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
            skip.update(id(n) for n in node.values)  # counted with their f-string
    for node in ast.walk(tree):
        if id(node) not in skip and _kata(node) >= min_kata:
            yield node.lineno, ast.unparse(node)


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1]
    folders = [Path(a) for a in argv] or [root / "assembler" / "documents"]
    total = 0
    for folder in folders:
        for path in sorted(folder.rglob("*.py")) if folder.is_dir() else [folder]:
            n = len(list(kalimat(path)))
            total += n
            if n:
                print(f"{n:4d}  {path.relative_to(root) if path.is_relative_to(root) else path}")
    print(f"{total:4d}  jumlah (literal >= {MIN_KATA} kata)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
