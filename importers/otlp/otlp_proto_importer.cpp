#include "importers/otlp/otlp_proto_importer.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <exception>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "importers/otlp/otlp_proto_mapping.h"
#include "topograph/otlp/trace_service.pb.h"

namespace tg::import {

using Request = opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest;
namespace pbio = google::protobuf::io;

namespace {

using model::makeError;

model::Error notOtlp(const std::string& path, std::string_view why) {
    return makeError(
        model::ErrorCode::Syntax,
        "not a valid OTLP ExportTraceServiceRequest protobuf (" + std::string(why) + ")", path);
}

// Size limits: the caller's, and protobuf's own 2 GiB message limit.
std::optional<model::Error> checkSize(uint64_t size, const std::string& path,
                                      const ImportOptions& options) {
    const uint64_t limit = std::min<uint64_t>(options.maxRecordBytes, INT_MAX);
    if (size <= limit) return std::nullopt;
    return makeError(model::ErrorCode::TooLarge,
                     "protobuf message of " + std::to_string(size) +
                         " bytes exceeds the limit of " + std::to_string(limit) + " bytes",
                     path);
}

// Decodes and maps one request from `stream` (`size` bytes).
model::Status importStream(pbio::ZeroCopyInputStream& stream, uint64_t size,
                           const std::string& label, model::SpanSink& sink,
                           const ImportOptions& options) {
    if (options.cancelled())
        return makeError(model::ErrorCode::Cancelled, "import cancelled", label);
    Request request;
    {
        pbio::CodedInputStream coded(&stream);
        coded.SetTotalBytesLimit(INT_MAX);
        // Nesting comes from kvlist/array attributes; bound the recursion like the JSON readers.
        coded.SetRecursionLimit(static_cast<int>(std::clamp<size_t>(options.maxDepth, 16, 1024)));
        if (!request.ParseFromCodedStream(&coded) || !coded.ConsumedEntireMessage())
            return notOtlp(label, "truncated or corrupt protobuf");
    }
    if (options.progress) options.progress(size);
    if (size == 0) {
        sink.diagnostics().report("empty_otlp_request", model::Severity::Warning,
                                  label + ": empty input; an empty OTLP request has no spans");
        return model::okStatus();
    }
    if (request.resource_spans_size() == 0)
        return notOtlp(label, "it decodes, but holds no resource_spans; another message type?");
    for (const auto& resourceSpans : request.resource_spans()) {
        if (options.cancelled())
            return makeError(model::ErrorCode::Cancelled, "import cancelled", label);
        addResourceSpans(resourceSpans, sink, label);
    }
    return model::okStatus();
}

model::Status importFile(const std::string& path, model::SpanSink& sink,
                         const ImportOptions& options) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(model::ErrorCode::CannotOpen,
                         std::string("cannot open: ") + std::strerror(errno), path);
    pbio::FileInputStream stream(fd);
    stream.SetCloseOnDelete(true);
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return makeError(model::ErrorCode::CannotOpen,
                         std::string("cannot stat: ") + std::strerror(errno), path);
    if (S_ISDIR(st.st_mode)) return makeError(model::ErrorCode::CannotOpen, "is a directory", path);
    const auto size = static_cast<uint64_t>(st.st_size);
    if (auto tooLarge = checkSize(size, path, options)) return *tooLarge;
    model::Status status = importStream(stream, size, path, sink, options);
    // A read error looks like a truncated message to the parser; report the real cause.
    if (stream.GetErrno() != 0)
        return makeError(model::ErrorCode::CannotOpen,
                         std::string("read failed: ") + std::strerror(stream.GetErrno()), path);
    return status;
}

} // namespace

model::Status importOtlpProtobuf(const std::string& path, model::SpanSink& sink,
                                 const ImportOptions& options) {
    try {
        return importFile(path, sink, options);
    } catch (const std::exception& e) {
        return makeError(model::ErrorCode::Internal,
                         std::string("OTLP protobuf import failed: ") + e.what(), path);
    }
}

model::Status importOtlpProtobufBytes(std::string_view bytes, const std::string& label,
                                      model::SpanSink& sink, const ImportOptions& options) {
    try {
        if (auto tooLarge = checkSize(bytes.size(), label, options)) return *tooLarge;
        pbio::ArrayInputStream stream(bytes.data(), static_cast<int>(bytes.size()));
        return importStream(stream, bytes.size(), label, sink, options);
    } catch (const std::exception& e) {
        return makeError(model::ErrorCode::Internal,
                         std::string("OTLP protobuf import failed: ") + e.what(), label);
    }
}

} // namespace tg::import
