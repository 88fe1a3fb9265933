"""The utility's short name defined once per document, then used (issue 11; docs/dev/fakta-sekali.md).

``stpp.yaml`` gives the utility's legal name (``pdam.nama``) and its short name (``pdam.singkatan``).
The SK Pokja and the Juklak/Juknis define the short name in their Diktum/Pasal; the other documents
used to alternate the two forms with no definition. This pass, run on the rendered document like
:mod:`assembler.istilah`, makes every listed document follow one rule in reading order:

- the first mention of the utility in running text becomes the legal name followed by
  ", yang selanjutnya disebut <short name>" (a comma after it when a word follows, as the SK writes
  "…, yang selanjutnya disebut Pokja, dengan …");
- every later mention in running text becomes the short name;
- in a decree (:data:`KEPUTUSAN`) every mention before "MEMUTUSKAN" (the konsiderans) is the legal
  name, and the definition comes at the first mention in the Diktum, as the SK Pokja defines "Pokja";
- titles, headings, the cover and signature blocks (by paragraph style), the official names of the
  Pokja and of the plan ("Kelompok Kerja Peningkatan Pelayanan <legal name>", "Skema Tindakan
  Peningkatan Pelayanan <legal name> Tahun …") and the title of a cited regulation ("Keputusan …
  tentang …") keep what was written; they are names, not mentions of the utility.

Applied after rendering so the templates' fixed text and the topic files' text are treated alike, and
the reading order is the document's own. A name split by Word over two runs is not seen (siap's own
templates keep a tag's text in one run). Another form the user typed (e.g. an office "Direktur Utama
Perusahaan Umum Daerah Air Minum Tirta Lestari" without the region) is the user's words and is kept.
"""

from __future__ import annotations

import re

from lxml import etree

#: The documents following the rule (the SK Pokja and the Juklak/Juknis define the name themselves).
DOKUMEN = frozenset(
    {
        "hubungan-antar-kebijakan",
        "smart-logframe",
        "citizen-charter",
        "best-practice",
        "draft-stpp",
        "berita-acara-kesepakatan",
        "standar-pelayanan",
        "stpp",
        "penetapan-stpp",
    }
)

#: The decrees: their konsiderans (Menimbang, Mengingat) names the utility in full; as the SK Pokja does,
#: the short name is defined in the Diktum, after "MEMUTUSKAN".
KEPUTUSAN = frozenset({"standar-pelayanan", "penetapan-stpp"})

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _T, _PPR, _PSTYLE, _VAL = (f"{{{_W}}}{t}" for t in ("p", "t", "pPr", "pStyle", "val"))

#: Paragraph styles that are titles, headings, covers or signatures: the legal name stays as written.
_GAYA_JUDUL = ("Judul", "Heading", "Title", "Sampul", "Subjudul", "Subbab", "DaftarSubbab", "TandaTangan",
               "NamaPenandaTangan", "IsiTengah", "TabelKepala", "KeteranganGambar")

#: The title of a regulation or decree named in a sentence: "Keputusan Bupati tentang …" up to "(",
#: ";", "." at the end, " sebagaimana" or the end of the text.
_JUDUL_PERATURAN = re.compile(
    r"\b(?:Keputusan|Peraturan|Instruksi)\b[^;]*?\btentang\s+(.+?)(?=\s*\(|;|\.?$|\s+sebagaimana\b)"
)

#: Official names that carry the utility's name and are kept as written: the Pokja's and the plan's.
NAMA_RESMI = (
    "Kelompok Kerja Peningkatan Pelayanan ",
    "Skema Tindakan Peningkatan Pelayanan (STPP) ",
    "Skema Tindakan Peningkatan Pelayanan ",
)


def definisi(nama: str, singkatan: str) -> str:
    """The defining mention: '<legal name>, yang selanjutnya disebut <short name>'."""
    return f"{nama}, yang selanjutnya disebut {singkatan}"


def _judul(p: etree._Element) -> bool:
    gaya = p.find(f"{_PPR}/{_PSTYLE}")
    return gaya is not None and str(gaya.get(_VAL, "")).startswith(_GAYA_JUDUL)


