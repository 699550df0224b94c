"""The 揭榜挂帅 domain (DESIGN §2): rules (stages, gates, tranches), ops (what the screen and CLI
apply), status (赛马 standings, due pledges) and the rows its screens show."""
