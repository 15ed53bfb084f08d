"""Command line: a thin click group; every command calls a library function.

Each module below attaches its commands to `base.cli` when imported.
"""
from . import extract  # noqa: F401  (extract, clean)
from .base import cli

# Command modules added by later stages register themselves here.
_COMMAND_MODULES = ["store", "actors", "places", "evaluate", "signals", "serve", "demo"]


def _load_commands() -> None:
    from importlib import import_module
    from importlib.util import find_spec

    for name in _COMMAND_MODULES:
        if find_spec(f"{__name__}.{name}") is not None:
            import_module(f"{__name__}.{name}")


_load_commands()


def main() -> None:
    cli(prog_name="eventwire")
