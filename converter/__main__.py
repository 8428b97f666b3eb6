"""`python -m converter`: the same as the `convert` command."""

import sys

from converter.cli import main

sys.exit(main())
