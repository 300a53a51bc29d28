#include "models/layout/layout_worker.h"

#include <optional>

#include "models/layout/graphviz_layout.h"

namespace tg::model {

namespace {
// The context of the worker thread running on this thread (null elsewhere): lets a job
// submitted from inside a job run inline instead of waiting on itself.
thread_local GVC_t* t_context = nullptr;
} // namespace

Result<LayoutGeometry> layoutGraph(const ServiceGraph& graph, const LayoutOptions& options) {
    return LayoutWorker::instance().submit(graph, options).get();
}

LayoutWorker::LayoutWorker() : m_thread([this] { run(); }) {}

LayoutWorker::~LayoutWorker() {
    std::deque<Job> cancelled;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        cancelled.swap(m_jobs);
    }
    m_wake.notify_all();
    for (Job& job : cancelled)
        job.promise.set_value(Error{ErrorCode::Cancelled, "layout worker shut down", {}, -1, -1});
    if (m_thread.joinable()) m_thread.join();
}

LayoutWorker& LayoutWorker::instance() {
    static LayoutWorker worker;
    return worker;
}

size_t LayoutWorker::completedJobs() const {
    std::lock_guard lock(m_mutex);
    return m_completed;
}

std::future<Result<LayoutGeometry>> LayoutWorker::submit(ServiceGraph graph,
                                                         LayoutOptions options) {
    std::promise<Result<LayoutGeometry>> promise;
    auto future = promise.get_future();
    if (t_context && std::this_thread::get_id() == m_thread.get_id()) {
        promise.set_value(detail::runGraphvizLayout(t_context, graph, options));
        return future;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            promise.set_value(Error{ErrorCode::Cancelled, "layout worker shut down", {}, -1, -1});
            return future;
        }
        m_jobs.push_back({std::move(graph), std::move(options), std::move(promise)});
    }
    m_wake.notify_one();
    return future;
}

void LayoutWorker::run() {
    GVC_t* gvc = gvContext();
    t_context = gvc;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty()) break; // stopping
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        // Graphviz reports errors, it does not throw; a std::bad_alloc still must not kill the
        // worker and leave futures hanging.
        std::optional<Result<LayoutGeometry>> result;
        try {
            result.emplace(detail::runGraphvizLayout(gvc, job.graph, job.options));
        } catch (const std::exception& e) {
            result.emplace(Error{ErrorCode::Internal, e.what(), {}, -1, -1});
        }
        {
            std::lock_guard lock(m_mutex);
            ++m_completed; // before the promise: a waiter sees the count include its job
        }
        job.promise.set_value(std::move(*result));
    }
    t_context = nullptr;
    if (gvc) gvFreeContext(gvc);
}

} // namespace tg::model
