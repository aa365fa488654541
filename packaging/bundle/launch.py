"""The one entry point of both executables of the bundle.

``ReleaseWriter`` (windowed) and ``releasewriter-cli`` (console) share one
folder and one archive of modules; each knows what to be from its own name.
"""

import sys
from pathlib import Path

CLI_NAME = "releasewriter-cli"

if Path(sys.executable).stem.lower() == CLI_NAME:
    from releasewriter.cli import entry

    entry()
else:
    from releasewriter.ui.app import main

    sys.exit(main())
