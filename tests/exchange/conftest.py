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
