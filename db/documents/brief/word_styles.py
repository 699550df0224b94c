"""The .docx brief's page and named styles after GB/T 9704 — one place an office restyles it.

Named paragraph styles: 报头 (the red brief name), 期号, 标题, 一级标题 (一、 黑体), 二级标题 (（一） 楷体),
正文 (3号仿宋, 2 characters indent, fixed 22-line pitch), 表格 (cell text), 报尾 (报/送/发); and
beside them 密级, 编印 (编印单位 and date over the red rule), 副标题, 表头, 说明, 附表标签, 附表标题, 页码,
and the character style 小标题 (a run-in （一） heading, 楷体).
Fonts are named by their customary family names (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体)
as east-Asian fonts (w:eastAsia), with the Windows names as alternates in the font table, so the
office's installed fonts render it.

Page: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines × 28 characters: a line grid of 22
lines, and the body's characters set 0.2 pt closer (3号 is 16 pt; 28 of them fill 156 mm at 15.8 pt).
A character grid (docGrid linesAndChars with a negative charSpace) would say the same to Word, but
LibreOffice then gives every character two cells, about 14 a line.
"""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONGTI = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"
# font table entries: name -> (alternate name, panose, pitch family)
FONTS = {
    FANGSONG: ("仿宋", "02010609030101010101", "modern"),
    HEITI: ("SimHei", "02010609060101010101", "modern"),
    KAITI: ("楷体", "02010609030101010101", "modern"),
    XIAOBIAOSONG: ("宋体", "02000000000000000000", "script"),
    SONGTI: ("SimSun", "02010600030101010101", "auto"),
}
TOP, BOTTOM, LEFT, RIGHT = 37, 35, 28, 26  # mm
WIDTH_MM = 210 - LEFT - RIGHT  # 156
BODY = 16  # 3号
LINE = Pt(225 / 22 * 72 / 25.4)  # 28.98 pt: 22 lines to the 版心
LINE_PITCH = 579  # the same in twentieths of a point, for the document grid
CHARS = 28
TIGHTEN = round((WIDTH_MM / CHARS * 72 / 25.4 - BODY) * 20) - 1  # twentieths of a point: -5 (28 fit, not 27)
RED = RGBColor(0xE6, 0x00, 0x12)
NOTE = RGBColor(0x40, 0x40, 0x40)


def set_fonts(rpr_owner, name: str) -> None:
    """Every script slot of a style (or a w:rPr) in `name`; the east-Asian slot is what CJK text uses."""
    rpr = rpr_owner.element.get_or_add_rPr() if hasattr(rpr_owner, "element") else rpr_owner
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


# the schema's order of a w:pPr's children (Word refuses a file whose elements are out of order)
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def put_ppr(ppr, tag: str, xml_inner: str = "", **attrs):
    """Set the pPr child `tag` (replacing one there) in its schema position; returns it."""
    old = ppr.find(qn(f"w:{tag}"))
    if old is not None:
        ppr.remove(old)
    values = " ".join(f'w:{k}="{v}"' for k, v in attrs.items())
    el = parse_xml(f"<w:{tag} {nsdecls('w')} {values}>{xml_inner}</w:{tag}>")
    later = {qn(f"w:{t}") for t in PPR_ORDER[PPR_ORDER.index(tag) + 1:]}
    for i, child in enumerate(ppr):
        if child.tag in later:
            ppr.insert(i, el)
            return el
    ppr.append(el)
    return el


def _ppr_flag(style, tag: str, xml_inner: str = "", **attrs) -> None:
    put_ppr(style.element.get_or_add_pPr(), tag, xml_inner, **attrs)


def _tighten(style, twentieths: int) -> None:
    """Character spacing of a style (w:spacing in its w:rPr, in its schema place: before w:w, w:kern,
    w:position and w:sz)."""
    rpr = style.element.get_or_add_rPr()
    el = parse_xml(f'<w:spacing {nsdecls("w")} w:val="{twentieths}"/>')
    later = {qn(f"w:{t}") for t in ("w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd",
                                    "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout")}
    for i, child in enumerate(rpr):
        if child.tag in later:
            rpr.insert(i, el)
            return
    rpr.append(el)


def _style(doc, name: str, base: str | None, font: str, size: float, *, align=None, indent_chars: int = 0,
           exact: bool = True, before: float = 0, after: float = 0, keep: bool = False, colour=None,
           grid: bool = True, outline: int | None = None, line=None):
    styles = doc.styles
    try:  # one lookup by name, not a list of every style's name per style defined
        st = styles[name]
    except KeyError:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        st.base_style = styles[base]
    st.quick_style = True
    set_fonts(st, font)
    st.font.size = Pt(size)
    st.font.bold = False
    if colour is not None:
        st.font.color.rgb = colour
    pf = st.paragraph_format
    if align is not None:
        pf.alignment = align
    pf.first_line_indent = Pt(size * indent_chars) if indent_chars else Pt(0)
    if indent_chars:  # in characters too, so the indent follows a restyled size
        st.element.pPr.get_or_add_ind().set(qn("w:firstLineChars"), str(indent_chars * 100))
    if exact:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = line or LINE
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    pf.keep_with_next = keep
    pf.widow_control = True
    if not grid:
        _ppr_flag(st, "snapToGrid", val=0)
    if outline is not None:
        _ppr_flag(st, "outlineLvl", val=outline)
    return st


