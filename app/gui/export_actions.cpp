#include "app/gui/export_actions.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>

#include "app/export/graph_export.h"
#include "app/gui/job_status.h"

namespace tg::app {
namespace {

struct ExportResult {
    QString error;
    bool cancelled = false;
};

// A hidden sibling of the target with the same suffix, so a cancelled or failed export never
// leaves a half-written or replaced target behind.
QString temporaryPath(const QString& path) {
    const QFileInfo info(path);
    return info.dir().filePath(
        QStringLiteral(".%1.exporting.%2").arg(info.completeBaseName(), info.suffix()));
}

ExportResult runExport(const model::ServiceGraph& graph, const QString& format, double pngScale,
                       const QString& path, const std::atomic<bool>& cancel) {
    ExportResult result;
    const QString partial = temporaryPath(path);
    GraphExportOptions options;
    options.pngScale = pngScale;
    options.withLayout = format == QLatin1String("json");
    if (!exportGraph(graph, format, options, partial, &result.error)) {
        QFile::remove(partial);
        if (result.error.isEmpty()) result.error = QObject::tr("the export failed");
        return result;
    }
    if (cancel.load()) {
        QFile::remove(partial);
        result.cancelled = true;
        return result;
    }
    QFile::remove(path); // rename() does not replace
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        result.error = QObject::tr("cannot write %1").arg(path);
    }
    return result;
}

} // namespace

ExportActions::ExportActions(QWidget* window, JobStatus* status, GraphSource graph,
                             ViewRenderer renderView)
    : QObject(window), m_window(window), m_status(status), m_graph(std::move(graph)),
      m_renderView(std::move(renderView)) {}

void ExportActions::populate(QMenu* exportMenu, QMenu* editMenu) {
    struct Entry {
        QString label, format, filter;
        double scale;
    };
    const Entry entries[] = {
        {tr("&SVG…"), QStringLiteral("svg"), tr("SVG images (*.svg)"), 1},
        {tr("&PDF…"), QStringLiteral("pdf"), tr("PDF documents (*.pdf)"), 1},
        {tr("P&NG (1×)…"), QStringLiteral("png"), tr("PNG images (*.png)"), 1},
        {tr("PN&G (2×)…"), QStringLiteral("png"), tr("PNG images (*.png)"), 2},
        {tr("&DOT…"), QStringLiteral("dot"), tr("Graphviz DOT (*.dot *.gv)"), 1},
        {tr("&Mermaid…"), QStringLiteral("mermaid"), tr("Mermaid (*.mmd *.md)"), 1},
        {tr("&JSON…"), QStringLiteral("json"), tr("JSON (*.json)"), 1},
    };
    for (const Entry& e : entries) {
        QAction* action = exportMenu->addAction(e.label);
        const QString title = tr("Export the service graph as %1").arg(e.format.toUpper());
        connect(action, &QAction::triggered, this,
                [this, e, title] { askAndExport(e.format, e.scale, title, e.filter); });
        m_actions << action;
    }
    QAction* copy = editMenu->addAction(tr("&Copy as Image"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setToolTip(tr("Copy the visible part of the topology to the clipboard (2× resolution)"));
    connect(copy, &QAction::triggered, this, &ExportActions::copyViewImage);
    m_actions << copy;
}

void ExportActions::setEnabled(bool enabled) {
    for (QAction* action : m_actions)
        action->setEnabled(enabled);
}

void ExportActions::askAndExport(const QString& format, double pngScale, const QString& title,
                                 const QString& filter) {
    QSettings settings;
    const QString dir =
        settings.value(QStringLiteral("export/directory"), QDir::homePath()).toString();
    const QString suffix = format == QLatin1String("mermaid") ? QStringLiteral("mmd") : format;
    const QString name =
        pngScale > 1 ? QStringLiteral("topology@2x.png") : QStringLiteral("topology.") + suffix;
    const QString path =
        QFileDialog::getSaveFileName(m_window, title, QDir(dir).filePath(name), filter);
    if (path.isEmpty()) return;
    settings.setValue(QStringLiteral("export/directory"), QFileInfo(path).absolutePath());
    exportTo(format, pngScale, path);
}

void ExportActions::exportTo(const QString& format, double pngScale, const QString& path) {
    const auto graph = m_graph();
    if (!graph) return emit exportFailed(path, tr("Nothing is loaded yet."));
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    const QString name = QFileInfo(path).fileName();
    // Cancel ends the job in the status bar at once; the background part then discards its file.
    auto jobId = std::make_shared<int>(0);
    *jobId = m_status->begin(tr("Exporting %1").arg(name), [this, cancel, jobId, path] {
        cancel->store(true);
        m_status->end(*jobId);
        emit exportCancelled(path);
        emit message(tr("Export of %1 cancelled").arg(QFileInfo(path).fileName()));
    });
    QtConcurrent::run([graph, format, pngScale, path, cancel] {
        return runExport(*graph, format, pngScale, path, *cancel);
    }).then(this, [this, jobId, path, cancel](const ExportResult& r) {
        if (cancel->load()) return; // already reported when Cancel was pressed
        finish(*jobId, path, r.error, r.cancelled);
    });
}

void ExportActions::finish(int jobId, const QString& path, const QString& error, bool cancelled) {
    m_status->end(jobId);
    if (cancelled) return emit exportCancelled(path);
    if (error.isEmpty()) {
        emit message(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
        return emit exported(path);
    }
    emit exportFailed(path, error);
    auto* box = new QMessageBox(QMessageBox::Critical, tr("Export failed"),
                                tr("Could not export to %1.").arg(QDir::toNativeSeparators(path)),
                                QMessageBox::Ok, m_window);
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal without a nested event loop
}

void ExportActions::copyViewImage() {
    const QImage image = m_renderView();
    if (image.isNull()) return emit message(tr("Nothing to copy"));
    QGuiApplication::clipboard()->setImage(image);
    emit message(
        tr("Copied the view as an image (%1 × %2 px)").arg(image.width()).arg(image.height()));
}

} // namespace tg::app
