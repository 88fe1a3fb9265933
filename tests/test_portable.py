"""Portability: package data through importlib.resources, the user cache folder, no Unix-only paths,
and siap without ``fcntl`` (as on Windows) through the test helper that blocks its import."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import assembler
from assembler.pictures import common
from assembler.resources import CONTENT_DIR, TEMPLATES_DIR
from tests.conftest import fake_executable
from tests.helpers import no_fcntl

PACKAGE = Path(assembler.__file__).resolve().parent


def test_shipped_data_is_package_data_of_assembler() -> None:
    assert CONTENT_DIR == PACKAGE / "content" and TEMPLATES_DIR == PACKAGE / "templates_docx"
    assert (CONTENT_DIR / "regulasi.yaml").is_file()
    assert (TEMPLATES_DIR / "sk-pokja.docx").is_file()


def test_the_cache_goes_to_the_platform_folder_unless_siap_cache_dir_says_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIAP_CACHE_DIR", str(tmp_path / "mine"))
    assert common.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("SIAP_CACHE_DIR", "")
    assert common.cache_dir() is None
    monkeypatch.delenv("SIAP_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert common.cache_dir() == tmp_path / "xdg" / "siap"
    else:  # pragma: no cover - the CI runs on Linux
        from platformdirs import user_cache_path

        assert common.cache_dir() == user_cache_path("siap", appauthor=False)


#: Absolute paths of a Unix system allowed in assembler/: platform defaults that have a documented override.
ALLOWED = {
    ("printing.py", 'LINUX_SYSTEM_PYTHON = "/usr/bin/python3"'),
    ("common.py", 'HOMEBREW_DOT = ("/opt/homebrew/bin/dot", "/usr/local/bin/dot")'),
}
UNIX_PATH = re.compile(r"""["'](/usr|/tmp|/proc|/var|/opt|/etc|/home|/dev)(/|["'])""")


def test_no_absolute_unix_path_in_the_code_outside_documented_defaults() -> None:
    found = [
        (path.name, line.strip())
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if UNIX_PATH.search(line)
    ]
    assert set(found) <= ALLOWED, found
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    for setting in ("SIAP_UNO_PYTHON", "SIAP_SOFFICE", "SIAP_CACHE_DIR", "SIAP_DOT"):
        assert f"| `{setting}` |" in readme, setting


def _without_fcntl(code: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join(filter(None, [str(no_fcntl.HERE), os.environ.get("PYTHONPATH", "")]))
    env = {**os.environ, no_fcntl.ENV: "1", "PYTHONPATH": path, "SIAP_CACHE_DIR": ""}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300, cwd=cwd, check=False
    )


def test_the_blocker_makes_fcntl_unavailable_in_started_pythons_too() -> None:
    done = _without_fcntl(
        "import importlib.util, filelock\n"
        "try:\n    import fcntl\nexcept ModuleNotFoundError as exc:\n    print('blocked', exc.name)\n"
        "print(filelock.has_fcntl)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["blocked fcntl", "False"]


def test_init_and_check_run_without_fcntl(tmp_path: Path) -> None:
    done = _without_fcntl(
        "import sys\nfrom assembler.cli import main\n"
        "sys.exit(main(['init', 'ws']) or main(['check', 'ws']))",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    # A fresh workspace is valid, and check says its stpp.yaml is still to be filled (issue 9).
    assert done.stdout.splitlines()[-1] == (
        "Ruang kerja valid, tetapi stpp.yaml belum diisi: belum ada naskah yang dapat dibuat."
    )


PACKAGE_LOCKS_WITH_FCNTL = any(
    re.search(r"^import fcntl", path.read_text(encoding="utf-8"), re.M) for path in (PACKAGE / "package").glob("*.py")
)


@pytest.mark.skipif(
    bool(PACKAGE_LOCKS_WITH_FCNTL), reason="assembler/package/ still locks with fcntl (filelock change pending)"
)
def test_build_runs_without_fcntl(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import CONTOH

    shutil.copytree(CONTOH, tmp_path / "ws", ignore=shutil.ignore_patterns("keluaran*"))
    done = _without_fcntl(
        "import sys\nfrom assembler.cli import main\nsys.exit(main(['build', 'ws', '--only', 'sk-pokja']))",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "ws" / "keluaran" / "01-sk-pokja.docx").is_file()


def test_python_m_assembler_is_the_siap_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assembler", "init", "ws"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "ws" / "stpp.yaml").is_file()


def test_graphviz_is_found_on_path_in_the_windows_install_folder_or_where_siap_dot_says(tmp_path: Path) -> None:
    on_path = fake_executable(tmp_path / "bin" / "dot")
    windows = fake_executable(tmp_path / "PF" / "Graphviz" / "bin" / "dot.exe")
    chosen = fake_executable(tmp_path / "elsewhere" / "dot")
    assert common.find_dot({"PATH": str(on_path.parent)}, "linux") == str(on_path)
    assert common.find_dot({"PATH": str(tmp_path / "none")}, "linux") is None
    assert common.find_dot({"PATH": "", "ProgramFiles": str(tmp_path / "PF")}, "win32") == str(windows)
    assert common.find_dot({"PATH": str(on_path.parent), "SIAP_DOT": str(chosen)}, "linux") == str(chosen)
    assert common.dot_candidates({}, "darwin") == [Path(p) for p in common.HOMEBREW_DOT]
