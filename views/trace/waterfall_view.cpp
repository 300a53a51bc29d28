#include "views/trace/waterfall_view.h"

#include <QEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

#include "views/trace/waterfall_find.h"

namespace tg::view {

namespace {
constexpr int kHUnits = 1'000'000'000; // horizontal scroll bar: the trace's duration
constexpr int64_t kMinWindowNs = 1000; // zoom limit: a microsecond across the timeline
} // namespace

WaterfallView::WaterfallView(QWidget* parent) : QAbstractScrollArea(parent) {
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_style = waterfallStyleForPalette(palette());
    m_frame.rowHeight = std::max(20, fontMetrics().height() + 6);
}

WaterfallView::~WaterfallView() = default;

void WaterfallView::setTrace(std::shared_ptr<const WaterfallData> data) {
    const bool hadSelection = m_frame.selectedNode.has_value();
    m_data = std::move(data);
    m_rows.reset(m_data.get());
    m_frame.selectedNode.reset();
    m_frame.hoveredNode.reset();
    m_zoomStack.clear();
    m_matches.clear();
    m_matchOfNode.clear();
    m_minimapDirty = true;
    if (m_data)
        setWindow(m_data->traceStartNs(m_frame.showRaw), m_data->traceEndNs(m_frame.showRaw));
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
    if (hadSelection) emit selectionCleared();
}

void WaterfallView::clear() {
    setTrace(nullptr);
}

// ---- Selection -------------------------------------------------------------------------------

void WaterfallView::selectSpanRow(uint32_t datasetRow) {
    if (!m_data) return;
    const int64_t node = m_data->nodeOfRow(datasetRow);
    if (node < 0) return;
    m_rows.expandAncestors(uint32_t(node));
    rowsChanged();
    selectNode(uint32_t(node));
    if (auto row = m_rows.visibleRowOf(uint32_t(node))) scrollToVisibleRow(*row);
}

void WaterfallView::clearSelection() {
    selectNode(std::nullopt);
}

std::optional<uint32_t> WaterfallView::selectedSpanRow() const {
    if (!m_data || !m_frame.selectedNode) return std::nullopt;
    return m_data->rowOf(*m_frame.selectedNode);
}

void WaterfallView::selectNode(std::optional<uint32_t> node) {
    if (node == m_frame.selectedNode) return;
    m_frame.selectedNode = node;
    viewport()->update();
    if (node)
        emit spanSelected(m_data->rowOf(*node));
    else
        emit selectionCleared();
}

void WaterfallView::selectVisibleRow(size_t visibleRow) {
    if (visibleRow >= m_rows.size()) return;
    selectNode(m_rows.nodeAt(visibleRow));
    scrollToVisibleRow(visibleRow);
}

void WaterfallView::scrollToVisibleRow(size_t visibleRow) {
    const int h = m_frame.rowHeight;
    const int visible = WaterfallLayout::of(m_frame).names.height();
    const int64_t top = int64_t(visibleRow) * h;
    QScrollBar* bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(int(top));
    else if (top + h > bar->value() + visible)
        bar->setValue(int(top + h - visible));
}

std::optional<uint32_t> WaterfallView::spanRowAtVisibleRow(size_t visibleRow) const {
    if (!m_data || visibleRow >= m_rows.size()) return std::nullopt;
    return m_data->rowOf(m_rows.nodeAt(visibleRow));
}

// ---- Tree structure --------------------------------------------------------------------------

void WaterfallView::toggleNode(uint32_t node) {
    const bool collapse = m_rows.isExpanded(node);
    m_rows.setExpanded(node, !collapse);
    // A selection inside the collapsed subtree moves up to the collapsed span (as tree views do).
    if (collapse && m_frame.selectedNode) {
        const uint32_t pos = m_data->positionOf[node];
        const uint32_t sel = m_data->positionOf[*m_frame.selectedNode];
        if (sel > pos && sel < m_data->subtreeEnd[pos]) selectNode(node);
    }
    rowsChanged();
}

void WaterfallView::setSpanExpanded(uint32_t datasetRow, bool expanded) {
    if (!m_data) return;
    const int64_t node = m_data->nodeOfRow(datasetRow);
    if (node < 0 || m_rows.isExpanded(uint32_t(node)) == expanded) return;
    if (m_rows.hasChildren(uint32_t(node))) toggleNode(uint32_t(node));
}

bool WaterfallView::isSpanExpanded(uint32_t datasetRow) const {
    if (!m_data) return false;
    const int64_t node = m_data->nodeOfRow(datasetRow);
    return node >= 0 && m_rows.hasChildren(uint32_t(node)) && m_rows.isExpanded(uint32_t(node));
}

void WaterfallView::expandAll() {
    m_rows.expandAll();
    rowsChanged();
}

void WaterfallView::collapseAll() {
    m_rows.collapseAll();
    if (m_frame.selectedNode && !m_rows.visibleRowOf(*m_frame.selectedNode)) {
        uint32_t n = *m_frame.selectedNode;
        while (m_data->tree.nodes[n].parent >= 0)
            n = uint32_t(m_data->tree.nodes[n].parent);
        selectNode(n);
    }
    rowsChanged();
}

void WaterfallView::rowsChanged() {
    updateScrollBars();
    viewport()->update();
}

// ---- Time window -----------------------------------------------------------------------------

void WaterfallView::setShowRawTimes(bool raw) {
    if (raw == m_frame.showRaw) return;
    const bool zoomed = isZoomed(); // in the old mode's range
    m_frame.showRaw = raw;
    m_minimapDirty = true;
    if (!m_data) return;
    // Keep a zoom (clamped into the new range); the whole trace otherwise.
    m_zoomStack.clear();
    if (zoomed)
        setWindow(m_frame.windowStartNs, m_frame.windowEndNs);
    else
        setWindow(m_data->traceStartNs(raw), m_data->traceEndNs(raw));
    m_frame.zoomed = isZoomed();
    viewport()->update();
}

bool WaterfallView::isZoomed() const {
    return m_data && (m_frame.windowStartNs > m_data->traceStartNs(m_frame.showRaw) ||
                      m_frame.windowEndNs < m_data->traceEndNs(m_frame.showRaw));
}

void WaterfallView::setWindow(int64_t startNs, int64_t endNs) {
    if (!m_data) return;
    const int64_t lo = m_data->traceStartNs(m_frame.showRaw);
    const int64_t hi = std::max(lo + 1, m_data->traceEndNs(m_frame.showRaw));
    int64_t width = std::clamp<int64_t>(endNs - startNs, std::min(kMinWindowNs, hi - lo), hi - lo);
    const int64_t centre = startNs / 2 + endNs / 2;
    startNs = std::clamp<int64_t>(centre - width / 2, lo, hi - width);
    endNs = startNs + width;
    if (startNs == m_frame.windowStartNs && endNs == m_frame.windowEndNs) return;
    m_frame.windowStartNs = startNs;
    m_frame.windowEndNs = endNs;
    m_frame.zoomed = isZoomed();
    updateScrollBars();
    viewport()->update();
    emit timeWindowChanged(startNs, endNs);
}

void WaterfallView::zoomToRange(int64_t startNs, int64_t endNs) {
    if (!m_data || endNs <= startNs) return;
    m_zoomStack.emplace_back(m_frame.windowStartNs, m_frame.windowEndNs);
    m_wheelZooming = false;
    setWindow(startNs, endNs);
}

void WaterfallView::zoomBack() {
    if (!m_data) return;
    m_wheelZooming = false;
    if (m_zoomStack.empty()) {
        resetZoom();
        return;
    }
    const auto [s, e] = m_zoomStack.back();
    m_zoomStack.pop_back();
    setWindow(s, e);
}

void WaterfallView::resetZoom() {
    if (!m_data) return;
    m_zoomStack.clear();
    m_wheelZooming = false;
    setWindow(m_data->traceStartNs(m_frame.showRaw), m_data->traceEndNs(m_frame.showRaw));
}

void WaterfallView::zoomAround(int64_t anchorNs, double factor) {
    if (!m_data) return;
    if (!m_wheelZooming) m_zoomStack.emplace_back(m_frame.windowStartNs, m_frame.windowEndNs);
    m_wheelZooming = true; // one Esc undoes a whole wheel gesture
    const double s = double(m_frame.windowStartNs), e = double(m_frame.windowEndNs);
    const double a = double(anchorNs);
    setWindow(int64_t(std::llround(a - (a - s) * factor)),
              int64_t(std::llround(a + (e - a) * factor)));
}

int WaterfallView::timeToX(int64_t ns) const {
    return int(std::lround(waterfallTimeToX(m_frame, ns)));
}

int64_t WaterfallView::xToTime(double x) const {
    return waterfallXToTime(m_frame, x);
}

// ---- Scrolling and painting ------------------------------------------------------------------

void WaterfallView::updateScrollBars() {
    m_frame.size = viewport()->size();
    const int visible = WaterfallLayout::of(m_frame).names.height();
    const int64_t content = int64_t(m_rows.size()) * m_frame.rowHeight;
    QScrollBar* v = verticalScrollBar();
    v->setRange(0,
                int(std::clamp<int64_t>(content - visible + m_frame.rowHeight / 2, 0, INT32_MAX)));
    v->setPageStep(std::max(1, visible - m_frame.rowHeight));
    v->setSingleStep(m_frame.rowHeight);
    QScrollBar* h = horizontalScrollBar();
    m_settingScroll = true;
    if (!m_data || !isZoomed()) {
        h->setRange(0, 0);
    } else {
        const double full = double(std::max<int64_t>(1, m_data->traceEndNs(m_frame.showRaw) -
                                                            m_data->traceStartNs(m_frame.showRaw)));
        const double win = double(m_frame.windowEndNs - m_frame.windowStartNs);
        const double start = double(m_frame.windowStartNs - m_data->traceStartNs(m_frame.showRaw));
        h->setRange(0, int((full - win) / full * kHUnits));
        h->setPageStep(std::max(1, int(win / full * kHUnits)));
        h->setSingleStep(std::max(1, int(win / full * kHUnits / 20)));
        h->setValue(int(start / full * kHUnits));
    }
    m_settingScroll = false;
}

void WaterfallView::scrollContentsBy(int dx, int dy) {
    if (dx != 0 && !m_settingScroll && m_data) {
        const double full =
            double(m_data->traceEndNs(m_frame.showRaw) - m_data->traceStartNs(m_frame.showRaw));
        const int64_t width = m_frame.windowEndNs - m_frame.windowStartNs;
        const int64_t start = m_data->traceStartNs(m_frame.showRaw) +
                              int64_t(double(horizontalScrollBar()->value()) / kHUnits * full);
        m_settingScroll = true; // the bar is already where it should be
        setWindow(start, start + width);
        m_settingScroll = false;
    }
    viewport()->update();
}

void WaterfallView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    if (!m_columnSized) // names get 30 % of the width until the user sets it
        m_frame.nameColumnWidth = std::clamp(viewport()->width() * 3 / 10, 220, 460);
    m_minimapDirty = true;
    updateScrollBars();
}

