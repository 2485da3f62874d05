"""What may be searched, in the secretary's words."""

KIND_LABELS = {
    "case": "ärende",
    "report": "tjänsteskrivelse",
    "paragraph": "paragraf",
    "decision": "beslut",
    "motion": "yrkande",
    "reservation": "reservation",
    "note": "protokollsanteckning",
    "delegated": "delegationsbeslut",
}
_BY_LABEL = {label: kind for kind, label in KIND_LABELS.items()}
_BY_LABEL.update({"§": "paragraph", "anteckning": "note", "delegation": "delegated"})


def kind_named(name: str) -> str | None:
    """The kind for a Swedish label (or its English key), whatever the case; None if there is none."""
    name = (name or "").strip().casefold()
    return name if name in KIND_LABELS else _BY_LABEL.get(name)
