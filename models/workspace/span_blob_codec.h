#pragma once
// Compact, explicit little-endian encoding of a span's attributes, events and links for the
// workspace's BLOB columns (attribute: key u32, type u8, value 8 bytes; strings by StringId).
// Pure functions; thread-safe.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/dataset/dataset.h"

namespace tg::model::blob {

void encodeAttributes(std::span<const Attribute> attrs, std::string& out);
void encodeEvents(const Dataset& d, std::span<const SpanEvent> events, std::string& out);
void encodeLinks(std::span<const SpanLink> links, std::string& out);

// Decoders append to the dataset's arenas; false on a malformed blob (nothing appended then
// for the element being decoded).
bool decodeAttributes(std::string_view blob, HugePageVector<Attribute>& out);
bool decodeEvents(std::string_view blob, Dataset& d);
bool decodeLinks(std::string_view blob, HugePageVector<SpanLink>& out);

} // namespace tg::model::blob
