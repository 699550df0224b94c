"""Widgets the screens and dialogs share: the plain-rows table model, the one filtered table (the
register, the challenge list, the plan review), the grouped tree, forms, charts, delegates,
the lazily built page."""
