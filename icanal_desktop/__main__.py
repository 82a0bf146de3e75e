import sys

from icanal_desktop.app import main

sys.exit(main())
