#!/usr/bin/env bash
# Set up a fresh machine for siap: system tools for printing and pictures, then a venv with the package.
# Idempotent; safe to run again. Debian/Ubuntu packages are installed only when missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."

# LibreOffice (headless) converts .docx to PDF, driven through python3-uno so tables of contents get
# their page numbers; Calc reads and re-saves the topic workbooks (.xlsx) in tests; poppler-utils checks
# PDFs (pdffonts, pdfinfo, pdftoppm);
# fonts-urw-base35 carries URW Bookman, which fontconfig substitutes for Bookman Old Style on Linux;
# python3-venv makes the .venv here and the fresh venv in which CI installs the wheel (tools/check_wheel.sh).
DEBS=(libreoffice-writer-nogui libreoffice-calc-nogui python3-uno poppler-utils fonts-urw-base35 fonts-dejavu-core graphviz python3-venv)
missing=()
for pkg in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "setup: please install: ${missing[*]} (apt-get install --no-install-recommends ...)" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e '.[test]'
echo "setup: ok ($(.venv/bin/siap --version))"
