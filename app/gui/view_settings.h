#pragma once
// The topology view settings a user expects to find again next time (QSettings): edge label
// mode, health thresholds, hide healthy, focus hops.
//
// Thread affinity: GUI thread (QSettings of the application).
#include "views/topology/topology_view.h"

namespace tg::app {

struct ViewSettings {
    view::TopologyView::EdgeLabel edgeLabel = view::TopologyView::EdgeLabel::Rps;
    double warnErrorRate = 0.01;     // fraction, above which a node is amber
    double criticalErrorRate = 0.05; // fraction, above which a node is red
    bool hideHealthy = false;
    int focusHops = 1;

    static ViewSettings load();
    void save() const;
};

} // namespace tg::app
