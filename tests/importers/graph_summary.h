#pragma once
// Test helpers: the expectations table written by hand from the fixtures
// (tests/data/fixture_expectations.tsv) and summaries of what the code produced, in the same
// textual form ("a>b=calls/errors;..."), so a failing row prints a readable difference.
#include <QFile>
#include <QHash>
#include <QStringList>
#include <algorithm>

#include "models/dataset/dataset.h"
#include "models/graph/service_graph.h"

namespace tg::test {

struct ExpectationRow {
    QHash<QString, QString> fields; // by header name
    QString operator[](const QString& key) const { return fields.value(key); }
};

inline QList<ExpectationRow> readExpectations(const QString& path) {
    QList<ExpectationRow> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return rows;
    const QStringList header =
        QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char('\t'));
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine());
        if (line.trimmed().isEmpty()) continue;
        const QStringList cells =
            line.chopped(line.endsWith(QLatin1Char('\n')) ? 1 : 0).split(QLatin1Char('\t'));
        ExpectationRow row;
        for (int i = 0; i < header.size(); ++i)
            row.fields[header[i]] = cells.value(i);
        rows.append(row);
    }
    return rows;
}

inline QString edgeSummary(const model::ServiceGraph& g, bool inferred) {
    QStringList parts;
    for (const auto& e : g.edges)
        if (e.inferred == inferred)
            parts << QStringLiteral("%1>%2=%3/%4")
                         .arg(QString::fromStdString(g.nodes[e.source].name),
                              QString::fromStdString(g.nodes[e.target].name))
                         .arg(e.stats.calls)
                         .arg(e.stats.errors);
    std::sort(parts.begin(), parts.end(),
              [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
    return parts.join(QLatin1Char(';'));
}

inline QString serviceSummary(const model::ServiceGraph& g) {
    QStringList names;
    for (const auto& n : g.nodes)
        if (n.kind == model::NodeKind::Service && n.spans > 0)
            names << QString::fromStdString(n.name);
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
    return names.join(QLatin1Char(','));
}

inline int errorSpanCount(const model::Dataset& d) {
    int n = 0;
    for (size_t i = 0; i < d.spanCount(); ++i)
        n += d.isError(i);
    return n;
}

} // namespace tg::test
