#!/usr/bin/env bash
# The user's path, checked: build the wheel, install it (not editable) into a fresh venv, and from another
# folder run `siap init`, `siap check` and `siap build` on a copy of the example. Fails unless every document
# of the example is built. Used by .ci/run; needs the .venv that tools/setup.sh makes (for pip wheel).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/siap-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

.venv/bin/python -m pip wheel -q --no-deps -w "$WORK/dist" . >/dev/null
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q "$WORK"/dist/siap-*.whl
SIAP="$WORK/venv/bin/siap"

cd "$WORK"  # not the checkout: nothing may be found through the current folder
"$SIAP" --version
"$SIAP" init baru
"$SIAP" check baru >/dev/null
cp -r "$REPO/fixtures/contoh" contoh
rm -rf contoh/keluaran contoh/keluaran.zip contoh/.keluaran*
"$SIAP" check contoh >/dev/null
"$SIAP" build contoh >/dev/null
"$WORK/venv/bin/python" -m assembler templates check >/dev/null
if command -v soffice >/dev/null; then  # the converter script ships in the wheel and runs from there
  "$SIAP" build contoh -o pdf --only sk-pokja --pdf
  test -s pdf/01-sk-pokja.pdf
fi
"$WORK/venv/bin/python" - <<'PY'
import json
from pathlib import Path

import assembler
from assembler.documents.registry import DOKUMEN

installed = Path(assembler.__file__).resolve()
assert "site-packages" in installed.parts, f"siap was imported from {installed}, not from the wheel"
manifest = json.loads(Path("contoh/keluaran/manifest.json").read_text(encoding="utf-8"))
built = [d["id"] for d in manifest["documents"]]
assert manifest["skipped"] == [], manifest["skipped"]
assert len(built) == len(DOKUMEN), (len(built), len(DOKUMEN))
assert all(Path("contoh/keluaran", d["file"]).is_file() for d in manifest["documents"])
assert Path("contoh/keluaran.zip").is_file()
print(f"check_wheel: ok ({len(built)} documents from the installed wheel)")
PY
