"""What the command modules share: their messages, `field=value` arguments, JSON output."""
from __future__ import annotations

import json
import os
import sys

from db.errors import PortfolioLocked, StorageError, UserError
from db.i18n import QT_TRANSLATE_NOOP
from db.portfolio import Portfolio

M = {
    "partial": QT_TRANSLATE_NOOP("cli", "文件“{path}”是一次被中断的新建留下的（{what}，没有任何记录）。"
                                        "要用新建的组合文件替换它，请加 --replace-partial 再运行。"),
    "bad_pair": QT_TRANSLATE_NOOP("cli", "参数“{arg}”应写成 字段=值"),
    "unknown_kind": QT_TRANSLATE_NOOP("cli", "未知的记录类型“{kind}”，可用：project, milestone, challenge, team, indicator, unit"),
    "created": QT_TRANSLATE_NOOP("cli", "已创建组合文件 {path}：{projects} 个项目，{milestones} 个里程碑，{indicators} 个指标"),
    "nothing": QT_TRANSLATE_NOOP("cli", "没有需要修改的字段"),
    "exported": QT_TRANSLATE_NOOP("cli", "已导出到 {path}：{projects} 个项目，{milestones} 个里程碑"),
    "since_last_slice": QT_TRANSLATE_NOOP("cli", "--since-last 导出对方尚未收到的全部修改，不能与 --unit/--category 同用"),
    "synced": QT_TRANSLATE_NOOP(
        "cli",
        "同步完成：发出 {sent} 个增量，合并 {merged} 个（新增 {added}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，疑似重复 {duplicates}），{waiting} 个尚未传完、下次再合并"),  # noqa: E501 - a translation key, kept whole
    "hub_offline": QT_TRANSLATE_NOOP("cli", "无法连接同步中心，本次未同步，可继续离线工作：{detail}"),
    "folder_pruned": QT_TRANSLATE_NOOP("cli", "已从交换文件夹清理 {n} 个各站点均已合并的本站变更集"),
    "hub_ready": QT_TRANSLATE_NOOP("cli", "同步中心已就绪（本次执行的迁移：{versions}）"),
    "hub_granted": QT_TRANSLATE_NOOP("cli", "已授权账号 {role} 使用同步中心"),
    "hub_compacted": QT_TRANSLATE_NOOP("cli", "同步中心已清理：删除 {deleted} 个各站点均已取得的旧版本记录，保留 {kept} 个"),
    "merged": QT_TRANSLATE_NOOP(
        "cli", "已合并 {source}：新增 {added}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，疑似重复 {duplicates}"),
    "merged_dry": QT_TRANSLATE_NOOP(
        "cli", "预览合并 {source}（未写入）：新增 {added}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，疑似重复 {duplicates}"),
}


def pairs(items: list[str]) -> dict:
    out = {}
    for item in items:
        if "=" not in item:
            raise UserError(M["bad_pair"], arg=item)
        key, value = item.split("=", 1)
        out[key.strip()] = value
    return out


def print_json(obj) -> None:
    """One JSON object (never NaN or Infinity, which JSON has not: db/store/values.py keeps every
    number finite and sums of them too, so this fails only on a bug)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=False, allow_nan=False) + "\n")


# A command that changes a portfolio another `kechuang` is changing waits this long for it (two
# scripts at once both succeed); a file open in the GUI is refused after it, in one line.
# KECHUANG_LOCK_WAIT (seconds) sets another wait.
def _lock_wait() -> float:
    try:
        return max(0.0, float(os.environ.get("KECHUANG_LOCK_WAIT", "10")))
    except ValueError:
        return 10.0


LOCK_WAIT_S = _lock_wait()


def open_to_change(path, preview: bool = False) -> Portfolio:
    """Open a portfolio to change it (waiting for another `kechuang` that has it). A preview
    (--dry-run) needs no write access, so a file that is read-only, in a read-only folder or
    open in another window is previewed read-only."""
    try:
        return Portfolio.open(path, lock_wait=0.0 if preview else LOCK_WAIT_S)
    except (PortfolioLocked, StorageError):
        if not preview:
            raise
        return Portfolio.open(path, readonly=True)
