"""The plain cells of a table of plain rows painted in one Python pass per repaint (issue #20: a
filter keystroke repaints the whole visible table, ~400 cells).

Qt's own path asks, per cell, the model's index() (rowCount/columnCount through Python), flags()
and data() for ~7 roles (each a call into Python), then lays the text out with QTextLayout in the
style: ~75 % of a register keystroke at city scale. Here a cell that shows nothing special — not
selected, not current, not under the mouse, in a column without a painting delegate of its own —
is painted from the row itself: the row's background (alternate base), the colour column's tint
and chip, the text (its width measured once per text and font, elided only when too wide) in the
style's own text and decoration rectangles. Every other cell goes through the view's delegate as
Qt paints it, so selection, focus and hover look exactly as the style draws them.
"""
from __future__ import annotations

from PySide6.QtCore import QLine, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPainter, QPalette, QPen, QStaticText
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from desktop.widgets.record_table import RecordTableModel, cell_data, colour_chip, display_text

# enum members looked up once (PySide's lookups cost microseconds, and this runs per cell)
_BACKGROUND, _ALIGNMENT = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole
_CENTER, _ELIDE = Qt.AlignmentFlag.AlignCenter, Qt.TextElideMode.ElideRight
_ACTIVE, _INACTIVE = QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive
_TEXT, _ALTERNATE_BASE = QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase
_STATE_ACTIVE = QStyle.StateFlag.State_Active
_WIDTHS_KEPT = 50_000  # measured texts per font, forgotten all at once beyond that
_widths: dict[str, dict[str, tuple]] = {}  # font key -> text -> (width, height, QStaticText)
_layouts: dict[tuple, dict] = {}  # (view class, style, font) -> (kind, width, height) -> what _layout says


def paints_itself(view: QTableView) -> bool:
    """Whether `paint` can paint this view (a RecordTableModel whose data() is the plain one, texts
    on one line, rows neither hidden nor moved); otherwise the view paints as Qt does."""
    model = view.model()
    if not isinstance(model, RecordTableModel) or type(model).data is not RecordTableModel.data:
        return False
    rows = view.verticalHeader()
    return view.isEnabled() and not (view.wordWrap() or rows.hiddenSectionCount() or rows.sectionsMoved() or view.isRightToLeft()
                or view.state() == QAbstractItemView.DraggingState)


