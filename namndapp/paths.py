"""Where things live: bundled resources (source tree or frozen app) and the default database."""

import os
import sys
from pathlib import Path

import platformdirs

DB_ENV_VAR = "NAMNDAPP_DB"


def resource_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resurser"
    return Path(__file__).resolve().parent.parent / "resurser"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def default_database_path() -> Path:
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env)
    return Path(platformdirs.user_data_dir("namndapp", appauthor=False)) / "namndapp.sqlite"
