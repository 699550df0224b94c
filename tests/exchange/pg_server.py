"""A real PostgreSQL server for the hub tests: Debian's `postgresql` binaries, initdb in a temp
dir as an unprivileged user (the server refuses to run as root), a free loopback port, a log."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.bin = binaries()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.tmp = Path(tempfile.mkdtemp(prefix="kechuang-pg-"))
        self.data = self.tmp / "data"
        self.log = self.tmp / "postgres.log"
        self.port = _free_port()
        self.user = None
        if os.geteuid() == 0:
            self.user = "nobody"
            pw = pwd.getpwnam(self.user)
            os.chown(self.tmp, pw.pw_uid, pw.pw_gid)
        self.tmp.chmod(0o700)

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, cwd=self.tmp)

    def start(self) -> Server:
        self._run(self.bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--no-locale")
        self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "-o",
                  f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        return self

    def url(self, user: str = "postgres", db: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{db}"

    def stop(self, mode: str = "fast") -> None:
        try:
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")
        except subprocess.CalledProcessError:
            pass

    def restart(self) -> None:
        self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "-o",
                  f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def cleanup(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.tmp, ignore_errors=True)

    def sql(self, statement: str, db: str = "postgres") -> None:
        import psycopg
        with psycopg.connect(self.url(db=db), autocommit=True) as conn:
            conn.execute(statement)
