"""`python -m mootcourt` is the `mootcourt` command."""

from .cli import main

raise SystemExit(main())
