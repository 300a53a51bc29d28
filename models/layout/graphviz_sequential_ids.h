#pragma once
// Private to models/layout: a cgraph ID discipline that numbers objects in creation order.
// cgraph's default gives a named object the address of its interned name as its ID, and dot
// orders clusters (and ties in its orderings) by ID, so the same graph laid out twice in one
// process came out in two different drawings, alternating with the heap's state. With IDs in
// creation order, a layout depends only on the graph.
//
// Thread affinity: as Graphviz itself — only the layout worker's thread.
#include <graphviz/cgraph.h>

namespace tg::model::detail {

// Disciplines for agopen(): cgraph's memory and I/O, our IDs.
Agdisc_t* sequentialIdDiscipline();

} // namespace tg::model::detail
