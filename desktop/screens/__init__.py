"""The main window's screens, each paired with its read-model in db/rows/ or db/challenges/."""
