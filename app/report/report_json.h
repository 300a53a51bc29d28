#pragma once
// JSON and text renderings of import reports, dataset statistics and the service graph, as the
// command line prints them (docs/cli.md documents these shapes; they are a public interface).
// Pure functions of their inputs; any thread.
#include <QJsonObject>
#include <QString>

#include "app/cli/input_loader.h"
#include "models/graph/service_graph.h"

namespace tg::app {

QJsonObject importReportJson(const import::ImportReport& report);
QJsonObject
diagnosticsJson(const model::Diagnostics& diagnostics); // {"code":{severity,count,first_sample}}
QJsonObject statsJson(const LoadedInputs& inputs);
QJsonObject graphJson(const model::ServiceGraph& graph);

QString importReportText(const import::ImportReport& report);
QString diagnosticsText(const model::Diagnostics& diagnostics, const QString& indent);
QString statsText(const LoadedInputs& inputs);

} // namespace tg::app
