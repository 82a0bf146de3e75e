"""The frozen app's entry point (PyInstaller runs this script)."""

import sys

from icanal_desktop.app import main

sys.exit(main())
