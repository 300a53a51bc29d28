#pragma once
// View model of the Inspector: what to show for the selected service or edge, as ready-made
// texts (computed by the app layer from the service graph and the dataset). Plain values; no
// thread affinity.
#include <QList>
#include <QString>

namespace tg::view {

struct InspectorFact {
    QString id;    // stable key ("calls", "errors", "p95"...), used as the label's object name
    QString label; // shown to the user
    QString value;
};

struct InspectorOperation {
    QString name;
    quint64 calls = 0;
    quint64 errors = 0;
};

struct InspectorContent {
    QString title;    // "checkout" or "frontend → checkout"
    QString subtitle; // "service · shop / eu-west-1"
    QList<InspectorFact> facts;
    QList<InspectorOperation> operations; // by calls, descending
    bool empty() const { return title.isEmpty(); }
};

} // namespace tg::view
