"""LibreOffice (headless) for tests that check a .docx from the file itself: convert it to PDF
with the bundled fonts standing in for the families the document names (仿宋_GB2312, 黑体,
楷体_GB2312, 方正小标宋简体, 宋体), as an office's installed fonts would."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import resources

ALIASES = {"仿宋_GB2312": "FandolFang", "仿宋": "FandolFang", "黑体": "WenQuanYi Micro Hei",
           "楷体_GB2312": "AR PL KaitiM GB", "楷体": "AR PL KaitiM GB", "方正小标宋简体": "FandolSong",
           "宋体": "FandolSong"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def fonts_conf(folder: Path) -> Path:
    aliases = "".join(f"<alias binding=\"same\"><family>{name}</family><prefer><family>{face}</family></prefer></alias>"
                      for name, face in ALIASES.items())
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{resources.FONTS}</dir><cachedir>{folder / 'fc-cache'}</cachedir>{aliases}</fontconfig>",
        encoding="utf-8")
    return conf


def to_pdf(docx: Path, folder: Path, *more: Path, timeout: int = 300) -> Path:
    """Convert `docx` (and `more` files, in the same run) to PDF in `folder`, with a LibreOffice
    profile of its own there; the first PDF's path (the others are beside it, named alike)."""
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf(folder)), "HOME": str(folder)}
    subprocess.run([soffice(), f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx), *map(str, more)],
                   env=env, capture_output=True, text=True, timeout=timeout, check=True)
    for source in (docx, *more):
        if not (folder / (source.stem + ".pdf")).exists():
            raise FileNotFoundError(folder / (source.stem + ".pdf"))
    return folder / (docx.stem + ".pdf")
