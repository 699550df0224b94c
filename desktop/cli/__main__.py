"""`python -m desktop.cli` runs the command line."""
import sys

from desktop.cli import main

sys.exit(main())
