#pragma once
// The topology view settings a user expects to find again next time (QSettings): edge label
// mode, health thresholds, hide healthy, focus hops, layout style.
//
// Thread affinity: GUI thread (QSettings of the application).
#include <string>

#include "views/topology/topology_view.h"

namespace tg::app {

struct ViewSettings {
    view::TopologyView::EdgeLabel edgeLabel = view::TopologyView::EdgeLabel::Rps;
    double warnErrorRate = 0.01;     // fraction, above which a node is amber
    double criticalErrorRate = 0.05; // fraction, above which a node is red
    bool hideHealthy = false;
    int focusHops = 1;
    // Layout style: the engine asked of model::layoutGraph ("" = automatic: dot or sfdp by size
    // and crossings, "dot" = ranked, "sfdp" = force-directed).
    std::string layoutEngine;

    static ViewSettings load();
    void save() const;
};

} // namespace tg::app
