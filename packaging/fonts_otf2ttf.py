#!/usr/bin/env python3
"""How resources/fonts/FandolFang-Regular.ttf and FandolSong-Bold.ttf were made from the upstream
Fandol .otf files (see resources/fonts/Fandol.LICENSE.txt): reportlab embeds only TrueType
outlines, so the CFF outlines become TrueType (quadratic) ones; nothing else changes.

    pip install fonttools
    python3 packaging/fonts_otf2ttf.py FandolFang-Regular.otf resources/fonts/FandolFang-Regular.ttf

Not part of the build: the converted files are committed.
"""
from __future__ import annotations

import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERROR = 1.0  # font units (of 1000 per em)


def convert(src: str, dst: str) -> None:
    font = TTFont(src, recalcTimestamp=False)  # the same bytes on every run
    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names (a CID font's are cid00001 …)
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(dst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    convert(sys.argv[1], sys.argv[2])
