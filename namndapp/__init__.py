"""Nämndapp: kärnan (domän, lagring, dokument, kommandorad). Importerar aldrig Qt."""

__version__ = "0.1.0"
APP_NAME = "Nämndapp"
