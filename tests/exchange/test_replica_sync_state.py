"""A replica made by 另存为 from a file that already syncs starts its own numbering (issue #19):
the original's exchange-folder sequence and hub push state stay with the original, while what it
had received (folder receipts, the hub cursor) is true of the copy too."""
from db import builtin
from db.exchange.folder import sync_folder
from db.exchange.hub import hub_key, sync_hub
from db.portfolio import Portfolio
from db.store import sync_state


def test_a_replica_of_a_syncing_office_publishes_from_number_one(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    with Portfolio.open(tmp_path / "office.sqlite", create=True) as office:
        builtin.load(office)
        pid = office.list("projects")[0]["id"]
        office.update("projects", pid, {"notes": "办公室先同步"})
        assert sync_folder(office, share).sent  # the office's changeset number 1
        office.save_as(tmp_path / "unit.sqlite")
        with Portfolio.open(tmp_path / "unit.sqlite") as unit:
            unit.update("projects", pid, {"stage": "建设"})
            sent = sync_folder(unit, share).sent
            assert [name.split("/")[1][:8] for name in sent] == ["00000001"]
        report = sync_folder(office, share)
        assert len(report.merged) == 1 and not report.waiting
        assert office.get("projects", pid)["stage"] == "建设"


def test_a_replica_keeps_the_hub_cursor_but_not_the_originals_push_state(tmp_path, hub):
    server, name = hub
    url = server.url(db=name)
    with Portfolio.open(tmp_path / "office.sqlite", create=True) as office:
        builtin.load(office)
        sync_hub(office, url)
        with office.read() as db:
            state = sync_state.get(db, hub_key(url))
            state["cursor"] = 7  # as if it had merged others' changesets up to the hub's cursor 7
            with office.write("test: a cursor") as w:
                sync_state.put(w, hub_key(url), state)
        assert state["seq"] == 1
        office.save_as(tmp_path / "unit.sqlite")
    with Portfolio.open(tmp_path / "unit.sqlite") as unit:
        with unit.read() as db:
            copied = sync_state.get(db, hub_key(url))
        assert copied == {"cursor": 7}


def test_a_plain_copy_of_a_syncing_file_syncs_as_a_site_of_its_own(tmp_path):
    """A file copied with `cp` (not 另存为) takes its own site id at its first write; a sync round
    that starts on it publishes under that id, from number one."""
    import shutil
    share = tmp_path / "share"
    share.mkdir()
    with Portfolio.open(tmp_path / "office.sqlite", create=True) as office:
        builtin.load(office)
        pid = office.list("projects")[0]["id"]
        office.update("projects", pid, {"notes": "一"})
        sync_folder(office, share)
        old_site = office.site_id
    shutil.copyfile(tmp_path / "office.sqlite", tmp_path / "copy.sqlite")
    with Portfolio.open(tmp_path / "copy.sqlite") as copy:
        report = sync_folder(copy, share)
        assert copy.site_id != old_site and not report.sent
        copy.update("projects", pid, {"notes": "副本"})
        assert [n.split("/")[1][:8] for n in sync_folder(copy, share).sent] == ["00000001"]
        assert (share / copy.site_id).is_dir()
    with Portfolio.open(tmp_path / "office.sqlite") as office:
        assert len(sync_folder(office, share).merged) == 1
        assert office.get("projects", pid)["notes"] == "副本"
