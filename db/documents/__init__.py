"""Documents made from the portfolio: the weekly brief (brief/), the 榜单 (notice, notice_xlsx),
the milestone calendar (ics). Same data, same bytes."""
