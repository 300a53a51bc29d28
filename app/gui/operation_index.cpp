#include "app/gui/operation_index.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace tg::app {
namespace {

struct Counts {
    uint64_t calls = 0;
    uint64_t errors = 0;
};

// Counts keyed by (owner index, operation string id).
using CountMap = std::unordered_map<uint64_t, Counts>;

uint64_t key(uint32_t owner, model::StringId operation) {
    return (uint64_t(owner) << 32) | uint64_t(operation);
}

void count(CountMap& map, uint32_t owner, model::StringId operation, bool error) {
    Counts& c = map[key(owner, operation)];
    ++c.calls;
    c.errors += error ? 1 : 0;
}

std::vector<std::vector<OperationCount>> topLists(const CountMap& map, size_t owners,
                                                  const model::Dataset& dataset, size_t topN) {
    std::vector<std::vector<OperationCount>> out(owners);
    for (const auto& [k, c] : map) {
        const auto owner = static_cast<uint32_t>(k >> 32);
        const auto op = static_cast<model::StringId>(k & 0xffffffffu);
        out[owner].push_back({std::string(dataset.strings.view(op)), c.calls, c.errors});
    }
    for (auto& list : out) {
        std::sort(list.begin(), list.end(), [](const OperationCount& a, const OperationCount& b) {
            return a.calls != b.calls ? a.calls > b.calls : a.name < b.name;
        });
        if (list.size() > topN) list.resize(topN);
    }
    return out;
}

} // namespace

OperationIndex indexOperations(const model::Dataset& d, const model::TraceStructure& structure,
                               const model::ServiceGraph& graph, size_t topN) {
    // Service string id → graph node, looked up once per distinct service.
    std::unordered_map<model::StringId, std::optional<uint32_t>> nodeOf;
    auto node = [&](model::StringId service) {
        auto [it, added] = nodeOf.try_emplace(service);
        if (added) it->second = graph.findNode(std::string(d.strings.view(service)));
        return it->second;
    };
    CountMap nodes, edges;
    for (size_t row = 0; row < d.spanCount(); ++row) {
        const int32_t parent = row < structure.parentRow.size() ? structure.parentRow[row]
                                                                : model::TraceStructure::kRoot;
        const bool crossService = parent >= 0 && d.service[size_t(parent)] != d.service[row];
        if (parent >= 0 && !crossService) continue; // internal span: not a call into the service
        const auto callee = node(d.service[row]);
        if (!callee) continue;
        count(nodes, *callee, d.operation[row], d.isError(row));
        if (!crossService) continue;
        const auto caller = node(d.service[size_t(parent)]);
        if (!caller) continue;
        if (const auto edge = graph.findEdge(*caller, *callee))
            count(edges, *edge, d.operation[row], d.isError(row));
    }
    OperationIndex index;
    index.byNode = topLists(nodes, graph.nodes.size(), d, topN);
    index.byEdge = topLists(edges, graph.edges.size(), d, topN);
    return index;
}

} // namespace tg::app
