"""`python -m icanal_desktop.cli`: the `icanal` command."""

import sys

from icanal_desktop.cli.run import main

sys.exit(main())
