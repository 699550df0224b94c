"""Issue #21 finding 8: the write path reads dates with the import's parser (one parser)."""
import pytest

from db.errors import ValidationError
from db.model import MILESTONES
from db.sheets.cells import parse_date as cell_date
from db.store.values import check

FIELD = MILESTONES.field("planned_date")


@pytest.mark.parametrize("typed", ["2026年6月30日", "2026/6/30", "2026.6.30", "2026-6-30", "２０２６年６月３０日",
                                   "2026年6月", "2026年二季度", "2026年上半年", "20260630"])
def test_check_accepts_what_the_import_accepts(typed):
    assert check(MILESTONES, FIELD, typed) == cell_date(typed)[0]


@pytest.mark.parametrize("typed", ["2026年13月", "2026/2/30", "明年", "45838"])
def test_check_refuses_what_is_no_date_and_names_the_field(typed):
    with pytest.raises(ValidationError) as err:
        check(MILESTONES, FIELD, typed, "里程碑「主体封顶」")
    assert "「计划日期」" in str(err.value) and typed in str(err.value)
