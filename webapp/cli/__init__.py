"""The `tongsheng` command: serving, the demo, plans, classification, backups, retention, the
queue worker. ``cli`` is the command group (``commands.py``); each area adds its commands."""

from webapp.cli.commands import cli

__all__ = ["cli"]
