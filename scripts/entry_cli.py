"""Entry point of the bundled command line (PyInstaller)."""
from namndapp.cli import main

if __name__ == "__main__":
    main()
