//===-- Interrupt.cpp - Signals that stop a run ---------------------------===//
//
// Part of condis-check. Everything the handler touches is fixed-size static
// storage, and it calls only async-signal-safe functions (kill, unlink,
// write, sigaction, sigprocmask, raise).
//
//===----------------------------------------------------------------------===//

#include "Interrupt.h"

#include <atomic>
#include <csignal>
#include <cstring>
#include <pthread.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace condis::cli {
namespace {

constexpr int Signals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr size_t NumSignals = sizeof(Signals) / sizeof(Signals[0]);

/// Which of Signals the process was started with ignored. Read by a static
/// initializer, before main and so before LLVM installs its handlers.
struct Inherited {
  bool Ignored[NumSignals] = {};
  Inherited() {
    for (size_t I = 0; I < NumSignals; ++I) {
      struct sigaction Old;
      if (sigaction(Signals[I], nullptr, &Old) == 0)
        Ignored[I] = Old.sa_handler == SIG_IGN;
    }
  }
} const AtStart;

constexpr size_t MaxFiles = 4, MaxPath = 4096, MaxWorkers = 1024;
char Files[MaxFiles][MaxPath];
std::atomic<bool> FileUsed[MaxFiles];
std::atomic<pid_t> Workers[MaxWorkers];

const char *signalName(int Signal) {
  switch (Signal) {
  case SIGINT:
    return "SIGINT";
  case SIGTERM:
    return "SIGTERM";
  case SIGHUP:
    return "SIGHUP";
  }
  return "a signal";
}

void say(const char *S) {
  size_t N = strlen(S);
  while (N) {
    ssize_t W = write(STDERR_FILENO, S, N);
    if (W <= 0)
      return;
    S += W;
    N -= W;
  }
}

void onInterrupt(int Signal) {
  for (std::atomic<pid_t> &W : Workers)
    if (pid_t P = W.load())
      kill(P, SIGTERM);
  for (size_t I = 0; I < MaxFiles; ++I)
    if (FileUsed[I].load())
      unlink(Files[I]);
  say("condis-check: interrupted by ");
  say(signalName(Signal));
  say(": the run did not finish; its findings are incomplete and no output "
      "file was written\n");
  // Die of the same signal, so the caller sees an interrupted command.
  struct sigaction Default = {};
  Default.sa_handler = SIG_DFL;
  sigemptyset(&Default.sa_mask);
  sigaction(Signal, &Default, nullptr);
  sigset_t Set;
  sigemptyset(&Set);
  sigaddset(&Set, Signal);
  sigprocmask(SIG_UNBLOCK, &Set, nullptr);
  raise(Signal);
  _exit(128 + Signal);
}

void setDisposition(int Signal, void (*Handler)(int)) {
  struct sigaction Action = {};
  Action.sa_handler = Handler;
  sigemptyset(&Action.sa_mask);
  for (int S : Signals)
    sigaddset(&Action.sa_mask, S); // one interruption at a time
  sigaction(Signal, &Action, nullptr);
}

} // namespace

void installInterruptHandlers() {
  for (size_t I = 0; I < NumSignals; ++I)
    setDisposition(Signals[I], AtStart.Ignored[I] ? SIG_IGN : onInterrupt);
  setDisposition(SIGXFSZ, SIG_IGN);
}

void removeOnInterrupt(llvm::StringRef Path) {
  if (Path.size() >= MaxPath)
    return;
  for (size_t I = 0; I < MaxFiles; ++I)
    if (!FileUsed[I].load()) {
      memcpy(Files[I], Path.data(), Path.size());
      Files[I][Path.size()] = '\0';
      FileUsed[I].store(true);
      return;
    }
}

void keepOnInterrupt(llvm::StringRef Path) {
  for (size_t I = 0; I < MaxFiles; ++I)
    if (FileUsed[I].load() && Path == Files[I])
      FileUsed[I].store(false);
}

void stopOnInterrupt(pid_t Worker) {
  for (std::atomic<pid_t> &W : Workers) {
    pid_t Free = 0;
    if (W.compare_exchange_strong(Free, Worker))
      return;
  }
}

void forgetWorkers() {
  for (std::atomic<pid_t> &W : Workers)
    W.store(0);
}

void becomeWorker(pid_t Parent) {
  forgetWorkers();
  for (size_t I = 0; I < MaxFiles; ++I)
    FileUsed[I].store(false); // the parent's to remove, not ours
  for (size_t I = 0; I < NumSignals; ++I)
    setDisposition(Signals[I], AtStart.Ignored[I] ? SIG_IGN : SIG_DFL);
  // SIGKILL: a worker has nothing to clean up, and may ignore SIGTERM.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != Parent) // the parent died before the line above
    _exit(1);
  // Forked while the parent held them back (InterruptsHeld).
  sigset_t Set;
  sigemptyset(&Set);
  for (int S : Signals)
    sigaddset(&Set, S);
  pthread_sigmask(SIG_UNBLOCK, &Set, nullptr);
}

InterruptsHeld::InterruptsHeld() {
  sigset_t Set;
  sigemptyset(&Set);
  for (int S : Signals)
    sigaddset(&Set, S);
  pthread_sigmask(SIG_BLOCK, &Set, &Old);
}

InterruptsHeld::~InterruptsHeld() {
  pthread_sigmask(SIG_SETMASK, &Old, nullptr);
}

bool isInterruptSignal(int Signal) {
  for (int S : Signals)
    if (S == Signal)
      return true;
  return false;
}

} // namespace condis::cli
