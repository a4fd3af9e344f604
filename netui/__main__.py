"""Allow `python -m netui`."""

from netui.cli import main

raise SystemExit(main())
