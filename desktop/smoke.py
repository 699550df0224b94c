"""`kechuang --smoke`: start the app offscreen on a fresh built-in portfolio, open each main screen,
write a brief and a unit's export to a temporary folder, and exit 0 — proof that a build (source
or frozen bundle) has everything it needs: Qt plugins, fonts, translations, built-in data."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def run_smoke(keep: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="kechuang-smoke-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["KECHUANG_DATA_DIR"] = str(folder / "data")
    from desktop.app import build_window, make_app
    from desktop.windows_cleanup import dispose

    app = make_app()
    window = build_window(None, "zh", first_run_choice=True)
    if window is None:
        print("smoke: the portfolio could not be opened", file=sys.stderr)
        return 1
    report = {"folder": str(folder), "portfolio": str(window.pf.path), "screens": [], "counts": window.pf.counts()}
    try:
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            app.processEvents()
            shot = folder / f"screen-{row}.png"
            if not window.grab().save(str(shot)):
                raise RuntimeError(f"could not grab screen {row}")
            report["screens"].append({"name": window.nav.item(row).text(), "png": str(shot)})
        from db.documents.brief.build import build, build_docx, write_pdf
        from db.documents.brief.options import resolve
        brief = build(window.pf, resolve(window.pf))
        write_pdf(brief.pdf, folder / "brief.pdf")
        report["brief_pages"] = brief.pages
        word = build_docx(window.pf, resolve(window.pf))  # python-docx and its template are bundled
        write_pdf(word, folder / "brief.docx")
        report["brief_docx"] = len(word)
        from db.exchange.export import export
        export(window.pf, folder / "unit.sqlite", units=["重庆大学"])
        report["export"] = str(folder / "unit.sqlite")
    finally:
        dispose(window)
    print(json.dumps(report, ensure_ascii=False))
    return 0 if report["counts"]["projects"] > 0 and report.get("brief_pages") else 1
