"""``python -m emshell`` is the same as the ``emshell`` command."""

import sys

from emshell.cli import main

sys.exit(main())
