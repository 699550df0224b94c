"""同步 (menu, toolbar, F9) and 同步设置: one round through this portfolio's exchange folder and/or
hub on the worker lane; the window hears the merge through the session's one `changed` signal.
The outcome goes to the status bar (the hub down: one line, work goes on offline); conflicts open
the conflict list. When the hub asks for a password libpq could not find, a small dialog asks for
it; the answer is kept in memory for this session only and the round runs again."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from db.exchange import sync_settings
from db.exchange.hub import HubPasswordRefused
from db.store.changes import Changes
from desktop.watch import watch
from desktop.worker import Background

SHORTCUT = "F9"
MESSAGE_MS = 30000


class SyncActions(QObject):
    def __init__(self, window, session, menu: QMenu):
        super().__init__(window)
        self.window, self.session = window, session
        self.act_sync = menu.addAction("", self.sync, QKeySequence(SHORTCUT))
        self.act_settings = menu.addAction("", self.edit_settings)
        self.toolbar = window.toolbar  # the window's toolbar (made with its frame): 同步 is its first action
        self.toolbar.addAction(self.act_sync)
        self.running = False
        self.last_message = ""
        self.last_report = None
        self.conflicts_dialog = None
        self.password_dialog = None
        self.stranded_box = None
        self.carried = None
        self.passwords: dict[str, str] = {}  # hub URL → password given this session (memory only)
        self.loader = Background(self)
        watch(session, "file_actions", lambda _ch: self._update_enabled())

    def _update_enabled(self) -> None:
        writable = self.session.pf is not None and not self.session.readonly
        self.act_sync.setEnabled(writable and not self.running)
        self.act_settings.setEnabled(writable)

    def edit_settings(self) -> bool:
        from desktop.dialogs.sync_settings import SyncSettingsDialog
        return bool(SyncSettingsDialog(self.session, self.window).exec())

    def sync(self) -> None:
        pf = self.session.pf
        if pf is None or self.running:
            return
        if self.session.readonly:
            QMessageBox.information(self.window, self.tr("同步"), self.tr("组合文件以只读方式打开，不能同步。"))
            return
        where = sync_settings.where(pf)
        if not where["folder"] and not where["hub"] and not self.edit_settings():
            return
        self.running = True
        self._update_enabled()
        self._run(where["hub"])

    def _run(self, hub: str) -> None:
        self._say(self.tr("正在同步…"))
        password = self.passwords.get(hub) if hub else None
        self.session.op(lambda pf: sync_settings.sync_now(pf, password), parent=self.window, title=self.tr("同步"),
                        changes=lambda r: Changes.everything_changed() if r.merged else Changes()) \
            .success(lambda r: self._done(r, hub)).failure(lambda exc: self._refused(exc, hub)).run_in_background()

    def _ask_password(self, hub: str, report) -> None:
        from desktop.dialogs.hub_password import HubPasswordDialog
        self.password_dialog = dialog = HubPasswordDialog(hub, self.window)

        def answered(ok: bool) -> None:
            self.password_dialog = None
            if ok:
                self.passwords[hub] = dialog.password.text()
                report.needs_password = False
                self.carried = report  # what the folder did in the first try is reported with the retry
                self._run(hub)
            else:  # cancelled: no hub round, no error; what the folder did (if anything) is said
                self._finish()
                parts = [self.tr("未输入同步中心密码，本次未与同步中心同步"), *self._summary(report, folder_only=True)]
                self._say("；".join(parts))
            dialog.deleteLater()
        dialog.finished.connect(lambda result: answered(result == QDialog.Accepted))
        dialog.open()

    def _say(self, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _finish(self) -> None:
        self.running = False
        self._update_enabled()

    def _refused(self, exc, hub: str = "") -> None:
        self._finish()
        self.carried = None
        if isinstance(exc, HubPasswordRefused):
            self.passwords.pop(hub, None)  # asked again next time
        self._say(self.tr("同步未完成：%1").replace("%1", str(exc)))

    def _done(self, report, hub: str = "") -> None:
        if self.carried is not None:
            report.extend(self.carried)
            self.carried = None
        self.last_report = report
        if report.needs_password:
            self._ask_password(hub, report)
            return
        self._finish()
        if report.password_refused:
            self.passwords.pop(hub, None)
        self._say("；".join(self._summary(report)))
        if report.stranded:
            self.stranded_box = QMessageBox(QMessageBox.Warning, self.tr("同步"),
                                            "\n\n".join(dict.fromkeys(m for _s, m in report.stranded)),
                                            QMessageBox.Ok, self.window)
            self.stranded_box.setWindowModality(Qt.NonModal)
            self.stranded_box.show()
        if report.conflicts:  # the list read on the worker (~1,000 reads after a city merge), then shown
            from desktop.dialogs.exchange import ConflictsDialog, conflict_rows
            pf = self.session.pf
            self.loader.submit(lambda: conflict_rows(pf), lambda rows: self._show_conflicts(ConflictsDialog, rows))

    def _summary(self, report, folder_only: bool = False) -> list[str]:
        if folder_only:
            if not (report.merged or report.sent):
                return []
            return [self.tr("交换文件夹已同步：发出 %1 个，合并 %2 个")
                    .replace("%1", str(len(report.sent))).replace("%2", str(len(report.merged)))]
        t = report.totals
        parts = [self.tr("同步完成：发出 %1 个变更集，合并 %2 个（新增 %3，更新 %4，删除 %5，冲突 %6）")
                 .replace("%1", str(len(report.sent))).replace("%2", str(len(report.merged)))
                 .replace("%3", str(t["added"])).replace("%4", str(t["updated"]))
                 .replace("%5", str(t["deleted"])).replace("%6", str(t["conflicts"]))]
        if report.waiting:
            parts.append(self.tr("%1 个文件尚未传完，下次同步再合并").replace("%1", str(len(report.waiting))))
        if report.refused:
            parts.append(self.tr("拒收 %1 个不合格的变更集").replace("%1", str(len(report.refused))))
        if report.pruned:
            parts.append(self.tr("清理 %1 个各方都已合并的旧变更集").replace("%1", str(len(report.pruned))))
        if report.stranded:  # pruned past this file: only a fresh full copy helps (said in full in a box)
            parts.insert(0, self.tr("本文件落后于交换文件夹：需要办公室的最新完整组合文件"))
        if report.offline:
            parts = [self.tr("同步中心暂时无法连接，已继续离线工作，下次同步时补上（%1）").replace("%1", report.offline)]
            if report.merged or report.sent:
                parts.append(self.tr("交换文件夹已同步：发出 %1 个，合并 %2 个")
                             .replace("%1", str(len(report.sent))).replace("%2", str(len(report.merged))))
        if report.failed:
            parts.append(self.tr("同步中心：%1").replace("%1", report.failed))
        return parts

    def _show_conflicts(self, dialog, rows: list[dict]) -> None:
        self.conflicts_dialog = dialog(self.session, self.window, rows)
        self.conflicts_dialog.show()

    def retranslate(self) -> None:
        self.act_sync.setText(self.tr("同步"))
        self.toolbar.setWindowTitle(self.tr("工具栏"))
        self.act_sync.setToolTip(self.tr("与交换文件夹或同步中心交换变更（%1）").replace("%1", SHORTCUT))
        self.act_settings.setText(self.tr("同步设置…"))
