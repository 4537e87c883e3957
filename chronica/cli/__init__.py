"""The command line: a thin Typer layer over the library.

Each module in this package registers its commands on the one app with ``register(app)``;
library errors (:class:`chronica.errors.ChronicaError`) become one-line messages and exit codes.
"""

from __future__ import annotations

import typer

from chronica.cli import analysis, code, corpus, evaluate, lookup, web

app = typer.Typer(
    name="chronica",
    help="Political event data from text: who did what to whom, when, where, according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (code, lookup, evaluate, corpus, analysis, web):
    _module.register(app)

__all__ = ["app"]
