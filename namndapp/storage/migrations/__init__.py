"""Named, append-only schema migrations. Never edit a released step: add a new module at the end.

The import order below is the order the steps run in.
"""

from namndapp.storage.migrations.registry import migrations
from namndapp.storage.migrations import m001_register  # noqa: F401  (registers its steps)
from namndapp.storage.migrations import m002_agenda  # noqa: F401
from namndapp.storage.migrations import m003_minutes  # noqa: F401
from namndapp.storage.migrations import m004_dispatch  # noqa: F401
from namndapp.storage.migrations import m005_confidential_reports  # noqa: F401
from namndapp.storage.migrations import m006_delegation  # noqa: F401
from namndapp.storage.migrations import m007_justering  # noqa: F401
from namndapp.storage.migrations import m009_house_style  # noqa: F401
from namndapp.storage.migrations import m010_search  # noqa: F401
from namndapp.storage.migrations import m011_signed_protocols  # noqa: F401
from namndapp.storage.migrations import m012_audit_log  # noqa: F401
from namndapp.storage.migrations import m013_lookup_indexes  # noqa: F401

__all__ = ["migrations"]
