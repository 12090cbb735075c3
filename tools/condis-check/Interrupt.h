//===-- Interrupt.h - Signals that stop a run -------------------*- C++ -*-===//
//
// Part of condis-check. What SIGINT, SIGTERM and SIGHUP do to a run, and
// how worker processes follow their parent:
//
//   * A signal the process was started with ignored (nohup ignores SIGHUP; a
//     script's background job ignores SIGINT) stays ignored, in the parent
//     and in every worker. LLVM's own handlers would otherwise catch it,
//     remove the files registered for removal and carry on.
//   * Otherwise it interrupts the run: the parent stops its workers
//     (SIGTERM), removes the temporary files of its outputs (so -o keeps
//     the previous file), says on stderr that the run was interrupted and
//     dies of the same signal, so the caller (a shell, a CI runner) sees an
//     interrupted command, never a status of 0 or 1.
//   * A worker dies with its parent (PR_SET_PDEATHSIG), whatever killed it.
//   * SIGXFSZ is ignored, so writing past a file-size limit is a write error
//     (EFBIG) the output reports, not a crash.
//
//                 start ──installInterruptHandlers()──▶ guarded
//   guarded ──fork──▶ worker: becomeWorker() (default or inherited-ignored
//                     dispositions, dies with the parent)
//   guarded ──SIGINT/TERM/HUP──▶ stop workers, remove temporaries, message,
//                                die of the signal
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_INTERRUPT_H
#define CONDIS_TOOLS_INTERRUPT_H

#include "llvm/ADT/StringRef.h"
#include <csignal>
#include <sys/types.h>

namespace condis::cli {

/// Installs the handlers above; call once, after llvm::InitLLVM, while the
/// process is single-threaded.
void installInterruptHandlers();

/// Files to remove if the run is interrupted (temporary outputs). At most
/// a few; the path is copied.
void removeOnInterrupt(llvm::StringRef Path);
void keepOnInterrupt(llvm::StringRef Path);

/// Worker processes to stop if the run is interrupted.
void stopOnInterrupt(pid_t Worker);
void forgetWorkers();

/// Holds SIGINT, SIGTERM and SIGHUP back in this thread while it lives:
/// around fork(), so that neither a worker that has not yet called
/// becomeWorker nor a parent that has not yet registered it takes one.
class InterruptsHeld {
public:
  InterruptsHeld();
  ~InterruptsHeld();
  InterruptsHeld(const InterruptsHeld &) = delete;
  InterruptsHeld &operator=(const InterruptsHeld &) = delete;

private:
  sigset_t Old;
};

/// In a freshly forked worker of \p Parent: the dispositions the process
/// started with, and death with the parent.
void becomeWorker(pid_t Parent);

/// Whether \p Signal stops a worker because someone stopped the run (as
/// opposed to a crash): SIGINT, SIGTERM, SIGHUP.
bool isInterruptSignal(int Signal);

} // namespace condis::cli

#endif
