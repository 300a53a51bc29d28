// Workspace::savePositions and Workspace::loadPositions: the node positions a user dragged in
// the topology view (schema v2 table node_positions), keyed by node name.
#include "models/workspace/workspace.h"

#include "models/workspace/sqlite_statement.h"

namespace tg::model {

Status Workspace::savePositions(const std::vector<NodePosition>& positions) {
    bool nested = false;
    if (Status s = beginWrite(nested); !s) return s;
    auto fail = [&](const std::string& what) -> Status {
        Error e = sqlError(what);
        rollbackWrite(nested);
        return e;
    };
    if (Status s = exec("DELETE FROM node_positions"); !s) {
        rollbackWrite(nested);
        return s;
    }
    {
        // INSERT OR REPLACE: the last position given for a name wins.
        Statement st(m_db, "INSERT OR REPLACE INTO node_positions(name, x, y) VALUES(?,?,?)");
        if (!st.ok()) return fail("cannot write node positions");
        for (const NodePosition& p : positions) {
            st.bindText(1, p.name);
            sqlite3_bind_double(st.get(), 2, p.x);
            sqlite3_bind_double(st.get(), 3, p.y);
            if (st.step() != SQLITE_DONE) return fail("cannot write node positions");
            st.reset();
        }
    }
    if (Status s = commitWrite(nested); !s) {
        rollbackWrite(nested);
        return s;
    }
    return okStatus();
}

Result<std::vector<NodePosition>> Workspace::loadPositions() {
    Statement st(m_db, "SELECT name, x, y FROM node_positions ORDER BY name");
    if (!st.ok()) return sqlError("cannot read node positions");
    std::vector<NodePosition> out;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW)
        out.push_back({std::string(st.text(0)), sqlite3_column_double(st.get(), 1),
                       sqlite3_column_double(st.get(), 2)});
    if (rc != SQLITE_DONE) return sqlError("cannot read node positions");
    return out;
}

} // namespace tg::model
