"""The words of the working papers, from ``assembler/content/topik.yaml``: table titles, columns, sentences.

Every topic's entry there has a ``kertas_kerja`` part (its section's tables and fixed sentences); the
file's top-level ``kertas_kerja`` holds the paper's own phrases (section ``umum`` here). A template
author changes a table's title, a column's header or width, or a fixed sentence there, not in Python. The
code keeps what depends on the input: the rows, the columns known only from the workspace (one per agreed
criterion, per budget year), which the file marks with ``- sisipan: name``, and the values of
``{placeholders}``. The file is read with line positions, so a typo is refused at load as
``topik.yaml:LINE:COL: where: what`` (``tests/documents/test_kertas_kerja_teks.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from string import Formatter
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Discriminator, Field, RootModel, Tag, ValidationError

from assembler import interrupts
from assembler.documents.lembar import Blok, Isi, Kolom, tabel
from assembler.loading import Loc, format_loc
from assembler.resources import CONTENT_DIR

BERKAS = "topik.yaml"


class _Teks(BaseModel):
    # Not stripped: a sentence is printed exactly as written.
    model_config = ConfigDict(extra="forbid", frozen=True)


class KolomTeks(_Teks):
    """A column: its header, its width relative to the table's other columns, the alignment of its cells."""

    judul: str = Field(min_length=1)
    lebar: float = Field(default=1.0, gt=0)
    gaya: Literal["isi", "angka", "tengah", "tebal", "tebal_angka"] = "isi"
    #: printed only when the code's condition of this name holds (e.g. ``putaran``: a tie-break was recorded)
    jika: str | None = None


class Sisipan(_Teks):
    """Where the code inserts the columns known only from the workspace (criteria, years)."""

    sisipan: str = Field(min_length=1)


#: A column entry with a ``sisipan`` key marks the code's columns; any other is a column (one error per typo).
_JENIS_KOLOM = Discriminator(lambda v: "Sisipan" if isinstance(v, dict) and "sisipan" in v else "Kolom")


class TabelTeks(_Teks):
    """A table's title (``{placeholders}`` filled by the code) and its columns, in order."""

    judul: str = Field(min_length=1)
    kolom: list[Annotated[Annotated[KolomTeks, Tag("Kolom")] | Annotated[Sisipan, Tag("Sisipan")], _JENIS_KOLOM]] = (
        Field(min_length=1)
    )


class BagianTeks(_Teks):
    """The words of one topic's section (or of the shared tables, key ``umum``)."""

    tabel: dict[str, TabelTeks] = Field(default_factory=dict)
    kalimat: dict[str, str] = Field(default_factory=dict)


class KertasKerjaTeks(RootModel[dict[str, BagianTeks]]):
    """The whole file: topic id (or ``umum``) -> its words."""


def _positions(node: yaml.Node, loc: Loc, out: dict[Loc, tuple[int, int]], keys: dict[Loc, tuple[int, int]]) -> None:
    """Line and column (1-based) of every value and key under ``node``."""
    out.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here = (*loc, str(key.value))
            keys.setdefault(here, (key.start_mark.line + 1, key.start_mark.column + 1))
            _positions(value, here, out, keys)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _positions(item, (*loc, i), out, keys)


def _file_loc(loc: Loc) -> Loc:
    """Where section ``loc[0]``'s words sit in topik.yaml."""
    return ("kertas_kerja", *loc[1:]) if loc[:1] == ("umum",) else ("topik", loc[0], "kertas_kerja", *loc[1:])


@cache
def muat(folder: Path = CONTENT_DIR) -> KertasKerjaTeks:
    """Read and check the words once; a problem is a ``ValueError`` naming file, line and column."""
    text = (folder / BERKAS).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{BERKAS}:{mark.line + 1}:{mark.column + 1}" if mark is not None else BERKAS
        raise ValueError(f"{where}: {exc.problem}") from None
    positions: dict[Loc, tuple[int, int]] = {}
    key_positions: dict[Loc, tuple[int, int]] = {}
    if node is not None:
        _positions(node, (), positions, key_positions)
    words = {"umum": data.get("kertas_kerja", {})} if isinstance(data, dict) else {}
    for tid, entry in (data.get("topik") or {}).items() if isinstance(data, dict) else []:
        if isinstance(entry, dict) and "kertas_kerja" in entry:
            words[str(tid)] = entry["kertas_kerja"]
    try:
        with interrupts.deferred():
            return KertasKerjaTeks.model_validate(words)
    except ValidationError as exc:
        lines = []
        for err in exc.errors(include_url=False):
            # drop pydantic's union-branch names from the path (they are not keys of the file)
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p[:1].isupper()))
            file_loc = _file_loc(loc)
            probe = file_loc
            pos = key_positions.get(probe) if err["type"] == "extra_forbidden" else None
            while pos is None and probe:
                pos = positions.get(probe)
                probe = probe[:-1]
            where = f"{BERKAS}:{pos[0]}:{pos[1]}" if pos else BERKAS
            lines.append(f"{where}: {format_loc(file_loc)}: {err['msg']}")
        raise ValueError("\n".join(dict.fromkeys(lines))) from None


