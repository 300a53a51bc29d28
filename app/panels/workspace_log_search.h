#pragma once
// The Logs panel's text search through the workspace's FTS5 index (issue 4), for a session
// with a workspace: the session's LogStore rows below the file's stored count are the file's
// rows (the import job loads the workspace's records first, and persisting appends in row
// order), so they are answered by the index; rows not written yet (the tail of a persist still
// running) are scanned in memory. Words match as FTS5 tokens there (whole words, a trailing *
// for a prefix), as substrings in the tail. When the file cannot be read, or holds more
// records than the session, the search answers nothing and the panel scans everything.
//
// Thread affinity: the returned function runs on the panel's query worker; it opens its own
// read connection per call (SQLite serialises it with the session's writes).
#include <QString>
#include <memory>

#include "models/telemetry/log_store.h"
#include "views/logs/log_query.h"

namespace tg::app {

view::LogTextSearch workspaceLogSearch(const QString& workspacePath,
                                       std::shared_ptr<const model::LogStore> logs);

} // namespace tg::app
