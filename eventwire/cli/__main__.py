"""`python -m eventwire.cli` runs the command line."""
from . import main

main()
