"""The storage layer: the only place in Nämndapp that speaks SQL."""

from namndapp.storage.database import open_database, SCHEMA_NAME

__all__ = ["open_database", "SCHEMA_NAME"]
