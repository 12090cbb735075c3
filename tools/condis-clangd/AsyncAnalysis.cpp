//===-- AsyncAnalysis.cpp - Analyse files on a thread of their own -*- C++ -*-//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "AsyncAnalysis.h"

#include "LogLine.h"

#include "clang/Basic/Stack.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FormatVariadic.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace condis {

AsyncAnalysis &AsyncAnalysis::instance() {
  static AsyncAnalysis Queue;
  return Queue;
}

void AsyncAnalysis::enable(std::function<void(const std::string &)> Then) {
  std::lock_guard<std::mutex> Guard(Lock);
  OnFinished = std::move(Then);
  Enabled = true;
}

void AsyncAnalysis::log(const llvm::Twine &Line) {
  if (!LogProgress)
    return;
  // Stamped like clangd's own lines.
  auto Now = std::chrono::system_clock::now();
  std::time_t Seconds = std::chrono::system_clock::to_time_t(Now);
  std::tm Local;
  localtime_r(&Seconds, &Local);
  char Stamp[16];
  std::strftime(Stamp, sizeof(Stamp), "%H:%M:%S", &Local);
  unsigned Ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    Now.time_since_epoch())
                    .count() %
                1000;
  std::string Text =
      llvm::formatv("I[{0}.{1:d3}] condis-analyzer: {2}", Stamp, Ms,
                    Line.str())
          .str();
  logLine(Text);
}

std::shared_ptr<const AnalysisOutcome>
AsyncAnalysis::finished(llvm::StringRef Path, uint64_t Key) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Done.find(Path);
  if (It == Done.end() || It->second.Key != Key)
    return nullptr;
  return It->second.Outcome;
}

void AsyncAnalysis::dropLocked(llvm::StringRef Path, llvm::StringRef Why,
                               std::optional<uint64_t> UnlessKey) {
  auto It = Queued.find(Path);
  if (It != Queued.end() && (!UnlessKey || It->second.Key != *UnlessKey)) {
    Queued.erase(It);
    llvm::erase(Order, Path);
    log("dropped the queued analysis of " + llvm::Twine(Path) + " (" + Why +
        ")");
  }
  if (Current && Current->Path == Path &&
      (!UnlessKey || Current->Key != *UnlessKey) && !*Current->Cancelled) {
    *Current->Cancelled = true;
    log("cancelled the analysis of " + llvm::Twine(Path) + " (" + Why + ")");
  }
}

void AsyncAnalysis::submit(const std::string &Path, uint64_t Key, Work W) {
  std::lock_guard<std::mutex> Guard(Lock);
  if (Stopped)
    return;
  dropLocked(Path, "a newer version arrived", Key);
  if (Current && Current->Path == Path && Current->Key == Key &&
      !*Current->Cancelled)
    return; // That version is being analysed already.
  auto It = Queued.find(Path);
  if (It != Queued.end())
    return; // Same key: it waits already.
  Queued[Path] = Job{Key, std::move(W), std::chrono::steady_clock::now()};
  Order.push_back(Path);
  if (!Thread)
    // clangd gives its workers 8 MiB of stack; parsing and the analyzer's
    // recursion need as much.
    Thread.emplace(std::optional<unsigned>(8u << 20), [this] { loop(); });
  Wake.notify_all();
}

void AsyncAnalysis::published(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Queued.find(Path);
    if (It == Queued.end())
      return;
    It->second.Published = true;
  }
  Wake.notify_all();
}

void AsyncAnalysis::supersede(llvm::StringRef Path) {
  std::lock_guard<std::mutex> Guard(Lock);
  dropLocked(Path, "a newer version has errors", std::nullopt);
}

void AsyncAnalysis::close(llvm::StringRef Path) {
  std::lock_guard<std::mutex> Guard(Lock);
  dropLocked(Path, "the file was closed", std::nullopt);
  Done.erase(Path);
}

void AsyncAnalysis::stop() {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Stopped)
      return;
    Stopped = true;
    for (const std::string &Path : Order)
      log("dropped the queued analysis of " + llvm::Twine(Path) +
          " (the server is shutting down)");
    Queued.clear();
    Order.clear();
    if (Current && !*Current->Cancelled) {
      *Current->Cancelled = true;
      log("cancelled the analysis of " + llvm::Twine(Current->Path) +
          " (the server is shutting down)");
    }
  }
  Wake.notify_all();
  if (Thread && Thread->joinable())
    Thread->join();
}

void AsyncAnalysis::loop() {
  clang::noteBottomOfStack();
#ifdef __linux__
  // A little nicer than clangd's threads (nice 5 of this thread only, a
  // third of their CPU share when both want it): on a busy machine clangd's
  // own diagnostics and requests come first, and the analysis is not
  // starved either (SCHED_IDLE, clangd's background-index priority, would
  // be).
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
#endif
  // A test hook: hold each analysis this long first (cancellation still
  // ends the wait), so that a test can edit the file while it is pending.
  static const unsigned DelayMs = [] {
    const char *V = std::getenv("CONDIS_CLANGD_TEST_DELAY_MS");
    return V ? static_cast<unsigned>(std::atoi(V)) : 0u;
  }();
  while (true) {
    Job J;
    std::shared_ptr<std::atomic<bool>> Cancelled;
    std::string Path;
    {
      std::unique_lock<std::mutex> Guard(Lock);
      while (true) {
        if (Stopped)
          return;
        if (Order.empty()) {
          Wake.wait(Guard);
          continue;
        }
        // The oldest file first, once its pending publication is out.
        const Job &Next = Queued.find(Order.front())->second;
        auto Until = Next.Submitted + PublishWait;
        if (!Next.Published && std::chrono::steady_clock::now() < Until) {
          Wake.wait_until(Guard, Until);
          continue;
        }
        break;
      }
      Path = Order.front();
      Order.pop_front();
      auto It = Queued.find(Path);
      J = std::move(It->second);
      Queued.erase(It);
      Cancelled = std::make_shared<std::atomic<bool>>(false);
      Current = Running{Path, J.Key, Cancelled};
    }
    for (unsigned Waited = 0; Waited < DelayMs && !*Cancelled; Waited += 10)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::shared_ptr<const AnalysisOutcome> Outcome;
    if (!*Cancelled)
      Outcome = J.Run(*Cancelled);
    std::function<void(const std::string &)> Then;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Current.reset();
      if (Outcome && !*Cancelled && !Stopped) {
        Done[Path] = Finished{J.Key, Outcome};
        Then = OnFinished;
      }
    }
    // Outside the lock: the rebuild it asks for runs the check, which
    // looks the outcome up.
    if (Then)
      Then(Path);
  }
}

} // namespace condis
