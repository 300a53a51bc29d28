#pragma once
// Label sets (telemetry_types.h Label: key and value string ids) as BLOB columns of the
// workspace: 8 bytes per label, key then value, little-endian u32, in the set's order. Used for
// log streams and metric series/exemplar labels. Pure functions; thread-safe.
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/core/string_pool.h"
#include "models/telemetry/telemetry_types.h"

namespace tg::model::blob {

inline void encodeLabels(std::span<const Label> labels, std::string& out) {
    out.clear();
    for (const Label& l : labels) {
        char bytes[8];
        std::memcpy(bytes, &l.key, 4); // little-endian hosts, as span_blob_codec
        std::memcpy(bytes + 4, &l.value, 4);
        out.append(bytes, 8);
    }
}

// Views into `strings`; false when the blob is malformed or names a string `strings` lacks.
inline bool decodeLabels(std::string_view blob, const StringPool& strings,
                         std::vector<LabelInput>& out) {
    out.clear();
    if (blob.size() % 8 != 0) return false;
    for (size_t i = 0; i < blob.size(); i += 8) {
        uint32_t key, value;
        std::memcpy(&key, blob.data() + i, 4);
        std::memcpy(&value, blob.data() + i + 4, 4);
        if (key >= strings.size() || value >= strings.size()) return false;
        out.push_back({strings.view(key), strings.view(value)});
    }
    return true;
}

} // namespace tg::model::blob
