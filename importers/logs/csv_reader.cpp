#include "importers/logs/csv_reader.h"

#include "importers/logs/line_importer.h"

namespace tg::import {

bool splitCsvRecord(std::string_view text, std::vector<std::string_view>& cells,
                    std::deque<std::string>& storage) {
    cells.clear();
    storage.clear();
    size_t pos = 0;
    while (true) {
        if (pos < text.size() && text[pos] == '"') {
            std::string cell;
            size_t i = pos + 1;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                cell += text[i++];
            }
            if (!closed) return false;
            storage.push_back(std::move(cell));
            cells.push_back(storage.back());
            // Text between the closing quote and the comma is kept (lenient, like most readers).
            const size_t comma = text.find(',', i);
            if (comma == std::string_view::npos) break;
            pos = comma + 1;
        } else {
            const size_t comma = text.find(',', pos);
            cells.push_back(
                text.substr(pos, comma == std::string_view::npos ? text.npos : comma - pos));
            if (comma == std::string_view::npos) break;
            pos = comma + 1;
        }
    }
    return true;
}

model::Status forEachCsvRow(const TelemetryInput& input, const TelemetryImportOptions& options,
                            const std::function<void(const CsvRow&)>& onRow) {
    std::string pending; // a record whose quoted cell spans lines
    uint64_t pendingLine = 0, pendingOffset = 0;
    std::deque<std::string> storage; // a deque: views into its strings survive growth
    CsvRow row;
    std::optional<model::Error> fatal;
    model::Status status = forEachLine(input, options, [&](const TextLine& line) {
        if (fatal) return;
        std::string_view text = line.text;
        if (!pending.empty() || pendingLine) {
            pending += '\n';
            pending.append(line.text);
            text = pending;
        } else if (text.empty()) {
            return;
        }
        if (!splitCsvRecord(text, row.cells, storage)) {
            if (!pendingLine) {
                pending.assign(line.text);
                pendingLine = line.number;
                pendingOffset = line.offset;
            }
            if (pending.size() > options.maxLineBytes)
                fatal = lineError(input.path, pendingLine, static_cast<int64_t>(pendingOffset),
                                  "a quoted CSV cell runs past the line limit");
            return;
        }
        row.line = pendingLine ? pendingLine : line.number;
        row.offset = pendingLine ? pendingOffset : line.offset;
        onRow(row);
        pending.clear();
        pendingLine = 0;
    });
    if (!status) return status;
    if (fatal) return *fatal;
    if (pendingLine)
        return lineError(input.path, pendingLine, static_cast<int64_t>(pendingOffset),
                         "a quoted CSV cell is not closed before the end of the input");
    return model::okStatus();
}

} // namespace tg::import
