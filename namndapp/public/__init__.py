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

from namndapp.public.confidentiality import GENERIC_DOCUMENT_TITLE, GENERIC_TITLE, Secrecy, secrecy
from namndapp.public.filter import PublicVersion, public_version
from namndapp.public.personnummer import MASK, contains_personnummer, find_personnummer, mask_personnummer
from namndapp.public.publish import LeakRefused, publish

__all__ = ["GENERIC_DOCUMENT_TITLE", "GENERIC_TITLE", "MASK", "LeakRefused", "PublicVersion", "Secrecy",
           "contains_personnummer", "find_personnummer", "mask_personnummer", "public_version", "publish", "secrecy"]
