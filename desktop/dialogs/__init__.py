"""Dialogs: records, merge and exchange, backups, import, settings, the brief preview, errors."""
