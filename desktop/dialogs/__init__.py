"""Dialogs: records, merge and exchange, backups, import, settings, the brief preview, errors.
Those that show a table of plain rows with actions (backups, merge history, conflicts, slip log)
are table dialogs (table_dialog.py)."""
