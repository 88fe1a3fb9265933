"""Each document's sentence file (``content/<file>.yaml``): every key is used, every key asked for exists.

A builder binds its file at module level, ``TEKS = Kalimat("berita-acara.yaml")``
(``assembler.documents.kalimat``), and asks ``TEKS("kunci", nama=...)``. These tests read every module
of the package that binds a file, so a module added later is covered without being listed. A typo is
reported at the caller's ``file:line``, an unused key at its line in the YAML file. The Draft STPP's own
file is checked the same way by ``test_draft_stpp_kalimat.py`` (it asks through ``draft_stpp.kalimat``).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import yaml

from assembler.documents.kalimat import muat
from assembler.resources import CONTENT_DIR
from tests.helpers.kalimat_kunci import cocokkan

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "assembler"
PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")

def kunci_berkas(path: Path) -> dict[str, tuple[int, set[str]]]:
    """Every key of a sentence file: its line and the placeholders its sentence has."""
    root = yaml.compose(path.read_text(encoding="utf-8"))
    assert isinstance(root, yaml.MappingNode)
    kalimat = next(v for k, v in root.value if k.value == "kalimat")
    assert isinstance(kalimat, yaml.MappingNode)
    return {k.value: (k.start_mark.line + 1, set(PLACEHOLDER.findall(str(v.value)))) for k, v in kalimat.value}


def ikatan(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = Kalimat("file.yaml")``: name -> file."""
    out = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "Kalimat"
            and node.value.args
            and isinstance(node.value.args[0], ast.Constant)
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = str(node.value.args[0].value)
    return out


def permintaan(path: Path) -> dict[str, list[tuple[int, str, set[str] | None]]]:
    """File -> (line, key, names given) of every ``NAME(...)`` and ``NAME.mentah(...)`` in ``path``.

    A key that is not a literal (nor a conditional between literals) is returned as ``""`` so that it is
    reported; ``**nilai`` counts the keys of ``nilai = {...}`` when the module assigns that dict once with
    literal keys, otherwise the call gives None (its names cannot be read).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nama = ikatan(tree)
    # ``**nilai`` where ``nilai = {"a": ..., "b": ...}`` (string keys) is assigned once in the module
    kamus: dict[str, set[str] | None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            v, n = node.value, node.targets[0].id
            literal = isinstance(v, ast.Dict) and all(isinstance(k, ast.Constant) for k in v.keys)
            kunci = {str(k.value) for k in v.keys if isinstance(k, ast.Constant)} if literal else None
            kamus[n] = None if n in kamus else kunci
    out: dict[str, list[tuple[int, str, set[str] | None]]] = defaultdict(list)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id in nama:
            berkas, mentah = nama[f.id], False
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in nama:
            berkas, mentah = nama[f.value.id], True
        else:
            continue
        if not node.args:
            out[berkas].append((node.lineno, "", None))
            continue
        arg = node.args[0]
        pilihan = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
        diberi: set[str] | None = {k.arg for k in node.keywords if k.arg is not None}
        for k in node.keywords:
            if k.arg is None:
                dari = kamus.get(k.value.id) if isinstance(k.value, ast.Name) else None
                diberi = None if dari is None or diberi is None else diberi | dari
        if mentah:
            diberi = None
        for p in pilihan:
            kunci = p.value if isinstance(p, ast.Constant) and isinstance(p.value, str) else ""
            out[berkas].append((node.lineno, kunci, diberi))
    return out


def periksa(paths: list[Path], folder: Path = CONTENT_DIR) -> list[str]:
    """Every mismatch between the modules' requests and their files, one line each, ``file:line: ...``."""
    masalah: list[str] = []
    per_berkas: dict[str, list[tuple[Path, int, str, set[str] | None]]] = defaultdict(list)
    for path in paths:
        for berkas, daftar in permintaan(path).items():
            per_berkas[berkas].extend((path, *p) for p in daftar)
    for berkas, daftar in sorted(per_berkas.items()):
        masalah.extend(cocokkan(daftar, kunci_berkas(folder / berkas), berkas))
    return masalah


#: Modules known to ask for sentences (the test finds every one; these must be among them).
DIPERIKSA = (
    "juklak_juknis.py",
    "juklak_batang.py",
    "berita_acara.py",
    "kerja_sama.py",
    "pertemuan.py",
    "best_practice.py",
    "standar_pelayanan.py",
    "sk_pokja.py",
    "registry.py",
    "hubungan_antar_kebijakan.py",
    "penetapan_stpp.py",
    "dasar_hukum.py",
    "citizen_charter.py",
    "juknis_sop.py",
    "nama.py",
    "perkada.py",
    "catatan_perancang.py",
    "smart_logframe.py",
)


def _modul_pemakai() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if ikatan(ast.parse(p.read_text(encoding="utf-8")))]


def test_every_key_is_used_and_every_key_asked_for_exists() -> None:
    """Against the shipped files: no dead sentence, no missing one, no placeholder given in vain or left out."""
    pemakai = _modul_pemakai()
    assert {p.name for p in pemakai} >= set(DIPERIKSA)
    berkas = {b for p in pemakai for b in ikatan(ast.parse(p.read_text(encoding="utf-8"))).values()}
    for b in berkas:  # the loader reads the same keys the check reads (and the file is valid)
        # a document's existing file (penetapan-stpp.yaml) has a kalimat: section beside its own keys
        sendiri = set(yaml.safe_load((CONTENT_DIR / b).read_text(encoding="utf-8"))) == {"kalimat"}
        assert set(muat(b, bagian=not sendiri).kalimat) == set(kunci_berkas(CONTENT_DIR / b)), b
    assert periksa(pemakai) == []


def test_a_typo_is_reported_at_its_line(tmp_path: Path) -> None:
    """The check itself: a wrong key, a wrong placeholder, a computed key and an unused key are all named."""
    (tmp_path / "dok.yaml").write_text(
        "kalimat:\n  tahun: TAHUN {tahun}\n  judul: JUDUL\n  sisa: tidak dipakai\n", encoding="utf-8"
    )
    modul = tmp_path / "bagian.py"
    modul.write_text(
        "from assembler.documents.kalimat import Kalimat\n"
        'T = Kalimat("dok.yaml")\n'
        'A = T("tahun", tahun=2026)\n'
        'B = T("tahn", tahun=2026)\n'
        'C = T("tahun", tahunn=2026)\n'
        "D = T(A)\n"
        'E = T.mentah("judul" if A else "judull")\n'
        'n = {"tahunn": 1}\n'
        'F = T("tahun", **n)\n',
        encoding="utf-8",
    )
    assert periksa([modul], tmp_path) == [
        f"{modul}:4: kunci 'tahn' tidak ada di dok.yaml",
        f"{modul}:5: 'tahun' diberi ['tahunn'], kalimatnya memakai ['tahun']",
        f"{modul}:6: kunci bukan literal; tulis kuncinya apa adanya",
        f"{modul}:7: kunci 'judull' tidak ada di dok.yaml",
        f"{modul}:9: 'tahun' diberi ['tahunn'], kalimatnya memakai ['tahun']",
        "dok.yaml:4: kunci 'sisa' tidak dipakai kode mana pun",
    ]
