// WaterfallView's mouse, wheel, keyboard and tooltip handling (see waterfall_view.h).
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "views/trace/waterfall_view.h"

namespace tg::view {

namespace {
constexpr int kTriangleZone = 22; // px right of the indentation that toggle on click

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
} // namespace

void WaterfallView::mousePressEvent(QMouseEvent* event) {
    if (!m_data || event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const QPoint pos = event->position().toPoint();
    const WaterfallLayout l = WaterfallLayout::of(m_frame);
    if (l.zoomBack.contains(pos) && m_frame.zoomed) {
        zoomBack();
    } else if (onColumnEdge(pos)) {
        m_drag = Drag::Column;
    } else if (l.ruler.contains(pos)) {
        m_drag = Drag::Ruler;
        m_dragStartX = pos.x();
        m_frame.rulerSelection = std::make_pair(pos.x(), pos.x());
        viewport()->update();
    } else if (l.minimap.contains(pos)) {
        m_drag = Drag::Minimap;
        moveMinimapWindow(pos);
    } else {
        pressRow(pos);
    }
    event->accept();
}

void WaterfallView::pressRow(QPoint pos) {
    const std::optional<size_t> row = visibleRowAt(pos.y());
    if (!row) return;
    const uint32_t node = m_rows.nodeAt(*row);
    const uint32_t depth = m_data->depth[m_data->positionOf[node]];
    const int indent = waterfallNameIndent(depth);
    if (m_rows.hasChildren(node) && pos.x() >= indent - 4 && pos.x() < indent + kTriangleZone &&
        pos.x() < WaterfallLayout::of(m_frame).names.right()) {
        toggleNode(node);
        return;
    }
    selectNode(node);
}

void WaterfallView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Ruler) {
        const QRect r = WaterfallLayout::of(m_frame).ruler;
        m_frame.rulerSelection =
            std::make_pair(m_dragStartX, std::clamp(pos.x(), r.left(), r.right()));
        viewport()->update();
        return;
    }
    if (m_drag == Drag::Minimap) {
        moveMinimapWindow(pos);
        return;
    }
    if (m_drag == Drag::Column) {
        m_frame.nameColumnWidth =
            std::clamp(pos.x(), 120, std::max(120, viewport()->width() - 200));
        m_columnSized = true;
        m_minimapDirty = true;
        viewport()->update();
        return;
    }
    viewport()->setCursor(onColumnEdge(pos) ? Qt::SplitHCursor : Qt::ArrowCursor);
    std::optional<uint32_t> hovered;
    if (m_data)
        if (auto row = visibleRowAt(pos.y())) hovered = m_rows.nodeAt(*row);
    if (hovered != m_frame.hoveredNode) {
        m_frame.hoveredNode = hovered;
        viewport()->update();
    }
}

void WaterfallView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_drag == Drag::Ruler && m_frame.rulerSelection) {
        const auto [a, b] = *m_frame.rulerSelection;
        m_frame.rulerSelection.reset();
        if (std::abs(b - a) >= 3) zoomToRange(xToTime(std::min(a, b)), xToTime(std::max(a, b)));
        viewport()->update();
    }
    m_drag = Drag::None;
    event->accept();
}

void WaterfallView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (!m_data) return;
    if (auto row = visibleRowAt(event->position().toPoint().y())) {
        const uint32_t node = m_rows.nodeAt(*row);
        if (m_rows.hasChildren(node)) toggleNode(node);
    }
}

bool WaterfallView::onColumnEdge(QPoint pos) const {
    const WaterfallLayout l = WaterfallLayout::of(m_frame);
    return pos.y() >= l.header.top() && std::abs(pos.x() - l.names.right()) <= 3;
}

// Centres the time window under x and the rows on the depth-first position under y.
void WaterfallView::moveMinimapWindow(QPoint pos) {
    const QRectF inner = WaterfallLayout::of(m_frame).minimapInner;
    if (inner.width() <= 0 || inner.height() <= 0) return;
    const double fx = std::clamp((pos.x() - inner.left()) / inner.width(), 0.0, 1.0);
    const double fy = std::clamp((pos.y() - inner.top()) / inner.height(), 0.0, 1.0);
    const int64_t t0 = m_data->traceStartNs(m_frame.showRaw);
    const int64_t t1 = m_data->traceEndNs(m_frame.showRaw);
    const int64_t width = m_frame.windowEndNs - m_frame.windowStartNs;
    const auto centre = t0 + int64_t(fx * double(t1 - t0));
    if (isZoomed()) setWindow(centre - width / 2, centre - width / 2 + width);
    // The visible row at or after that position, centred vertically.
    const auto target = uint32_t(fy * double(m_data->preorder.size() - 1));
    size_t row = 0;
    for (size_t lo = 0, hi = m_rows.size(); lo < hi;) { // first visible position >= target
        const size_t mid = (lo + hi) / 2;
        if (m_rows.positionAt(mid) < target)
            lo = mid + 1;
        else
            hi = mid;
        row = lo;
    }
    const int visible = WaterfallLayout::of(m_frame).names.height();
    verticalScrollBar()->setValue(int(int64_t(row) * m_frame.rowHeight - visible / 2));
}

