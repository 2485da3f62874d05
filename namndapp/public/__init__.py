"""What the public may see: the confidentiality rule, the one public filter, the final scan.

- `confidentiality.secrecy(row)`: is an item or § confidential, from its own marks and those of its
  case and tjänsteskrivelse, as they are now.
- `filter.public_version(data)`: the data of any document kind with confidential entries withheld and
  personnummer masked.
- `scan.scan_document(content, fmt, version)`: what a finished file still holds that it must not.
- `publish.publish(data, render, fmt)`: the three together; the only way a public document is made.
- `personnummer`: detection and masking, in one place.
- `source_check`: warnings when a personnummer is typed or imported into a field that can reach a
  public document.
"""

import importlib

# Loaded on first use (PEP 562): every audited write imports source_check, and the start-up of the GUI
# should not pay for the filter and the scan.
_EXPORTS = {
    "GENERIC_DOCUMENT_TITLE": "confidentiality", "GENERIC_TITLE": "confidentiality", "Secrecy": "confidentiality",
    "secrecy": "confidentiality", "PublicVersion": "filter", "public_version": "filter", "MASK": "personnummer",
    "contains_personnummer": "personnummer", "find_personnummer": "personnummer",
    "mask_personnummer": "personnummer", "LeakRefused": "publishing", "publish": "publishing",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"namndapp.public.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'namndapp.public' has no attribute {name!r}")
