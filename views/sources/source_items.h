#pragma once
// View model of the Sources dock: one item per loaded input (file, workspace, bundled demo,
// metrics or logs file), one for the trace-structure checks of the whole dataset and one for
// the correlation of logs and metrics with the traces, each with its counted diagnostics.
// Built by the app layer from import reports (views never include importers). Plain values;
// no thread affinity.
#include <QList>
#include <QString>

#include "models/core/diagnostics.h"

namespace tg::view {

struct DiagnosticItem {
    model::Severity severity = model::Severity::Warning;
    QString code;        // stable snake_case code, e.g. "orphan_span"
    quint64 count = 0;   // occurrences
    QString firstSample; // where and what the first occurrence was
};

struct SourceItem {
    enum class Kind { File, Workspace, Demo, Structure, Correlation };
    Kind kind = Kind::File;
    QString title;  // file name, "Trace structure" or "Correlation"
    QString path;   // full path or label (tooltip)
    QString detail; // "zipkin-json · 16 spans · 12 KB"
    bool failed = false;
    QString error; // the import error when failed (names the file and position)
    QList<DiagnosticItem> diagnostics;
};

} // namespace tg::view
