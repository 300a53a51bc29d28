#pragma once
// What the trace search form offers to pick from: the services and operations of the loaded
// dataset and its time range. Made by the app layer off the GUI thread (one pass over the
// spans) and handed to the form as a value.
//
// Thread affinity: a plain value; any thread.
#include <QHash>
#include <QStringList>
#include <cstdint>

namespace tg::view {

struct SearchCatalog {
    QStringList services;                            // sorted, case-insensitively
    QHash<QString, QStringList> operationsByService; // each sorted
    QStringList operations;                          // of all services, sorted, distinct
    int64_t startNs = 0, endNs = 0;                  // first span start, last span end
};

} // namespace tg::view
