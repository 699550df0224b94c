"""The hub's row-level security holds against a unit's role that tries to shadow what the hub's
SECURITY DEFINER functions read (issue #19): a TEMP table (pg_temp is searched first for tables)
or its own schema put first in its search_path. h001 left those functions with the caller's
search path; h004 pins it. A hub initialised before h004 is upgraded by running `hub init` again.
"""
import json
import uuid

import psycopg
import pytest
from sites import Sites

from db.exchange.hub import init_hub
from db.store import hub as door


@pytest.fixture
def old_hub(pg_server):
    """A hub as `hub init` left it before the pinning (h001 only; h002/h003 redefine kc_claim unpinned)."""
    name = f"hub_{uuid.uuid4().hex[:10]}"
    pg_server.sql(f"CREATE DATABASE {name}")
    for role in ("office", "unit_a", "unit_b", "unit_c"):
        pg_server.sql(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
                      f"THEN CREATE ROLE {role} LOGIN; END IF; END $$")
    pg_server.sql(f"GRANT CONNECT, TEMP ON DATABASE {name} TO PUBLIC")
    with door.connect(pg_server.url(db=name)) as conn:
        assert door.init(conn, upto=1) == [1]
    return pg_server, name


@pytest.fixture
def sites(tmp_path, old_hub):
    s = Sites(tmp_path, "hub", old_hub)  # the office pushes only once the hub is upgraded (the app asks for it)
    yield s
    s.close()


def shadow_with_temp_tables(conn, other_unit: str) -> None:
    conn.execute("CREATE TEMP TABLE kc_unit_roles (role_name name, unit_id text)")
    conn.execute("INSERT INTO kc_unit_roles VALUES (current_user, %s)", (other_unit,))
    conn.execute("CREATE TEMP TABLE kc_owners (kind text, row_id text, unit_ids text[], PRIMARY KEY (kind, row_id))")


def shadow_with_own_schema(conn, other_unit: str) -> None:
    conn.execute("CREATE SCHEMA unit_a")
    conn.execute("CREATE TABLE unit_a.kc_unit_roles (role_name name, unit_id text)")
    conn.execute("INSERT INTO unit_a.kc_unit_roles VALUES (current_user, %s)", (other_unit,))
    conn.execute("CREATE TABLE unit_a.kc_owners (kind text, row_id text, unit_ids text[], PRIMARY KEY (kind, row_id))")
    conn.execute("CREATE FUNCTION unit_a.kc_claim(k text, data jsonb) RETURNS text[] LANGUAGE sql AS "
                 "$$ SELECT ARRAY(SELECT unit_id FROM unit_a.kc_unit_roles) $$")
    conn.execute("SET search_path = unit_a, public")


def attack(s, shadow) -> bool:
    """unit_a's role writes unit 2's project straight at the server, after shadowing; True if the
    server took it."""
    other_unit = s.unit_ids[1]
    project = s.projects[other_unit][0]
    row = {"values": {"lead_unit_id": other_unit, "notes": "越权"}, "deleted": None}
    with psycopg.connect(s.url(1)) as conn:
        shadow(conn, other_unit)
        cur = conn.execute("INSERT INTO public.kc_changesets(site_id, seq, manifest) "
                           "VALUES ('aaaaaaaaaaaaaaaa', 1, '{}') RETURNING cursor").fetchone()[0]
        try:
            conn.execute("INSERT INTO public.kc_rows(cursor, kind, row_id, data) VALUES (%s, 'projects', %s, %s)",
                         (cur, project, json.dumps(row)))
        except psycopg.errors.InsufficientPrivilege:
            return False
        conn.commit()
        return True


def upgrade(s) -> None:
    assert init_hub(s.server.url(db=s.db)) == [2, 3, 4, 5]
    assert init_hub(s.server.url(db=s.db)) == []
    s.sync(0)  # the office's first push: every record on the hub with its owners


def test_a_temp_table_cannot_shadow_the_hubs_role_list(sites):
    upgrade(sites)
    assert not attack(sites, shadow_with_temp_tables)


@pytest.mark.parametrize("shadow", [shadow_with_temp_tables, shadow_with_own_schema])
def test_before_h004_either_shadow_got_through(sites, shadow):
    """Why h004 exists: the same attacks on a hub left at h001 are taken by the server."""
    sites.server.sql(f"GRANT CREATE ON DATABASE {sites.db} TO unit_a")
    assert attack(sites, shadow)


def test_a_units_own_schema_first_in_its_search_path_cannot_shadow_tables_or_functions(sites):
    sites.server.sql(f"GRANT CREATE ON DATABASE {sites.db} TO unit_a")  # a generous DBA
    upgrade(sites)
    assert not attack(sites, shadow_with_own_schema)


def test_every_security_definer_function_pins_its_search_path(sites):
    upgrade(sites)
    with door.connect(sites.server.url(db=sites.db)) as conn:
        rows = conn.execute("SELECT p.proname, p.proconfig FROM pg_proc p WHERE p.prosecdef "
                            "AND p.pronamespace = 'public'::regnamespace").fetchall()
    assert {name for name, _ in rows} >= {"kc_owner", "kc_claim", "kc_may_write", "kc_own_changeset",
                                          "kc_site_free", "kc_note_owner"}
    assert all(config == ["search_path=public, pg_temp"] for _, config in rows), rows


def test_the_upgraded_hub_still_syncs_and_still_refuses_another_units_project(sites):
    upgrade(sites)
    mine = sites.projects[sites.unit_ids[0]][0]
    sites.units[0].update("projects", mine, {"notes": "升级后"})
    sites.settle()
    assert sites.office.get("projects", mine)["notes"] == "升级后"
    assert not attack(sites, lambda conn, other: None)
