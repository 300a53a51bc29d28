#pragma once
// Builds the plain view-model values the views show (views never include importers or the
// dataset's import types): Sources dock items from import reports, Inspector contents from the
// service graph and the operation index, the status bar summary. Cheap (no span scans).
//
// Thread affinity: pure functions of their arguments; called on the GUI thread.
#include <QList>
#include <QString>
#include <cstdint>
#include <vector>

#include "app/gui/session_snapshot.h"
#include "importers/common/import_types.h"
#include "views/inspector/inspector_content.h"
#include "views/sources/source_items.h"

namespace tg::app {

// One item per input of the snapshot (null: none), the trace-structure checks, then the
// inputs of a failed attempt (shown failed, with their errors).
QList<view::SourceItem> sourceItems(const SessionSnapshot* snapshot,
                                    const std::vector<import::ImportReport>& failedAttempts);
view::SourceItem sourceItem(const import::ImportReport& report);

view::InspectorContent nodeInspector(const SessionSnapshot& snapshot, uint32_t node);
view::InspectorContent edgeInspector(const SessionSnapshot& snapshot, uint32_t edge);

// "1,234 spans · 12 traces · 9 services · 3 diagnostics"
QString summaryText(const SessionSnapshot& snapshot);
uint64_t diagnosticsCount(const SessionSnapshot& snapshot); // occurrences, all inputs

} // namespace tg::app
