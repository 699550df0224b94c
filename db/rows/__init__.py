"""Read-models: plain rows and figures for one screen each (register, overview, timeline,
indicators, slip log), computed from the portfolio; nothing stored, no Qt."""
