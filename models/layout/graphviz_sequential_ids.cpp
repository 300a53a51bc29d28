#include "models/layout/graphviz_sequential_ids.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace tg::model::detail {

namespace {

// Named objects get even IDs (2, 4, …: one per distinct name), anonymous ones odd IDs, as in
// cgraph's own scheme, so the two never collide.
struct IdState {
    std::unordered_map<std::string, IDTYPE> byName;
    std::vector<std::string> names; // names[k] has ID 2 * (k + 1)
    IDTYPE nextAnonymous = 1;
};

void* openIds(Agraph_t*, Agdisc_t*) {
    return new IdState;
}

long mapId(void* state, int, char* name, IDTYPE* id, int create) {
    auto* s = static_cast<IdState*>(state);
    if (!name) {
        if (!create) return 0;
        *id = s->nextAnonymous;
        s->nextAnonymous += 2;
        return 1;
    }
    if (auto it = s->byName.find(name); it != s->byName.end()) {
        *id = it->second;
        return 1;
    }
    if (!create) return 0;
    s->names.emplace_back(name);
    *id = IDTYPE(2 * s->names.size());
    s->byName.emplace(name, *id);
    return 1;
}

long allocId(void*, int, IDTYPE) {
    return 1; // any ID a caller asks for explicitly is fine
}

void freeId(void*, int, IDTYPE) {} // names live until the graph closes

char* printId(void* state, int, IDTYPE id) {
    auto* s = static_cast<IdState*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > s->names.size()) return nullptr; // anonymous
    return s->names[id / 2 - 1].data();
}

void closeIds(void* state) {
    delete static_cast<IdState*>(state);
}

void registerId(void*, int, void*) {}

Agiddisc_t g_sequentialIds = {openIds, mapId, allocId, freeId, printId, closeIds, registerId};
Agdisc_t g_discipline = {&AgMemDisc, &g_sequentialIds, &AgIoDisc};

} // namespace

Agdisc_t* sequentialIdDiscipline() {
    return &g_discipline;
}

} // namespace tg::model::detail
