"""Commands: minutes (filled in by its issue)."""

COMMANDS = []
