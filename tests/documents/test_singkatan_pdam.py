"""The utility's short name is defined once, before any use, in every official draft (issue 11): read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from assembler import singkatan
from tests.helpers.docx_content import open_docx
from tests.helpers.example import build_example

NAMA = "Perusahaan Umum Daerah Air Minum Tirta Lestari Kabupaten Lembah Sari"
SINGKAT = "Perumda Air Minum Tirta Lestari"
DEFINISI = f"{NAMA}, yang selanjutnya disebut {SINGKAT}"

#: In package order (build_docs expects the order siap builds them in).
DOCS = [
    "hubungan-antar-kebijakan",
    "smart-logframe",
    "citizen-charter",
    "best-practice",
    "draft-stpp",
    "berita-acara-kesepakatan",
    "standar-pelayanan",
    "stpp",
    "penetapan-stpp",
]
KEPUTUSAN = {"standar-pelayanan", "penetapan-stpp"}
DIKTUM = {
    "standar-pelayanan": f"Menetapkan Standar Pelayanan {DEFINISI}, sebagaimana tercantum dalam Lampiran",
    "penetapan-stpp": f"menjadi pedoman bagi {DEFINISI}, Perangkat Daerah terkait, dan Kelompok Kerja",
}

#: Paragraph styles of titles, headings, covers and signatures: names there are written in full.
JUDUL = ("Judul", "Heading", "Sampul", "Subjudul", "Subbab", "DaftarSubbab", "TandaTangan", "IsiTengah")
#: Official names that carry the legal name (the Pokja's, the plan's), and a decree's title in a sentence.
NAMA_RESMI = re.compile(r"(?:Kelompok Kerja|Skema Tindakan) Peningkatan Pelayanan (?:\(STPP\) )?$|\btentang\b")
SEBUTAN = re.compile(f"{re.escape(NAMA)}(?:, yang selanjutnya disebut {re.escape(SINGKAT)})?|{re.escape(SINGKAT)}")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_example(tmp_path_factory, DOCS)


def _paragraf(path: Path) -> list[tuple[str, str]]:
    """Every body paragraph (tables included) in reading order as (style, text)."""
    out = []
    for p in open_docx(path).element.body.iter(qn("w:p")):
        gaya = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        teks = "".join(t.text or "" for t in p.iter(qn("w:t")))
        out.append((gaya.get(qn("w:val")) if gaya is not None else "", teks))
    return out


def _sebutan(path: Path, keputusan: bool) -> list[tuple[str, str, str]]:
    """Each mention of the utility in running text, in reading order: (kind, style, paragraph text).

    A decree's konsiderans (before "MEMUTUSKAN") names the utility in full and is checked on its own.
    """
    hasil = []
    paragraf = _paragraf(path)
    if keputusan:
        paragraf = paragraf[next(i for i, (_, t) in enumerate(paragraf) if t.startswith("MEMUTUSKAN")) :]
    for gaya, teks in paragraf:
        if gaya.startswith(JUDUL):
            continue
        for m in SEBUTAN.finditer(teks):
            if NAMA_RESMI.search(teks[: m.start()][-60:]):
                continue
            jenis = "definisi" if m.group() == DEFINISI else "nama" if m.group() == NAMA else "singkat"
            hasil.append((jenis, gaya, teks))
    return hasil


@pytest.mark.parametrize("doc_id", DOCS)
def test_the_short_name_is_defined_once_before_it_is_used(built: dict[str, Path], doc_id: str) -> None:
    sebutan = _sebutan(built[doc_id], doc_id in KEPUTUSAN)
    jenis = [j for j, _, _ in sebutan]
    assert jenis.count("definisi") == 1, jenis
    assert jenis[0] == "definisi", sebutan[0]
    assert "nama" not in jenis, [t for j, _, t in sebutan if j == "nama"]  # after it, the short name only


@pytest.mark.parametrize("doc_id", sorted(KEPUTUSAN))
def test_a_decree_defines_the_name_in_its_diktum(built: dict[str, Path], doc_id: str) -> None:
    """Like the SK Pokja's "Pokja": the konsiderans names the utility in full, the Diktum defines it."""
    paragraf = _paragraf(built[doc_id])
    tempat = [i for i, (_, t) in enumerate(paragraf) if DEFINISI in t]
    assert len(tempat) == 1
    gaya, teks = paragraf[tempat[0]]
    assert not gaya.startswith(JUDUL)
    assert DIKTUM[doc_id] in teks
    memutuskan = next(i for i, (_, t) in enumerate(paragraf) if t.startswith("MEMUTUSKAN"))
    assert memutuskan < tempat[0]
    konsiderans = [t for _, t in paragraf[:memutuskan] if t.startswith("bahwa ") and NAMA in t]
    assert konsiderans and not any(SINGKAT in t for _, t in paragraf[:memutuskan])
    judul = [t for g, t in paragraf if g.startswith(JUDUL)]
    assert not any("selanjutnya disebut" in t for t in judul)


