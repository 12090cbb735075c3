//===-- Progress.h - What finished, how long it took, what is left -*- C++ -*-===//
//
// Part of condis-check. One line per analysed file as it finishes, printed
// by the parent process only (workers report completions to it over a
// pipe, Workers.h), so the count always goes up in order:
//
//   [2/5] cm_party.c: 1 finding, 0.84s; 3 left, about 2s
//
// The estimate is the mean time of the finished files times the files left,
// divided by the worker count. On by default when stderr is a terminal;
// --progress asks for it elsewhere (CI logs), --quiet turns the default off.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_PROGRESS_H
#define CONDIS_TOOLS_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>
#include <string>

namespace condis::cli {

/// How one file's analysis ended, as far as progress is concerned.
struct Completion {
  size_t Index = 0;   ///< Which file (the caller's numbering).
  double Seconds = 0; ///< Wall-clock time of its analysis.
  bool Ok = true;     ///< Analysed (not: does not compile, crashed).
  size_t Findings = 0;
};

class ProgressReporter {
public:
  ProgressReporter(llvm::raw_ostream &OS, size_t Total, unsigned Workers)
      : OS(OS), Total(Total), Workers(Workers ? Workers : 1) {}

  /// Prints the line of the file \p Name that just finished.
  void finished(llvm::StringRef Name, const Completion &C);

  /// "0.84s", "12s", "3m05s".
  static std::string duration(double Seconds);

private:
  llvm::raw_ostream &OS;
  size_t Total;
  unsigned Workers;
  size_t Done = 0;
  double Busy = 0;
};

} // namespace condis::cli

#endif
