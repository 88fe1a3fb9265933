"""The Bagian Hukum's edits survive new inputs, and nothing a user put in OUT is lost (issues 9 and 15).

These run ``siap build`` as a user would (through the CLI), on a copy of the example, and check the
exit code, the lines printed, and the files in OUT byte for byte. The redline engine itself is
tested by its own module; here it is the build around it.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.text.paragraph import Paragraph

from assembler import package as pkg
from assembler.package import plan as pkg_plan
from tests.conftest import replace_in, run, stderr_without_known_contradictions
from tests.helpers.libreoffice import needs_soffice
from tests.helpers.revisions import accepted, plain, rejected

MENIMBANG_A = "secara partisipatif;"
MENIMBANG_A_EDITED = "secara partisipatif dan berkelanjutan;"
PWI = "Ketua Persatuan Wartawan Indonesia Kabupaten Lembah Sari"
PWI_EDITED = "Ketua Persatuan Wartawan Indonesia (PWI) Kabupaten Lembah Sari"
ADDED = "5.\tYth. Kepala Perwakilan Badan Pengawasan Keuangan dan Pembangunan Provinsi Jawa Tengah di Semarang."
DINKES = "Kepala Dinas Kesehatan Kabupaten Lembah Sari"
DINKES_NEW = "Kepala Dinas Kesehatan dan Keluarga Berencana Kabupaten Lembah Sari"
TERM_OLD = "sampai dengan tanggal 31 Desember 2026."
TERM_NEW = "sampai dengan tanggal 30 Juni 2027."


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _replace_in_paragraph(paragraph: object, old: str, new: str) -> None:
    """Change text the way Word does: inside the run that holds it (keeps the run's formatting)."""
    for word_run in paragraph.runs:  # type: ignore[attr-defined]
        if old in word_run.text:
            word_run.text = word_run.text.replace(old, new)
            return
    raise AssertionError(f"{old!r} is not inside one run")


def _cell_paragraph(doc: object, text: str) -> object:
    for table in doc.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if text in p.text:
                        return p
    raise AssertionError(f"{text!r} not in any cell")


def hand_edit(path: Path, *, term: str | None = None) -> bytes:
    """The Bagian Hukum's edits, saved: a Menimbang item, a table cell, a paragraph added."""
    doc = Document(str(path))
    _replace_in_paragraph(_cell_paragraph(doc, MENIMBANG_A), MENIMBANG_A, MENIMBANG_A_EDITED)
    _replace_in_paragraph(_cell_paragraph(doc, PWI), PWI, PWI_EDITED)
    last_tembusan = next(p for p in doc.paragraphs if p.text.startswith("4.\tYth. Dewan Pengawas"))
    _replace_in_paragraph(last_tembusan, "di Sarimulya.", "di Sarimulya;")
    new_p = copy.deepcopy(last_tembusan._p)  # a new paragraph with the list's formatting, after it
    last_tembusan._p.addnext(new_p)
    added = Paragraph(new_p, last_tembusan._parent)
    for extra in added.runs[1:]:
        new_p.remove(extra._r)
    added.runs[0].text = ADDED
    if term is not None:
        _replace_in_paragraph(_cell_paragraph(doc, TERM_OLD), TERM_OLD, term)
    doc.save(str(path))
    return path.read_bytes()


def change_two_inputs(workspace: Path) -> None:
    """A Pokja member's office and the term's end date change."""
    replace_in(workspace / "1.1-stakeholder-pokja.yaml", f"jabatan: {DINKES}", f"jabatan: {DINKES_NEW}")
    replace_in(workspace / "1.1-stakeholder-pokja.yaml", "masa_kerja_berakhir: 2026-12-31",
               "masa_kerja_berakhir: 2027-06-30")


@pytest.fixture
def built(contoh: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    code, _, err = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja", "citizen-charter")
    assert code == 0, err
    return out


def test_hand_edited_sk_is_kept_and_the_new_inputs_arrive_as_tracked_changes(
    contoh: Path, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = built
    sk = out / "01-sk-pokja.docx"
    generated = sk.read_bytes()
    edited = hand_edit(sk)
    charter = (out / "04-citizen-charter.docx").read_bytes()
    change_two_inputs(contoh)
    monkeypatch.setattr(pkg_plan, "revision_date_now", lambda: dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC))
    code, stdout, stderr = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja", "citizen-charter")
    assert (code, stderr_without_known_contradictions(stderr)) == (0, "")
    assert stdout.splitlines() == [
        "  ditulis   04-citizen-charter.docx",
        "  dipertahankan  01-sk-pokja.docx: disunting tangan; perubahan dari masukan baru ditulis sebagai perubahan "
        "terlacak di 01-sk-pokja.revisi.docx (5 perubahan, 0 bentrok)",
        f"1 naskah ditulis ke {out} dan {out.parent / 'out.zip'}.",
    ]
    assert sk.read_bytes() == edited  # byte for byte
    assert (out / "04-citizen-charter.docx").read_bytes() == charter
    revision = out / "01-sk-pokja.revisi.docx"
    after = "\n".join(accepted(revision))
    for hand in (MENIMBANG_A_EDITED, PWI_EDITED, ADDED):
        assert hand in after
    for change in (DINKES_NEW, TERM_NEW):
        assert change in after
    assert DINKES not in after.replace(DINKES_NEW, "") and TERM_OLD not in after
    assert rejected(revision) == plain(edited)
    # The merge base stays the version the edit started from; the manifest says what is where.
    assert (out / ".siap" / "01-sk-pokja.docx").read_bytes() == generated
    entry = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"][0]
    assert entry["file"] == "01-sk-pokja.docx" and entry["edited"] is True
    assert entry["base"] == ".siap/01-sk-pokja.docx"
    assert entry["sha256"] == pkg.sha256_bytes(generated)
    assert entry["revision"]["file"] == "01-sk-pokja.revisi.docx"
    assert entry["revision"]["date"] == "2026-03-02T09:30:00+00:00"
    with zipfile.ZipFile(out.parent / "out.zip") as zf:
        assert zf.read("01-sk-pokja.docx") == edited
        assert zf.read("01-sk-pokja.revisi.docx") == revision.read_bytes()
    # The same edit and the same inputs, another day: the same revision, byte for byte.
    first = revision.read_bytes()
    monkeypatch.setattr(pkg_plan, "revision_date_now", lambda: dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    code, _, _ = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja", "citizen-charter")
    assert code == 0
    assert revision.read_bytes() == first
    assert sk.read_bytes() == edited


def test_a_paragraph_changed_by_hand_and_by_the_inputs_keeps_the_hand_version(contoh: Path, built: Path) -> None:
    out = built
    sk = out / "01-sk-pokja.docx"
    hand_term = "sampai dengan tanggal 31 Desember 2026 dan dapat diperpanjang."
    edited = hand_edit(sk, term=hand_term)
    change_two_inputs(contoh)
    code, stdout, stderr = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert (code, stderr_without_known_contradictions(stderr)) == (0, "")
    lines = stdout.splitlines()
    assert lines[0] == (
        "  dipertahankan  01-sk-pokja.docx: disunting tangan; perubahan dari masukan baru ditulis sebagai perubahan "
        "terlacak di 01-sk-pokja.revisi.docx (3 perubahan, 1 bentrok)"
    )
    assert lines[1].startswith("      bentrok  tabel 3, baris 6, kolom 3")
    assert lines[1].endswith(
        ": suntingan tangan dipertahankan; perubahan dari masukan menjadi komentar: “Pokja sebagaimana dimaksud "
        "dalam Diktum KESATU melaksanakan tugas sejak tanggal Keputusan ini ditetapkan sampai dengan tanggal 30 Juni "
        "2027.”"
    )
    assert sk.read_bytes() == edited
    after = "\n".join(accepted(out / "01-sk-pokja.revisi.docx"))
    assert hand_term in after and TERM_NEW not in after
    assert DINKES_NEW in after


def test_a_hand_edit_whose_inputs_did_not_change_writes_nothing(contoh: Path, built: Path) -> None:
    out = built
    edited = hand_edit(out / "01-sk-pokja.docx")
    before = snapshot(out)
    code, stdout, _ = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 0
    assert stdout.splitlines()[0] == (
        "  dipertahankan  01-sk-pokja.docx: disunting tangan; masukannya tidak berubah, tidak ada yang ditulis untuknya"
    )
    assert (out / "01-sk-pokja.docx").read_bytes() == edited
    assert not (out / "01-sk-pokja.revisi.docx").exists()
    assert {k: v for k, v in snapshot(out).items() if k != "manifest.json"} == {
        k: v for k, v in before.items() if k != "manifest.json"
    }


def test_a_re_save_without_text_changes_is_still_the_users_file(contoh: Path, built: Path) -> None:
    out = built
    sk = out / "01-sk-pokja.docx"
    Document(str(sk)).save(str(sk))  # opened and saved again: other bytes, the same text
    resaved = sk.read_bytes()
    change_two_inputs(contoh)
    code, stdout, _ = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 0
    assert stdout.splitlines()[0] == (
        "  dipertahankan  01-sk-pokja.docx: disimpan ulang tanpa perubahan teks; perubahan dari masukan baru ditulis "
        "sebagai perubahan terlacak di 01-sk-pokja.revisi.docx (5 perubahan, 0 bentrok)"
    )
    assert sk.read_bytes() == resaved


def test_force_archives_the_edit_and_writes_the_generated_document(contoh: Path, built: Path) -> None:
    out = built
    edited = hand_edit(out / "01-sk-pokja.docx")
    change_two_inputs(contoh)
    code, stdout, _ = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja", "--force")
    assert code == 0
    (stamp,) = list((out / "arsip").iterdir())
    assert stdout.splitlines()[:2] == [
        f"Berkas yang disunting tangan atau tidak dibuat siap dipindahkan ke {stamp}: 01-sk-pokja.docx",
        "  ditulis   01-sk-pokja.docx",
    ]
    assert (stamp / "01-sk-pokja.docx").read_bytes() == edited
    assert TERM_NEW in "\n".join(plain(out / "01-sk-pokja.docx"))
    assert not (out / "01-sk-pokja.revisi.docx").exists()


def test_only_leaves_every_other_document_in_out_the_zip_and_the_manifest(contoh: Path, built: Path) -> None:
    out = built
    before = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    charter = (out / "04-citizen-charter.docx").read_bytes()
    change_two_inputs(contoh)
    replace_in(contoh / "stpp.yaml", "nama: Hendra Wijayakusuma", "nama: Hendra Wijaya Kusuma")
    code, stdout, _ = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 0
    assert "04-citizen-charter" not in stdout
    assert (out / "04-citizen-charter.docx").read_bytes() == charter
    after = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in after["documents"]] == ["sk-pokja", "citizen-charter"]
    assert after["documents"][1] == before["documents"][1]
    with zipfile.ZipFile(out.parent / "out.zip") as zf:
        assert zf.read("04-citizen-charter.docx") == charter


#: A warning of the workspace itself (a bell character pasted into a name), to see it survive a refusal.
REFUSED = (
    "Paket naskah tidak dibuat dan tidak ada yang diubah karena isi folder keluaran (lihat di atas). Ikuti "
    "petunjuknya, lalu jalankan 'siap build' lagi. Masukan ruang kerja: 0 kesalahan, 1 peringatan."
)
BELL_LINE = "1.1-stakeholder-pokja.yaml:8:51: peringatan: karakter kendali tak terlihat (U+0007) dihapus dari teks"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_document_open_in_word_stops_the_build(contoh: Path, built: Path, lang: str) -> None:
    """A refusal is not a mistake in the inputs: the summary says what happened and still counts the warnings."""
    out = built
    replace_in(contoh / "1.1-stakeholder-pokja.yaml", "Kabupaten Lembah Sari\n", "Kabupaten Lembah Sari\a\n")
    (out / "~$-sk-pokja.docx").write_bytes(b"\x05Budi")
    before = snapshot(out)
    code, stdout, stderr = run("build", str(contoh), "-o", str(out), "--force", "--lang", lang)
    assert (code, stdout) == (3, "")
    expected = {
        "id": [
            BELL_LINE,
            f"{out / '01-sk-pokja.docx'}: naskah ini sedang dibuka (~$-sk-pokja.docx ada); tutup dokumen ini di "
            "Word/LibreOffice lalu ulangi. Bila tidak ada yang membukanya, hapus ~$-sk-pokja.docx",
            REFUSED,
        ],
        "en": [
            "1.1-stakeholder-pokja.yaml:8:51: warning: invisible control character (U+0007) removed from the text",
            f"{out / '01-sk-pokja.docx'}: this document is open (~$-sk-pokja.docx exists); close it in "
            "Word/LibreOffice, then try again. If nobody has it open, delete ~$-sk-pokja.docx",
            "No package was built and nothing was changed because of what is in the output folder (see above). "
            "Follow the instructions there, then run 'siap build' again. Workspace inputs: 0 errors, 1 warnings.",
        ],
    }
    assert stderr_without_known_contradictions(stderr).splitlines() == expected[lang]
    assert snapshot(out) == before


def test_a_refusal_met_at_the_swap_still_shows_the_warnings(
    contoh: Path, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The early look passed (the lock file appears while the documents are rendered): the same summary."""
    out = built
    replace_in(contoh / "1.1-stakeholder-pokja.yaml", "Kabupaten Lembah Sari\n", "Kabupaten Lembah Sari\a\n")
    monkeypatch.setattr("assembler.build.preflight", lambda out, *, force: None)
    (out / "notulen.txt").write_text("catatan rapat", encoding="utf-8")
    code, _, stderr = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 3
    assert stderr_without_known_contradictions(stderr).splitlines() == [
        BELL_LINE,
        f"{out / 'notulen.txt'}: berkas ini tidak dibuat siap; pembuatan dibatalkan dan tidak ada yang diubah. "
        "Pindahkan berkas ini, atau jalankan ulang dengan --force untuk memindahkannya ke out/arsip/ lebih dahulu",
        REFUSED,
    ]
    assert (out / "notulen.txt").read_text(encoding="utf-8") == "catatan rapat"


def test_a_subfolder_stops_the_build_and_force_archives_it(contoh: Path, built: Path) -> None:
    out = built
    (out / "draf lama").mkdir()
    (out / "draf lama" / "sk-v0.docx").write_bytes(b"draf pertama")
    code, _, stderr = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 3
    assert stderr_without_known_contradictions(stderr).splitlines() == [
        f"{out / 'draf lama'}: folder ini tidak dibuat siap; pembuatan dibatalkan dan tidak ada yang diubah. "
        "Pindahkan folder ini, atau jalankan ulang dengan --force untuk memindahkannya ke out/arsip/ lebih dahulu",
        REFUSED.replace("1 peringatan", "0 peringatan"),
    ]
    code, stdout, _ = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja", "--force")
    assert code == 0
    (stamp,) = list((out / "arsip").iterdir())
    assert stdout.splitlines()[0] == (
        f"Berkas yang disunting tangan atau tidak dibuat siap dipindahkan ke {stamp}: draf lama"
    )
    assert (stamp / "draf lama" / "sk-v0.docx").read_bytes() == b"draf pertama"


def test_a_malformed_manifest_is_a_clear_refusal(contoh: Path, built: Path) -> None:
    out = built
    (out / "manifest.json").write_text('{"documents": "semua"}', encoding="utf-8")
    code, _, stderr = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 3
    assert stderr_without_known_contradictions(stderr).splitlines() == [
        f"{out / 'manifest.json'}: manifest.json rusak ('documents' bukan daftar), jadi siap tidak dapat mengenali "
        "naskah yang disunting tangan; pembuatan dibatalkan dan tidak ada yang diubah. Jalankan ulang dengan --force "
        "untuk memindahkan seluruh isi folder ke out/arsip/ lebih dahulu",
        REFUSED.replace("1 peringatan", "0 peringatan"),
    ]


@pytest.mark.parametrize("where", ["file", "below a file"])
def test_output_at_or_below_a_file_is_a_usage_error(contoh: Path, tmp_path: Path, where: str) -> None:
    (tmp_path / "catatan.txt").write_text("milik pengguna")
    out = tmp_path / "catatan.txt" if where == "file" else tmp_path / "catatan.txt" / "keluaran"
    code, _, stderr = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 2
    expected = (
        f"{out} sudah ada tetapi bukan folder; pilih folder keluaran lain"
        if where == "file"
        else f"folder keluaran {out} tidak dapat dibuat karena {tmp_path / 'catatan.txt'} adalah berkas, bukan "
        "folder; pilih folder keluaran lain"
    )
    assert stderr.splitlines()[0] == expected
    assert (tmp_path / "catatan.txt").read_text() == "milik pengguna"


def test_an_output_name_over_the_file_system_limit_is_a_usage_error(contoh: Path, tmp_path: Path) -> None:
    out = tmp_path / ("k" * 300)
    code, _, stderr = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 2
    assert stderr.splitlines()[0] == (
        f"nama folder keluaran '{'k' * 40}…{'k' * 12}' terlalu panjang untuk sistem berkas (300 bita; paling banyak "
        "215); pilih nama yang lebih pendek"
    )


def accept_all(data: bytes) -> bytes:
    """What "Accept All Changes" and save does to the document's text (w:ins kept, w:del gone)."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            part = zin.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(part)
                for mark in list(root.iter(w + "del")):
                    parent = mark.getparent()
                    if parent.tag == w + "trPr":  # a deleted row goes with its row
                        parent.getparent().getparent().remove(parent.getparent())
                    else:
                        parent.remove(mark)
                for mark in list(root.iter(w + "ins")):
                    parent = mark.getparent()
                    index = parent.index(mark)
                    for child in list(mark):
                        parent.insert(index, child)
                        index += 1
                    parent.remove(mark)
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, part)
    return buf.getvalue()


def test_a_revision_accepted_and_saved_as_the_document_is_not_proposed_again(contoh: Path, built: Path) -> None:
    out = built
    sk = out / "01-sk-pokja.docx"
    hand_edit(sk)
    change_two_inputs(contoh)
    assert run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")[0] == 0
    revision = out / "01-sk-pokja.revisi.docx"
    reviewed = accept_all(revision.read_bytes())
    revision.unlink()
    sk.write_bytes(reviewed)  # the drafter saved the reviewed revision as the SK
    code, stdout, _ = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 0
    assert stdout.splitlines()[0] == (
        "  dipertahankan  01-sk-pokja.docx: disunting tangan; perubahan dari masukan baru sudah ada di dalamnya, "
        "tidak ada yang ditulis untuknya"
    )
    assert sk.read_bytes() == reviewed
    assert not revision.exists()
    # The base moved on to siap's new version: the next build sees unchanged inputs.
    code, stdout, _ = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert stdout.splitlines()[0].endswith("masukannya tidak berubah, tidak ada yang ditulis untuknya")


@needs_soffice
def test_a_libreoffice_re_save_alone_writes_no_revision_and_is_kept(contoh: Path, built: Path, tmp_path: Path) -> None:
    out = built
    sk = out / "01-sk-pokja.docx"
    resave = tmp_path / "simpan-ulang"
    resave.mkdir()
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
         "docx:MS Word 2007 XML", "--outdir", str(resave), str(sk)],
        capture_output=True, text=True, timeout=240, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    sk.write_bytes((resave / sk.name).read_bytes())  # the generated SK, opened and saved by LibreOffice
    saved = sk.read_bytes()
    code, stdout, stderr = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert (code, stderr_without_known_contradictions(stderr)) == (0, "")
    assert stdout.splitlines()[0] == (
        "  dipertahankan  01-sk-pokja.docx: disimpan ulang tanpa perubahan teks; masukannya tidak berubah, tidak ada "
        "yang ditulis untuknya"
    )
    assert sk.read_bytes() == saved
    assert not (out / "01-sk-pokja.revisi.docx").exists()


@needs_soffice
def test_libreoffice_shows_the_revisions_the_build_wrote(contoh: Path, built: Path, tmp_path: Path) -> None:
    from tests.helpers.revisions import office_review

    out = built
    edited = hand_edit(out / "01-sk-pokja.docx")
    change_two_inputs(contoh)
    assert run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")[0] == 0
    entry = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"][0]
    review = office_review(out / "01-sk-pokja.revisi.docx", tmp_path)
    assert review["redlines"] == entry["revision"]["revisions"]
    after = "\n".join(str(t) for t in review["accepted"])  # type: ignore[attr-defined]
    for text in (MENIMBANG_A_EDITED, PWI_EDITED, ADDED, DINKES_NEW, TERM_NEW):
        assert text in after
    assert (out / "01-sk-pokja.docx").read_bytes() == edited


def test_the_kept_line_in_english(contoh: Path, built: Path) -> None:
    out = built
    hand_edit(out / "01-sk-pokja.docx")
    code, stdout, _ = run("--lang", "en", "build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert code == 0
    assert stdout.splitlines()[0] == (
        "  kept      01-sk-pokja.docx: edited by hand; its inputs did not change, nothing was written for it"
    )
