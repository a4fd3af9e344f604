"""Allow `python -m netui`."""

from netui.fast import main

raise SystemExit(main())
