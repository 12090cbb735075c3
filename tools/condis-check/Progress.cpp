//===-- Progress.cpp - What finished, how long it took, what is left ------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Progress.h"

#include "llvm/Support/Format.h"
#include <algorithm>
#include <cmath>

using namespace llvm;

namespace condis::cli {

std::string ProgressReporter::duration(double Seconds) {
  std::string Out;
  raw_string_ostream S(Out);
  if (Seconds < 10)
    S << format("%.2fs", Seconds);
  else if (Seconds < 60)
    S << format("%.0fs", Seconds);
  else
    S << format("%um%02us", unsigned(Seconds) / 60, unsigned(Seconds) % 60);
  return Out;
}

void ProgressReporter::finished(StringRef Name, const Completion &C) {
  ++Done;
  Busy += C.Seconds;
  std::string Line;
  raw_string_ostream S(Line);
  S << "[" << Done << "/" << Total << "] " << Name << ": ";
  if (!C.Ok)
    S << "not analysed (error)";
  else
    S << C.Findings << (C.Findings == 1 ? " finding" : " findings");
  S << ", " << duration(C.Seconds);
  size_t Left = Total > Done ? Total - Done : 0;
  if (Left) {
    double Mean = Busy / Done;
    double Eta = Mean * Left / std::min<size_t>(Workers, Left);
    S << "; " << Left << " left, about ";
    if (Eta < 60)
      S << format("%.0fs", std::max(1.0, std::round(Eta)));
    else
      S << duration(Eta);
  } else {
    S << "; done";
  }
  S << "\n";
  // One write per line.
  OS << Line;
  OS.flush();
}

} // namespace condis::cli
