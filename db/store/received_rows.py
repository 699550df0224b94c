"""The field values of one row of a received file, validated like user input (store/received.py).

A cell whose stored value is the value of the same row in our file (SQLite's `IS`, found with our
file attached: store/received_diff.py) is decoded as ours is (values.from_sql), not validated
again: it is a value our file already holds, so validating it can refuse nothing, and the merge
compares it with ours decoded the same way. In a city merge most cells of a changed row are
unchanged (12,000 rows × 18 fields checked again). A REAL value is validated all the same: `IS`
holds 1.0 equal to an integer 1, which validation would turn into another Python value.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import NoReturn

from db.errors import UserError
from db.i18n import tr
from db.model import KINDS, Field, Kind
from db.store.values import check, from_sql

_JSON = ("reflist", "strlist", "json")
_DECODED = (*_JSON, "bool")  # stored as text or an integer: from_sql decodes them


@functools.cache
def _fields(kind_name: str) -> tuple[tuple[str, Field, bool, bool], ...]:
    """(name, field, decoded by from_sql, required) of each field, in the order of `differ`."""
    return tuple((f.name, f, f.type in _DECODED, f.required) for f in KINDS[kind_name].fields)


def values(kind: Kind, row: dict, label: str, differ: str | None, refuse: Callable[[str], NoReturn]) -> dict:
    """{field: value} of a received row (`differ`: '0' per field where the cell is ours; None:
    validate every cell). `refuse(detail)` refuses the file."""
    out = {}
    for i, (name, f, decoded, required) in enumerate(_fields(kind.name)):
        raw_value = row[name]
        if differ is not None and differ[i] == "0" and type(raw_value) is not float and \
                (raw_value is not None or not required):
            out[name] = from_sql(f, raw_value) if decoded else raw_value
            continue
        out[name] = _checked(kind, f, raw_value, row, label, refuse)
    return out


def _checked(kind: Kind, f: Field, raw_value, row: dict, label: str, refuse: Callable[[str], NoReturn]):
    if f.type in _JSON and isinstance(raw_value, str):
        try:
            raw_value = json.loads(raw_value)
        except (ValueError, RecursionError):
            refuse(f"{label}「{tr(f.label)}」")
    try:
        return check(kind, f, raw_value, label, stored=True)
    except UserError as exc:
        if f.required and raw_value is None and row["deleted"]:
            return None  # a tombstone may have lost its content
        refuse(str(exc))
