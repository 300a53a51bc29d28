#include "models/workspace/log_block_builder.h"

#include <algorithm>

namespace tg::model {

bool LogBlockBuilder::add(const logblock::PackedLogRecord& record) {
    m_encoder.append(record);
    m_tokenCounts.push_back(m_tokens.count(record.body));
    if (m_encoder.count() > 1) m_document += '\n';
    m_document += record.body;
    if (!record.linkTrace.isZero()) m_traces.push_back(record.linkTrace);
    return m_encoder.count() >= logblock::kLogBlockRecords;
}

void LogBlockBuilder::take(uint64_t firstRow, PreparedLogBlock& out) {
    out.firstRow = firstRow;
    out.count = m_encoder.count();
    logblock::encodeTokenCounts(m_tokenCounts, out.tokenCounts);
    out.records = m_encoder.finish();
    out.document.swap(m_document);
    std::sort(m_traces.begin(), m_traces.end());
    m_traces.erase(std::unique(m_traces.begin(), m_traces.end()), m_traces.end());
    out.traces.swap(m_traces);
    m_encoder.clear();
    m_tokenCounts.clear();
    m_document.clear();
    m_traces.clear();
}

} // namespace tg::model
