"""Entry point of the bundled desktop app (PyInstaller)."""
import sys

from namndapp.cli import main

if __name__ == "__main__":
    sys.exit(main(args=sys.argv[1:] or []))