void WaterfallView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_style = waterfallStyleForPalette(palette());
        m_frame.rowHeight = std::max(20, fontMetrics().height() + 6);
        m_minimapDirty = true;
        updateScrollBars();
    }
    QAbstractScrollArea::changeEvent(event);
}

void WaterfallView::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    m_frame.size = viewport()->size();
    if (!m_data) {
        p.fillRect(viewport()->rect(), m_style.background);
        p.setPen(m_style.subtleText);
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No trace selected"));
        m_stats = {};
        return;
    }
    m_frame.scrollY = verticalScrollBar()->value();
    m_frame.findMatches = m_matchOfNode.empty() ? nullptr : &m_matchOfNode;
    const QRectF inner = WaterfallLayout::of(m_frame).minimapInner;
    const qreal dpr = devicePixelRatioF();
    const QSize minimapSize = (inner.size() * dpr).toSize();
    if (m_minimapDirty || m_minimapImage.size() != minimapSize) {
        m_minimapImage = renderWaterfallMinimap(*m_data, minimapSize, m_style);
        m_minimapImage.setDevicePixelRatio(dpr);
        m_minimapDirty = false;
    }
    m_stats = paintWaterfall(p, *m_data, m_rows, m_frame, m_style, &m_minimapImage);
}

// ---- Find ------------------------------------------------------------------------------------

