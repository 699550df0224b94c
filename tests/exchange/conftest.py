import pytest
from replicas import Office


@pytest.fixture
def offices(tmp_path):
    made = []

    def make(name: str, with_builtin: bool = True) -> Office:
        o = Office(tmp_path, name, with_builtin)
        made.append(o)
        return o
    yield make
    for o in made:
        o.close()


# the session's PostgreSQL server (`pg_server`) is set up in tests/conftest.py, shared with tests/desktop


@pytest.fixture
def hub(pg_server):
    """A fresh hub database, initialised, with login roles office, unit_a, unit_b, unit_c."""
    import itertools
    import uuid

    from db.exchange.hub import init_hub
    name = f"hub_{uuid.uuid4().hex[:10]}"
    pg_server.sql(f"CREATE DATABASE {name}")
    for role in ("office", "unit_a", "unit_b", "unit_c"):
        pg_server.sql(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
                      f"THEN CREATE ROLE {role} LOGIN; END IF; END $$")
    pg_server.sql(f"GRANT CONNECT, TEMP ON DATABASE {name} TO PUBLIC")
    init_hub(pg_server.url(db=name))
    _ = itertools
    return pg_server, name
