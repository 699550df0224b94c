"""Helpers for GUI tests."""
from desktop.windows_cleanup import dispose as close_window  # noqa: F401
