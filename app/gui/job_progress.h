#pragma once
// Shared state between one background job and the GUI: a cancel flag the job polls and
// progress counters it writes. The GUI reads the counters on a timer (~10 Hz), so progress
// never floods the event loop. Held by std::shared_ptr so it outlives whichever side ends last.
//
// Thread affinity: none (atomics); written by the job's thread, read by the GUI thread.
#include <atomic>
#include <cstdint>

namespace tg::app {

enum class JobStage : int {
    Queued,
    Reading,
    Analysing,
    BuildingGraph,
    Correlating,
    LayingOut,
    Saving,
    Done
};
const char* jobStageText(JobStage stage); // "Reading files", ...

struct JobProgress {
    std::atomic<bool> cancel{false};
    std::atomic<uint64_t> bytesDone{0};
    std::atomic<uint64_t> bytesTotal{0}; // 0 = unknown (indeterminate progress)
    std::atomic<int> stage{static_cast<int>(JobStage::Queued)};

    void setStage(JobStage s) { stage.store(static_cast<int>(s), std::memory_order_relaxed); }
    JobStage currentStage() const {
        return static_cast<JobStage>(stage.load(std::memory_order_relaxed));
    }
    bool cancelled() const { return cancel.load(std::memory_order_relaxed); }
};

} // namespace tg::app
