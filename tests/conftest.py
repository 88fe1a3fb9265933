"""Shared fixtures: a private copy of the example workspace that a test may damage."""

from __future__ import annotations

import os

if os.environ.get("SIAP_TEST_NO_FCNTL"):  # run the suite as on Windows, where fcntl does not exist
    from tests.helpers.no_fcntl import install

    install(subprocesses=True)

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
CONTOH = REPO / "fixtures" / "contoh"


@pytest.fixture
def contoh(tmp_path: Path) -> Path:
    """A copy of fixtures/contoh (without any build output) in a temporary folder."""
    target = tmp_path / "contoh"
    shutil.copytree(CONTOH, target, ignore=shutil.ignore_patterns("keluaran*"))
    return target


def run(*argv: str) -> tuple[int, str, str]:
    """``siap ARGV`` in this process, as a user runs it: the exit code, stdout and stderr."""
    import io

    from assembler.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def fake_executable(path: Path) -> Path:
    """An empty file marked executable at ``path``: enough for the code that looks for a program."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    path.chmod(0o755)
    return path


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a workspace file the way a user would, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# Property tests explore new inputs on a developer's machine; CI replays a fixed sequence so that a
# submission's result does not depend on luck (a failure found locally is kept in .hypothesis/).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _no_picture_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read or write the user's picture cache; each test starts without remembered pictures."""
    from assembler.pictures import common

    monkeypatch.setenv("SIAP_CACHE_DIR", "")
    common._MEMO.clear()


def _unplaced(line: str) -> str:
    """A message without its places: ``:line:col`` and ``:Sheet!Cell`` dropped, a workbook named as its YAML."""
    line = re.sub(r":(?:'[^']+'|[^\s:!'()]+)![A-Z]+\d+", "", line)
    return re.sub(r":\d+(:\d+)?", "", line).replace(".xlsx", ".yaml")


def without_known_contradictions(lines: list[str]) -> list[str]:
    """``siap`` stderr lines without the example's known cross-topic warnings (issue 11), counts adjusted.

    fixtures/contoh still holds the contradictions issue 11 lists; ``tests/test_konsistensi.py`` asserts
    them. Tests about something else compare the rest. Lines are matched without their positions, so an
    edit that shifts lines does not bring them back.
    """
    from assembler.validate import validate_workspace

    problems = [p for p in validate_workspace(CONTOH).problems if p.code.startswith("konsistensi.")]
    known = {_unplaced(p.render(lang)) for p in problems for lang in ("id", "en")}
    kept = [line for line in lines if _unplaced(line) not in known]
    removed = len(lines) - len(kept)
    return [_fewer_warnings(line, removed) for line in kept]


#: The count that closes a summary line: "0 kesalahan, 3 peringatan", or a refused build's "… Masukan ruang
#: kerja: 0 kesalahan, 3 peringatan."
_SUMMARY = re.compile(r"(\d+) (kesalahan|errors), (\d+) (peringatan|warnings)(\.?)$")


def _fewer_warnings(line: str, removed: int) -> str:
    """``line`` with its summary's warning count lowered by the ``removed`` known warnings."""
    m = _SUMMARY.search(line)
    return f"{line[: m.start()]}{m[1]} {m[2]}, {int(m[3]) - removed} {m[4]}{m[5]}" if m else line


def _consistency_patterns() -> list[re.Pattern[str]]:
    """Every consistency message of the catalogue (both languages) as a pattern over a rendered line."""
    import assembler.konsistensi  # noqa: F401  (registers its messages)
    from assembler.messages import _CATALOGUE

    patterns = []
    for code, texts in _CATALOGUE.items():
        if code.startswith("konsistensi."):
            for text in texts.values():
                parts = re.split(r"\{[^}]*\}", text)
                patterns.append(re.compile(": " + ".*?".join(re.escape(part) for part in parts) + "$"))
    return patterns


def stderr_without_known_contradictions(text: str) -> str:
    """``siap`` stderr without the example's consistency warnings (issue 11), whatever the inputs a test changed
    made of their wording, and without the "0 kesalahan, 0 peringatan" summary they leave behind."""
    patterns = _consistency_patterns()
    lines = text.split("\n")
    kept = [line for line in lines if not any(p.search(line) for p in patterns)]
    removed = len(lines) - len(kept)
    out = []
    for line in kept:
        line = _fewer_warnings(line, removed)
        if line not in ("0 kesalahan, 0 peringatan", "0 errors, 0 warnings"):
            out.append(line)
    return "\n".join(out)
