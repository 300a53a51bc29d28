#pragma once
// File ▸ Export ▸ SVG/PDF/PNG (1×, 2×)/DOT/Mermaid/JSON of the whole graph, and Edit ▸ Copy as
// image of the visible view. Exports run app::exportGraph on a background thread (it lays the
// graph out through the Graphviz worker and paints offscreen) into a temporary file next to the
// target, renamed over it when done; Cancel discards the temporary file. Progress and the
// result show in the status bar; a failure opens an error dialog naming the file.
//
// Thread affinity: GUI thread (a QObject). The background part only reads the immutable graph.
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "models/graph/service_graph.h"

class QAction;
class QImage;
class QMenu;
class QWidget;

namespace tg::app {

class JobStatus;

class ExportActions : public QObject {
    Q_OBJECT
public:
    using GraphSource = std::function<std::shared_ptr<const model::ServiceGraph>()>;
    using ViewRenderer = std::function<QImage()>;

    ExportActions(QWidget* window, JobStatus* status, GraphSource graph, ViewRenderer renderView);

    void populate(QMenu* exportMenu, QMenu* editMenu);
    void setEnabled(bool enabled); // false while nothing is loaded

    // Starts an export without a file dialog (the menu actions ask for the path first).
    void exportTo(const QString& format, double pngScale, const QString& path);
    void copyViewImage();

signals:
    void exported(const QString& path);
    void exportFailed(const QString& path, const QString& message);
    void exportCancelled(const QString& path);
    void message(const QString& text); // for the status bar

private:
    void askAndExport(const QString& format, double pngScale, const QString& title,
                      const QString& filter);
    void finish(int jobId, const QString& path, const QString& error, bool cancelled);

    QWidget* m_window;
    JobStatus* m_status;
    GraphSource m_graph;
    ViewRenderer m_renderView;
    QList<QAction*> m_actions;
};

} // namespace tg::app