void WaterfallView::wheelEvent(QWheelEvent* event) {
    if (!m_data || !(event->modifiers() & Qt::ControlModifier))
        return QAbstractScrollArea::wheelEvent(event);
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) return;
    const double x = event->position().x();
    const QRect tl = WaterfallLayout::of(m_frame).timeline;
    const int64_t anchor = xToTime(std::clamp<double>(x, tl.left(), tl.right()));
    zoomAround(anchor, std::pow(0.8, steps));
    event->accept();
}

bool WaterfallView::handleNavigationKey(int key) {
    if (m_rows.size() == 0) return false;
    const std::optional<size_t> selected =
        m_frame.selectedNode ? m_rows.visibleRowOf(*m_frame.selectedNode) : std::nullopt;
    const bool has = selected.has_value();
    const size_t cur = selected.value_or(0);
    const int rowsInView = WaterfallLayout::of(m_frame).names.height() / m_frame.rowHeight;
    const auto page = size_t(std::max(1, rowsInView - 1));
    const size_t last = m_rows.size() - 1;
    switch (key) {
    case Qt::Key_Down:
        selectVisibleRow(has ? std::min(cur + 1, last) : 0);
        return true;
    case Qt::Key_Up:
        selectVisibleRow(cur > 0 ? cur - 1 : 0);
        return true;
    case Qt::Key_PageDown:
        selectVisibleRow(has ? std::min(cur + page, last) : 0);
        return true;
    case Qt::Key_PageUp:
        selectVisibleRow(cur > page ? cur - page : 0);
        return true;
    case Qt::Key_Home:
        selectVisibleRow(0);
        return true;
    case Qt::Key_End:
        selectVisibleRow(last);
        return true;
    default:
        break;
    }
    if (!has) return false;
    const uint32_t node = m_rows.nodeAt(cur);
    const bool hasChildren = m_rows.hasChildren(node);
    switch (key) {
    case Qt::Key_Left:
        if (hasChildren && m_rows.isExpanded(node))
            toggleNode(node);
        else if (m_data->tree.nodes[node].parent >= 0)
            selectSpanRow(m_data->rowOf(uint32_t(m_data->tree.nodes[node].parent)));
        return true;
    case Qt::Key_Right:
        if (hasChildren && !m_rows.isExpanded(node))
            toggleNode(node);
        else if (hasChildren)
            selectVisibleRow(cur + 1);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (hasChildren) toggleNode(node);
        return true;
    default:
        return false;
    }
}

void WaterfallView::keyPressEvent(QKeyEvent* event) {
    if (!m_data) return QAbstractScrollArea::keyPressEvent(event);
    if (event->key() == Qt::Key_Escape && (isZoomed() || !m_zoomStack.empty())) {
        zoomBack();
    } else if (event->key() == Qt::Key_F3) {
        (event->modifiers() & Qt::ShiftModifier) ? findPrevious() : findNext();
    } else if (event->key() == Qt::Key_0 && (event->modifiers() & Qt::ControlModifier)) {
        resetZoom();
    } else if (!handleNavigationKey(event->key())) {
        return QAbstractScrollArea::keyPressEvent(event);
    }
    event->accept();
}

QString WaterfallView::toolTipAt(QPoint pos) const {
    if (!m_data) return {};
    const std::optional<size_t> row = visibleRowAt(pos.y());
    if (!row) return {};
    const uint32_t node = m_rows.nodeAt(*row);
    const model::Dataset& d = *m_data->dataset;
    const uint32_t r = m_data->rowOf(node);
    QString text =
        QStringLiteral("<b>%1</b> %2<br>duration %3, self %4<br>starts at +%5")
            .arg(qs(d.serviceName(r)).toHtmlEscaped(), qs(d.operationName(r)).toHtmlEscaped(),
                 formatDuration(m_data->durationNs(node)), formatDuration(m_data->selfNs[node]),
                 formatDuration(m_data->startNs(node, m_frame.showRaw) -
                                m_data->traceStartNs(m_frame.showRaw)));
    if (m_data->isError(node)) text += tr("<br><span style='color:#d13438'>error</span>");
    if (m_data->onCriticalPath(node)) text += tr("<br>on the critical path");
    if (m_data->skew.adjusted[node])
        text += tr("<br>clock skew: shifted by %1 to fit its parent%2")
                    .arg(formatDuration(m_data->skew.offsetNs[node]),
                         m_frame.showRaw ? tr(" (raw times shown)") : QString());
    return text;
}

bool WaterfallView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    if (event->type() == QEvent::Leave && m_frame.hoveredNode) {
        m_frame.hoveredNode.reset();
        viewport()->update();
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace tg::view