def _isi(teks: str, nilai: Mapping[str, object], asal: str) -> str:
    """``teks`` with its ``{placeholders}`` filled; a placeholder the code does not give is a clear error."""
    names = {f for _, f, _, _ in Formatter().parse(teks) if f is not None}
    if names != set(nilai):
        raise KeyError(f"{BERKAS}: {asal}: isian {sorted(names)}, kode memberi {sorted(nilai)}")
    return teks.format(**nilai)


class TeksBagian:
    """The words of one section, looked up by key (a missing key names the file and the section)."""

    def __init__(self, bagian: str) -> None:
        self.bagian = bagian

    def _teks(self) -> BagianTeks:
        semua = muat().root
        if self.bagian not in semua:
            raise KeyError(f"{BERKAS}: bagian '{self.bagian}' tidak ada")
        return semua[self.bagian]

    def _tabel(self, kunci: str) -> TabelTeks:
        tabel_teks = self._teks().tabel
        if kunci not in tabel_teks:
            raise KeyError(f"{BERKAS}: {self.bagian}.tabel.{kunci} tidak ada")
        return tabel_teks[kunci]

    def judul(self, kunci: str, **nilai: object) -> str:
        """The title of table ``kunci``."""
        return _isi(self._tabel(kunci).judul, nilai, f"{self.bagian}.tabel.{kunci}.judul")

    def kolom(
        self,
        kunci: str,
        sisipan: Mapping[str, Iterable[Kolom]] | None = None,
        jika: Mapping[str, bool] | None = None,
    ) -> list[Kolom]:
        """Columns of table ``kunci``: the code's columns at each ``sisipan`` mark, conditional ones per ``jika``."""
        sisipan, jika = dict(sisipan or {}), dict(jika or {})
        asal = f"{BERKAS}: {self.bagian}.tabel.{kunci}"
        out: list[Kolom] = []
        dipakai: set[str] = set()
        for k in self._tabel(kunci).kolom:
            if isinstance(k, Sisipan):
                if k.sisipan not in sisipan:
                    raise KeyError(f"{asal}: sisipan '{k.sisipan}' tidak diisi kode")
                out.extend(sisipan[k.sisipan])
                dipakai.add(k.sisipan)
            elif k.jika is not None:
                if k.jika not in jika:
                    raise KeyError(f"{asal}: syarat '{k.jika}' tidak diberikan kode")
                dipakai.add(k.jika)
                if jika[k.jika]:
                    out.append(Kolom(k.judul, k.lebar, k.gaya))
            else:
                out.append(Kolom(k.judul, k.lebar, k.gaya))
        if (set(sisipan) | set(jika)) - dipakai:
            raise KeyError(f"{asal}: tanpa tanda sisipan/syarat {sorted((set(sisipan) | set(jika)) - dipakai)}")
        return out

    def tabel(
        self,
        kunci: str,
        isi: Iterable[Isi],
        catatan: Iterable[str] = (),
        *,
        judul: Mapping[str, object] | None = None,
        sisipan: Mapping[str, Sequence[Kolom]] | None = None,
        jika: Mapping[str, bool] | None = None,
    ) -> Blok:
        """Table ``kunci``: title and columns from the file, rows (and notes) from the code."""
        return tabel(self.judul(kunci, **(judul or {})), self.kolom(kunci, sisipan, jika), isi, catatan)

    def kalimat(self, kunci: str, **nilai: object) -> str:
        """Fixed sentence ``kunci`` (its ``{placeholders}`` filled)."""
        kalimat = self._teks().kalimat
        if kunci not in kalimat:
            raise KeyError(f"{BERKAS}: {self.bagian}.kalimat.{kunci} tidak ada")
        return _isi(kalimat[kunci], nilai, f"{self.bagian}.kalimat.{kunci}")

    def kunci(self) -> dict[str, Any]:
        """Every key of the section (for the test that each is used by the code)."""
        t = self._teks()
        return {"tabel": sorted(t.tabel), "kalimat": sorted(t.kalimat)}
