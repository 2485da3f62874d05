"""Domain errors. Each carries a Swedish message written for the secretary; only the edges show it."""


class NamndappError(Exception):
    """Base for every error the secretary may see. `message` is ready to show as it is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(NamndappError):
    """Input that breaks a rule; nothing was written."""


class NotFoundError(NamndappError):
    """The thing asked for does not exist."""


class ConflictError(NamndappError):
    """The change clashes with the current state (a locked number, a frozen record …)."""


class DatabaseFileError(NamndappError):
    """The file cannot be used as a Nämndapp database (not SQLite, another program's, newer version)."""


class ImportFileError(NamndappError):
    """A file to import is invalid; `path` points at the first error, e.g. 'agenda_items[3].title'."""

    def __init__(self, message: str, path: str = ""):
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
