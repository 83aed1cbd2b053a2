"""`python -m tchap_desktop`, and the PyInstaller bundle's entry point."""

import sys

from tchap_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
