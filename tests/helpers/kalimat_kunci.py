"""What the code asks of a content file of sentences, against what the file holds (shared by the key tests).

Both loaders (``documents/kalimat.Kalimat`` and the Draft STPP's ``kalimat``) read a file of sentences by
key with ``{placeholders}``; their tests find the requests differently (AST of each loader's call form)
and judge them here, the same way: a typo at the caller's ``file:line``, an unused key at its YAML line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: (calling module, line, key or "" when not a literal, placeholder names given or None when unknown)
Permintaan = tuple[Path, int, str, "set[str] | None"]


def cocokkan(permintaan: Iterable[Permintaan], isi: dict[str, tuple[int, set[str]]], berkas: str) -> list[str]:
    """Every mismatch between the requests and the file's keys (``key -> (line, placeholders)``)."""
    masalah: list[str] = []
    dipakai: set[str] = set()
    for path, line, kunci, diberi in permintaan:
        letak = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        dipakai.add(kunci)
        if not kunci:
            masalah.append(f"{letak}:{line}: kunci bukan literal; tulis kuncinya apa adanya")
        elif kunci not in isi:
            masalah.append(f"{letak}:{line}: kunci {kunci!r} tidak ada di {berkas}")
        elif diberi is not None and diberi != isi[kunci][1]:
            memakai = sorted(isi[kunci][1])
            masalah.append(f"{letak}:{line}: {kunci!r} diberi {sorted(diberi)}, kalimatnya memakai {memakai}")
    for kunci, (line, _isi) in isi.items():
        if kunci not in dipakai:
            masalah.append(f"{berkas}:{line}: kunci {kunci!r} tidak dipakai kode mana pun")
    return masalah
