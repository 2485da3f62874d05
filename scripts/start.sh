#!/usr/bin/env bash
# Installerar det som behövs och startar Nämndapp. Argumenten skickas vidare, t.ex. --demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/namndapp "$@"
