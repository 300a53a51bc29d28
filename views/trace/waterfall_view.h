#pragma once
// The trace waterfall (DESIGN §6, issue #5): one row per span in a collapsible tree (name
// column on the left), a bar per span on a time axis (ruler on top, minimap of the whole trace
// above it), bars coloured by service, error marks, self time, the critical path, clock-skew
// adjusted spans marked (setShowRawTimes shows raw times instead).
//
// Custom painted, never one widget per span: WaterfallPainter draws only the rows in the
// viewport (row index arithmetic, then per row binary searches to the visible time range), and
// spans narrower than a pixel in folded rows are merged into one block (waterfall_fold.h), so a
// frame costs the same at 1,000 or 1,000,000 spans. Row structure (collapse/expand) lives in
// WaterfallRows; the trace's per-span data in an immutable WaterfallData built off the GUI
// thread.
//
// Interaction: click selects (click on the triangle toggles), dragging the name column's edge
// resizes it, Up/Down/PageUp/PageDown/Home/End
// move the selection, Left collapses or goes to the parent, Right expands or goes to the first
// child, Enter toggles; drag on the ruler zooms to that range, Ctrl+wheel zooms around the mouse,
// Esc or the "zoom out" button in the header goes back one zoom step; a click or drag in the
// minimap moves the window. Find (setFindText, findNext/findPrevious) matches service,
// operation and attribute text, case-insensitively.
//
// Signals: spanSelected on every change of the selected span (user or selectSpanRow), once
// per change; selectionCleared when it goes away.
// Thread affinity: GUI thread.
#include <QAbstractScrollArea>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "views/trace/waterfall_data.h"
#include "views/trace/waterfall_painter.h"
#include "views/trace/waterfall_rows.h"

namespace tg::view {

class WaterfallView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit WaterfallView(QWidget* parent = nullptr);
    ~WaterfallView() override;

    // Shows one trace (all expanded, whole trace in view). The dataset is kept alive by the
    // data's shared_ptr. Cheap: the heavy work is in WaterfallData::build (any thread).
    void setTrace(std::shared_ptr<const WaterfallData> data);
    void clear();
    const WaterfallData* traceData() const { return m_data.get(); }

    // Selects the span of this dataset row (expanding its ancestors) and scrolls to it.
    void selectSpanRow(uint32_t datasetRow);
    void clearSelection();
    std::optional<uint32_t> selectedSpanRow() const;

    // Clock-skew toggle (issue point 5): true draws raw times, false adjusted ones (default).
    void setShowRawTimes(bool raw);
    bool showRawTimes() const { return m_frame.showRaw; }

    // Tree structure.
    void setSpanExpanded(uint32_t datasetRow, bool expanded);
    bool isSpanExpanded(uint32_t datasetRow) const;
    void expandAll();
    void collapseAll();
    size_t visibleRowCount() const { return m_rows.size(); }
    std::optional<uint32_t> spanRowAtVisibleRow(size_t visibleRow) const;

    // Zoom: the time window shown (ns since the epoch). zoomBack() returns to the window before
    // the last zoomToRange/ctrl+wheel gesture; resetZoom() shows the whole trace.
    void zoomToRange(int64_t startNs, int64_t endNs);
    void zoomBack();
    void resetZoom();
    bool isZoomed() const;
    std::pair<int64_t, int64_t> timeWindow() const {
        return {m_frame.windowStartNs, m_frame.windowEndNs};
    }

    // Find in trace: case-insensitive match of service, operation, or attribute key/value text
    // (also "key=value"). findNext/findPrevious select the next match after/before the
    // selection (wrapping), expanding ancestors as needed; false when nothing matches.
    void setFindText(const QString& text);
    bool findNext();
    bool findPrevious();
    int findMatchCount() const { return int(m_matches.size()); }
    int currentMatchIndex() const; // index of the selected span among the matches, or -1

    // Geometry (viewport coordinates), for tests and callers placing tooltips.
    int rowHeight() const { return m_frame.rowHeight; }
    QRect visibleRowRect(size_t visibleRow) const; // whole row; empty when scrolled out
    QRect rulerRect() const;
    QRect minimapRect() const;
    QRect zoomBackButtonRect() const; // empty when not zoomed
    int timeToX(int64_t ns) const;
    // What the last paint drew (rows, bars, folded blocks), for tests and benchmarks.
    const WaterfallFrameStats& lastFrameStats() const { return m_stats; }

signals:
    void spanSelected(uint32_t datasetRow);
    void selectionCleared();
    void timeWindowChanged(qint64 startNs, qint64 endNs);
    void findMatchesChanged(int count); // after setFindText

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateScrollBars();
    void setWindow(int64_t startNs, int64_t endNs);
    void zoomAround(int64_t anchorNs, double factor); // ctrl+wheel step
    void selectVisibleRow(size_t visibleRow);
    void selectNode(std::optional<uint32_t> node);
    void scrollToVisibleRow(size_t visibleRow);
    void toggleNode(uint32_t node);
    void rowsChanged();
    std::optional<size_t> visibleRowAt(int y) const;
    int64_t xToTime(double x) const;
    bool findStep(bool forward);
    bool handleNavigationKey(int key);
    void moveMinimapWindow(QPoint pos);
    void pressRow(QPoint pos);
    QString toolTipAt(QPoint pos) const;

    std::shared_ptr<const WaterfallData> m_data;
    WaterfallRows m_rows;
    WaterfallFrame m_frame; // what to paint: window, scroll, selection (see waterfall_painter.h)
    WaterfallStyle m_style;
    WaterfallFrameStats m_stats;
    std::vector<std::pair<int64_t, int64_t>> m_zoomStack; // windows to go back to
    bool m_wheelZooming = false;     // the last zoom was a wheel step (one undo entry per gesture)
    bool m_settingScroll = false;    // updating the horizontal bar from the window, not the user
    std::vector<uint32_t> m_matches; // preorder positions of find matches, ascending
    std::vector<uint8_t> m_matchOfNode;
    QImage m_minimapImage;
    bool m_minimapDirty = true;
    // Mouse gestures.
    enum class Drag { None, Ruler, Minimap, Column };
    Drag m_drag = Drag::None;
    int m_dragStartX = 0;
    bool m_columnSized = false; // the user dragged the name column's edge: keep its width
    bool onColumnEdge(QPoint pos) const;
};

} // namespace tg::view
