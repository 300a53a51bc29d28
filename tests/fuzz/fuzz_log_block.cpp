// Fuzz target for the workspace's packed log blocks (models/workspace/log_block_codec.h and
// the full-text hit resolution in fts5_support.h): a workspace file may come from anyone, so
// its BLOBs are input like any other. The bytes are read as a block, as token counts and as
// tg_phrase_hits output. Invariants: decoding never reads outside the bytes and never yields
// more records than the block announces; every body lies inside the bytes; what decodes
// re-encodes to records that decode to the same values; resolved records are in range and
// ascending.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "models/workspace/fts5_support.h"
#include "models/workspace/log_block_codec.h"

using namespace tg::model;
using namespace tg::model::logblock;

namespace {

void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_log_block: invariant violated: %s\n", what);
    std::abort();
}

struct Copy {
    PackedLogRecord r;
    std::string body;
    std::vector<Attribute> attributes;
};

bool same(const PackedLogRecord& a, const PackedLogRecord& b) {
    if (a.timeNs != b.timeNs || a.observedNs != b.observedNs || a.severity != b.severity ||
        a.flags != b.flags || a.severityText != b.severityText || a.stream != b.stream ||
        a.source != b.source || !(a.trace == b.trace) || a.span != b.span ||
        !(a.linkTrace == b.linkTrace) || a.linkSpan != b.linkSpan || a.body != b.body ||
        a.attributes.size() != b.attributes.size())
        return false;
    for (size_t i = 0; i < a.attributes.size(); ++i)
        if (a.attributes[i].key != b.attributes[i].key ||
            a.attributes[i].type != b.attributes[i].type ||
            (a.attributes[i].type == AttrType::Bool ? a.attributes[i].b != b.attributes[i].b
                                                    : a.attributes[i].i != b.attributes[i].i))
            return false;
    return true;
}

void readAsBlock(std::string_view bytes) {
    BlockDecoder decoder(bytes);
    std::vector<Copy> decoded;
    PackedLogRecord r;
    while (decoder.next(r)) {
        check(decoded.size() < decoder.count(), "no more records than announced");
        check(r.body.empty() || (r.body.data() >= bytes.data() &&
                                 r.body.data() + r.body.size() <= bytes.data() + bytes.size()),
              "a body lies inside the block");
        Copy& c = decoded.emplace_back();
        c.r = r;
        c.body = std::string(r.body);
        c.attributes.assign(r.attributes.begin(), r.attributes.end());
    }
    if (!decoder.ok() || !decoder.atEnd()) return;
    BlockEncoder encoder;
    for (Copy& c : decoded) {
        c.r.body = c.body;
        c.r.attributes = c.attributes;
        encoder.append(c.r);
    }
    const std::string again = encoder.finish();
    BlockDecoder second(again);
    for (const Copy& c : decoded) {
        check(second.next(r), "a re-encoded block decodes");
        check(same(r, c.r), "a re-encoded record keeps its values");
    }
    check(second.ok() && second.atEnd(), "a re-encoded block decodes whole");
}

void readAsHits(std::string_view bytes) {
    // Token starts from the first half, hits from the second.
    const std::string_view counts = bytes.substr(0, bytes.size() / 2);
    const std::string_view hits = bytes.substr(bytes.size() / 2);
    std::vector<uint32_t> starts;
    const size_t records = counts.empty() ? 0 : static_cast<uint8_t>(counts[0]);
    if (!decodeTokenStarts(counts.substr(counts.empty() ? 0 : 1), records, starts)) {
        starts.assign(1, 0);
        for (size_t i = 0; i < 8; ++i)
            starts.push_back(starts.back() + static_cast<uint32_t>(i % 3));
    }
    std::vector<uint32_t> matched;
    if (!fts::recordsMatchingAll(hits, starts, matched)) return;
    for (size_t i = 0; i < matched.size(); ++i) {
        check(matched[i] + 1 < starts.size(), "a matched record is in range");
        check(i == 0 || matched[i - 1] < matched[i], "matched records ascend");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    readAsBlock(bytes);
    readAsHits(bytes);
    return 0;
}
