"""Use cases called by both the command line and the desktop app. Each change is one transaction."""
