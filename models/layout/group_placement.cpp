#include "models/layout/group_placement.h"

namespace tg::model::detail {

PointF groupStart(const std::vector<NodeBox>& nodes, const std::vector<uint32_t>& members) {
    if (members.empty()) return {0, 0};
    double x = 0, y = 0;
    for (uint32_t m : members)
        x += nodes[m].x, y += nodes[m].y;
    return {x / double(members.size()), y / double(members.size())};
}

} // namespace tg::model::detail
