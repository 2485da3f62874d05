"""Commands: exchange (filled in by its issue)."""

COMMANDS = []
