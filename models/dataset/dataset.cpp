#include "models/dataset/dataset.h"

namespace tg::model {

const Attribute* Dataset::findAttribute(size_t row, std::string_view key) const {
    return model::findAttribute(strings, spanAttributes(row), key);
}

std::string Dataset::attributeText(const Attribute& a) const {
    return model::attributeText(strings, a);
}

size_t Dataset::memoryBytes() const {
    return strings.bytesUsed() + capacityBytes(traceId) + capacityBytes(spanId) +
           capacityBytes(parentId) + capacityBytes(service) + capacityBytes(operation) +
           capacityBytes(kind) + capacityBytes(status) + capacityBytes(flags) +
           capacityBytes(startNs) + capacityBytes(durationNs) + capacityBytes(resource) +
           capacityBytes(source) + capacityBytes(attrBegin) + capacityBytes(eventBegin) +
           capacityBytes(linkBegin) + capacityBytes(attributes) + capacityBytes(eventAttributes) +
           capacityBytes(resourceAttributes) + capacityBytes(events) + capacityBytes(links) +
           capacityBytes(resources);
}

Dataset::Checkpoint Dataset::checkpoint() const {
    return {spanCount(),   attributes.size(), eventAttributes.size(), resourceAttributes.size(),
            events.size(), links.size(),      resources.size(),       sources.size()};
}

void Dataset::truncate(const Checkpoint& to) {
    const size_t n = to.spans;
    traceId.resize(n);
    spanId.resize(n);
    parentId.resize(n);
    service.resize(n);
    operation.resize(n);
    kind.resize(n);
    status.resize(n);
    flags.resize(n);
    startNs.resize(n);
    durationNs.resize(n);
    resource.resize(n);
    source.resize(n);
    attrBegin.resize(n + 1);
    eventBegin.resize(n + 1);
    linkBegin.resize(n + 1);
    attributes.resize(to.attributes);
    eventAttributes.resize(to.eventAttributes);
    resourceAttributes.resize(to.resourceAttributes);
    events.resize(to.events);
    links.resize(to.links);
    resources.resize(to.resources);
    sources.resize(to.sources);
}

void Dataset::reserve(size_t spans) {
    traceId.reserve(spans);
    spanId.reserve(spans);
    parentId.reserve(spans);
    service.reserve(spans);
    operation.reserve(spans);
    kind.reserve(spans);
    status.reserve(spans);
    flags.reserve(spans);
    startNs.reserve(spans);
    durationNs.reserve(spans);
    resource.reserve(spans);
    source.reserve(spans);
    attrBegin.reserve(spans + 1);
    eventBegin.reserve(spans + 1);
    linkBegin.reserve(spans + 1);
}

} // namespace tg::model
