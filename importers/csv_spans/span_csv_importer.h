#pragma once
// Reads a span table in CSV (research incident datasets, e.g. Nezha's OnlineBoutique trace
// dumps: TraceID, SpanID, ParentID, PodName, OperationName, StartTimeUnixNano,
// EndTimeUnixNano, Duration). Columns are found by header name (span_csv_columns.h); times are
// Unix nanoseconds and the duration is end − start (a "Duration" column of unstated unit —
// microseconds in Nezha — is ignored). The service is the ServiceName column, else the
// Deployment behind PodName ("frontend-579b9bff58-t2dbm" → "frontend"); each pod is its own
// resource (k8s.pod.name). ParentID "root", "0", "null" or empty: a root span.
// Bad rows (no or empty IDs, unreadable times, too few cells) are counted and skipped; a file
// whose header lacks a required column is a Syntax error naming it. Runs on the job's thread.
#include "importers/common/import_types.h"
#include "importers/common/json_record_loop.h"
#include "models/dataset/span_sink.h"

namespace tg::import {

model::Status importSpanCsv(const JsonInput& input, model::SpanSink& sink,
                            const ImportOptions& options = {});

} // namespace tg::import
