//===-- Operations.cpp - rules/operations.def and handle-ends.def -*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Operations.h"

#include "llvm/ADT/StringExtras.h"

namespace condis {
namespace {

// The second expansion: every ApiId named in a row must be an enumerator,
// so a misspelt request, handler or completion does not compile.
const OperationInfo Operations[] = {
#define CONDIS_OPERATION(Name, Checker, Title, Noun, Object, Request, Handler, \
                         ContextArg, Completion, StatusArg, HandleArg, Rule,   \
                         RequesterCompletion)                                  \
  {OperationId::Name,   Frontend::Checker,    Title,                           \
   Noun,                Object,               ApiId::Request,                  \
   ApiId::Handler,      ContextArg,           ApiId::Completion,               \
   StatusArg,           HandleArg,            StatusRule::Rule,                \
   ApiId::RequesterCompletion},
#include "operations.def"
};
static_assert(sizeof(Operations) / sizeof(Operations[0]) ==
                  static_cast<unsigned>(OperationId::NumOperations),
              "rules/operations.def and OperationId disagree");

const HandleEndInfo HandleEnds[] = {
#define CONDIS_HANDLE_END(Api, Arg, Handle, When, Except, AlsoExcept,        \
                          Checker, BugName, Reason, Note)                      \
  {ApiId::Api,    Arg,               HandleKind::Handle, EndWhen::When,        \
   {ApiId::Except, ApiId::AlsoExcept}, Frontend::Checker, BugName,             \
   Reason,        Note},
#include "handle-ends.def"
};

std::string capitalised(llvm::StringRef S) {
  std::string Out = S.str();
  if (!Out.empty())
    Out[0] = llvm::toUpper(Out[0]);
  return Out;
}

} // namespace

std::string OperationInfo::nounCapitalised() const { return capitalised(Noun); }
std::string OperationInfo::objectCapitalised() const {
  return capitalised(Object);
}

llvm::StringRef handleKindName(HandleKind K) {
  switch (K) {
  case HandleKind::Party:
    return "Party handle";
  case HandleKind::Af:
    return "AF handle";
  case HandleKind::Sap:
    return "SAP handle";
  case HandleKind::Vc:
    return "VC handle";
  case HandleKind::CallParameters:
    return "Call parameters";
  }
  return "";
}

const OperationInfo &operationInfo(OperationId Id) {
  return Operations[static_cast<unsigned>(Id)];
}

llvm::ArrayRef<OperationInfo> allOperations() { return Operations; }

const OperationInfo *operationOfHandler(ApiId RoleType) {
  for (const OperationInfo &Op : Operations)
    if (Op.Handler == RoleType)
      return &Op;
  return nullptr;
}

const OperationInfo *operationOfCompletion(ApiId Fn) {
  for (const OperationInfo &Op : Operations)
    if (Op.Completion == Fn)
      return &Op;
  return nullptr;
}

llvm::ArrayRef<HandleEndInfo> allHandleEnds() { return HandleEnds; }

const HandleEndInfo *handleEndOf(ApiId Api) {
  for (const HandleEndInfo &E : HandleEnds)
    if (E.Api == Api)
      return &E;
  return nullptr;
}

} // namespace condis
