#pragma once
// The log lines shown in the Trace tab's span details: for a span (dataset row) of the session,
// the lines the correlation index linked to it, one "time  SEVERITY  message" line each, in time
// order. A lookup in the index, never a scan, so it can run on every selection change.
//
// Thread affinity: the returned function is called on the GUI thread; it keeps the session's
// stores and index alive and only reads them (they are immutable).
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace tg::app {

struct SessionSnapshot;

// nullopt from the function: the session has no logs (the pane says "No logs loaded").
// Rows outside the session's dataset give an empty list.
using SpanLogsSource = std::function<std::optional<QStringList>(uint32_t datasetRow)>;
// At most `maxLines` lines; when there are more, the last one says how many were left out.
SpanLogsSource spanLogsSource(std::shared_ptr<const SessionSnapshot> snapshot, int maxLines = 200);

} // namespace tg::app
