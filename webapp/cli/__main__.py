"""`python -m webapp.cli`: the `tongsheng` command without the installed script."""

from webapp.cli.commands import cli

cli()
