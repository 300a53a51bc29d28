// Charts of imported metric families (counters as rates, histograms as mean observations,
// summaries by quantile, gauges as stored) with their exemplars.
#include <QObject>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "models/telemetry/telemetry_keys.h"
#include "views/charts/metric_chart_builder.h"
#include "views/charts/telemetry_text.h"

namespace tg::view {
namespace {

using model::MetricStore;
using model::MetricType;
using model::SeriesRole;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Unit {
    QString text;
    double scale = 1;
};

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The family's unit (OpenMetrics UNIT, OTLP unit, else the name's suffix); seconds in ms so
// imported latencies read like the span latency chart.
Unit unitOf(std::string_view unit, std::string_view name) {
    if (unit.empty()) {
        if (endsWith(name, "_total")) name.remove_suffix(6);
        if (endsWith(name, "_seconds"))
            unit = "seconds";
        else if (endsWith(name, "_bytes"))
            unit = "bytes";
        else if (endsWith(name, "_ratio"))
            unit = "ratio";
        else if (endsWith(name, "_percent"))
            unit = "%";
    }
    if (unit == "seconds" || unit == "s") return {QObject::tr("ms"), 1000};
    if (unit == "milliseconds" || unit == "ms") return {QObject::tr("ms"), 1};
    if (unit == "bytes" || unit == "By") return {QObject::tr("bytes"), 1};
    if (unit == "percent" || unit == "%") return {QStringLiteral("%"), 1};
    if (unit == "1") return {};                                       // OTLP's dimensionless unit
    if (unit.size() > 2 && unit.front() == '{' && unit.back() == '}') // UCUM annotation: a count
        unit = unit.substr(1, unit.size() - 2);
    return {QString::fromUtf8(unit.data(), qsizetype(unit.size())), 1};
}

bool isServiceKey(std::string_view key) {
    for (std::string_view k : model::serviceLabelKeys())
        if (k == key) return true;
    return false;
}

// "p99" for quantile="0.99", "p99.9" for 0.999.
QString quantileText(std::string_view q) {
    bool ok = false;
    const double v = QString::fromUtf8(q.data(), qsizetype(q.size())).toDouble(&ok);
    return ok ? QStringLiteral("p") + chartNumberText(v * 100)
              : QString::fromUtf8(q.data(), qsizetype(q.size()));
}

// Label keys with one same value on every series of `series`: they do not tell lines apart.
std::unordered_set<model::StringId> commonKeys(const MetricStore& m,
                                               const std::vector<uint32_t>& series) {
    std::unordered_map<model::StringId, model::StringId> first;
    std::unordered_set<model::StringId> differ;
    for (size_t i = 0; i < series.size(); ++i) {
        const auto labels = m.labelsOf(series[i]);
        if (i == 0) {
            for (const model::Label& l : labels)
                first.emplace(l.key, l.value);
            continue;
        }
        for (const auto& [key, value] : first) {
            const auto it =
                std::find_if(labels.begin(), labels.end(),
                             [key = key](const model::Label& l) { return l.key == key; });
            if (it == labels.end() || it->value != value) differ.insert(key);
        }
    }
    std::unordered_set<model::StringId> common;
    for (const auto& [key, value] : first)
        if (!differ.count(key)) common.insert(key);
    return common;
}

// The labels that tell the chart's lines apart (service labels, le, quantile and labels
// common to all lines left out), or `fallback` (else the series name) when there are none.
QString lineName(const MetricStore& m, uint32_t s,
                 const std::unordered_set<model::StringId>& common, const QString& fallback = {}) {
    QStringList parts;
    for (const model::Label& l : m.labelsOf(s)) {
        const std::string_view key = m.strings.view(l.key);
        if (common.count(l.key) || isServiceKey(key) || key == "__name__" || key == "le" ||
            key == "quantile")
            continue;
        const std::string_view value = m.strings.view(l.value);
        parts << QString::fromUtf8(key.data(), qsizetype(key.size())) + QLatin1Char('=') +
                     QString::fromUtf8(value.data(), qsizetype(value.size()));
    }
    QString name = parts.join(QStringLiteral(", "));
    if (m.seriesRole[s] == SeriesRole::Quantile) {
        const QString q = quantileText(m.labelValue(s, "quantile"));
        name = name.isEmpty() ? q : q + QStringLiteral(" · ") + name;
    }
    if (name.isEmpty()) name = fallback;
    if (name.isEmpty()) {
        const std::string_view n = m.nameOf(s);
        name = QString::fromUtf8(n.data(), qsizetype(n.size()));
    }
    return name;
}

// Label identity without `le`, to pair a histogram's _sum and _count series.
std::string labelIdentity(const MetricStore& m, uint32_t s) {
    std::string id;
    for (const model::Label& l : m.labelsOf(s)) {
        if (m.strings.view(l.key) == "le") continue;
        id += std::to_string(l.key) + ':' + std::to_string(l.value) + ';';
    }
    return id;
}

ChartLine rawLine(const MetricStore& m, uint32_t s, double scale) {
    ChartLine line;
    for (uint32_t row : m.samplesOf(s)) {
        line.xMs.push_back(double(m.sampleTimeNs[row]) / 1e6);
        line.y.push_back(m.sampleValue[row] * scale);
    }
    return line;
}

// Per-second increase between consecutive samples; a decrease is a counter reset (the new
// value is the increase since it). Delta counters hold the increase itself.
ChartLine rateLine(const MetricStore& m, uint32_t s, bool delta, double scale) {
    ChartLine line;
    const auto rows = m.samplesOf(s);
    for (size_t i = 1; i < rows.size(); ++i) {
        const double dt = double(m.sampleTimeNs[rows[i]] - m.sampleTimeNs[rows[i - 1]]) / 1e9;
        if (dt <= 0) continue;
        const double v = m.sampleValue[rows[i]], prev = m.sampleValue[rows[i - 1]];
        const double increase = delta || v < prev ? v : v - prev;
        line.xMs.push_back(double(m.sampleTimeNs[rows[i]]) / 1e6);
        line.y.push_back(increase / dt * scale);
    }
    return line;
}

// Mean observation per interval, Δsum/Δcount over samples at equal times; with one common
// sample, sum/count.
ChartLine meanLine(const MetricStore& m, uint32_t sum, uint32_t count, double scale) {
    std::vector<std::pair<double, std::pair<double, double>>> joined; // time, (sum, count)
    const auto sums = m.samplesOf(sum), counts = m.samplesOf(count);
    for (size_t i = 0, j = 0; i < sums.size() && j < counts.size();) {
        const int64_t ts = m.sampleTimeNs[sums[i]], tc = m.sampleTimeNs[counts[j]];
        if (ts < tc) {
            ++i;
            continue;
        }
        if (tc < ts) {
            ++j;
            continue;
        }
        joined.push_back({double(ts) / 1e6, {m.sampleValue[sums[i]], m.sampleValue[counts[j]]}});
        ++i, ++j;
    }
    ChartLine line;
    if (joined.size() == 1) {
        const auto [s, c] = joined[0].second;
        line.xMs.push_back(joined[0].first);
        line.y.push_back(c > 0 ? s / c * scale : kNaN);
    }
    for (size_t k = 1; k < joined.size(); ++k) {
        const double ds = joined[k].second.first - joined[k - 1].second.first;
        const double dc = joined[k].second.second - joined[k - 1].second.second;
        line.xMs.push_back(joined[k].first);
        line.y.push_back(dc > 0 ? ds / dc * scale : kNaN);
    }
    return line;
}

struct FamilyLines {
    std::vector<ChartLine> lines;
    QString titleSuffix;
    bool observations = false; // exemplar values are on the chart's scale
};

FamilyLines histogramLines(const MetricStore& m, const std::vector<uint32_t>& series,
                           double scale) {
    FamilyLines out;
    out.titleSuffix = QObject::tr(" · mean per interval");
    out.observations = true;
    std::map<std::string, std::pair<uint32_t, uint32_t>> pairs; // identity -> (sum, count)
    for (uint32_t s : series) {
        const SeriesRole role = m.seriesRole[s];
        if (role == SeriesRole::Sum || role == SeriesRole::GSum)
            pairs.try_emplace(labelIdentity(m, s), model::kNoRow, model::kNoRow)
                .first->second.first = s;
        else if (role == SeriesRole::Count || role == SeriesRole::GCount)
            pairs.try_emplace(labelIdentity(m, s), model::kNoRow, model::kNoRow)
                .first->second.second = s;
    }
    std::vector<uint32_t> sums;
    for (const auto& [id, p] : pairs)
        if (p.first != model::kNoRow && p.second != model::kNoRow) sums.push_back(p.first);
    const auto common = commonKeys(m, sums);
    for (const auto& [id, p] : pairs) {
        if (p.first == model::kNoRow || p.second == model::kNoRow) continue;
        ChartLine line = meanLine(m, p.first, p.second, scale);
        line.name = lineName(m, p.first, common, QObject::tr("mean"));
        out.lines.push_back(std::move(line));
    }
    return out;
}

FamilyLines familyLines(const MetricStore& m, model::FamilyId f,
                        const std::vector<uint32_t>& series, double scale) {
    const MetricType type = m.familyType[f];
    if (type == MetricType::Histogram || type == MetricType::GaugeHistogram)
        return histogramLines(m, series, scale);
    FamilyLines out;
    bool rate = type == MetricType::Counter;
    if (rate)
        for (uint32_t s : series)
            if (m.seriesRole[s] != SeriesRole::Created && m.samplesOf(s).size() < 2) rate = false;
    if (rate) out.titleSuffix = QObject::tr(" · per second");
    const bool delta = m.familyFlags[f] & model::kFamilyDelta;
    std::vector<uint32_t> drawn;
    for (uint32_t s : series) {
        const SeriesRole role = m.seriesRole[s];
        if (role == SeriesRole::Bucket || role == SeriesRole::Created) continue;
        if (type == MetricType::Summary && role != SeriesRole::Quantile) continue;
        drawn.push_back(s);
    }
    const auto common =
        drawn.size() > 1 ? commonKeys(m, drawn) : std::unordered_set<model::StringId>{};
    for (uint32_t s : drawn) {
        ChartLine line = rate ? rateLine(m, s, delta, scale) : rawLine(m, s, scale);
        line.name = lineName(m, s, common);
        out.lines.push_back(std::move(line));
    }
    out.observations = type == MetricType::Summary || type == MetricType::Gauge;
    return out;
}

// The value of `line` at its point nearest to xMs (NaN when it has none).
double valueNear(const ChartLine& line, double xMs) {
    if (line.xMs.empty()) return kNaN;
    const auto it = std::lower_bound(line.xMs.begin(), line.xMs.end(), xMs);
    size_t i = size_t(it - line.xMs.begin());
    if (i == line.xMs.size() || (i > 0 && xMs - line.xMs[i - 1] < line.xMs[i] - xMs)) --i;
    return line.y[i];
}

void addExemplars(const MetricStore& m, const std::vector<uint32_t>& series,
                  const model::CorrelationIndex* correlation, const Unit& unit, bool observations,
                  ChartData& chart) {
    for (uint32_t s : series) {
        for (uint32_t e : m.exemplarsOf(s)) {
            if (m.exemplarTrace[e].isZero()) continue;
            ChartExemplar x;
            if (m.exemplarFlags[e] & model::kExemplarHasTime)
                x.xMs = double(m.exemplarTimeNs[e]) / 1e6;
            else if (m.exemplarSample[e] != model::kNoRow)
                x.xMs = double(m.sampleTimeNs[m.exemplarSample[e]]) / 1e6;
            else
                continue; // no time to place it at
            const double value = m.exemplarValue[e] * unit.scale;
            x.y =
                observations || chart.lines.empty() ? value : valueNear(chart.lines.front(), x.xMs);
            if (!std::isfinite(x.y)) x.y = value;
            x.trace = m.exemplarTrace[e];
            x.span = m.exemplarSpan[e];
            if (correlation) {
                const auto status = correlation->exemplarLink(e).status;
                x.traceLoaded =
                    status == model::LinkStatus::Span || status == model::LinkStatus::Trace;
            }
            x.text = QObject::tr("Exemplar %1 %2 at %3\nTrace %4%5")
                         .arg(chartNumberText(value), unit.text, utcTimeText(int64_t(x.xMs * 1e6)),
                              traceIdText(x.trace),
                              x.traceLoaded ? QObject::tr(" (click to open)")
                                            : QObject::tr(" (not loaded)"));
            chart.exemplars.push_back(std::move(x));
        }
    }
}

ChartData familyChart(const MetricStore& m, model::FamilyId f, const std::vector<uint32_t>& series,
                      const model::CorrelationIndex* correlation) {
    const std::string_view name = m.strings.view(m.familyName[f]);
    const Unit unit = unitOf(m.strings.view(m.familyUnit[f]), name);
    FamilyLines lines = familyLines(m, f, series, unit.scale);
    ChartData chart;
    chart.key = QStringLiteral("metric:") + QString::fromUtf8(name.data(), qsizetype(name.size()));
    chart.title = QString::fromUtf8(name.data(), qsizetype(name.size())) + lines.titleSuffix;
    chart.unit = unit.text;
    if (m.familyType[f] == MetricType::Counter && !lines.titleSuffix.isEmpty())
        chart.unit = unit.text.isEmpty() ? QObject::tr("/s") : unit.text + QObject::tr("/s");
    const size_t total = lines.lines.size();
    for (size_t i = 0; i < total && i < kMaxLinesPerChart; ++i) {
        lines.lines[i].colour = int(i);
        chart.lines.push_back(std::move(lines.lines[i]));
    }
    if (total > kMaxLinesPerChart)
        chart.note = QObject::tr("+%1 more series not shown").arg(total - kMaxLinesPerChart);
    if (total == 0) chart.note = QObject::tr("nothing to draw (no samples)");
    addExemplars(m, series, correlation, unit, lines.observations, chart);
    return chart;
}

} // namespace

std::vector<ChartData> importedMetricCharts(const model::MetricStore& metrics,
                                            std::span<const uint32_t> series,
                                            const model::CorrelationIndex* correlation,
                                            size_t* hidden) {
    // Families by name, so charts keep their order from one selection to the next.
    std::map<std::string_view, std::pair<model::FamilyId, std::vector<uint32_t>>> families;
    for (uint32_t s : series) {
        if (s >= metrics.seriesCount()) continue;
        const model::FamilyId f = metrics.familyOf(s);
        auto& entry = families[metrics.strings.view(metrics.familyName[f])];
        entry.first = f;
        entry.second.push_back(s);
    }
    std::vector<ChartData> charts;
    for (const auto& [name, entry] : families) {
        if (charts.size() == kMaxImportedCharts) break;
        charts.push_back(familyChart(metrics, entry.first, entry.second, correlation));
    }
    if (hidden) *hidden = families.size() - charts.size();
    return charts;
}

} // namespace tg::view
