"""Document ids, titles, file names and the topics each one needs (docs/dev/kontrak.md, "The package")."""

from __future__ import annotations

from dataclasses import dataclass

from assembler.topics import TOPIK

#: The topics the Rancangan STPP reviews: Tahap 1.1 to 5.2 (the guide's Tahap 5 Topik 3). The draft itself
#: reads its topics from their declarations (``documents.topik.TOPIK_DRAFT``, those with a draft section);
#: this table, which ``siap check`` reads without importing any topic's code, states the rule, and the
#: topic registry refuses to load when the declarations say otherwise.
TOPIK_DRAFT: tuple[str, ...] = tuple(t.id for t in TOPIK if t.tahap < 5 or t.id in ("5.1", "5.2"))

#: Documents made by 5.2 that the Rancangan STPP lists as its annexes (and the print file binds after
#: it), in package order; the Juklak/Juknis needs 5.3 and 6.2, so it is not among them.
LAMPIRAN_DRAFT: tuple[str, ...] = ("sk-pokja", "hubungan-antar-kebijakan", "smart-logframe", "citizen-charter")


@dataclass(frozen=True)
class Dokumen:
    """One document of the package; ``requires`` are topic ids that must be present and valid."""

    id: str
    judul: str
    requires: tuple[str, ...]
    template: str
    enriched_by: tuple[str, ...] = ()
    needs_kalender_for: str | None = None
    requires_any: tuple[str, ...] = ()
    #: Built while some of ``enriched_by`` is missing, but only as a KONSEP (``konsep_menunggu``).
    konsep_sampai_lengkap: bool = False
    #: A working paper: it may show the workspace's codes (``kl-1``) as a labelled column. Every other
    #: document (the official drafts above all) never prints one (tests/documents/test_vocabulary.py).
    menampilkan_kode: bool = False

    def waiting_for(self, valid_topics: set[str]) -> list[str]:
        """Topic ids still missing before this document can be built (empty: buildable)."""
        missing = [t for t in self.requires if t not in valid_topics]
        if self.requires_any and not any(t in valid_topics for t in self.requires_any):
            missing.extend(t for t in self.requires_any if t not in missing)
        return missing

    def konsep_menunggu(self, valid_topics: set[str]) -> list[str]:
        """Topics a buildable KONSEP still lacks (empty: complete, or not a document that grows)."""
        if not self.konsep_sampai_lengkap:
            return []
        return [t for t in self.enriched_by if t not in valid_topics]


def _official() -> list[Dokumen]:
    return [
        Dokumen("sk-pokja", "Draft Keputusan Kepala Daerah tentang Kelompok Kerja Peningkatan Pelayanan PDAM",
                ("1.1",), "sk-pokja.docx", ("1.2", "2.2")),
        Dokumen("hubungan-antar-kebijakan", "Tabel Hubungan Antar-kebijakan dan Koridor Hukum",
                ("2.2",), "hubungan-antar-kebijakan.docx"),
        Dokumen("smart-logframe", "Smart Logframe dan Skema Tindakan Peningkatan Pelayanan",
                ("4.7", "5.1", "5.2"), "smart-logframe.docx", ("6.1",)),
        Dokumen("citizen-charter", "Citizen Charter: Maklumat dan Standar Pelayanan", ("5.2",), "citizen-charter.docx"),
        Dokumen("juklak-juknis", "Petunjuk Pelaksanaan dan Petunjuk Teknis Pelaksanaan STPP",
                ("5.1", "5.2", "5.3", "6.2"), "juklak-juknis.docx", ("1.1", "2.1", "2.2", "2.3", "4.2", "4.5", "7.1")),
        Dokumen("best-practice", "Dokumen Good/Best Practice Penyusunan dan Pelaksanaan STPP",
                ("7.2",), "best-practice.docx", tuple(t.id for t in TOPIK if t.id != "7.2")),
        # The Rancangan handed over at 5.3 reviews 1.1–5.2. It grows after every session: one reviewed
        # topic is enough to print it, as a KONSEP until all of them are in (konsep_sampai_lengkap).
        Dokumen("draft-stpp", "Rancangan Skema Tindakan Peningkatan Pelayanan PDAM", (), "draft-stpp.docx",
                TOPIK_DRAFT, requires_any=TOPIK_DRAFT, konsep_sampai_lengkap=True),
        Dokumen("berita-acara-kesepakatan", "Berita Acara Kesepakatan Draft STPP", ("5.3",),
                "berita-acara-kesepakatan.docx", ("5.1", "5.2")),
    ]


def _kertas_kerja() -> list[Dokumen]:
    docs = []
    for tahap in range(1, 8):
        topics = tuple(t.id for t in TOPIK if t.tahap == tahap)
        # A stage's working paper grows topic by topic: one filled topic is enough to print it.
        docs.append(Dokumen(f"kertas-kerja-tahap-{tahap}", f"Kertas Kerja Tahap {tahap}", (),
                            "kertas-kerja.docx", topics, requires_any=topics, menampilkan_kode=True))
    return docs


def _pertemuan() -> list[Dokumen]:
    return [
        Dokumen(f"pertemuan-{t.id}", f"Kerangka Acuan dan Daftar Hadir Topik {t.id}", ("1.2",), "pertemuan.docx",
                (t.id,), needs_kalender_for=t.id)
        for t in TOPIK
    ]


def _tambahan() -> list[Dokumen]:
    """Documents added after the first release: appended, so no existing file name is renumbered."""
    return [
        Dokumen(
            "catatan-perancang",
            "Catatan Perancang untuk Bagian Hukum",
            (),
            "catatan-perancang.docx",
            ("1.1", "2.2", "4.2", "5.1", "5.2", "5.3", "6.2", "7.1"),
            requires_any=("1.1", "5.2", "5.3"),
        ),
        Dokumen(
            "standar-pelayanan",
            "Keputusan Direksi tentang Standar Pelayanan",
            ("5.2",),
            "standar-pelayanan.docx",
            ("2.2",),
        ),
        Dokumen(
            "kerja-sama-antar-instansi",
            "Draft Kesepakatan Bersama dan Perjanjian Kerja Sama antar-Instansi",
            ("5.3",),
            "kerja-sama-antar-instansi.docx",
            ("1.1", "6.2"),
        ),
        Dokumen(
            "stpp",
            "Skema Tindakan Peningkatan Pelayanan PDAM yang Disepakati",
            (*TOPIK_DRAFT, "5.3"),
            "stpp.docx",
        ),
        Dokumen(
            "penetapan-stpp",
            "Penetapan Skema Tindakan Peningkatan Pelayanan PDAM oleh Kepala Daerah",
            (*TOPIK_DRAFT, "5.3"),
            "penetapan-stpp.docx",
            ("2.2",),
        ),
    ]


DOKUMEN: tuple[Dokumen, ...] = tuple(_official() + _kertas_kerja() + _pertemuan() + _tambahan())
BY_ID: dict[str, Dokumen] = {d.id: d for d in DOKUMEN}


def file_name(dokumen: Dokumen) -> str:
    """``01-sk-pokja.docx``: the number keeps the folder in reading order."""
    index = DOKUMEN.index(dokumen) + 1
    return f"{index:02d}-{dokumen.id}.docx"
