#pragma once
// The topology style for a widget palette: background and text from the palette, so a dark
// system theme gives a dark canvas; health colours stay the same (amber and red mean the same
// in both themes). A light palette keeps the export style's colours (exports are always light).
// Thread affinity: any thread.
#include <QPalette>

#include "views/topology/topology_painter.h"

namespace tg::view {

bool isDarkPalette(const QPalette& palette);
TopologyStyle topologyStyleForPalette(const QPalette& palette);

} // namespace tg::view
