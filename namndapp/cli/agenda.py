"""Commands: agenda (filled in by its issue)."""

COMMANDS = []
