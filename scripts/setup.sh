#!/usr/bin/env bash
# Installerar allt Nämndapp behöver på en ny Debian-maskin. Kan köras hur många gånger som helst.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  python3-venv
  # Qt offscreen och i fönster
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-shape0 xvfb
  # Kontroll av dokument i testerna
  poppler-utils fonts-dejavu-core
)

if [ "${NAMNDAPP_TEST_TOOLS:-0}" = 1 ]; then
  # LibreOffice öppnar de skapade .docx-filerna i testerna; pdftotext/pdffonts läser PDF:erna.
  DEBIAN_PACKAGES+=(libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installerar Debian-paket: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi

# The same build every time: every package, and every package those need, is installed at the version
# and with the sha256 that requirements.lock gives (pip refuses a file whose hash differs). pyproject.toml
# keeps the ranges; after changing a dependency there, write the lock again with
#   bash scripts/setup.sh --lock
# (uv resolves for Linux, Windows and macOS alike, since the installer is built on Windows).
LOCK=requirements.lock
UV_VERSION=0.13.8
if [ "${1:-}" = "--lock" ]; then
  .venv/bin/python -m pip install -q "uv==$UV_VERSION"
  printf 'setuptools>=68\n' | .venv/bin/uv pip compile pyproject.toml - --extra gui --extra dev --extra build \
    --universal --python-version 3.11 --generate-hashes --quiet \
    --custom-compile-command "bash scripts/setup.sh --lock" -o "$LOCK"
  echo "Skrev $LOCK ($(grep -c '==' "$LOCK") paket med kontrollsummor)."
fi

stamp=.venv/.installed-$(cat pyproject.toml "$LOCK" | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --require-hashes --no-deps -r "$LOCK"
  # Nämndapp itself, without build isolation: the build backend (setuptools) comes from the lock too.
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  .venv/bin/python -m pip check >/dev/null || { .venv/bin/python -m pip check; exit 1; }
  rm -f .venv/.installed-*
  touch "$stamp"
fi
