"""Tahap 4, Analisis Peningkatan Kapasitas Pelayanan PDAM: topics 4.1 to 4.7.

4.1-4.6 are the designs (technical capacity, procedures, policy, personnel, organisation,
finances), each traceable to the integrated solutions of 3.2. 4.7 gathers the proposed actions,
scores them with MCUA and records tie-break rounds; the ranks themselves are computed by
:mod:`assembler.scoring.mcua`, never typed.

One module per topic, ``umum.py`` (shared) and ``t41.py`` … ``t47.py``; this package re-exports their names, so
``from assembler.models.tahap4 import X`` reads the same as before the split (issue 10).
"""

from __future__ import annotations

from assembler.models.tahap4.t41 import (
    HURUF_KUADRAN,
    KUADRAN,
    JenisAnalisis,
    KapasitasTeknis,
    Kuadran,
    Strategi,
    UsulanTeknis,
)
from assembler.models.tahap4.t42 import (
    PERUBAHAN_LABEL,
    Durasi,
    JenisPerubahan,
    Langkah,
    LangkahSaatIni,
    Layanan,
    Perubahan,
    Prosedur,
    SatuanWaktu,
)
from assembler.models.tahap4.t43 import (
    JenisKebijakan,
    Kebijakan,
    RencanaPembahasan,
    UsulanKebijakan,
    nama_jenis_kebijakan,
)
from assembler.models.tahap4.t44 import (
    KebutuhanPersonil,
    KerangkaAcuan,
    PeningkatanKompetensi,
    Personil,
    ProgramPersonil,
)
from assembler.models.tahap4.t45 import (
    STATUS_UNIT_LABEL,
    AnalisisTugas,
    Organisasi,
    StatusUnit,
    Unit,
    UraianJabatan,
)
from assembler.models.tahap4.t46 import (
    KATEGORI_KEUANGAN_LABEL,
    KategoriKeuangan,
    Keuangan,
    KondisiKeuangan,
    UsulanKeuangan,
)
from assembler.models.tahap4.t47 import (
    Aspek,
    KriteriaMcua,
    Prioritas,
    PutaranUlang,
    Rujukan,
    SubAspek,
    Tindakan,
)
from assembler.models.tahap4.umum import (
    solusi_terpadu_field,
)

__all__ = [
    "HURUF_KUADRAN",
    "KATEGORI_KEUANGAN_LABEL",
    "KUADRAN",
    "PERUBAHAN_LABEL",
    "STATUS_UNIT_LABEL",
    "AnalisisTugas",
    "Aspek",
    "Durasi",
    "JenisAnalisis",
    "JenisKebijakan",
    "JenisPerubahan",
    "KapasitasTeknis",
    "KategoriKeuangan",
    "Kebijakan",
    "KebutuhanPersonil",
    "KerangkaAcuan",
    "Keuangan",
    "KondisiKeuangan",
    "KriteriaMcua",
    "Kuadran",
    "Langkah",
    "LangkahSaatIni",
    "Layanan",
    "Organisasi",
    "PeningkatanKompetensi",
    "Personil",
    "Perubahan",
    "Prioritas",
    "ProgramPersonil",
    "Prosedur",
    "PutaranUlang",
    "RencanaPembahasan",
    "Rujukan",
    "SatuanWaktu",
    "StatusUnit",
    "Strategi",
    "SubAspek",
    "Tindakan",
    "Unit",
    "UraianJabatan",
    "UsulanKebijakan",
    "UsulanKeuangan",
    "UsulanTeknis",
    "nama_jenis_kebijakan",
    "solusi_terpadu_field",
]