void WaterfallView::setFindText(const QString& text) {
    m_matches.clear();
    m_matchOfNode.clear();
    if (m_data && !text.trimmed().isEmpty()) {
        m_matchOfNode = findSpans(*m_data, text);
        for (uint32_t pos = 0; pos < m_data->preorder.size(); ++pos)
            if (m_matchOfNode[m_data->preorder[pos]]) m_matches.push_back(pos);
        if (m_matches.empty()) m_matchOfNode.clear();
    }
    viewport()->update();
    emit findMatchesChanged(int(m_matches.size()));
}

bool WaterfallView::findNext() {
    return findStep(true);
}
bool WaterfallView::findPrevious() {
    return findStep(false);
}

bool WaterfallView::findStep(bool forward) {
    if (m_matches.empty()) return false;
    uint32_t pos;
    if (!m_frame.selectedNode) {
        pos = forward ? m_matches.front() : m_matches.back();
    } else {
        const uint32_t cur = m_data->positionOf[*m_frame.selectedNode];
        if (forward) {
            auto it = std::upper_bound(m_matches.begin(), m_matches.end(), cur);
            pos = it == m_matches.end() ? m_matches.front() : *it;
        } else {
            auto it = std::lower_bound(m_matches.begin(), m_matches.end(), cur);
            pos = it == m_matches.begin() ? m_matches.back() : *std::prev(it);
        }
    }
    selectSpanRow(m_data->rowOf(m_data->preorder[pos]));
    return true;
}