def paint(view: QTableView, event, skip=None) -> None:
    """Paint the cells of `view` in `event`'s rectangle (its viewport's paint event). `skip`: a
    delegate whose columns paint nothing (SheetView's frozen columns, shown by the overlay)."""
    model: RecordTableModel = view.model()
    rows, columns = model.rows, model.columns
    area = QRect(event.rect())
    # as QTableView: nothing (no grid either) past the last row and column
    rows_header, header = view.verticalHeader(), view.horizontalHeader()
    area.setBottom(min(area.bottom(), rows_header.length() - rows_header.offset() - 1))
    area.setRight(min(area.right(), header.length() - header.offset() - 1))
    top = view.rowAt(area.top())
    if not rows or not columns or top < 0 or area.isEmpty():
        return
    bottom = view.rowAt(area.bottom())
    bottom = len(rows) - 1 if bottom < 0 else bottom
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    grid = view.showGrid()
    cols = _columns(view, area, columns, skip, 1 if grid else 0)
    if not cols:
        return
    group = _ACTIVE if option.state & _STATE_ACTIVE else _INACTIVE
    palette = option.palette
    alt_brush = palette.brush(group, _ALTERNATE_BASE) if view.alternatingRowColors() else None
    text_pen = QPen(palette.color(group, _TEXT))
    font = option.font
    metrics = QFontMetrics(font)
    widths = _widths.setdefault(font.key(), {})
    if len(widths) > _WIDTHS_KEPT:
        widths.clear()
    special = _special_rows(view, top, bottom)
    current = view.currentIndex()
    layouts = _layouts.setdefault((type(view).__name__, type(view.style()).__name__, font.key()), {})
    tints: dict = {}  # colour -> the colour column's background
    painter = QPainter(view.viewport())
    painter.setFont(font)
    painter.setPen(text_pen)
    gap = 1 if grid else 0
    for r in range(top, bottom + 1):
        y = view.rowViewportPosition(r)
        h = view.rowHeight(r) - gap
        row = rows[r]
        odd = alt_brush is not None and r & 1
        if r in special:
            for c, x, w, delegate, _plain, _col in cols:
                _standard(view, painter, option, model.index(r, c), QRect(x, y, w, h), delegate, odd, current)
            painter.setPen(text_pen)
            painter.setFont(font)
            continue
        for c, x, w, delegate, plain, col in cols:
            if not plain:
                _standard(view, painter, option, model.index(r, c), QRect(x, y, w, h), delegate, odd, current)
                painter.setPen(text_pen)
                painter.setFont(font)
                continue
            if odd:
                painter.fillRect(x, y, w, h, alt_brush)
            layout = layouts.get((col.kind, w, h))
            if layout is None:
                layout = layouts[col.kind, w, h] = _layout(view, option, col, w, h)
            dx, tw, icon_dx, icon_w, right = layout
            value = row.get(col.key)
            if col.kind == "text":
                text = "" if value is None else value if type(value) is str else str(value)
            else:
                text = display_text(row, col)
                if col.kind == "colour" and value:
                    tint = tints.get(value)
                    if tint is None:
                        tint = tints[value] = cell_data(row, col, _BACKGROUND)
                    painter.fillRect(QRect(x, y, w, h), tint)
                    colour_chip(value).paint(painter, QRect(x + icon_dx, y, icon_w, h), _CENTER)
            if not text:
                continue
            size = widths.get(text) or _measure(widths, text, font)
            if size[0] > tw:
                text = metrics.elidedText(text, _ELIDE, tw)
                size = widths.get(text) or _measure(widths, text, font)
            width, height, static = size
            painter.drawStaticText(QPointF(x + dx + (tw - width if right else 0), y + (h - height) // 2), static)
    if grid:
        _grid(view, painter, option, area, cols, top, bottom)
    painter.end()


def _measure(widths: dict, text: str, font) -> tuple[float, int, QStaticText]:
    """(width, height) of a text on one line, as the style's QTextLayout sets it (the line is as
    tall as the fonts it uses: a Chinese text's fallback font is taller than the Latin one), and the
    text laid out once for painting."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    size = static.size()
    out = widths[text] = (size.width(), int(size.height()), static)
    return out


def _columns(view: QTableView, area: QRect, columns, skip, gap: int) -> list[tuple]:
    """The columns in `area`, in the order shown: (logical column, x, width, delegate, painted
    here?, Column)."""
    header = view.horizontalHeader()
    first, last = header.visualIndexAt(area.left()), header.visualIndexAt(area.right())
    first, last = max(first, 0), header.count() - 1 if last < 0 else last
    out = []
    for visual in range(first, last + 1):
        c = header.logicalIndex(visual)
        if header.isSectionHidden(c) or c >= len(columns):
            continue
        delegate = view.itemDelegateForColumn(c)
        if skip is not None and delegate is skip:
            continue
        delegate = delegate or view.itemDelegate()
        plain = type(delegate).paint is QStyledItemDelegate.paint \
            and type(delegate).initStyleOption is QStyledItemDelegate.initStyleOption
        out.append((c, view.columnViewportPosition(c), view.columnWidth(c) - gap, delegate, plain, columns[c]))
    return out


def _special_rows(view: QTableView, top: int, bottom: int) -> set[int]:
    """The rows between top and bottom painted as Qt paints them: selected (any cell), current
    with the focus, under the mouse."""
    out: set[int] = set()
    selection = view.selectionModel()
    if selection is not None:
        for span in selection.selection():
            out.update(range(max(span.top(), top), min(span.bottom(), bottom) + 1))
    current = view.currentIndex()
    if current.isValid() and (view.hasFocus() or view.viewport().hasFocus()):
        out.add(current.row())
    viewport = view.viewport()
    if viewport.underMouse():
        out.add(view.rowAt(viewport.mapFromGlobal(QCursor.pos()).y()))
    return out


def _layout(view, option, col, w, h) -> tuple:
    """(text x offset, text width, chip x offset, chip width, right-aligned?) of a cell of this size,
    as the style lays it out."""
    style = view.style()
    opt = QStyleOptionViewItem(option)
    opt.rect = QRect(0, 0, w, h)
    opt.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    opt.text = "x"
    if col.kind == "colour":
        opt.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        opt.icon = colour_chip("green")
        opt.decorationSize = opt.icon.actualSize(opt.decorationSize)  # as QStyledItemDelegate sets it
    text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view)
    icon = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, opt, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1  # as the style draws text
    return text.x() + margin, max(text.width() - 2 * margin, 0), icon.x(), icon.width(), \
        cell_data({}, col, _ALIGNMENT) is not None


def _standard(view, painter, option, index, rect, delegate, odd, current) -> None:
    """One cell painted as QTableView paints it (QTableViewPrivate::drawCell)."""
    opt = QStyleOptionViewItem(option)
    opt.rect = rect
    if odd:
        opt.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
    else:
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.Alternate
    selection = view.selectionModel()
    if selection is not None and selection.isSelected(index):
        opt.state |= QStyle.StateFlag.State_Selected
    if view.viewport().underMouse() and view.indexAt(view.viewport().mapFromGlobal(QCursor.pos())) == index:
        opt.state |= QStyle.StateFlag.State_MouseOver
    if index == current and (view.hasFocus() or view.viewport().hasFocus()):
        opt.state |= QStyle.StateFlag.State_HasFocus
    opt.palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
    view.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, opt, painter, view)
    delegate.paint(painter, opt, index)


def _grid(view, painter, option, area, cols, top, bottom) -> None:
    """The grid as QTableView draws it: a line under each row, one right of each column."""
    hint = view.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
    painter.setPen(QPen(QColor.fromRgba(hint & 0xFFFFFFFF), 1, view.gridStyle()))
    lines = []
    left, right, upper, lower = area.left(), area.right(), area.top(), area.bottom()
    for r in range(top, bottom + 1):
        y = view.rowViewportPosition(r) + view.rowHeight(r) - 1
        lines.append(QLine(left, y, right, y))
    for _c, x, w, _d, _p, _col in cols:
        lines.append(QLine(x + w, upper, x + w, lower))
    painter.drawLines(lines)
