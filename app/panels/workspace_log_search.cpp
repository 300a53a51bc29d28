#include "app/panels/workspace_log_search.h"

#include "models/workspace/workspace.h"

namespace tg::app {

view::LogTextSearch workspaceLogSearch(const QString& workspacePath,
                                       std::shared_ptr<const model::LogStore> logs) {
    return [path = workspacePath.toStdString(), logs = std::move(logs)](
               const std::string& text) -> std::optional<std::vector<uint32_t>> {
        if (!logs) return std::nullopt;
        auto ws = model::Workspace::open(path, false);
        if (!ws) return std::nullopt;
        const uint64_t stored = (*ws)->storedLogs();
        if (stored > logs->recordCount()) return std::nullopt; // not this session's records
        auto rows = (*ws)->searchLogs(text);
        if (!rows) return std::nullopt;
        // The records not in the file yet: scanned.
        const std::vector<std::string> words = view::searchWords(text);
        for (size_t row = stored; row < logs->recordCount(); ++row)
            if (view::bodyMatches(logs->body(row), words)) rows->push_back(uint32_t(row));
        return std::move(*rows);
    };
}

} // namespace tg::app