def define(doc) -> None:
    """The named styles, the document defaults and the font table."""
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, FANGSONG)
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr_default.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal = styles["Normal"]
    set_fonts(normal, FANGSONG)
    normal.font.size = Pt(BODY)
    ppr_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for ppr in (ppr_default, normal.element.get_or_add_pPr()):  # no extra space between hanzi and Latin
        put_ppr(ppr, "autoSpaceDE", val=0)                       # letters or digits, as 公文 are set (and
        put_ppr(ppr, "autoSpaceDN", val=0)                       # the PDF)
    centre, left, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
    body = _style(doc, "正文", "Normal", FANGSONG, BODY, align=justify, indent_chars=2)
    _tighten(body, TIGHTEN)
    _style(doc, "一级标题", "正文", HEITI, BODY, indent_chars=2, keep=True, outline=0)
    _style(doc, "二级标题", "正文", KAITI, BODY, indent_chars=2, keep=True, outline=1)
    _style(doc, "说明", "正文", FANGSONG, 12, align=left, exact=False, grid=False, before=2, after=4,
           colour=NOTE)
    _style(doc, "密级", "Normal", HEITI, BODY, align=left, exact=False, grid=False, after=12)
    _style(doc, "报头", "Normal", XIAOBIAOSONG, 40, align=centre, exact=False, grid=False, after=6, colour=RED)
    _style(doc, "期号", "Normal", FANGSONG, BODY, align=centre, exact=False, grid=False, after=14)
    issuer = _style(doc, "编印", "期号", FANGSONG, BODY, align=left, exact=False, grid=False, after=22)
    issuer.paragraph_format.tab_stops.add_tab_stop(Mm(WIDTH_MM), alignment=2)  # right
    _ppr_flag(issuer, "pBdr", '<w:bottom w:val="thickThinSmallGap" w:sz="24" w:space="4" w:color="E60012"/>')
    _style(doc, "标题", "Normal", XIAOBIAOSONG, 22, align=centre, line=Pt(36), keep=True)
    _style(doc, "副标题", "标题", KAITI, BODY, align=centre, after=LINE.pt / 2)
    _style(doc, "附表标签", "一级标题", HEITI, BODY, align=left, indent_chars=0, keep=True)
    _style(doc, "附表标题", "标题", XIAOBIAOSONG, 18, align=centre, after=4, keep=True)
    _style(doc, "表格", "Normal", FANGSONG, 10.5, align=left, exact=False, grid=False)
    _style(doc, "表头", "表格", HEITI, 10.5, align=centre, exact=False, grid=False)
    footer = _style(doc, "报尾", "Normal", FANGSONG, 14, align=left, grid=False)
    footer.paragraph_format.left_indent = Pt(14 * 3)
    footer.paragraph_format.first_line_indent = Pt(-14 * 2)
    footer.paragraph_format.right_indent = Pt(14)
    _style(doc, "页码", "Normal", SONGTI, 14, exact=False, grid=False)
    run_in = doc.styles.add_style("小标题", WD_STYLE_TYPE.CHARACTER)  # a run-in （一） heading: 楷体
    run_in.quick_style = True
    set_fonts(run_in, KAITI)
    _font_table(doc)


def _font_table(doc) -> None:
    """Declare the families with their alternates (Windows names) so a missing one is substituted
    by the nearest installed font rather than the default."""
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/fontTable"))
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/>'
        f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        for name, (alt, panose, family) in FONTS.items())
    xml = part.blob.decode("utf-8")
    head, sep, tail = xml.partition("</w:fonts>")
    part._blob = (head + entries + sep + tail).encode("utf-8")


def page(doc) -> None:
    """A4, GB/T 9704 margins, footer for the page number 7 mm under the 版心, the 22-line grid,
    odd and even footers (the number right on odd pages, left on even)."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(TOP), Mm(BOTTOM)
    section.left_margin, section.right_margin = Mm(LEFT), Mm(RIGHT)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(BOTTOM - 7 - 6)  # the number's top 7 mm below the 版心
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    sect.append(parse_xml(f'<w:docGrid {nsdecls("w")} w:type="lines" w:linePitch="{LINE_PITCH}"/>'))
    doc.settings.odd_and_even_pages_header_footer = True
