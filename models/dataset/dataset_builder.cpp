#include "models/dataset/dataset_builder.h"

#include <charconv>
#include <cstring>
#include <limits>
#include <optional>

namespace tg::model {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    return true;
}

std::optional<int64_t> attributeAsInt(const AttributeInput& a) {
    if (a.type == AttrType::Int) return a.i;
    if (a.type == AttrType::Double) return static_cast<int64_t>(a.d);
    if (a.type == AttrType::String) {
        int64_t v = 0;
        const auto r = std::from_chars(a.str.data(), a.str.data() + a.str.size(), v);
        if (r.ec == std::errc() && r.ptr == a.str.data() + a.str.size()) return v;
    }
    return std::nullopt;
}

uint64_t hashResource(std::string_view service, std::span<const AttributeInput> attrs) {
    uint64_t h = hashString(service);
    for (const auto& a : attrs) {
        h = h * 31 + hashString(a.key);
        h = h * 31 + static_cast<uint64_t>(a.type);
        h = h * 31 +
            (a.type == AttrType::String || a.type == AttrType::Bytes || a.type == AttrType::Json
                 ? hashString(a.str)
                 : static_cast<uint64_t>(a.i));
    }
    return h;
}

} // namespace

bool attributeSaysError(const AttributeInput& a) {
    if (a.type == AttrType::Bool) return a.b;
    if (a.type == AttrType::String) return equalsIgnoreCase(a.str, "true");
    return false;
}

DatasetBuilder::DatasetBuilder(Dataset& dataset, Diagnostics& diagnostics, uint16_t sourceIndex)
    : m_dataset(dataset), m_diagnostics(diagnostics), m_source(sourceIndex) {}

Attribute DatasetBuilder::internAttribute(const AttributeInput& in) {
    return model::internAttribute(m_dataset.strings, in);
}

ResourceId DatasetBuilder::addResource(std::string_view serviceName,
                                       std::span<const AttributeInput> attributes) {
    if (serviceName.empty()) serviceName = "unknown";
    const uint64_t h = hashResource(serviceName, attributes);
    auto& candidates = m_resourceByHash[h];
    for (ResourceId id : candidates) {
        const Resource& r = m_dataset.resources[id];
        if (m_dataset.strings.view(r.service) != serviceName || r.attrCount != attributes.size())
            continue;
        bool same = true;
        for (size_t i = 0; i < attributes.size() && same; ++i) {
            const Attribute stored = m_dataset.resourceAttributes[r.attrBegin + i];
            const Attribute probe = internAttribute(attributes[i]);
            same = stored.key == probe.key && stored.type == probe.type && stored.i == probe.i;
        }
        if (same) return id;
    }
    Resource r;
    r.service = m_dataset.strings.intern(serviceName);
    r.attrBegin = static_cast<uint32_t>(m_dataset.resourceAttributes.size());
    r.attrCount = static_cast<uint32_t>(attributes.size());
    for (const auto& a : attributes)
        m_dataset.resourceAttributes.push_back(internAttribute(a));
    const auto id = static_cast<ResourceId>(m_dataset.resources.size());
    m_dataset.resources.push_back(r);
    candidates.push_back(id);
    return id;
}

bool DatasetBuilder::derivesError(const SpanInput& span) const {
    if (span.status == StatusCode::Error) return true;
    for (const auto& a : span.attributes) {
        if (a.key == "error") {
            if (attributeSaysError(a)) return true;
        } else if (a.key == "otel.status_code") {
            if (a.type == AttrType::String && equalsIgnoreCase(a.str, "error")) return true;
        } else if (span.kind == SpanKind::Server &&
                   (a.key == "http.status_code" || a.key == "http.response.status_code")) {
            if (auto code = attributeAsInt(a); code && *code >= 500) return true;
        } else if (span.kind == SpanKind::Server && a.key == "rpc.grpc.status_code") {
            if (auto code = attributeAsInt(a); code && *code != 0) return true;
        }
    }
    return false;
}

std::string DatasetBuilder::sample(const SpanInput& span, std::string_view what) const {
    std::string s = m_sourceLabel.empty() ? std::string() : m_sourceLabel + ": ";
    s += "span ";
    s += spanIdToHex(span.span.id);
    s += " of trace ";
    s += span.trace.id.toHex();
    s += ": ";
    s += what;
    return s;
}

