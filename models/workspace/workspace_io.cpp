// Workspace::persistNew and Workspace::loadInto: the bulk paths between the columnar dataset
// and the SQLite file (one transaction per persist; prepared statements reused per row).
#include "models/workspace/workspace.h"

#include "models/workspace/span_blob_codec.h"
#include "models/workspace/sqlite_statement.h"

namespace tg::model {

// Sizes alone do not tell a dataset loaded from this file (and extended) from another one that
// happens to be larger; writing the latter would mix string ids. So the last stored string,
// span and source are compared too: cheap point lookups, enough to catch another incident.
Status Workspace::checkExtends(const Dataset& d) const {
    Error e;
    e.code = ErrorCode::Internal;
    e.path = m_path;
    e.detail = "dataset does not extend this workspace (load the workspace into it first)";
    if (d.spanCount() < m_storedSpans || d.strings.size() < m_storedStrings ||
        d.resources.size() < m_storedResources || d.sources.size() < m_storedSources)
        return e;
    if (m_storedStrings > 0) {
        Statement st(m_db, "SELECT text FROM strings WHERE id = ?");
        st.bind(1, static_cast<int64_t>(m_storedStrings - 1));
        if (st.step() != SQLITE_ROW ||
            st.text(0) != d.strings.view(static_cast<StringId>(m_storedStrings - 1)))
            return e;
    }
    if (m_storedSources > 0) {
        Statement st(m_db, "SELECT path FROM imports WHERE id = ?");
        st.bind(1, static_cast<int64_t>(m_storedSources));
        if (st.step() != SQLITE_ROW || st.text(0) != d.sources[m_storedSources - 1].path) return e;
    }
    if (m_storedSpans > 0) {
        const size_t row = m_storedSpans - 1;
        Statement st(m_db, "SELECT trace_hi, trace_lo, span_id, start_ns FROM spans WHERE row = ?");
        st.bind(1, static_cast<int64_t>(row));
        if (st.step() != SQLITE_ROW || static_cast<uint64_t>(st.i64(0)) != d.traceId[row].hi ||
            static_cast<uint64_t>(st.i64(1)) != d.traceId[row].lo ||
            static_cast<uint64_t>(st.i64(2)) != d.spanId[row] || st.i64(3) != d.startNs[row])
            return e;
    }
    return okStatus();
}

Status Workspace::persistNew(const Dataset& d, const std::vector<std::string>& reports) {
    if (Status s = checkExtends(d); !s) return s;
    bool nested = false;
    if (Status s = beginWrite(nested); !s) return s;
    auto fail = [&](const std::string& what) -> Status {
        Error e = sqlError(what);
        rollbackWrite(nested);
        return e;
    };
    {
        Statement imp(m_db, "INSERT INTO imports(id, path, format, report) VALUES(?,?,?,?)");
        for (size_t i = m_storedSources; i < d.sources.size(); ++i) {
            imp.bind(1, static_cast<int64_t>(i + 1));
            imp.bindText(2, d.sources[i].path);
            imp.bindText(3, d.sources[i].format);
            const size_t r = i - m_storedSources;
            if (r < reports.size())
                imp.bindText(4, reports[r]);
            else
                sqlite3_bind_null(imp.get(), 4);
            if (imp.step() != SQLITE_DONE) return fail("cannot write import record");
            imp.reset();
        }
        Statement str(m_db, "INSERT INTO strings(id, text) VALUES(?,?)");
        for (size_t id = m_storedStrings; id < d.strings.size(); ++id) {
            str.bind(1, static_cast<int64_t>(id));
            str.bindText(2, d.strings.view(static_cast<StringId>(id)));
            if (str.step() != SQLITE_DONE) return fail("cannot write strings");
            str.reset();
        }
        Statement res(m_db, "INSERT INTO resources(id, service, attributes) VALUES(?,?,?)");
        std::string blob;
        for (size_t id = m_storedResources; id < d.resources.size(); ++id) {
            res.bind(1, static_cast<int64_t>(id));
            res.bind(2, static_cast<int64_t>(d.resources[id].service));
            blob::encodeAttributes(d.attributesOfResource(static_cast<uint32_t>(id)), blob);
            res.bindBlob(3, blob);
            if (res.step() != SQLITE_DONE) return fail("cannot write resources");
            res.reset();
        }
        Statement sp(m_db, "INSERT INTO spans VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        std::string attrs, events, links;
        for (size_t row = m_storedSpans; row < d.spanCount(); ++row) {
            sp.bind(1, static_cast<int64_t>(row));
            sp.bind(2, static_cast<int64_t>(d.source[row]) + 1);
            sp.bind(3, d.traceId[row].hi);
            sp.bind(4, d.traceId[row].lo);
            sp.bind(5, d.spanId[row]);
            sp.bind(6, d.parentId[row]);
            sp.bind(7, static_cast<int64_t>(d.service[row]));
            sp.bind(8, static_cast<int64_t>(d.operation[row]));
            sp.bind(9, static_cast<int64_t>(d.kind[row]));
            sp.bind(10, static_cast<int64_t>(d.status[row]));
            sp.bind(11, static_cast<int64_t>(d.flags[row]));
            sp.bind(12, d.startNs[row]);
            sp.bind(13, d.durationNs[row]);
            sp.bind(14, static_cast<int64_t>(d.resource[row]));
            blob::encodeAttributes(d.spanAttributes(row), attrs);
            blob::encodeEvents(d, d.spanEvents(row), events);
            blob::encodeLinks(d.spanLinks(row), links);
            sp.bindBlob(15, attrs);
            sp.bindBlob(16, events);
            sp.bindBlob(17, links);
            if (sp.step() != SQLITE_DONE) return fail("cannot write spans");
            sp.reset();
        }
    }
    if (Status s = commitWrite(nested); !s) {
        rollbackWrite(nested);
        return s;
    }
    m_storedSources = d.sources.size();
    m_storedStrings = d.strings.size();
    m_storedResources = d.resources.size();
    m_storedSpans = d.spanCount();
    return okStatus();
}

Status Workspace::loadInto(Dataset& d) {
    if (d.spanCount() != 0 || d.strings.size() != 1 || !d.resources.empty()) {
        Error e;
        e.code = ErrorCode::Internal;
        e.path = m_path;
        e.detail = "a workspace loads into an empty dataset only";
        return e;
    }
    auto corrupt = [&](const std::string& what) -> Status {
        Error e;
        e.code = ErrorCode::Syntax;
        e.path = m_path;
        e.detail = "workspace is damaged: " + what;
        d.truncate({});
        return e;
    };
    // A read that stops on anything but SQLITE_DONE (a damaged page, I/O error) must not pass
    // for the end of the table: that would load a silently shorter dataset.
    auto readFailed = [&](int rc, const char* table) -> Status {
        return corrupt(std::string("cannot read ") + table + ": " + sqlite3_errstr(rc));
    };
    int rc;
    {
        Statement st(m_db, "SELECT id, text FROM strings ORDER BY id");
        while ((rc = st.step()) == SQLITE_ROW)
            if (d.strings.intern(st.text(1)) != static_cast<StringId>(st.i64(0)))
                return corrupt("string table ids are not dense and unique");
        if (rc != SQLITE_DONE) return readFailed(rc, "strings");
    }
    {
        Statement st(m_db, "SELECT path, format FROM imports ORDER BY id");
        while ((rc = st.step()) == SQLITE_ROW)
            d.sources.push_back({std::string(st.text(0)), std::string(st.text(1))});
        if (rc != SQLITE_DONE) return readFailed(rc, "imports");
    }
    {
        Statement st(m_db, "SELECT service, attributes FROM resources ORDER BY id");
        while ((rc = st.step()) == SQLITE_ROW) {
            Resource r;
            r.service = static_cast<StringId>(st.i64(0));
            r.attrBegin = static_cast<uint32_t>(d.resourceAttributes.size());
            if (!blob::decodeAttributes(st.blob(1), d.resourceAttributes))
                return corrupt("bad resource attributes");
            r.attrCount = static_cast<uint32_t>(d.resourceAttributes.size()) - r.attrBegin;
            d.resources.push_back(r);
        }
        if (rc != SQLITE_DONE) return readFailed(rc, "resources");
    }
    d.reserve(m_storedSpans);
    Statement st(
        m_db, "SELECT import_id, trace_hi, trace_lo, span_id, parent_id, service, operation, kind, "
              "status, flags, start_ns, duration_ns, resource, attributes, events, links "
              "FROM spans ORDER BY row");
    while ((rc = st.step()) == SQLITE_ROW) {
        const auto service = static_cast<StringId>(st.i64(5)),
                   operation = static_cast<StringId>(st.i64(6));
        const auto resource = static_cast<uint32_t>(st.i64(12));
        const int64_t importId = st.i64(0);
        if (service >= d.strings.size() || operation >= d.strings.size() ||
            resource >= d.resources.size() || importId < 1 ||
            static_cast<uint64_t>(importId) > d.sources.size())
            return corrupt("span refers to a missing string, resource or import");
        d.source.push_back(static_cast<uint16_t>(importId - 1));
        d.traceId.push_back({static_cast<uint64_t>(st.i64(1)), static_cast<uint64_t>(st.i64(2))});
        d.spanId.push_back(static_cast<uint64_t>(st.i64(3)));
        d.parentId.push_back(static_cast<uint64_t>(st.i64(4)));
        d.service.push_back(service);
        d.operation.push_back(operation);
        d.kind.push_back(static_cast<SpanKind>(st.i64(7) & 7));
        d.status.push_back(static_cast<StatusCode>(st.i64(8) & 3));
        d.flags.push_back(static_cast<uint8_t>(st.i64(9)));
        d.startNs.push_back(st.i64(10));
        d.durationNs.push_back(st.i64(11));
        d.resource.push_back(resource);
        if (!blob::decodeAttributes(st.blob(13), d.attributes) ||
            !blob::decodeEvents(st.blob(14), d) || !blob::decodeLinks(st.blob(15), d.links))
            return corrupt("bad span blobs at row " + std::to_string(d.spanCount() - 1));
        d.attrBegin.push_back(static_cast<uint32_t>(d.attributes.size()));
        d.eventBegin.push_back(static_cast<uint32_t>(d.events.size()));
        d.linkBegin.push_back(static_cast<uint32_t>(d.links.size()));
    }
    if (rc != SQLITE_DONE) return readFailed(rc, "spans");
    if (d.spanCount() != m_storedSpans) return corrupt("span rows are missing");
    return okStatus();
}

} // namespace tg::model
