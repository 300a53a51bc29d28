// Workspace::loadMetricsInto: rebuilds a MetricStore from the metric tables (schema v4) through
// the store's own API, so its lookups (families by name, series by identity) are rebuilt too.
// Ids must come back as they were stored; anything else means a damaged file.
#include <cmath>

#include "models/workspace/label_blob.h"
#include "models/workspace/sqlite_statement.h"
#include "models/workspace/workspace.h"

namespace tg::model {
namespace {

double valueAt(const Statement& st, int col) {
    return sqlite3_column_type(st.get(), col) == SQLITE_NULL ? std::nan("")
                                                             : sqlite3_column_double(st.get(), col);
}

bool inRange(int64_t v, size_t size) {
    return v >= 0 && static_cast<uint64_t>(v) < size;
}

} // namespace

Status Workspace::loadMetricHeads(MetricStore& m) {
    auto corrupt = [&](const std::string& what) -> Status {
        return makeError(ErrorCode::Syntax, "workspace is damaged: " + what, m_path);
    };
    int rc;
    {
        Statement st(m_db, "SELECT id, text FROM metric_strings ORDER BY id");
        while ((rc = st.step()) == SQLITE_ROW)
            if (m.strings.intern(st.text(1)) != static_cast<StringId>(st.i64(0)))
                return corrupt("metric string ids are not dense and unique");
        if (rc != SQLITE_DONE) return corrupt("cannot read metric_strings");
    }
    {
        Statement st(m_db, "SELECT path, format FROM metric_imports ORDER BY id");
        while ((rc = st.step()) == SQLITE_ROW)
            m.addSource(std::string(st.text(0)), std::string(st.text(1)));
        if (rc != SQLITE_DONE) return corrupt("cannot read metric_imports");
    }
    const size_t strings = m.strings.size();
    {
        Statement st(m_db,
                     "SELECT id, name, type, help, unit, flags FROM metric_families ORDER BY id");
        while ((rc = st.step()) == SQLITE_ROW) {
            if (!inRange(st.i64(1), strings) || !inRange(st.i64(3), strings) ||
                !inRange(st.i64(4), strings) || st.i64(2) > int64_t(MetricType::StateSet))
                return corrupt("bad metric family " + std::to_string(st.i64(0)));
            FamilyInput f;
            f.name = m.strings.view(static_cast<StringId>(st.i64(1)));
            f.type = static_cast<MetricType>(st.i64(2));
            f.help = m.strings.view(static_cast<StringId>(st.i64(3)));
            f.unit = m.strings.view(static_cast<StringId>(st.i64(4)));
            f.flags = static_cast<uint8_t>(st.i64(5));
            if (m.addFamily(f) != static_cast<FamilyId>(st.i64(0)))
                return corrupt("metric family ids are not dense and unique");
        }
        if (rc != SQLITE_DONE) return corrupt("cannot read metric_families");
    }
    Statement st(m_db,
                 "SELECT id, family, name, role, import_id, labels FROM metric_series ORDER BY id");
    std::vector<LabelInput> labels;
    while ((rc = st.step()) == SQLITE_ROW) {
        if (!inRange(st.i64(1), m.familyCount()) || !inRange(st.i64(2), strings) ||
            !inRange(st.i64(4) - 1, m.sources.size()) || st.i64(3) > int64_t(SeriesRole::GSum) ||
            !blob::decodeLabels(st.blob(5), m.strings, labels))
            return corrupt("bad metric series " + std::to_string(st.i64(0)));
        m.setCurrentSource(static_cast<uint16_t>(st.i64(4) - 1));
        if (m.addSeries(static_cast<FamilyId>(st.i64(1)),
                        m.strings.view(static_cast<StringId>(st.i64(2))),
                        static_cast<SeriesRole>(st.i64(3)), labels) != SeriesId(st.i64(0)))
            return corrupt("metric series ids are not dense and unique");
    }
    if (rc != SQLITE_DONE) return corrupt("cannot read metric_series");
    return okStatus();
}

Status Workspace::loadMetricsInto(MetricStore& m) {
    if (m.familyCount() != 0 || m.strings.size() != 1 || m.sampleCount() != 0)
        return makeError(ErrorCode::Internal, "a workspace loads into an empty metric store only",
                         m_path);
    auto fail = [&](Status s) -> Status {
        m.truncate({});
        return s;
    };
    if (Status s = loadMetricHeads(m); !s) return fail(s);
    auto corrupt = [&](const std::string& what) -> Status {
        return fail(makeError(ErrorCode::Syntax, "workspace is damaged: " + what, m_path));
    };
    int rc;
    {
        Statement st(m_db, "SELECT series, time_ns, value, flags, import_id FROM metric_samples "
                           "ORDER BY row");
        while ((rc = st.step()) == SQLITE_ROW) {
            if (!inRange(st.i64(0), m.seriesCount()) || !inRange(st.i64(4) - 1, m.sources.size()))
                return corrupt("metric sample " + std::to_string(m.sampleCount()) +
                               " refers to a missing series or import");
            m.setCurrentSource(static_cast<uint16_t>(st.i64(4) - 1));
            m.addSample(static_cast<SeriesId>(st.i64(0)), st.i64(1), valueAt(st, 2),
                        static_cast<uint8_t>(st.i64(3)));
        }
        if (rc != SQLITE_DONE) return corrupt("cannot read metric_samples");
    }
    Statement st(m_db, "SELECT series, sample, value, time_ns, flags, trace_hi, trace_lo, span_id, "
                       "labels FROM metric_exemplars ORDER BY row");
    std::vector<LabelInput> labels;
    while ((rc = st.step()) == SQLITE_ROW) {
        const bool hasSample = sqlite3_column_type(st.get(), 1) != SQLITE_NULL;
        if (!inRange(st.i64(0), m.seriesCount()) ||
            (hasSample && !inRange(st.i64(1), m.sampleCount())) ||
            !blob::decodeLabels(st.blob(8), m.strings, labels))
            return corrupt("bad exemplar " + std::to_string(m.exemplarCount()));
        const auto flags = static_cast<uint8_t>(st.i64(4));
        const IdSpelling spelling =
            (flags & kExemplarNonHexId) ? IdSpelling::Hashed : IdSpelling::Hex;
        ExemplarInput e;
        e.series = static_cast<SeriesId>(st.i64(0));
        e.sample = hasSample ? static_cast<uint32_t>(st.i64(1)) : kNoRow;
        e.value = valueAt(st, 2);
        e.timeNs = st.i64(3);
        e.hasTime = flags & kExemplarHasTime;
        e.labels = labels;
        if (sqlite3_column_type(st.get(), 5) != SQLITE_NULL)
            e.trace = {{static_cast<uint64_t>(st.i64(5)), static_cast<uint64_t>(st.i64(6))},
                       spelling};
        if (sqlite3_column_type(st.get(), 7) != SQLITE_NULL)
            e.span = {static_cast<uint64_t>(st.i64(7)), spelling};
        m.addExemplar(e);
    }
    if (rc != SQLITE_DONE) return corrupt("cannot read metric_exemplars");
    if (m.sampleCount() != m_storedSamples || m.exemplarCount() != m_storedExemplars)
        return corrupt("metric rows are missing");
    m.buildIndex();
    return okStatus();
}

} // namespace tg::model
