//===-- PrePass.cpp - The pre-pass over the whole database ----------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "PrePass.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <thread>

using namespace llvm;
using clang::tooling::CompileCommand;

namespace condis::cli {
namespace {

/// Runs Work(I) for I in [0, N) on \p Threads threads.
void parallelFor(size_t N, unsigned Threads, function_ref<void(size_t)> Work) {
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I; (I = Next++) < N;)
      Work(I);
  };
  Threads = std::max(1u, std::min<unsigned>(Threads, N));
  if (Threads == 1)
    return Worker();
  std::vector<std::thread> Pool;
  for (unsigned T = 0; T < Threads; ++T)
    Pool.emplace_back(Worker);
  for (std::thread &T : Pool)
    T.join();
}

} // namespace

/// Why \p File cannot be read, or the empty string.
std::string unreadable(StringRef File) {
  if (sys::fs::is_directory(File))
    return "cannot read the file: it is a directory";
  Expected<sys::fs::file_t> FD = sys::fs::openNativeFileForRead(File);
  if (!FD)
    return "cannot read the file: " + toString(FD.takeError());
  sys::fs::closeFile(*FD);
  return "";
}

void prePass(const std::vector<CompileCommand> &Database,
             const AnalysisOptions &Opts, unsigned Threads, FactsCache *Cache,
             StringRef CacheName, bool ShowProgress, ProjectFacts &Facts,
             std::vector<FileResult> &Results) {
  size_t N = Database.size();
  if (ShowProgress)
    errs() << "condis-check: reading " << N << " files for project facts\n";
  std::vector<TUScan> Scans(N);
  Results.assign(N, FileResult());
  std::vector<std::string> Keys(N), BadEntry(N);
  std::vector<std::vector<FileDigest>> Inputs(N);
  enum Source : char { Unread, Cached, Parsed };
  std::vector<Source> From(N, Unread);
  parallelFor(N, Threads, [&](size_t I) {
    if (!unreadable(Database[I].Filename).empty()) {
      Results[I].Ok = false;
      return;
    }
    if (Cache) {
      Keys[I] = Cache->keyOf(Database[I], Opts.Config);
      if (!Keys[I].empty() &&
          Cache->lookup(Keys[I], Scans[I], BadEntry[I]) ==
              FactsCache::Found::Hit) {
        From[I] = Cached;
        return;
      }
    }
    From[I] = Parsed;
    Results[I] = scanFile(Database[I], Opts, Scans[I],
                          Cache ? &Inputs[I] : nullptr);
  });
  for (size_t I = 0; I < N; ++I)
    Facts.add(Database[I].Filename, Scans[I]);
  if (!Cache)
    return;

  // Entries of files parsed now, written here on the main thread.
  size_t Bad = 0;
  std::string FirstBad, StoreError;
  for (size_t I = 0; I < N; ++I) {
    if (!BadEntry[I].empty() && Bad++ == 0)
      FirstBad = BadEntry[I];
    if (From[I] != Parsed || Keys[I].empty())
      continue;
    if (!BadEntry[I].empty())
      sys::fs::remove(Cache->entryPath(Keys[I]));
    std::string Err;
    if (Results[I].Ok && !Results[I].Crashed &&
        !Cache->store(Keys[I], Database[I].Filename, Inputs[I], Scans[I],
                      Err) &&
        StoreError.empty())
      StoreError = Err;
  }
  if (Bad)
    errs() << "warning: --facts-cache " << CacheName << ": " << Bad
           << (Bad == 1 ? " entry was" : " entries were")
           << " corrupt or foreign and ignored (" << FirstBad << ")\n";
  if (!StoreError.empty())
    errs() << "warning: --facts-cache " << CacheName
           << ": the cache was not updated: " << StoreError << '\n';
  if (ShowProgress) {
    size_t Hits = count(From, Cached);
    errs() << "condis-check: project facts: " << Hits
           << (Hits == 1 ? " file" : " files") << " from the cache, "
           << count(From, Parsed) << " parsed\n";
  }
}

} // namespace condis::cli
