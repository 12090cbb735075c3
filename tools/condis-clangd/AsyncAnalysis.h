//===-- AsyncAnalysis.h - Analyse files on a thread of their own *- C++ -*-===//
//
// Part of condis-check. clangd publishes a file's diagnostics once per
// rebuild; if the condis-analyzer check ran the analysis inside the rebuild,
// every compiler warning (and every request that needs the AST) would wait
// for it. Instead the check hands the analysis to this queue and returns:
// ONE background thread analyses the files one at a time (the analyzer's
// process-wide state has no locks), and keeps the newest outcome of each
// file, keyed by a hash of what the analysis read. When an analysis ends,
// OnFinished asks clangd to rebuild the file (StdinInjector.h); the check
// finds the outcome then and shows it at once.
//
// Per file only the newest version waits: submitting a version replaces the
// queued one and cancels the running one (AnalysisBudget::Cancelled). A
// closed file's analysis is cancelled and its outcome forgotten.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_ASYNCANALYSIS_H
#define CONDIS_CLANGD_ASYNCANALYSIS_H

#include "RecordedFinding.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/thread.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace condis {

/// The message of the diagnostic the check emits (first line of the file)
/// while the analysis of the version being published is pending.
/// DiagnosticSourceFilter removes it and marks the publication
/// "condisAnalysis": "pending" instead.
inline constexpr llvm::StringLiteral PendingMessage =
    "condis-analyzer: analysis pending";

class AsyncAnalysis {
public:
  /// Runs one analysis; returns null when it stopped because \p Cancelled
  /// became true.
  using Work = std::function<std::shared_ptr<const AnalysisOutcome>(
      const std::atomic<bool> &Cancelled)>;

  /// The process's queue.
  static AsyncAnalysis &instance();

  /// Whether the check should queue analyses at all: only when something
  /// will make clangd rebuild the file when one ends (Main.cpp).
  bool enabled() const { return Enabled; }
  void enable(std::function<void(const std::string &Path)> OnFinished);
  /// Lines about cancelled and skipped analyses in clangd's log.
  void setLogProgress(bool Log) { LogProgress = Log; }

  /// The newest finished outcome of \p Path if it was computed for \p Key.
  std::shared_ptr<const AnalysisOutcome> finished(llvm::StringRef Path,
                                                  uint64_t Key);
  /// Queues \p W for \p Path unless an analysis with \p Key is already
  /// queued or running; an older one of the same path is dropped from the
  /// queue or cancelled.
  void submit(const std::string &Path, uint64_t Key, Work W);
  /// The pending publication of \p Path has gone to the editor: its
  /// queued analysis may start. (An analysis waits for that, at most
  /// PublishWait, so that it does not compete with clangd for the CPU while
  /// clangd finishes the publication.)
  void published(llvm::StringRef Path);
  static constexpr std::chrono::milliseconds PublishWait{250};
  /// A version of \p Path that is not analysed (it has errors) supersedes
  /// the queued or running one; the last outcome is kept.
  void supersede(llvm::StringRef Path);
  /// \p Path was closed: cancel, drop, forget.
  void close(llvm::StringRef Path);
  /// Cancels the running analysis, drops the queue and joins the thread.
  /// Later submissions are ignored.
  void stop();

  ~AsyncAnalysis() { stop(); }

private:
  struct Job {
    uint64_t Key = 0;
    Work Run;
    std::chrono::steady_clock::time_point Submitted;
    bool Published = false;
  };
  struct Running {
    std::string Path;
    uint64_t Key = 0;
    std::shared_ptr<std::atomic<bool>> Cancelled;
  };
  struct Finished {
    uint64_t Key = 0;
    std::shared_ptr<const AnalysisOutcome> Outcome;
  };

  void loop();
  /// Drops the queued job and cancels the running one of \p Path; \p Why
  /// for the log. Call with Lock held.
  void dropLocked(llvm::StringRef Path, llvm::StringRef Why,
                  std::optional<uint64_t> UnlessKey);
  void log(const llvm::Twine &Line);

  std::mutex Lock;
  std::condition_variable Wake;
  llvm::StringMap<Job> Queued;
  std::deque<std::string> Order; ///< Paths of Queued, oldest first.
  std::optional<Running> Current;
  llvm::StringMap<Finished> Done;
  bool Stopped = false;
  std::optional<llvm::thread> Thread;
  std::function<void(const std::string &)> OnFinished;
  std::atomic<bool> Enabled{false};
  std::atomic<bool> LogProgress{false};
};

} // namespace condis

#endif
