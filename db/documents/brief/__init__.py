"""The weekly brief (周报) as an A4 PDF in the GB/T 9704 layout; build.py is the entry point."""
