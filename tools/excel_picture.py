"""Render one worksheet of an example topic workbook to PNG for the README (LibreOffice → PDF → pdftoppm).

    python tools/excel_picture.py 1.1 Stakeholders docs/img/excel-1.1-stakeholders.png
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

from assembler.conform import conform
from assembler.excel.writer import write_workbook
from assembler.loading import load_yaml_file
from assembler.models.registry import MODELS
from assembler.resources import CONTOH_DIR
from assembler.topics import BY_ID


def main(topic: str, sheet: str, out: Path, dpi: int = 130) -> None:
    topik = BY_ID[topic]
    cls = MODELS[topik.id]
    model = cls.model_validate(conform(load_yaml_file(CONTOH_DIR / topik.file).data, cls).data)
    wb = load_workbook(io.BytesIO(write_workbook(topik, model.model_dump(exclude_unset=True), {})))
    for ws in wb.worksheets:
        ws.sheet_state = "visible" if ws.title == sheet else "hidden"
    wb.active = wb.sheetnames.index(sheet)
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "lembar.xlsx"
        wb.save(book)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
             "--outdir", tmp, str(book)],
            check=True, capture_output=True, timeout=240,
        )
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(Path(tmp) / "lembar.pdf"),
             str(out.with_suffix(""))],
            check=True, timeout=120,
        )
    _crop(out)


def _crop(png: Path, margin: int = 12) -> None:
    """Cut the empty page around the table."""
    from PIL import Image, ImageChops

    image = Image.open(png).convert("RGB")
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    if box:
        left, top, right, bottom = box
        image = image.crop((max(0, left - margin), max(0, top - margin), right + margin, bottom + margin))
    image.save(png, optimize=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
