#pragma once
// The serial Graphviz worker (DESIGN §4: Graphviz is not thread-safe).
//
// Role: one std::thread owns the GVC_t context and runs queued layout jobs one at a time, in
// submission order; submit() returns a future for the geometry. Every cgraph/gvc call in the
// process happens on this thread (graphviz_layout.cpp is only called from here).
// Invariants: jobs run strictly one after another; a job submitted from the worker thread itself
// runs inline (no deadlock); jobs still queued at destruction resolve to ErrorCode::Cancelled.
// Thread affinity: submit() and instance() may be called from any thread; the worker's own
// thread is private. GUI code must not wait on the future (use QtConcurrent/then or a
// watcher); the CLI and tests may block on it.
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "models/layout/graph_layout.h"

namespace tg::model {

class LayoutWorker {
public:
    LayoutWorker();
    ~LayoutWorker(); // cancels queued jobs, finishes the running one, joins the thread
    LayoutWorker(const LayoutWorker&) = delete;
    LayoutWorker& operator=(const LayoutWorker&) = delete;

    std::future<Result<LayoutGeometry>> submit(ServiceGraph graph, LayoutOptions options);

    // The process-wide worker (created on first use, joined at exit).
    static LayoutWorker& instance();

    size_t completedJobs() const; // for tests and diagnostics

private:
    struct Job {
        ServiceGraph graph;
        LayoutOptions options;
        std::promise<Result<LayoutGeometry>> promise;
    };
    void run();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    size_t m_completed = 0;
    std::thread m_thread; // last: started after the members it uses
};

} // namespace tg::model
