#include "importers/registry/trace_import.h"

#include <filesystem>

#include "importers/common/format_sniffer.h"
#include "importers/csv_spans/span_csv_importer.h"
#include "importers/jaeger/jaeger_json_importer.h"
#include "importers/otlp/otlp_json_importer.h"
#include "models/dataset/dataset_builder.h"
#ifdef TOPOGRAPH_HAVE_ZIPKIN
#include "importers/zipkin/zipkin_json_importer.h"
#endif
#ifdef TOPOGRAPH_HAVE_OTLP_PROTO
#include "importers/otlp/otlp_proto_importer.h"
#endif

namespace tg::import {
namespace {

model::Status unsupported(const std::string& path, Format format) {
    model::Error e;
    e.code = model::ErrorCode::Unsupported;
    e.detail = std::string("no importer for ") + formatName(format) + " in this build";
    e.path = path;
    return e;
}

model::Status dispatch(Format format, const JsonInput& input, model::SpanSink& sink,
                       const ImportOptions& options) {
    switch (format) {
    case Format::JaegerJson:
        return importJaegerJson(input, sink, options);
    case Format::OtlpJson:
        return importOtlpJson(input, sink, options);
    case Format::SpanCsv:
        return importSpanCsv(input, sink, options);
#ifdef TOPOGRAPH_HAVE_ZIPKIN
    case Format::ZipkinJson:
        return importZipkinJson(input, sink, options);
#endif
#ifdef TOPOGRAPH_HAVE_OTLP_PROTO
    case Format::OtlpProtobuf:
        return input.bytes ? importOtlpProtobufBytes(*input.bytes, input.path, sink, options)
                           : importOtlpProtobuf(input.path, sink, options);
#endif
    default:
        return unsupported(input.path, format);
    }
}

ImportReport run(const JsonInput& input, Format format, model::Dataset& dataset,
                 const ImportOptions& options) {
    ImportReport report;
    report.path = input.path;
    report.format = format;
    const model::Dataset::Checkpoint before = dataset.checkpoint();
    const auto sourceIndex = static_cast<uint16_t>(dataset.sources.size());
    dataset.sources.push_back({input.path, formatName(format)});
    model::DatasetBuilder builder(dataset, report.diagnostics, sourceIndex);
    builder.setSourceLabel(input.path);
    const model::Status status = dispatch(format, input, builder, options);
    if (!status) {
        dataset.truncate(before);
        report.failed = true;
        report.error = status.error();
        return report;
    }
    report.spans = builder.spansAdded();
    return report;
}

} // namespace

ImportReport importTraceFile(const std::string& path, model::Dataset& dataset,
                             const ImportOptions& options) {
    const model::Result<Format> format = sniffFile(path);
    if (!format) {
        ImportReport report;
        report.path = path;
        report.failed = true;
        report.error = format.error();
        return report;
    }
    ImportReport report = run(JsonInput{path, std::nullopt}, *format, dataset, options);
    std::error_code ec;
    report.bytes = std::filesystem::file_size(path, ec);
    return report;
}

ImportReport importTraceBytes(std::string_view bytes, const std::string& label,
                              model::Dataset& dataset, const ImportOptions& options) {
    const SniffResult sniff = sniffContent(bytes.substr(0, 64 * 1024));
    if (sniff.format == Format::Unknown || sniff.format == Format::Workspace) {
        ImportReport report;
        report.path = label;
        report.failed = true;
        report.error.code = model::ErrorCode::UnknownFormat;
        report.error.detail = "unrecognised format: " +
                              (sniff.reason.empty() ? std::string("a workspace") : sniff.reason);
        report.error.path = label;
        report.error.offset = 0;
        return report;
    }
    ImportReport report = run(JsonInput{label, bytes}, sniff.format, dataset, options);
    report.bytes = bytes.size();
    return report;
}

} // namespace tg::import
