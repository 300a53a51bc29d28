#pragma once
// Appends what an importer finds to a Dataset: interns strings, dedups resources, derives the
// error flag (DESIGN §3) and counts per-span problems as diagnostics.
//
// Invariant: after every addSpan the dataset's columns are consistent (same lengths, prefix
// offsets closed). Thread affinity: one builder per import job, used on that job's thread;
// the dataset must not be read by others while a builder writes to it.
#include <unordered_map>

#include "models/dataset/dataset.h"
#include "models/dataset/span_sink.h"

namespace tg::model {

class DatasetBuilder final : public SpanSink {
public:
    DatasetBuilder(Dataset& dataset, Diagnostics& diagnostics, uint16_t sourceIndex);

    ResourceId addResource(std::string_view serviceName,
                           std::span<const AttributeInput> attributes) override;
    void addSpan(const SpanInput& span) override;
    Diagnostics& diagnostics() override { return m_diagnostics; }
    uint64_t spansAdded() const override { return m_added; }

    // Where diagnostics say the problem is (e.g. "trace.json") — prefixed to samples.
    void setSourceLabel(std::string label) { m_sourceLabel = std::move(label); }

private:
    Attribute internAttribute(const AttributeInput& in);
    bool derivesError(const SpanInput& span) const;
    std::string sample(const SpanInput& span, std::string_view what) const;

    Dataset& m_dataset;
    Diagnostics& m_diagnostics;
    uint16_t m_source;
    uint64_t m_added = 0;
    std::string m_sourceLabel;
    std::unordered_map<uint64_t, std::vector<ResourceId>> m_resourceByHash;
};

// True when a status-like attribute value says "error" (bool true or text "true"/"error").
bool attributeSaysError(const AttributeInput& a);

} // namespace tg::model
