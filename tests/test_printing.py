"""The print step with the real LibreOffice: PDFs a DPRD member can be handed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from assembler.build import PRINT_FILE, PRINT_PARTS, build
from tests.conftest import CONTOH

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdffonts") is None,
    reason="needs LibreOffice and poppler-utils (tools/setup.sh installs them)",
)

F4 = (609.4, 935.4)  # 215 x 330 mm in points


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cetak") / "out"
    result = build(CONTOH, out, pdf=True)
    assert result.pdf_error is None, result.pdf_error
    return out


def test_every_document_has_its_pdf_listed_in_the_manifest(package: Path) -> None:
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    for doc in manifest["documents"]:
        assert doc["pdf"] == doc["file"].replace(".docx", ".pdf")
        assert (package / doc["pdf"]).stat().st_size > 1000
    assert manifest["prints"] == [{"file": PRINT_FILE, "parts": list(PRINT_PARTS)}]


def _sizes(pdf: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(str(pdf)).pages]


def test_pages_are_f4_portrait_or_landscape(package: Path) -> None:
    for pdf in package.glob("[0-9]*.pdf"):
        for w, h in _sizes(pdf):
            short, long = sorted((w, h))
            assert abs(short - F4[0]) < 2 and abs(long - F4[1]) < 2, (pdf.name, w, h)


def test_the_logframe_has_landscape_pages(package: Path) -> None:
    sizes = _sizes(package / "03-smart-logframe.pdf")
    assert any(w > h for w, h in sizes)


def test_fonts_are_embedded_and_bookman_stands_in_for_bookman_old_style(package: Path) -> None:
    for name in ("01-sk-pokja.pdf", "05-juklak-juknis.pdf", "07-draft-stpp.pdf"):
        listing = subprocess.run(["pdffonts", str(package / name)], capture_output=True, text=True, check=True)
        rows = listing.stdout.splitlines()[2:]
        assert rows, name
        for row in rows:
            assert row.split()[-5] == "yes", f"{name}: font not embedded: {row}"
    sk_fonts = subprocess.run(["pdffonts", str(package / "01-sk-pokja.pdf")], capture_output=True, text=True).stdout
    assert "Bookman" in sk_fonts


def test_print_file_is_the_draft_followed_by_its_attachments(package: Path) -> None:
    parts = [package / f for f in sorted(p.name for p in package.glob("[0-9]*.pdf"))]
    by_id = {p.stem.split("-", 1)[1]: p for p in parts}
    expected = sum(len(PdfReader(str(by_id[i])).pages) for i in PRINT_PARTS)
    combined = PdfReader(str(package / PRINT_FILE))
    assert len(combined.pages) == expected
    first_of_sk = len(PdfReader(str(by_id["draft-stpp"])).pages)
    assert "KEPUTUSAN BUPATI LEMBAH SARI" in combined.pages[first_of_sk].extract_text()


def test_table_of_contents_in_the_draft_has_real_page_numbers(package: Path) -> None:
    reader = PdfReader(str(package / "07-draft-stpp.pdf"))
    toc_page = next(p.extract_text() for p in reader.pages if "DAFTAR ISI" in p.extract_text())
    entries = [line for line in toc_page.splitlines() if re.search(r"BAB [IVX]+.*\d+\s*$", line)]
    assert len(entries) == 6, toc_page[:800]  # BAB I to V and BAB VI PENUTUP


def test_two_conversions_at_once_lose_no_file(tmp_path: Path) -> None:
    """Each run has its own LibreOffice profile; a shared one makes the second run drop files silently."""
    import threading

    from assembler.printing import convert_to_pdf

    result = build(CONTOH, tmp_path / "docx", only=["sk-pokja", "citizen-charter", "berita-acara-kesepakatan"])
    files = [tmp_path / "docx" / d.file for d in result.built]
    outputs: dict[str, list[Path]] = {}

    def run(name: str) -> None:
        outputs[name] = convert_to_pdf(files, tmp_path / name)

    threads = [threading.Thread(target=run, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name in ("a", "b"):
        assert sorted(p.name for p in (tmp_path / name).glob("*.pdf")) == sorted(p.name for p in outputs[name])
        assert len(outputs[name]) == 3
