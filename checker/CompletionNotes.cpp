//===-- CompletionNotes.cpp - Path notes of the completion engine -*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "CompletionNotes.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace clang::ento;

namespace condis {

const NoteTag *completionNote(CheckerContext &C, const OperationInfo &Op,
                              SymbolRef Handle, std::string Spelled,
                              Truth Success, const HandleEndInfo *Ends) {
  std::string Noun = Op.nounCapitalised();
  std::string Dies;
  if (Ends && (Ends->When == EndWhen::Always ||
               (Ends->When == EndWhen::StatusSuccess && Success == Truth::Yes) ||
               (Ends->When == EndWhen::StatusFailure && Success == Truth::No))) {
    std::string Kind = handleKindName(Ends->Handle).str();
    if (Ends->Handle == HandleKind::Party || Ends->Handle == HandleKind::CallParameters)
      Kind[0] = llvm::toLower(Kind[0]);
    Dies = "; the " + Kind +
           (Ends->Handle == HandleKind::CallParameters ? " are" : " is") +
           " invalid from now on";
  }
  return C.getNoteTag([Handle, Spelled, Success, Noun,
                       Dies](PathSensitiveBugReport &BR) -> std::string {
    if (!Handle || !BR.isInteresting(Handle))
      return "";
    if (Success == Truth::Yes)
      return Noun + " completed here with NDIS_STATUS_SUCCESS (" + Spelled +
             ")" + Dies;
    if (Success == Truth::No && !Dies.empty())
      return Noun + " completed here with a failure status (" + Spelled +
             ")" + Dies;
    return Noun + " completed here (" + Spelled + ")";
  });
}

const NoteTag *handleEndNote(CheckerContext &C, const HandleEndInfo &Row,
                             SymbolRef Handle) {
  std::string Text = Row.Note.str();
  return C.getNoteTag([Handle, Text](PathSensitiveBugReport &BR) -> std::string {
    if (!Handle || !BR.isInteresting(Handle))
      return "";
    return Text;
  });
}

const NoteTag *notHandedOffNote(CheckerContext &C, const OperationInfo &Op,
                                std::string Callee, const BugType *Pending) {
  std::string Text = "'" + Callee + "' returned without completing the " +
                     Op.Noun.str() + " or handing the " + Op.Object.str() +
                     " off";
  return C.getNoteTag([Text, Pending](PathSensitiveBugReport &BR) -> std::string {
    if (&BR.getBugType() != Pending)
      return "";
    return Text;
  });
}

const NoteTag *freedNote(CheckerContext &C, const MemRegion *Base,
                         const std::map<const BugType *, std::string> *Objects,
                         std::string Routine) {
  return C.getNoteTag(
      [Base, Objects, Routine](PathSensitiveBugReport &BR) -> std::string {
        if (!BR.isInteresting(Base))
          return "";
        auto It = Objects->find(&BR.getBugType());
        return (It == Objects->end() ? std::string("Memory")
                                     : It->second + " state") +
               " freed here (" + Routine + ")";
      });
}

} // namespace condis