int WaterfallView::currentMatchIndex() const {
    if (m_matches.empty() || !m_frame.selectedNode) return -1;
    const uint32_t cur = m_data->positionOf[*m_frame.selectedNode];
    auto it = std::lower_bound(m_matches.begin(), m_matches.end(), cur);
    return it != m_matches.end() && *it == cur ? int(it - m_matches.begin()) : -1;
}

// ---- Geometry --------------------------------------------------------------------------------

QRect WaterfallView::visibleRowRect(size_t visibleRow) const {
    const QRect names = WaterfallLayout::of(m_frame).names;
    const int64_t y =
        names.top() + int64_t(visibleRow) * m_frame.rowHeight - verticalScrollBar()->value();
    const QRect row(0, int(std::clamp<int64_t>(y, -m_frame.rowHeight, INT32_MAX / 2)),
                    m_frame.size.width(), m_frame.rowHeight);
    return row.intersected(QRect(0, names.top(), m_frame.size.width(), names.height()));
}

std::optional<size_t> WaterfallView::visibleRowAt(int y) const {
    const QRect names = WaterfallLayout::of(m_frame).names;
    if (y < names.top() || y > names.bottom()) return std::nullopt;
    const int64_t r = (int64_t(y - names.top()) + verticalScrollBar()->value()) / m_frame.rowHeight;
    if (r < 0 || size_t(r) >= m_rows.size()) return std::nullopt;
    return size_t(r);
}

QRect WaterfallView::rulerRect() const {
    return WaterfallLayout::of(m_frame).ruler;
}
QRect WaterfallView::minimapRect() const {
    return WaterfallLayout::of(m_frame).minimap;
}
QRect WaterfallView::zoomBackButtonRect() const {
    return m_frame.zoomed ? WaterfallLayout::of(m_frame).zoomBack : QRect();
}

} // namespace tg::view