def test_the_sk_and_juklak_keep_their_own_definition() -> None:
    """Text that already defines the name is left as written; the comma follows only when a word does."""
    assert "juklak-juknis" not in singkatan.DOKUMEN and "sk-pokja" not in singkatan.DOKUMEN
    p = singkatan.Penyebut(NAMA, SINGKAT)
    sudah = f"{NAMA} yang selanjutnya disebut {SINGKAT} adalah"
    assert p.tulis(sudah) == sudah
    assert p.tulis(f"oleh {NAMA}.") == f"oleh {SINGKAT}."
    q = singkatan.Penyebut(NAMA, SINGKAT)
    assert q.tulis(f"oleh {SINGKAT} dan {NAMA}.") == f"oleh {DEFINISI}, dan {SINGKAT}."
    r = singkatan.Penyebut(NAMA, SINGKAT)
    assert r.tulis(f"pelayanan {SINGKAT}.") == f"pelayanan {DEFINISI}."
    assert r.tulis(f"Kelompok Kerja Peningkatan Pelayanan {NAMA}") == f"Kelompok Kerja Peningkatan Pelayanan {NAMA}"


def _tree(*paragraphs: str) -> object:
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return etree.fromstring(f'<w:document xmlns:w="{w}"><w:body>{"".join(paragraphs)}</w:body></w:document>')


def _p(*texts: str, gaya: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{gaya}"/></w:pPr>' if gaya else ""
    return f"<w:p>{ppr}" + "".join(f"<w:r><w:t>{t}</w:t></w:r>" for t in texts) + "</w:p>"


def test_visiting_only_the_texts_that_name_the_utility_writes_what_the_whole_loop_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lxml import etree

    box = _p(f"dalam kotak {SINGKAT}")
    cases = [
        [_p("Pendahuluan"), _p(NAMA, gaya="Judul1"), _p(f"oleh {SINGKAT} dan", f" {NAMA}."), _p(f"lagi {NAMA}")],
        [_p(f"Kelompok Kerja Peningkatan Pelayanan {NAMA}"), _p("tanpa nama"), _p(f"{NAMA} melayani")],
        [_p(f"{NAMA} yang selanjutnya disebut {SINGKAT} adalah"), _p(SINGKAT, gaya="TandaTangan"), _p(SINGKAT)],
        # a text box's paragraph inside another: the loop visits its text twice, so it runs whole
        [_p(f"awal {NAMA}"), f"<w:p><w:r><w:pict><w:txbxContent>{box}</w:txbxContent></w:pict></w:r></w:p>"],
    ]
    results = []
    for paragraphs in cases:
        ours, whole = _tree(*paragraphs), _tree(*paragraphs)
        changed = singkatan.sebut_tree(ours, NAMA, SINGKAT)
        with monkeypatch.context() as m:
            m.setattr(singkatan, "_yang_menyebut", lambda *args: None)
            assert singkatan.sebut_tree(whole, NAMA, SINGKAT) is changed
        assert etree.tostring(ours) == etree.tostring(whole)
        results.append(changed)
    assert results == [True, True, False, True]
    assert singkatan._yang_menyebut(_tree(*cases[3]), NAMA, SINGKAT) is None
    assert len(singkatan._yang_menyebut(_tree(*cases[0]), NAMA, SINGKAT) or []) == 4