def terlindung(teks: str, a: int, b: int) -> bool:
    """The mention at ``teks[a:b]`` is part of an official name or of a cited regulation's title."""
    if teks[:a].endswith(NAMA_RESMI):
        return True
    return any(x <= a and b <= y for m in _JUDUL_PERATURAN.finditer(teks) for x, y in [m.span(1)])


class Penyebut:
    """Rewrites the mentions of one document, remembering whether the short name is defined yet."""

    def __init__(self, nama: str, singkatan: str) -> None:
        self.nama, self.singkatan = nama, singkatan
        self.sudah = False
        #: In a decree's konsiderans: every mention is the legal name, nothing is defined yet.
        self.penuh = False
        self.pola = re.compile("|".join(re.escape(n) for n in sorted({nama, singkatan}, key=len, reverse=True)))

    def tulis(self, teks: str) -> str:
        hasil: list[str] = []
        pos = 0
        for m in self.pola.finditer(teks):
            a, b = m.span()
            if terlindung(teks, a, b):
                continue
            hasil.append(teks[pos:a])
            sisa = teks[b:]
            if self.penuh:
                hasil.append(self.nama)
            elif self.sudah:
                hasil.append(self.singkatan)
            elif sisa.startswith(", yang selanjutnya disebut ") or sisa.startswith(" yang selanjutnya disebut "):
                hasil.append(m.group())  # already defined by the text itself
                self.sudah = True
            else:
                hasil.append(definisi(self.nama, self.singkatan))
                if sisa[:1].isspace() and sisa.lstrip()[:1].isalnum():
                    hasil.append(",")
                self.sudah = True
            pos = b
        hasil.append(teks[pos:])
        return "".join(hasil)


def sebut_tree(root: etree._Element, nama: str, singkatan: str, keputusan: bool = False) -> bool:
    """The rule applied in place to ``word/document.xml``'s tree; whether anything changed."""
    if not nama or not singkatan or nama == singkatan:
        return False
    penyebut = Penyebut(nama, singkatan)
    penyebut.penuh = keputusan
    berubah = False
    pasangan = None if keputusan else _yang_menyebut(root, nama, singkatan)
    if pasangan is not None:
        for p, t in pasangan:
            if not _judul(p):
                berubah = _tulis_ulang(penyebut, t) or berubah
        return berubah
    for p in root.iter(_P):
        if penyebut.penuh and "".join(t.text or "" for t in p.iter(_T)).strip().upper().startswith("MEMUTUSKAN"):
            penyebut.penuh = False
        if _judul(p):
            continue
        for t in p.iter(_T):
            berubah = _tulis_ulang(penyebut, t) or berubah
    return berubah


def _tulis_ulang(penyebut: Penyebut, t: etree._Element) -> bool:
    """One text through the rule (the order of texts is the rule's state); whether it changed."""
    lama = t.text or ""
    baru = penyebut.tulis(lama)
    if baru == lama:
        return False
    t.text = baru
    return True


#: The texts holding either name (``string(.)`` starts with ``.text``: every text the loop would change is here).
_MENYEBUT = etree.XPath("//w:t[contains(., $nama) or contains(., $singkatan)]", namespaces={"w": _W})


def _yang_menyebut(
    root: etree._Element, nama: str, singkatan: str
) -> list[tuple[etree._Element, etree._Element]] | None:
    """The (paragraph, text) pairs of :func:`sebut_tree`'s loop whose text holds a name, in its order.

    A text holding neither name is left as it is and changes nothing the loop remembers, so only these
    need visiting (a 2,000-kegiatan logframe has 42,000 texts). The loop visits a text once per paragraph
    it lies in; a text inside a nested paragraph (a text box) makes the order more than document order,
    and ``None`` then asks for the whole loop. Outside a decree only: there the loop also reads every
    paragraph for "MEMUTUSKAN".
    """
    pasangan = []
    for t in _MENYEBUT(root, nama=nama, singkatan=singkatan):
        paragraf = list(t.iterancestors(_P))
        if len(paragraf) > 1:
            return None
        if paragraf:
            pasangan.append((paragraf[0], t))
    return pasangan
