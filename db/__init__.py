"""The Qt-free core (DESIGN §4). Read it in this order: store/ (the only door to SQLite), model.py
and rules.py (the domain and its write rules), challenges/ (the 揭榜挂帅 domain), rows/ (what each
screen shows), documents/ (brief, 榜单, calendar), sheets/ and exchange/ (round-trips), builtin/.
Callers use portfolio.Portfolio."""
