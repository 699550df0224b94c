"""Widgets the screens and dialogs share: the plain-rows table model, the filtered table, forms,
charts, delegates, the lazily built page."""
