"""Entry point of the frozen bundle: the same command line as the `kechuang` console script."""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
