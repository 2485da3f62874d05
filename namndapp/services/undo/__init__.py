"""Undo and redo that a secretary can trust: per screen and record (scope), through the services' rules,
restoring every column, and itself recorded in the audit log."""

from namndapp.services.undo.apply import Change
from namndapp.services.undo.scope import SCREENS, Scope
from namndapp.services.undo.stack import UndoStack, UndoStacks

__all__ = ["Change", "SCREENS", "Scope", "UndoStack", "UndoStacks"]
