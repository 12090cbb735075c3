//===-- DriverFacts.cpp - What a translation unit says about a driver -----===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "DriverFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace llvm;

namespace condis {
namespace {

/// The function an initialiser or right-hand side names, through casts,
/// parentheses and '&'.
const FunctionDecl *namedFunction(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<FunctionDecl>(DRE->getDecl());
  return nullptr;
}

/// The role type a declaration's written type names, following typedefs
/// of typedefs (and the legacy alias of rules/handlers.def).
std::optional<ApiId> writtenRoleType(const FunctionDecl *FD) {
  const TypeSourceInfo *TSI = FD->getTypeSourceInfo();
  if (!TSI)
    return std::nullopt;
  QualType T = TSI->getType();
  while (const auto *TT = T->getAs<TypedefType>()) {
    if (auto Id = lookupRoleType(TT->getDecl()->getName()))
      return Id;
    T = TT->desugar();
  }
  return std::nullopt;
}

class Collector : public RecursiveASTVisitor<Collector> {
public:
  explicit Collector(DriverFacts &Facts) : Facts(Facts) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->getIdentifier())
      if (auto Id = writtenRoleType(FD))
        Facts.addHandler(FD->getName(), *Id);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenCasts());
    if (!ME)
      return true;
    recordStore(ME->getMemberDecl()->getName(), BO->getRHS());
    return true;
  }

  bool VisitInitListExpr(InitListExpr *ILE) {
    // The semantic form lines initialisers up with fields, whether the
    // source used designators or positions.
    if (ILE->isSyntacticForm() && ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (!RD)
      return true;
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (I >= ILE->getNumInits())
        break;
      if (F->getIdentifier())
        recordStore(F->getName(), ILE->getInit(I));
      ++I;
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return true;
    StringRef Name = Callee->getName();
    std::optional<ApiRole> Role;
    if (auto Id = lookupApi(Name)) {
      if (apiInfo(*Id).Effect == EffectKind::RegistersCm)
        Role = ApiRole::Cm;
      else if (apiInfo(*Id).Effect == EffectKind::RegistersMcm)
        Role = ApiRole::Mcm;
    } else if (const SupportInfo *S = lookupSupport(Name)) {
      if (S->Effect == SupportEffect::RegistersCm)
        Role = ApiRole::Cm;
      else if (S->Effect == SupportEffect::RegistersMcm)
        Role = ApiRole::Mcm;
    }
    if (Role)
      Facts.addEvidence({*Role, Name.str(), CE->getBeginLoc()});
    return true;
  }

private:
  void recordStore(StringRef Field, const Expr *Value) {
    if (auto RoleType = roleTypeForField(Field))
      if (const FunctionDecl *FD = namedFunction(Value))
        Facts.addHandler(FD->getName(), *RoleType);
  }

  DriverFacts &Facts;
};

} // namespace

DriverFacts DriverFacts::gather(ASTContext &Ctx) {
  DriverFacts Facts;
  Collector(Facts).TraverseDecl(Ctx.getTranslationUnitDecl());
  return Facts;
}

void DriverFacts::addHandler(StringRef Function, ApiId RoleType) {
  Handlers.try_emplace(Function, RoleType);
}

bool DriverFacts::addHandlersOption(StringRef Value, std::string &Error) {
  SmallVector<StringRef, 8> Entries;
  Value.split(Entries, ';', -1, /*KeepEmpty=*/false);
  for (StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    auto [Fn, Role] = Entry.split(':');
    Fn = Fn.trim();
    Role = Role.trim();
    std::optional<ApiId> Id = lookupRoleType(Role);
    if (Fn.empty() || !Id) {
      Error = Entry.str();
      return false;
    }
    Handlers[Fn] = *Id;
  }
  return true;
}

std::optional<ApiId> DriverFacts::roleTypeOf(StringRef FunctionName) const {
  auto It = Handlers.find(FunctionName);
  if (It == Handlers.end())
    return std::nullopt;
  return It->second;
}

std::optional<ApiId> DriverFacts::roleTypeOf(const FunctionDecl *FD) const {
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  return roleTypeOf(FD->getName());
}

} // namespace condis