void DatasetBuilder::addSpan(const SpanInput& in) {
    Dataset& d = m_dataset;
    if (in.trace.spelling == IdSpelling::Empty || in.trace.id.isZero()) {
        m_diagnostics.report("span_without_trace_id", Severity::Error,
                             sample(in, "no trace ID; span skipped"));
        return;
    }
    if (in.span.spelling == IdSpelling::Empty || in.span.id == 0) {
        m_diagnostics.report("span_without_span_id", Severity::Error,
                             sample(in, "no span ID; span skipped"));
        return;
    }
    uint8_t flags = 0;
    if (in.parent.id != 0) flags |= kSpanHasParent;
    if (in.parent.id != 0 && in.parentRef == RefType::FollowsFrom) flags |= kSpanParentFollowsFrom;
    if (in.trace.spelling == IdSpelling::Hashed || in.span.spelling == IdSpelling::Hashed ||
        in.parent.spelling == IdSpelling::Hashed) {
        flags |= kSpanNonHexId;
        m_diagnostics.report("non_hex_id", Severity::Info,
                             sample(in, "ID is not hex or base64; hashed to join consistently"));
    }
    if (in.shared) flags |= kSpanShared;
    if (derivesError(in)) flags |= kSpanError;
    int64_t duration = in.durationNs;
    if (duration < 0) {
        m_diagnostics.report("negative_duration", Severity::Warning,
                             sample(in, "negative duration clamped to 0"));
        duration = 0;
    }
    int64_t start = in.startNs;
    if (start < 0) { // before 1970: a unit mix-up or hostile input, not a real span time
        m_diagnostics.report("bad_start_time", Severity::Warning,
                             sample(in, "start time before 1970; treated as missing"));
        start = 0;
    }
    if (start == 0)
        m_diagnostics.report("missing_start_time", Severity::Warning, sample(in, "no start time"));
    // Keep start + duration representable: every later analysis adds them.
    if (duration > std::numeric_limits<int64_t>::max() - start) {
        m_diagnostics.report(
            "bad_duration", Severity::Warning,
            sample(in, "duration runs past the representable time range; clamped"));
        duration = std::numeric_limits<int64_t>::max() - start;
    }

    ResourceId resourceId = in.resource;
    if (resourceId >= d.resources.size()) {
        if (resourceId != kNoResource)
            m_diagnostics.report("unknown_resource", Severity::Warning,
                                 sample(in, "refers to a resource that was never defined"));
        resourceId = addResource("unknown", {});
    }
    d.traceId.push_back(in.trace.id);
    d.spanId.push_back(in.span.id);
    d.parentId.push_back(in.parent.id);
    d.service.push_back(d.resources[resourceId].service);
    d.operation.push_back(d.strings.intern(in.operation));
    d.kind.push_back(in.kind);
    d.status.push_back(in.status);
    d.flags.push_back(flags);
    d.startNs.push_back(start);
    d.durationNs.push_back(duration);
    d.resource.push_back(resourceId);
    d.source.push_back(m_source);
    for (const auto& a : in.attributes)
        d.attributes.push_back(internAttribute(a));
    d.attrBegin.push_back(static_cast<uint32_t>(d.attributes.size()));
    for (const auto& e : in.events) {
        SpanEvent ev;
        ev.timeNs = e.timeNs;
        ev.name = d.strings.intern(e.name);
        ev.attrBegin = static_cast<uint32_t>(d.eventAttributes.size());
        ev.attrCount = e.attrCount;
        for (uint32_t i = 0; i < e.attrCount && e.attrBegin + i < in.eventAttributes.size(); ++i)
            d.eventAttributes.push_back(internAttribute(in.eventAttributes[e.attrBegin + i]));
        ev.attrCount = static_cast<uint32_t>(d.eventAttributes.size()) - ev.attrBegin;
        d.events.push_back(ev);
    }
    d.eventBegin.push_back(static_cast<uint32_t>(d.events.size()));
    for (const auto& l : in.links)
        d.links.push_back({l.trace.id, l.span.id, l.type});
    d.linkBegin.push_back(static_cast<uint32_t>(d.links.size()));
    ++m_added;
}

} // namespace tg::model
