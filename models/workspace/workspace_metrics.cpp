// Workspace::persistNewMetrics and Workspace::loadMetricsInto: the MetricStore and the file's
// metric tables (schema v4). One transaction per persist; samples, the bulk, go 128 per INSERT.
#include <cmath>

#include "models/workspace/label_blob.h"
#include "models/workspace/sqlite_statement.h"
#include "models/workspace/workspace.h"

namespace tg::model {
namespace {

constexpr size_t kSamplesPerInsert = 128;

std::string sampleInsertSql(size_t rows) {
    std::string sql = "INSERT INTO metric_samples VALUES";
    for (size_t r = 0; r < rows; ++r)
        sql += r ? ",(?,?,?,?,?,?)" : "(?,?,?,?,?,?)";
    return sql;
}

// SQLite stores a NaN REAL as NULL; NULL reads back as NaN.
void bindValue(Statement& st, int col, double v) {
    if (std::isnan(v))
        sqlite3_bind_null(st.get(), col);
    else
        sqlite3_bind_double(st.get(), col, v);
}

void bindSample(Statement& st, int base, const MetricStore& m, size_t row) {
    st.bind(base + 1, static_cast<int64_t>(row));
    st.bind(base + 2, static_cast<int64_t>(m.sampleSeries[row]));
    st.bind(base + 3, m.sampleTimeNs[row]);
    bindValue(st, base + 4, m.sampleValue[row]);
    st.bind(base + 5, static_cast<int64_t>(m.sampleFlags[row]));
    st.bind(base + 6, static_cast<int64_t>(m.sampleSource[row]) + 1);
}

} // namespace

Status Workspace::checkExtendsMetrics(const MetricStore& m) const {
    const Error e = makeError(ErrorCode::Internal,
                              "metric store does not extend this workspace (load the workspace's "
                              "metrics into it first)",
                              m_path);
    if (m.strings.size() < m_storedMetricStrings || m.sources.size() < m_storedMetricSources ||
        m.familyCount() < m_storedFamilies || m.seriesCount() < m_storedSeries ||
        m.sampleCount() < m_storedSamples || m.exemplarCount() < m_storedExemplars)
        return e;
    if (m_storedMetricStrings > 0) {
        Statement st(m_db, "SELECT text FROM metric_strings WHERE id = ?");
        st.bind(1, static_cast<int64_t>(m_storedMetricStrings - 1));
        if (st.step() != SQLITE_ROW ||
            st.text(0) != m.strings.view(static_cast<StringId>(m_storedMetricStrings - 1)))
            return e;
    }
    if (m_storedSamples > 0) {
        const size_t row = m_storedSamples - 1;
        Statement st(m_db, "SELECT series, time_ns FROM metric_samples WHERE row = ?");
        st.bind(1, static_cast<int64_t>(row));
        if (st.step() != SQLITE_ROW || st.i64(0) != static_cast<int64_t>(m.sampleSeries[row]) ||
            st.i64(1) != m.sampleTimeNs[row])
            return e;
    }
    return okStatus();
}

Status Workspace::writeMetricHeads(const MetricStore& m, const std::vector<std::string>& reports) {
    Statement imp(m_db, "INSERT INTO metric_imports(id, path, format, report) VALUES(?,?,?,?)");
    for (size_t i = m_storedMetricSources; i < m.sources.size(); ++i) {
        imp.bind(1, static_cast<int64_t>(i + 1));
        imp.bindText(2, m.sources[i].path);
        imp.bindText(3, m.sources[i].format);
        const size_t r = i - m_storedMetricSources;
        if (r < reports.size())
            imp.bindText(4, reports[r]);
        else
            sqlite3_bind_null(imp.get(), 4);
        if (imp.step() != SQLITE_DONE) return sqlError("cannot write metric import record");
        imp.reset();
    }
    Statement str(m_db, "INSERT INTO metric_strings(id, text) VALUES(?,?)");
    for (size_t id = m_storedMetricStrings; id < m.strings.size(); ++id) {
        str.bind(1, static_cast<int64_t>(id));
        str.bindText(2, m.strings.view(static_cast<StringId>(id)));
        if (str.step() != SQLITE_DONE) return sqlError("cannot write metric strings");
        str.reset();
    }
    Statement fam(m_db, "INSERT INTO metric_families VALUES(?,?,?,?,?,?)");
    for (size_t f = m_storedFamilies; f < m.familyCount(); ++f) {
        fam.bind(1, static_cast<int64_t>(f));
        fam.bind(2, static_cast<int64_t>(m.familyName[f]));
        fam.bind(3, static_cast<int64_t>(m.familyType[f]));
        fam.bind(4, static_cast<int64_t>(m.familyHelp[f]));
        fam.bind(5, static_cast<int64_t>(m.familyUnit[f]));
        fam.bind(6, static_cast<int64_t>(m.familyFlags[f]));
        if (fam.step() != SQLITE_DONE) return sqlError("cannot write metric families");
        fam.reset();
    }
    Statement ser(m_db, "INSERT INTO metric_series VALUES(?,?,?,?,?,?)");
    std::string labels;
    for (size_t s = m_storedSeries; s < m.seriesCount(); ++s) {
        ser.bind(1, static_cast<int64_t>(s));
        ser.bind(2, static_cast<int64_t>(m.seriesFamily[s]));
        ser.bind(3, static_cast<int64_t>(m.seriesName[s]));
        ser.bind(4, static_cast<int64_t>(m.seriesRole[s]));
        ser.bind(5, static_cast<int64_t>(m.seriesSource[s]) + 1);
        blob::encodeLabels(m.labelsOf(static_cast<SeriesId>(s)), labels);
        ser.bindBlob(6, labels);
        if (ser.step() != SQLITE_DONE) return sqlError("cannot write metric series");
        ser.reset();
    }
    return okStatus();
}

Status Workspace::writeMetricRows(const MetricStore& m) {
    Statement batch(m_db, sampleInsertSql(kSamplesPerInsert).c_str());
    Statement single(m_db, sampleInsertSql(1).c_str());
    if (!batch.ok() || !single.ok()) return sqlError("cannot write metric samples");
    size_t row = m_storedSamples;
    for (; row + kSamplesPerInsert <= m.sampleCount(); row += kSamplesPerInsert) {
        for (size_t i = 0; i < kSamplesPerInsert; ++i)
            bindSample(batch, static_cast<int>(i) * 6, m, row + i);
        if (batch.step() != SQLITE_DONE) return sqlError("cannot write metric samples");
        batch.reset();
    }
    for (; row < m.sampleCount(); ++row) {
        bindSample(single, 0, m, row);
        if (single.step() != SQLITE_DONE) return sqlError("cannot write metric samples");
        single.reset();
    }
    Statement ex(m_db, "INSERT INTO metric_exemplars VALUES(?,?,?,?,?,?,?,?,?,?)");
    std::string labels;
    for (size_t e = m_storedExemplars; e < m.exemplarCount(); ++e) {
        ex.bind(1, static_cast<int64_t>(e));
        ex.bind(2, static_cast<int64_t>(m.exemplarSeries[e]));
        if (m.exemplarSample[e] == kNoRow)
            sqlite3_bind_null(ex.get(), 3);
        else
            ex.bind(3, static_cast<int64_t>(m.exemplarSample[e]));
        bindValue(ex, 4, m.exemplarValue[e]);
        ex.bind(5, m.exemplarTimeNs[e]);
        ex.bind(6, static_cast<int64_t>(m.exemplarFlags[e]));
        if (m.exemplarTrace[e].isZero()) {
            sqlite3_bind_null(ex.get(), 7);
            sqlite3_bind_null(ex.get(), 8);
        } else {
            ex.bind(7, m.exemplarTrace[e].hi);
            ex.bind(8, m.exemplarTrace[e].lo);
        }
        if (m.exemplarSpan[e] == 0)
            sqlite3_bind_null(ex.get(), 9);
        else
            ex.bind(9, m.exemplarSpan[e]);
        blob::encodeLabels(m.exemplarLabelsOf(static_cast<uint32_t>(e)), labels);
        ex.bindBlob(10, labels);
        if (ex.step() != SQLITE_DONE) return sqlError("cannot write exemplars");
        ex.reset();
    }
    return okStatus();
}

Status Workspace::persistNewMetrics(const MetricStore& m, const std::vector<std::string>& reports) {
    if (Status s = checkExtendsMetrics(m); !s) return s;
    bool nested = false;
    if (Status s = beginWrite(nested); !s) return s;
    Status s = writeMetricHeads(m, reports);
    if (s) s = writeMetricRows(m);
    if (s) s = commitWrite(nested);
    if (!s) {
        rollbackWrite(nested);
        return s;
    }
    m_storedMetricSources = m.sources.size();
    m_storedMetricStrings = m.strings.size();
    m_storedFamilies = m.familyCount();
    m_storedSeries = m.seriesCount();
    m_storedSamples = m.sampleCount();
    m_storedExemplars = m.exemplarCount();
    return okStatus();
}

} // namespace tg::model
