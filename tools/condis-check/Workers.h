//===-- Workers.h - Analyse files in worker processes -----------*- C++ -*-===//
//
// Part of condis-check. clang's analyzer keeps per-function statistics in
// one unlocked process-wide registry (EntryPointStats), so two analyses in
// threads of one process corrupt the heap; Analysis.cpp therefore runs the
// analyses of one process one at a time. `-j N` gets its parallelism from
// processes instead: after the pre-pass, while the tool is single-threaded,
// it forks N workers. Each takes the next file from a counter in shared
// memory, analyses it and appends the result, as one JSON line, to a file of
// its own; the parent reads them back. A worker that dies (a signal clang's
// crash recovery did not catch) takes only the file it was on with it: that
// file is reported as crashed.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_WORKERS_H
#define CONDIS_TOOLS_WORKERS_H

#include "Analysis.h"
#include "Progress.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace condis::cli {

/// Runs Work(I) for every I in [0, N) in \p Processes worker processes (in
/// this process when 1, or when workers cannot be started) and returns the
/// results by index. Work must not change state the parent needs
/// afterwards, since it runs in a copy of the process. \p Done, when given,
/// is called in this process as each file finishes, in the order they
/// finish (workers report over a pipe); a file whose worker died is not
/// reported to it.
std::vector<FileResult>
analyseInWorkers(size_t N, unsigned Processes,
                 llvm::function_ref<FileResult(size_t)> Work,
                 llvm::function_ref<void(const Completion &)> Done = {});

} // namespace condis::cli

#endif
