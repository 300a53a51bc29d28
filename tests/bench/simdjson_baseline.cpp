#include "tests/bench/simdjson_baseline.h"

#include <bit>
#include <chrono>
#include <simdjson.h>
#include <sys/resource.h>

namespace tg::bench {
namespace {

namespace od = simdjson::ondemand;

class Visitor {
public:
    void visit(od::value v) {
        switch (v.type().value()) {
        case od::json_type::object:
            for (auto field : v.get_object()) {
                text(field.unescaped_key().value());
                visit(field.value().value());
            }
            break;
        case od::json_type::array:
            for (auto element : v.get_array())
                visit(element.value());
            break;
        case od::json_type::string:
            text(v.get_string().value());
            break;
        case od::json_type::number: {
            const od::number n = v.get_number().value();
            const uint64_t bits = n.is_double()  ? std::bit_cast<uint64_t>(n.get_double())
                                  : n.is_int64() ? static_cast<uint64_t>(n.get_int64())
                                                 : n.get_uint64();
            m_checksum = m_checksum * 31 + bits;
            ++m_values;
            break;
        }
        case od::json_type::boolean:
            m_checksum = m_checksum * 31 + (v.get_bool().value() ? 1 : 2);
            ++m_values;
            break;
        case od::json_type::null:
            m_checksum += v.is_null() ? 3 : 0;
            ++m_values;
            break;
        }
    }

    uint64_t checksum() const { return m_checksum; }
    uint64_t values() const { return m_values; }

private:
    // Cheap on purpose: the baseline should cost what parsing costs, not what hashing costs.
    void text(std::string_view s) {
        m_checksum =
            m_checksum * 31 + s.size() + (s.empty() ? 0 : static_cast<unsigned char>(s.back()));
        ++m_values;
    }

    uint64_t m_checksum = 0;
    uint64_t m_values = 0;
};

void visitAll(od::parser& parser, const simdjson::padded_string& bytes, bool jsonLines,
              Visitor& visitor) {
    if (jsonLines) {
        od::document_stream stream = parser.iterate_many(bytes, 64u << 20).value();
        for (auto doc : stream)
            visitor.visit(doc.get_value().value());
    } else {
        od::document doc = parser.iterate(bytes).value();
        visitor.visit(doc.get_value().value());
    }
}

struct CpuTimes {
    double user = 0, sys = 0;
};

CpuTimes threadCpu() {
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return {seconds(u.ru_utime), seconds(u.ru_stime)};
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

BaselineResult simdjsonBaseline(const std::string& path, bool jsonLines) {
    BaselineResult r;
    try {
        const auto start = std::chrono::steady_clock::now();
        const CpuTimes cpuStart = threadCpu();
        const simdjson::padded_string bytes = simdjson::padded_string::load(path).value();
        od::parser parser;
#ifdef SIMDJSON_THREADS_ENABLED
        parser.threaded = false;
#endif
        Visitor visitor;
        visitAll(parser, bytes, jsonLines, visitor);
        const CpuTimes cpuEnd = threadCpu();
        r.seconds = secondsSince(start);
        r.cpuSeconds = cpuEnd.user - cpuStart.user + cpuEnd.sys - cpuStart.sys;
        r.sysSeconds = cpuEnd.sys - cpuStart.sys;
        r.ok = true;
        r.checksum = visitor.checksum();
        r.values = visitor.values();

        const auto warmStart = std::chrono::steady_clock::now();
        Visitor again;
        visitAll(parser, bytes, jsonLines, again);
        r.warmSeconds = secondsSince(warmStart);
        if (again.checksum() != visitor.checksum() || again.values() != visitor.values()) {
            r.ok = false;
            r.error = "the warm pass saw different values than the cold pass";
        }
    } catch (const simdjson::simdjson_error& e) {
        r.error = e.what();
    }
    return r;
}

} // namespace tg::bench
