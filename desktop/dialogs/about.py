"""关于: version, data file, schema version, and the licences of what is bundled."""
from __future__ import annotations

from html import escape
from importlib import metadata

from PySide6.QtCore import QCoreApplication, qVersion

from db.store.schema import SCHEMA_VERSION

LIBRARIES = (("PySide6", "LGPL-3.0"), ("pyqtgraph", "MIT"), ("reportlab", "BSD"), ("openpyxl", "MIT"),
             ("sqlite-utils", "Apache-2.0"), ("platformdirs", "MIT"))


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "—"


def about_html(pf) -> str:
    tr = lambda t: QCoreApplication.translate("About", t)  # noqa: E731
    libs = "".join(f"<tr><td>{name}</td><td>{_version(name)}</td><td>{lic}</td></tr>" for name, lic in LIBRARIES)
    path = escape(str(pf.path)) if pf else "—"
    version = pf.schema_version if pf else "—"
    return (f"<h3>{tr('科创项目台账')} {_version('kechuang')}</h3>"
            f"<p>{tr('重大科技项目、揭榜挂帅与指标体系的台账工具，离线可用。')}</p>"
            f"<p>{tr('数据文件')}：{path}<br>{tr('数据格式版本')}：{version}（{tr('本程序支持')} {SCHEMA_VERSION}）"
            f"<br>Qt {qVersion()}</p>"
            f"<p><b>{tr('内置字体')}</b>：{tr('文泉驿微米黑')} — Apache-2.0 {tr('或')} GPL-3.0+ {tr('（含字体例外）')}</p>"
            f"<table cellspacing='4'><tr><th align='left'>{tr('组件')}</th><th align='left'>{tr('版本')}</th>"
            f"<th align='left'>{tr('许可')}</th></tr>{libs}</table>")
