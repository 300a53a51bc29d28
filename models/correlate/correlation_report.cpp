#include "models/correlate/correlation_report.h"

namespace tg::model {

const char* traceMissName(TraceMiss miss) {
    switch (miss) {
    case TraceMiss::NoId:
        return "no_id";
    case TraceMiss::UnknownTrace:
        return "unknown_trace";
    case TraceMiss::OutsideTimeRange:
        return "outside_time_range";
    }
    return "no_id";
}

const char* serviceMissName(ServiceMiss miss) {
    switch (miss) {
    case ServiceMiss::NoServiceLabel:
        return "no_service_label";
    case ServiceMiss::UnknownService:
        return "unknown_service";
    }
    return "no_service_label";
}

} // namespace tg::model
