"""A slice's file is built from the slice's rows (store/slices.copy_slice, issue #20): it must be
the file that copying the whole portfolio and cutting it down gave — every row of every table,
the schema, the blobs of the kept live attachments only (no thumbnails), meta without the site,
the peers. The cut copy is rebuilt here as it was, for the comparison."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "attachments"))
import samples  # noqa: E402

from db.attachments import attach  # noqa: E402
from db.exchange import export as export_mod  # noqa: E402
from db.model import KINDS  # noqa: E402
from db.portfolio import Portfolio  # noqa: E402
from db.store import slices  # noqa: E402


def cut_copy(pf: Portfolio, path: Path, keep: dict[str, set[str]]) -> None:
    """The former way: VACUUM INTO, then each kind's other rows deleted (kept rows in order)."""
    with pf.read() as db:
        db.execute("VACUUM INTO ?", (str(path),))
    conn = sqlite3.connect(path, isolation_level=None)
    for kind in KINDS.values():
        conn.execute(f"CREATE TEMP TABLE kept AS SELECT * FROM {kind.table} WHERE id IN "
                     "(SELECT value FROM json_each(?)) ORDER BY rowid", (json.dumps(sorted(keep[kind.name])),))
        conn.execute(f"DELETE FROM {kind.table}")
        conn.execute(f"INSERT INTO {kind.table} SELECT * FROM temp.kept")
        conn.execute("DROP TABLE temp.kept")
    conn.close()


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        head = [conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("user_version", "application_id", "page_size")]
        rowids = [(t, conn.execute(f'SELECT group_concat(rowid) FROM "{t}"').fetchone()[0])
                  for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [str(head), str(rowids), *conn.iterdump()]
    finally:
        conn.close()


def test_the_built_slice_is_the_cut_copy(tmp_path):
    pf = Portfolio.open(tmp_path / "office.sqlite", create=True)
    try:
        uid, _ = pf.create("units", {"name": "某研究院"})
        other, _ = pf.create("units", {"name": "另一单位"})
        pid, _ = pf.create("projects", {"name": "中试基地", "lead_unit_id": uid})
        qid, _ = pf.create("projects", {"name": "别人的项目", "lead_unit_id": other, "responsible_unit_ids": [uid]})
        gone, _ = pf.create("projects", {"name": "别人的另一个项目", "lead_unit_id": other})
        mid, _ = pf.create("milestones", {"name": "主体封顶", "project_id": pid, "planned_date": "2026-06-30"})
        pf.create("milestones", {"name": "别人的节点", "project_id": gone, "owner_unit_id": uid})
        attach.attach(pf, mid, samples.jpeg(tmp_path / "现场.jpg", colour=(10, 200, 10)))
        attach.attach(pf, gone, samples.pdf(tmp_path / "别人的合同.pdf"))
        dropped, _ = attach.attach(pf, qid, samples.pdf(tmp_path / "撤回.pdf"))
        pf.delete("attachments", dropped)  # a tombstone travels, its file does not
        keep = export_mod.slice_ids(pf, units=["某研究院"])
        assert keep is not None
        manifest = {"format": "kechuang-portfolio", "exported_at": "2026-12-04T00:00:00",
                    "max_clock": pf.clock.last}
        built, cut = tmp_path / "built.sqlite", tmp_path / "cut.sqlite"
        with pf.read():
            slices.copy_slice(pf.path, built, keep, export_mod.LOCAL_TABLES_CLEARED)
        cut_copy(pf, cut, keep)
        for path in (built, cut):
            slices.trim(path, dict(manifest), pf.site_id, export_mod.LOCAL_TABLES_CLEARED)
        assert dump(built) == dump(cut)
        blobs = sqlite3.connect(built).execute("SELECT count(*), count(thumbnail) FROM blobs").fetchone()
        assert blobs[0] >= 1 and blobs[1] == 0  # the kept live attachments' files, no thumbnails
    finally:
        pf.close()
