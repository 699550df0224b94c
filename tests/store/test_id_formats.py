"""The formats of what received files name things with: clocks, sites, record ids, attachment hashes."""
import pytest

from db.store import hlc

GOOD = hlc.fmt(1_750_000_000_000, 0x2A, "0123456789abcdef")


@pytest.mark.parametrize("bad", [
    GOOD + "\n",  # `$` let a final newline through
    "１７５" + GOOD[3:],  # full-width digits: `\d` took them
    "١٧٥" + GOOD[3:],  # Arabic-Indic digits
    GOOD.upper(), GOOD[:-1], GOOD + "0", " " + GOOD, "", None, 17,
])
def test_only_the_one_format_is_a_clock(bad):
    assert not hlc.is_valid(bad)
    with pytest.raises(ValueError):
        hlc.parse(bad)


def test_sites_must_be_sixteen_lower_hex_digits_and_nothing_after():
    assert hlc.SITE_RE.match("0123456789abcdef")
    assert not hlc.SITE_RE.match("0123456789abcdef\n")


def test_record_ids_and_attachment_hashes_take_no_final_newline():
    from db.store.received_blobs import SHA_RE
    from db.store.values import UUID_RE
    uid, sha = "0123abcd-0123-4567-89ab-0123456789ab", "ab" * 32
    assert UUID_RE.match(uid) and SHA_RE.match(sha)
    assert not UUID_RE.match(uid + "\n") and not SHA_RE.match(sha + "\n")
