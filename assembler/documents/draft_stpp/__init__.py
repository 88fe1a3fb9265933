"""The Draft STPP (``draft-stpp.docx``) and the agreed STPP built on it (``stpp.docx``).

The Draft STPP is the Rancangan the Pokja hands to the DPRD and the Kepala Daerah at the 5.3 meeting:
it reviews Tahap 1.1 to 5.2 only, whatever else the workspace holds, and asks for approval in its
closing chapter. Before 5.2 is done the secretariat shares the growing draft after each session: every
missing topic prints "belum dibahas" and the header says KONSEP (docs/dev/draft-stpp-momen.md).

Layout: each topic's section lives in its own module, ``documents/topik/tNM.py`` (``draft_stpp(bahan, data)``),
and reads :class:`~assembler.documents.draft_stpp.bahan.Bahan`; ``umum.py`` holds the table numbering
and formats the sections share, ``kalimat.py`` the composed sentences (``content/draft-stpp.yaml``),
``pembuka_penutup.py`` the cover, foreword, summary, chapter openings and closing, ``kesepakatan.py``
the agreed STPP's chapter on the 5.3 agreement. ``rancangan.py`` assembles the document: it sits above
the topic registry (:mod:`assembler.documents.topik`) and reads it. This package's ``__init__`` imports
nothing, so a topic module may import the shared pieces without importing the assembly.
"""
