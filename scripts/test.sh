#!/usr/bin/env bash
# Installerar allt som testerna behöver och kör hela testsviten (utan skärm).
set -euo pipefail
cd "$(dirname "$0")/.."
NAMNDAPP_TEST_TOOLS=1 bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"
