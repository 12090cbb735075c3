//===-- IrqlFacts.cpp - The IRQL each function is entered at ----*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "IrqlFacts.h"
#include "DriverFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace llvm;

namespace condis {
namespace {

/// The rules/irql.def role type some declaration of \p FD is written with.
std::optional<IrqlRoleId> writtenIrqlRole(const FunctionDecl *FD) {
  std::optional<IrqlRoleId> Id;
  for (const FunctionDecl *R : FD->redecls()) {
    forEachWrittenTypedef(R, [&](const TypedefNameDecl *TD) {
      return (Id = lookupIrqlRole(TD->getName())).has_value();
    });
    if (Id)
      return Id;
  }
  return std::nullopt;
}

class RoutineCollector : public RecursiveASTVisitor<RoutineCollector> {
public:
  explicit RoutineCollector(
      function_ref<void(const FunctionDecl *, IrqlRoleId, IrqlApiId)> Add)
      : Add(Add) {}

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return true;
    std::optional<IrqlApiId> Api = lookupIrqlApi(Callee->getName());
    if (!Api)
      return true;
    for (unsigned I = 0, E = CE->getNumArgs(); I != E; ++I)
      if (auto Role = routineRole(*Api, I))
        if (const FunctionDecl *FD = namedFunction(CE->getArg(I)))
          Add(FD, *Role, *Api);
    return true;
  }

private:
  function_ref<void(const FunctionDecl *, IrqlRoleId, IrqlApiId)> Add;
};

std::string runsAt(IrqlRange R) {
  if (R.isExact())
    return "runs at " + R.describe();
  return "runs at " + R.describe();
}

struct Source {
  IrqlRange Range;
  std::string Why;
  bool System;
};

} // namespace

IrqlFacts IrqlFacts::gather(ASTContext &Ctx) {
  IrqlFacts Facts;
  Facts.Sal = SalIndex::build(Ctx);
  RoutineCollector([&](const FunctionDecl *FD, IrqlRoleId Role, IrqlApiId Via) {
    Facts.Routines.try_emplace(FD->getCanonicalDecl(), Routine{Role, Via});
  }).TraverseDecl(Ctx.getTranslationUnitDecl());
  return Facts;
}

std::optional<IrqlEntry> IrqlFacts::entryOf(const FunctionDecl *FD,
                                            std::optional<ApiId> CondisRole,
                                            const StoredRoutine *Stored) const {
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  std::string Name = ("'" + FD->getName() + "'").str();
  SmallVector<Source, 4> Sources;
  if (auto Role = writtenIrqlRole(FD)) {
    const IrqlRoleInfo &R = irqlRoleInfo(*Role);
    IrqlRange Range = roleRange(R);
    Sources.push_back({Range,
                       Name + " is declared " + R.RoleType.str() + ": " +
                           R.What.str() + " " + runsAt(Range),
                       true});
  }
  auto RI = Routines.find(FD->getCanonicalDecl());
  if (RI != Routines.end()) {
    const IrqlRoleInfo &R = irqlRoleInfo(RI->second.Role);
    IrqlRange Range = roleRange(R);
    Sources.push_back({Range,
                       Name + " is passed to " +
                           irqlApiInfo(RI->second.Via).Name.str() + ": " +
                           R.What.str() + " " + runsAt(Range),
                       true});
  }
  if (Stored) {
    const IrqlRoleInfo &R = irqlRoleInfo(Stored->Role);
    IrqlRange Range = roleRange(R);
    Sources.push_back({Range,
                       Name + " is stored into " + Stored->Field + ": " +
                           R.What.str() + " " + runsAt(Range),
                       true});
  }
  if (CondisRole) {
    const ApiInfo &R = apiInfo(*CondisRole);
    IrqlRange Range = roleRange(R);
    if (!Range.isUnknown())
      Sources.push_back({Range,
                         Name + " is a " + R.Name.str() +
                             " handler: NDIS calls it at " + Range.describe(),
                         true});
  }
  SalFacts Sal = this->Sal.factsFor(FD);
  if (auto Range = Sal.requirement())
    Sources.push_back(
        {*Range, Name + " is annotated " + Sal.RequirementText, false});
  if (Sources.empty())
    return std::nullopt;

  IrqlEntry E;
  E.Range = Sources.front().Range;
  for (const Source &S : Sources) {
    E.NoLocksHeld |= S.System;
    if (auto Both = E.Range.intersect(S.Range))
      E.Range = *Both;
  }
  for (const Source &S : Sources)
    if (S.Range == E.Range) {
      E.Why = S.Why;
      return E;
    }
  // Each source says part of it: name them all.
  for (const Source &S : Sources) {
    if (!E.Why.empty())
      E.Why += "; ";
    E.Why += S.Why;
  }
  return E;
}

} // namespace condis
