//===-- Workers.cpp - Analyse files in worker processes ---------*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Workers.h"
#include "Interrupt.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace llvm;

namespace condis::cli {
namespace {

json::Value encodePosition(const Position &P) {
  return json::Object{{"file", P.File},
                      {"line", P.Line},
                      {"col", P.Column},
                      {"endLine", P.EndLine},
                      {"endCol", P.EndColumn}};
}

bool decodePosition(const json::Value *V, Position &P) {
  const json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return false;
  std::optional<StringRef> File = O->getString("file");
  std::optional<int64_t> Line = O->getInteger("line"),
                         Col = O->getInteger("col");
  if (!File || !Line || !Col)
    return false;
  P = {File->str(), static_cast<unsigned>(*Line), static_cast<unsigned>(*Col),
       static_cast<unsigned>(O->getInteger("endLine").value_or(0)),
       static_cast<unsigned>(O->getInteger("endCol").value_or(0))};
  return true;
}

/// The counter workers take files from and, per file, the worker (1-based)
/// that took it, in memory shared by all of them.
class SharedQueue {
public:
  explicit SharedQueue(size_t N)
      : N(N),
        Bytes(sizeof(std::atomic<size_t>) + N * sizeof(std::atomic<int>)) {
    Memory = mmap(nullptr, Bytes, PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (Memory == MAP_FAILED) {
      Memory = nullptr;
      return;
    }
    Next = new (Memory) std::atomic<size_t>(0);
    Owners = reinterpret_cast<std::atomic<int> *>(Next + 1);
    for (size_t I = 0; I < N; ++I)
      new (&Owners[I]) std::atomic<int>(0);
  }
  ~SharedQueue() {
    if (Memory)
      munmap(Memory, Bytes);
  }
  bool valid() const { return Memory != nullptr; }

  /// The next file for worker \p Worker, or N when there is none left.
  size_t take(int Worker) {
    size_t I = (*Next)++;
    if (I >= N)
      return N;
    Owners[I] = Worker;
    return I;
  }
  /// The worker (1-based) that took file \p I; 0 when none did.
  int owner(size_t I) const { return Owners[I]; }

private:
  size_t N;
  size_t Bytes;
  void *Memory = nullptr;
  std::atomic<size_t> *Next = nullptr;
  std::atomic<int> *Owners = nullptr;
};

/// A result as one line of JSON, and back.
std::string encodeResult(size_t Index, const FileResult &R) {
  json::Array Findings;
  for (const Finding &F : R.Findings) {
    json::Array Path;
    for (const Note &N : F.Path)
      Path.push_back(json::Object{{"at", encodePosition(N.Where)},
                                  {"message", N.Message},
                                  {"related", N.Related}});
    json::Array Fixes;
    for (const Fix &X : F.Fixes)
      Fixes.push_back(json::Object{{"at", encodePosition(X.Where)},
                                   {"text", X.Replacement}});
    Findings.push_back(json::Object{{"rule", F.RuleId},
                                    {"message", F.Message},
                                    {"at", encodePosition(F.Where)},
                                    {"path", std::move(Path)},
                                    {"fixes", std::move(Fixes)},
                                    {"fingerprint", F.Fingerprint}});
  }
  json::Array Errors;
  for (const std::string &E : R.Errors)
    Errors.push_back(E);
  std::string Line;
  raw_string_ostream OS(Line);
  OS << json::Value(json::Object{{"index", static_cast<int64_t>(Index)},
                                 {"ok", R.Ok},
                                 {"crashed", R.Crashed},
                                 {"cut", static_cast<int64_t>(R.FindingsCut)},
                                 {"stopped", static_cast<int64_t>(R.PathsStopped)},
                                 {"errors", std::move(Errors)},
                                 {"findings", std::move(Findings)}});
  return Line;
}

bool decodeResult(StringRef Line, size_t &Index, FileResult &R) {
  Expected<json::Value> V = json::parse(Line);
  if (!V) {
    consumeError(V.takeError());
    return false;
  }
  const json::Object *O = V->getAsObject();
  if (!O)
    return false;
  std::optional<int64_t> I = O->getInteger("index");
  std::optional<bool> Ok = O->getBoolean("ok"),
                      Crashed = O->getBoolean("crashed");
  const json::Array *Errors = O->getArray("errors");
  const json::Array *Findings = O->getArray("findings");
  if (!I || *I < 0 || !Ok || !Crashed || !Errors || !Findings)
    return false;
  FileResult Out;
  Out.Ok = *Ok;
  Out.Crashed = *Crashed;
  Out.FindingsCut =
      static_cast<unsigned>(std::max<int64_t>(0, O->getInteger("cut").value_or(0)));
  Out.PathsStopped = static_cast<unsigned>(
      std::max<int64_t>(0, O->getInteger("stopped").value_or(0)));
  for (const json::Value &E : *Errors) {
    std::optional<StringRef> S = E.getAsString();
    if (!S)
      return false;
    Out.Errors.push_back(S->str());
  }
  for (const json::Value &FV : *Findings) {
    const json::Object *FO = FV.getAsObject();
    if (!FO)
      return false;
    Finding F;
    std::optional<StringRef> Rule = FO->getString("rule"),
                             Message = FO->getString("message"),
                             Fingerprint = FO->getString("fingerprint");
    const json::Array *Path = FO->getArray("path");
    if (!Rule || !Message || !Fingerprint || !Path ||
        !decodePosition(FO->get("at"), F.Where))
      return false;
    F.RuleId = Rule->str();
    F.Message = Message->str();
    F.Fingerprint = Fingerprint->str();
    for (const json::Value &NV : *Path) {
      const json::Object *NO = NV.getAsObject();
      Note N;
      std::optional<StringRef> NM =
          NO ? NO->getString("message") : std::nullopt;
      if (!NM || !decodePosition(NO->get("at"), N.Where))
        return false;
      N.Message = NM->str();
      N.Related = NO->getBoolean("related").value_or(false);
      F.Path.push_back(std::move(N));
    }
    if (const json::Array *Fixes = FO->getArray("fixes"))
      for (const json::Value &XV : *Fixes) {
        const json::Object *XO = XV.getAsObject();
        Fix X;
        std::optional<StringRef> T = XO ? XO->getString("text") : std::nullopt;
        if (!T || !decodePosition(XO->get("at"), X.Where))
          return false;
        X.Replacement = T->str();
        F.Fixes.push_back(std::move(X));
      }
    Out.Findings.push_back(std::move(F));
  }
  Index = static_cast<size_t>(*I);
  R = std::move(Out);
  return true;
}

/// Work(I), timed.
Completion timed(size_t I, function_ref<FileResult(size_t)> Work,
                 FileResult &R) {
  auto Start = std::chrono::steady_clock::now();
  R = Work(I);
  std::chrono::duration<double> D = std::chrono::steady_clock::now() - Start;
  return {I, D.count(), R.Ok, R.Findings.size()};
}

/// A completion as one short line on the progress pipe (one write, under
/// PIPE_BUF, so lines of several workers never mix), and back.
void reportDone(int Pipe, const Completion &C) {
  if (Pipe < 0)
    return;
  char Line[96];
  int Len = snprintf(Line, sizeof Line, "%zu %.6f %d %zu\n", C.Index, C.Seconds,
                     C.Ok ? 1 : 0, C.Findings);
  while (::write(Pipe, Line, Len) < 0 && errno == EINTR) {
  }
}

bool parseDone(StringRef Line, Completion &C) {
  SmallVector<StringRef, 4> F;
  Line.split(F, ' ');
  unsigned long long I, Ok, Findings;
  if (F.size() != 4 || F[0].getAsInteger(10, I) || F[1].getAsDouble(C.Seconds) ||
      F[2].getAsInteger(10, Ok) || F[3].getAsInteger(10, Findings))
    return false;
  C.Index = I;
  C.Ok = Ok != 0;
  C.Findings = Findings;
  return true;
}

[[noreturn]] void runWorker(int Worker, int FD, int Pipe, SharedQueue &Queue,
                            size_t N, function_ref<FileResult(size_t)> Work,
                            pid_t Parent) {
  becomeWorker(Parent);
  {
    raw_fd_ostream Out(FD, /*shouldClose=*/true);
    for (size_t I; (I = Queue.take(Worker)) < N;) {
      FileResult R;
      Completion C = timed(I, Work, R);
      Out << encodeResult(I, R) << '\n';
      Out.flush(); // What is written survives if the next file kills us.
      reportDone(Pipe, C);
    }
  }
  errs().flush();
  outs().flush();
  // No destructors or atexit handlers: they belong to the parent.
  _exit(0);
}

std::vector<FileResult> inThisProcess(size_t N,
                                      function_ref<FileResult(size_t)> Work,
                                      function_ref<void(const Completion &)> Done) {
  std::vector<FileResult> Results(N);
  for (size_t I = 0; I < N; ++I) {
    Completion C = timed(I, Work, Results[I]);
    if (Done)
      Done(C);
  }
  return Results;
}

} // namespace

std::vector<FileResult>
analyseInWorkers(size_t N, unsigned Processes,
                 function_ref<FileResult(size_t)> Work,
                 function_ref<void(const Completion &)> Done) {
  Processes = std::min<size_t>(Processes, N);
  if (Processes <= 1)
    return inThisProcess(N, Work, Done);
  SharedQueue Queue(N);
  if (!Queue.valid())
    return inThisProcess(N, Work, Done);
  // Completions come back over a pipe; the parent alone prints progress.
  int Pipe[2] = {-1, -1};
  if (Done && ::pipe(Pipe) != 0)
    Pipe[0] = Pipe[1] = -1;

  // Each worker's results go to a temporary file that is unlinked at once:
  // the parent reads it back through its own descriptor, so no signal
  // handler (LLVM's removes the files registered with it) and no crash can
  // take the results away, and nothing is left behind.
  struct Child {
    pid_t Pid = -1;
    int Status = 0;
    int FD = -1;
  };
  std::vector<Child> Children(Processes);
  outs().flush();
  errs().flush();
  pid_t Parent = getpid();
  for (unsigned W = 0; W < Processes; ++W) {
    int FD;
    SmallString<128> Path;
    if (sys::fs::createTemporaryFile("condis-check-worker", "jsonl", FD, Path))
      break;
    sys::fs::remove(Path);
    pid_t Pid;
    {
      InterruptsHeld Held;
      Pid = fork();
      if (Pid == 0) {
        if (Pipe[0] >= 0)
          ::close(Pipe[0]);
        runWorker(static_cast<int>(W) + 1, FD, Pipe[1], Queue, N, Work,
                  Parent);
      }
      if (Pid > 0)
        stopOnInterrupt(Pid);
    }
    if (Pid < 0) {
      ::close(FD);
      break;
    }
    Children[W].Pid = Pid;
    Children[W].FD = FD;
  }
  // Progress until every worker has closed its end of the pipe.
  if (Pipe[1] >= 0) {
    ::close(Pipe[1]);
    std::string Pending;
    char Buf[4096];
    for (;;) {
      ssize_t Got = ::read(Pipe[0], Buf, sizeof Buf);
      if (Got < 0 && errno == EINTR)
        continue;
      if (Got <= 0)
        break;
      Pending.append(Buf, Got);
      size_t NL;
      while ((NL = Pending.find('\n')) != std::string::npos) {
        Completion C;
        if (parseDone(StringRef(Pending).take_front(NL), C) && C.Index < N)
          Done(C);
        Pending.erase(0, NL + 1);
      }
    }
    ::close(Pipe[0]);
  }
  for (Child &C : Children)
    if (C.Pid > 0)
      while (waitpid(C.Pid, &C.Status, 0) < 0 && errno == EINTR) {
      }
  forgetWorkers();

  std::vector<FileResult> Results(N);
  std::vector<bool> Returned(N, false);
  for (Child &C : Children) {
    if (C.FD < 0)
      continue;
    std::string Text;
    char Chunk[65536];
    for (off_t At = 0;;) {
      ssize_t Got = pread(C.FD, Chunk, sizeof(Chunk), At);
      if (Got < 0 && errno == EINTR)
        continue;
      if (Got <= 0)
        break;
      Text.append(Chunk, Got);
      At += Got;
    }
    ::close(C.FD);
    SmallVector<StringRef, 64> Lines;
    StringRef(Text).split(Lines, '\n', -1, /*KeepEmpty=*/false);
    for (StringRef Line : Lines) {
      size_t I;
      FileResult R;
      if (decodeResult(Line, I, R) && I < N) {
        Results[I] = std::move(R);
        Returned[I] = true;
      }
    }
  }
  // Taken but not written back: the worker died on it. Never taken: every
  // worker failed to start or died; those files are analysed here.
  for (size_t I = 0; I < N; ++I) {
    if (Returned[I])
      continue;
    if (int W = Queue.owner(I)) {
      int Status = Children[W - 1].Status;
      Results[I].Ok = false;
      if (WIFSIGNALED(Status) && isInterruptSignal(WTERMSIG(Status))) {
        // Someone stopped the worker (kill, a terminal's process group):
        // not a crash of clang's.
        Results[I].Errors.push_back(
            "the worker process analysing it was stopped by signal " +
            std::to_string(WTERMSIG(Status)) + " (" +
            strsignal(WTERMSIG(Status)) + ") before it finished");
        continue;
      }
      Results[I].Crashed = true;
      Results[I].Errors.push_back(
          WIFSIGNALED(Status)
              ? "the worker process analysing it was killed by signal " +
                    std::to_string(WTERMSIG(Status))
              : "the worker process analysing it exited with status " +
                    std::to_string(WEXITSTATUS(Status)));
    } else {
      Completion C = timed(I, Work, Results[I]);
      if (Done)
        Done(C);
    }
  }
  return Results;
}

} // namespace condis::cli
