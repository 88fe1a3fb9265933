"""The user messages of the package stage, registered with both texts when the package is imported."""

from __future__ import annotations

from assembler.messages import register

register(
    {
        "package.locked": (
            "folder keluaran {out} sedang ditulis oleh proses lain (kunci {kunci}); "
            "sudah menunggu {detik} detik. Tunggu proses itu selesai lalu ulangi",
            "output folder {out} is being written by another process (lock {kunci}); waited {detik} "
            "seconds. Wait for that build to finish, then try again",
        ),
        "package.not_a_folder": (
            "{out} sudah ada tetapi bukan folder; pilih folder keluaran lain",
            "{out} exists but is not a folder; choose another output folder",
        ),
        "package.below_a_file": (
            "folder keluaran {out} tidak dapat dibuat karena {berkas} adalah berkas, bukan folder; "
            "pilih folder keluaran lain",
            "output folder {out} cannot be created because {berkas} is a file, not a folder; "
            "choose another output folder",
        ),
        "package.name_too_long": (
            "nama folder keluaran '{nama}' terlalu panjang untuk sistem berkas ({panjang} bita; paling banyak "
            "{batas}); pilih nama yang lebih pendek",
            "output folder name '{nama}' is too long for the file system ({panjang} bytes; at most {batas}); "
            "choose a shorter name",
        ),
        "package.parent_unwritable": (
            "folder {folder} tidak dapat ditulisi (izin ditolak), jadi paket tidak dapat ditulis di sana; "
            "pilih folder keluaran lain atau minta izin tulis",
            "folder {folder} cannot be written to (permission denied), so the package cannot be written "
            "there; choose another output folder or ask for write permission",
        ),
        "package.lock_unwritable": (
            "berkas kunci {kunci} tidak dapat dibuka untuk ditulis (izin ditolak); hapus berkas itu atau "
            "minta izin tulis, lalu ulangi",
            "lock file {kunci} cannot be opened for writing (permission denied); delete it or ask for "
            "write permission, then try again",
        ),
        "package.read_only": (
            "folder keluaran {out} hanya-baca, jadi siap tidak menggantinya; izinkan penulisan pada folder "
            "itu atau pilih folder keluaran lain",
            "output folder {out} is read-only, so siap does not replace it; allow writing to it or choose "
            "another output folder",
        ),
        "package.broken_link": (
            "folder keluaran {out} adalah tautan (symlink) ke {target} yang tidak ada; buat folder itu "
            "atau pilih folder keluaran lain",
            "output folder {out} is a link (symlink) to {target}, which does not exist; create that "
            "folder or choose another output folder",
        ),
        "package.bad_name": (
            "nama berkas '{nama}' tidak boleh dipakai dalam paket (harus nama berkas biasa tanpa folder)",
            "file name '{nama}' cannot be used in the package (it must be a plain file name, no folders)",
        ),
        "package.duplicate_name": (
            "nama berkas '{nama}' dipakai lebih dari satu dokumen",
            "file name '{nama}' is used by more than one document",
        ),
        "package.bad_manifest": (
            "manifest.json rusak ({detail}), jadi siap tidak dapat mengenali naskah yang disunting tangan; "
            "pembuatan dibatalkan dan tidak ada yang diubah. Jalankan ulang dengan --force untuk memindahkan "
            "seluruh isi folder ke {arsip}/ lebih dahulu",
            "manifest.json is damaged ({detail}), so siap cannot tell which documents were edited by hand; "
            "the build stopped and nothing was changed. Run again with --force to move everything in the "
            "folder into {arsip}/ first",
        ),
        "package.foreign_file": (
            "berkas ini tidak dibuat siap; pembuatan dibatalkan dan tidak ada yang diubah. Pindahkan berkas ini, "
            "atau jalankan ulang dengan --force untuk memindahkannya ke {arsip}/ lebih dahulu",
            "siap did not make this file; the build stopped and nothing was changed. Move it away, or run "
            "again with --force to move it into {arsip}/ first",
        ),
        "package.foreign_folder": (
            "folder ini tidak dibuat siap; pembuatan dibatalkan dan tidak ada yang diubah. Pindahkan folder ini, "
            "atau jalankan ulang dengan --force untuk memindahkannya ke {arsip}/ lebih dahulu",
            "siap did not make this folder; the build stopped and nothing was changed. Move it away, or run "
            "again with --force to move it into {arsip}/ first",
        ),
        "package.edited_pdf": (
            "PDF ini diubah setelah dibuat siap (mungkin diberi anotasi); pembuatan dibatalkan dan tidak ada "
            "yang diubah. Simpan di luar folder ini, atau jalankan ulang dengan --force untuk memindahkannya "
            "ke {arsip}/ lebih dahulu",
            "this PDF changed after siap made it (perhaps annotated); the build stopped and nothing was "
            "changed. Keep it outside this folder, or run again with --force to move it into {arsip}/ first",
        ),
        "package.edited_revision": (
            "berkas revisi ini diubah setelah dibuat siap; pembuatan dibatalkan dan tidak ada yang diubah. "
            "Simpan hasil peninjauan sebagai {naskah} (menggantikan naskah yang disunting) atau di luar folder "
            "ini, atau jalankan ulang dengan --force untuk memindahkannya ke {arsip}/ lebih dahulu",
            "this revision file changed after siap made it; the build stopped and nothing was changed. Save "
            "the reviewed result as {naskah} (replacing the edited document) or outside this folder, or run "
            "again with --force to move it into {arsip}/ first",
        ),
        "package.open_document": (
            "naskah ini sedang dibuka ({kunci} ada); tutup dokumen ini di Word/LibreOffice lalu ulangi. "
            "Bila tidak ada yang membukanya, hapus {kunci}",
            "this document is open ({kunci} exists); close it in Word/LibreOffice, then try again. If "
            "nobody has it open, delete {kunci}",
        ),
        "package.unreadable": (
            "berkas ini tidak dapat dibaca ({detail}), jadi siap tidak dapat memeriksa apakah berkas ini "
            "disunting; tidak ada yang diubah. Periksa izin berkas itu (atau tutup program yang menguncinya) "
            "lalu ulangi",
            "this file cannot be read ({detail}), so siap cannot tell whether it was edited; nothing was "
            "changed. Check its permissions (or close the program that locks it), then try again",
        ),
        "package.in_use": (
            "berkas ini sedang dipakai program lain; tutup dokumen ini di Word/LibreOffice lalu ulangi. "
            "Paket sebelumnya tidak berubah",
            "this file is in use by another program; close it in Word/LibreOffice, then try again. The "
            "previous package is unchanged",
        ),
        "package.in_use_unknown": (
            "folder keluaran {out} tidak dapat diganti karena ada berkas di dalamnya yang sedang dipakai "
            "program lain; tutup dokumen di Word/LibreOffice (dan jendela folder itu) lalu ulangi. Paket "
            "sebelumnya tidak berubah",
            "output folder {out} cannot be replaced because a file in it is in use by another program; "
            "close the documents in Word/LibreOffice (and that folder's window), then try again. The "
            "previous package is unchanged",
        ),
        "package.changed_during_build": (
            "isi folder keluaran {out} terus berubah selama pembuatan (ada berkas yang sedang disimpan); "
            "tidak ada yang diubah. Ulangi setelah selesai menyimpan",
            "the output folder {out} kept changing during the build (a file is being saved); nothing "
            "was changed. Try again when saving has finished",
        ),
        "package.write_failed": (
            "paket tidak dapat ditulis ke {out}: {detail}; paket sebelumnya tidak berubah",
            "the package could not be written to {out}: {detail}; the previous package is unchanged",
        ),
        "package.zip_not_replaced": (
            "{zip} tidak dapat diganti ({detail}); folder {out} sudah baru, dan zip diperbarui pada build "
            "berikutnya",
            "{zip} could not be replaced ({detail}); folder {out} is new, and the zip is brought up to date "
            "at the next build",
        ),
    }
)


register(
    {
        "build.not_a_package": (
            "folder hasil '{out}' sudah berisi berkas lain dan bukan paket siap (tidak ada manifest.json); "
            "pilih folder lain",
            "output folder '{out}' already holds other files and is not a siap package (no manifest.json); "
            "choose another folder",
        ),
    }
)
