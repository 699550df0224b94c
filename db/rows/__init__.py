"""Read-models: plain rows and figures for one screen each (register, overview, timeline,
indicators, slip log, plan review), computed from the portfolio; nothing stored, no Qt. `search.py`
is the one matching logic of every searchable table (which rows a search and filters let through),
`ranking.py` the order it shows them in (exact name, prefix, contains, pinyin)."""
