"""Issue 22: on a 1366×768 office laptop and a 1280×720 projector, in Chinese and English, every screen
and every dialog fits — its minimum size and the size it opens at within the screen, no button outside
the visible area. Each screen size is a separate offscreen Qt process (fit_child.py) with a screen of
that size; the screenshots land in the test's temp folder."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("width,height", [(1366, 768), (1280, 720)])
def test_every_screen_and_dialog_fits(width, height, builtin_file, tmp_path, shots_dir):
    out = shots_dir / f"{width}x{height}"
    out.mkdir(exist_ok=True)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "KECHUANG_DATA_DIR": str(tmp_path / "child-data"),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, str(Path(__file__).with_name("fit_child.py")), str(out), str(builtin_file)],
                         env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["screen"] == [width, height]
    assert results["problems"] == []
    # every dialog class was opened in both languages, and the screens of the main window
    dialogs = results["dialog_classes"]
    assert {"RecordDialog", "BriefPreview", "ImportWizard", "ChallengeEditor", "ReplanDialog", "ProblemMoveDialog"} \
        <= set(dialogs)
    assert results["screens"] >= 7  # 项目 … 问题督办
    for lang in ("zh", "en"):
        for name in dialogs + [f"screen{i}" for i in range(results["screens"])]:
            assert f"{lang}/{name}" in results["checked"]
            shot = QImage(str(out / f"{lang}-{name}.png"))
            assert 0 < shot.width() <= width and 0 < shot.height() <= height, name
