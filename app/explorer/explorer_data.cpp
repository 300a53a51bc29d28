#include "app/explorer/explorer_data.h"

#include <QCollator>
#include <algorithm>
#include <unordered_set>

#include "views/explorer/explorer_text.h"

namespace tg::app {
namespace {

void sortNames(QStringList& names) {
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true); // "svc-2" before "svc-10"
    std::sort(names.begin(), names.end(), collator);
}

view::SearchCatalog buildCatalog(const model::Dataset& d) {
    view::SearchCatalog c;
    // Distinct (service, operation) pairs first, as ids: one hash insert per span.
    std::unordered_set<uint64_t> pairs;
    int64_t first = 0, last = 0;
    for (size_t row = 0; row < d.spanCount(); ++row) {
        pairs.insert(uint64_t(d.service[row]) << 32 | d.operation[row]);
        const int64_t end = d.startNs[row] + d.durationNs[row];
        first = row == 0 ? d.startNs[row] : std::min(first, d.startNs[row]);
        last = row == 0 ? end : std::max(last, end);
    }
    c.startNs = first;
    c.endNs = last;
    QSet<QString> allOperations;
    for (uint64_t p : pairs) {
        const QString service = QString::fromUtf8(d.strings.view(model::StringId(p >> 32)));
        const QString op = QString::fromUtf8(d.strings.view(model::StringId(p & 0xffffffffu)));
        c.operationsByService[service] << op;
        allOperations << op;
    }
    c.services = c.operationsByService.keys();
    sortNames(c.services);
    for (QStringList& ops : c.operationsByService)
        sortNames(ops);
    c.operations = QStringList(allOperations.begin(), allOperations.end());
    sortNames(c.operations);
    return c;
}

} // namespace

std::shared_ptr<const ExplorerData> buildExplorerData(std::shared_ptr<const LoadedInputs> inputs) {
    auto data = std::make_shared<ExplorerData>();
    data->inputs = inputs;
    data->dataset = std::shared_ptr<const model::Dataset>(inputs, &inputs->dataset);
    data->index = std::make_shared<const model::TraceIndex>(
        model::TraceIndex::build(inputs->dataset, inputs->structure));
    data->catalog = buildCatalog(inputs->dataset);
    return data;
}

QString traceTitle(const ExplorerData& data, size_t traceIndex) {
    if (traceIndex >= data.index->traces.size()) return {};
    const auto& t = data.index->traces[traceIndex];
    const auto& d = *data.dataset;
    QString root = QObject::tr("trace %1").arg(QString::fromStdString(t.id.toHex()));
    if (t.rootRow >= 0)
        root = QString::fromUtf8(d.serviceName(size_t(t.rootRow))) + QStringLiteral(": ") +
               QString::fromUtf8(d.operationName(size_t(t.rootRow)));
    return QStringLiteral("%1 · %2 · %3")
        .arg(root, view::timestampText(t.startNs), view::durationText(t.durationNs()));
}

} // namespace tg::app
