"""Write a package (OUT/ with the documents and manifest.json, plus OUT.zip) atomically, losing nothing.

The package is assembled in a temporary folder beside OUT (same filesystem, so renames are atomic)
and swapped in only when complete; a build killed at any moment leaves the previous OUT as it was.
A lock file beside OUT (``filelock``, portable) keeps two builds from interleaving.

What is in OUT is judged *under the lock, immediately before the swap*, against the bytes on disk
at that moment (see docs/dev/paket-dan-cetak.md):

* a document whose bytes differ from what siap generated (the merge base, kept in ``OUT/.siap/``)
  is the user's: it is carried over untouched, and when its inputs changed a ``NN-id.revisi.docx``
  beside it carries siap's changes as Word tracked changes;
* anything siap did not make (a dotfile, a subfolder, an annotated PDF, a file named ``arsip``…)
  stops the build (exit 3); ``force`` moves it into ``OUT/arsip/<stamp>/`` first;
* a document open in Word or LibreOffice (its lock file is there, or Windows refuses the rename)
  stops the build (exit 3) naming the document;
* ``arsip/`` is carried over by every build, and nothing is ever deleted that siap cannot remake.
"""

from __future__ import annotations

from assembler.package import messages  # noqa: F401 - registers the stage's user messages on import
from assembler.package.contents import hand_edited_files, inspect_out, preflight
from assembler.package.lock import check_location, package_lock, resolve_out
from assembler.package.manifest import (
    ARSIP,
    DEFAULT_LOCK_TIMEOUT,
    MANIFEST,
    MAX_ATTEMPTS,
    REVISION_SUFFIX,
    STATE_DIR,
    STATE_FILE,
    BuiltDocument,
    InputFile,
    KeptDocument,
    ManifestError,
    OutputLocationError,
    PackageError,
    PackageLockedError,
    PackageResult,
    PrintFile,
    RefusedError,
    Skipped,
    WorkspaceInfo,
    build_manifest,
    lock_path,
    manifest_bytes,
    read_manifest,
    revision_name,
    sha256_bytes,
    zip_path,
)
from assembler.package.plan import revision_date_now
from assembler.package.swap import default_archive_stamp, package_zip_bytes, write_package

__all__ = [
    "ARSIP",
    "DEFAULT_LOCK_TIMEOUT",
    "MANIFEST",
    "MAX_ATTEMPTS",
    "REVISION_SUFFIX",
    "STATE_DIR",
    "STATE_FILE",
    "BuiltDocument",
    "InputFile",
    "KeptDocument",
    "ManifestError",
    "OutputLocationError",
    "PackageError",
    "PackageLockedError",
    "PackageResult",
    "PrintFile",
    "RefusedError",
    "Skipped",
    "WorkspaceInfo",
    "build_manifest",
    "check_location",
    "default_archive_stamp",
    "hand_edited_files",
    "inspect_out",
    "lock_path",
    "manifest_bytes",
    "package_lock",
    "package_zip_bytes",
    "preflight",
    "read_manifest",
    "resolve_out",
    "revision_date_now",
    "revision_name",
    "sha256_bytes",
    "write_package",
    "zip_path",
]
