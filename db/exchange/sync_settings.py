"""Where this portfolio syncs (the GUI's 同步设置): an exchange folder, a hub URL, or both.

Kept per portfolio file in its local sync state (meta `sync.where`, never merged and dropped from
every export), so the URL never travels to another site. A password is never stored: the URL
names the user only, and libpq finds the password in the PostgreSQL password file (~/.pgpass, or
the file PGPASSFILE names; %APPDATA%\\postgresql\\pgpass.conf on Windows). A URL with a password
in it is refused with a message saying so. With no pass file entry, the GUI asks at sync time
and keeps the answer in memory for that session (desktop/sync_actions.py).
"""
from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import UserError
from db.exchange.sync_round import SyncReport
from db.i18n import QT_TRANSLATE_NOOP
from db.store import sync_state

if TYPE_CHECKING:
    from db.portfolio import Portfolio

KEY = "where"
MSG_PASSWORD = QT_TRANSLATE_NOOP("errors", "同步中心地址中不要写密码（会以明文保存在组合文件里）：请把密码写入 PostgreSQL "
                                           "密码文件（~/.pgpass，或环境变量 PGPASSFILE 指定的文件）")
MSG_SCHEME = QT_TRANSLATE_NOOP("errors", "同步中心地址应以 postgresql:// 开头，例如 postgresql://单位账号@主机/数据库")
MSG_NOWHERE = QT_TRANSLATE_NOOP("errors", "尚未设置交换文件夹或同步中心（文件 → 同步设置）")


def where(pf: Portfolio) -> dict:
    """{"folder": str, "hub": str} — empty strings where nothing is set."""
    with pf.read() as db:
        value = sync_state.get(db, KEY, {})
    value = value if isinstance(value, dict) else {}
    return {"folder": str(value.get("folder") or ""), "hub": str(value.get("hub") or "")}


def check_hub_url(url: str) -> str:
    url = url.strip()
    if not url:
        return ""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("postgresql", "postgres"):
        raise UserError(MSG_SCHEME)
    query = urllib.parse.parse_qs(parsed.query)
    if parsed.password is not None or "password" in query:
        raise UserError(MSG_PASSWORD)
    return url


def set_where(pf: Portfolio, folder: str, hub: str) -> dict:
    value = {"folder": folder.strip(), "hub": check_hub_url(hub)}
    with pf.write("sync settings") as db:
        sync_state.put(db, KEY, value)
    return value


def sync_now(pf: Portfolio, password: str | None = None) -> SyncReport:
    """One round through whatever is set: the folder first, then the hub (each merges what the
    other brought, so an office on both relays between folder sites and hub sites). `password`
    is the hub's, asked for by the GUI for this session only; when the hub asks for one and none
    is at hand, report.needs_password says so (the GUI asks and runs the round again)."""
    from db.exchange.folder import sync_folder
    from db.exchange.hub import HubPasswordNeeded, HubPasswordRefused, sync_hub
    chosen = where(pf)
    if not chosen["folder"] and not chosen["hub"]:
        raise UserError(MSG_NOWHERE)
    report = SyncReport()
    if chosen["folder"]:
        report.extend(sync_folder(pf, Path(chosen["folder"])))
    if chosen["hub"]:
        try:
            report.extend(sync_hub(pf, chosen["hub"], password))
        except HubPasswordNeeded:
            report.needs_password = True
        except UserError as exc:
            report.password_refused = isinstance(exc, HubPasswordRefused)
            if not report.merged and not report.sent:
                raise
            report.failed = str(exc)  # what the folder brought is merged: say both
    return report
