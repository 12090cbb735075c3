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
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace llvm;

namespace condis {

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

void forEachWrittenTypedef(const FunctionDecl *FD,
                           function_ref<bool(const TypedefNameDecl *)> Visit) {
  const TypeSourceInfo *TSI = FD->getTypeSourceInfo();
  if (!TSI)
    return;
  QualType T = TSI->getType();
  while (const auto *TT = T->getAs<TypedefType>()) {
    if (Visit(TT->getDecl()))
      return;
    T = TT->desugar();
  }
}

namespace {

/// The role type a declaration's written type names, following typedefs
/// of typedefs (and the legacy alias of rules/handlers.def).
std::optional<ApiId> writtenRoleType(const FunctionDecl *FD) {
  std::optional<ApiId> Id;
  forEachWrittenTypedef(FD, [&](const TypedefNameDecl *TD) {
    return (Id = lookupRoleType(TD->getName())).has_value();
  });
  return Id;
}

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(DriverFacts &Facts, ASTContext &Ctx) : Facts(Facts), Ctx(Ctx) {}

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
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return true;
    // The structure as the driver named it: step out of the anonymous
    // members NDIS 5 nests its characteristics in (Chars.ISRHandler is
    // Chars.<anonymous NDIS30 part>.ISRHandler).
    const MemberExpr *Outer = ME;
    while (const auto *Base =
               dyn_cast<MemberExpr>(Outer->getBase()->IgnoreParenImpCasts())) {
      const auto *Member = dyn_cast<FieldDecl>(Base->getMemberDecl());
      if (!Member || Member->getDeclName())
        break;
      Outer = Base;
    }
    QualType Owner = Outer->getBase()->getType();
    if (Outer->isArrow())
      Owner = Owner->getPointeeType();
    recordStore(Field, Owner, BO->getRHS());
    return true;
  }

  bool VisitInitListExpr(InitListExpr *ILE) {
    // The semantic form lines initialisers up with fields, whether the
    // source used designators or positions. The visitor walks only the
    // syntactic form (it does not visit implicit code), so step over to the
    // semantic form from there.
    if (!ILE->isSemanticForm()) {
      ILE = ILE->getSemanticForm();
      if (!ILE)
        return true;
    }
    recordInits(ILE, ILE->getType());
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
    if (Role) {
      RoleEvidence E{*Role, Name.str(), CE->getBeginLoc()};
      const SourceManager &SM = Ctx.getSourceManager();
      PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(E.Loc));
      if (P.isValid()) {
        // Absolute, so that the same call seen from two translation units
        // (or by condis-check's pre-pass) compares equal.
        SmallString<256> Path(P.getFilename());
        SM.getFileManager().makeAbsolutePath(Path);
        sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
        E.File = std::string(Path);
        E.Line = P.getLine();
        E.Column = P.getColumn();
      }
      Facts.addEvidence(std::move(E));
    }
    return true;
  }

private:
  /// Records the functions a semantic initialiser list stores into the
  /// fields of the structure \p Owner names. Nested lists (a member
  /// structure, the anonymous NDIS30/40/50 parts of NDIS 5's
  /// characteristics, a union) are followed: with braces elided they have
  /// no syntactic list of their own for the visitor to reach.
  void recordInits(const InitListExpr *ILE, QualType Owner) {
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (!RD)
      return;
    auto Record = [&](const FieldDecl *F, const Expr *Init) {
      if (!F || !Init)
        return;
      if (const auto *Inner = dyn_cast<InitListExpr>(Init->IgnoreParens())) {
        // An unnamed member's fields belong to the enclosing structure.
        recordInits(Inner, F->getDeclName() ? F->getType() : Owner);
        return;
      }
      recordStore(F, Owner, Init);
    };
    if (RD->isUnion()) {
      if (ILE->getNumInits() == 1)
        Record(ILE->getInitializedFieldInUnion(), ILE->getInit(0));
      return;
    }
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (I >= ILE->getNumInits())
        break;
      Record(F, ILE->getInit(I++));
    }
  }

  void recordStore(const FieldDecl *Field, QualType Owner, const Expr *Value) {
    if (!Field->getIdentifier())
      return;
    const FunctionDecl *FD = namedFunction(Value);
    if (!FD || !FD->getIdentifier())
      return;
    StringRef Name = Field->getName();
    if (auto RoleType = roleTypeForField(Name))
      Facts.addHandler(FD->getName(), *RoleType);
    if (const IrqlFieldInfo *Row = lookupIrqlField(Name))
      if (declaredWith(Field->getType(), Row->PointerType))
        Facts.addStoredRoutine(FD->getName(),
                               {Row->Role, ownerName(Owner) + Name.str()});
  }

  /// Whether \p T is written with the typedef \p Name, directly or through
  /// other typedefs.
  static bool declaredWith(QualType T, StringRef Name) {
    while (const auto *TT = T->getAs<TypedefType>()) {
      if (TT->getDecl()->getName() == Name)
        return true;
      T = TT->desugar();
    }
    return false;
  }

  /// "NDIS_MINIPORT_CHARACTERISTICS." for a structure named by a typedef,
  /// empty otherwise.
  static std::string ownerName(QualType Owner) {
    if (Owner.isNull())
      return "";
    if (const auto *TT = Owner->getAs<TypedefType>())
      return (TT->getDecl()->getName() + ".").str();
    return "";
  }

  DriverFacts &Facts;
  ASTContext &Ctx;
};

} // namespace

DriverFacts DriverFacts::gather(ASTContext &Ctx) {
  DriverFacts Facts;
  Collector(Facts, Ctx).TraverseDecl(Ctx.getTranslationUnitDecl());
  return Facts;
}

void DriverFacts::addHandler(StringRef Function, ApiId RoleType) {
  Handlers.try_emplace(Function, RoleType);
}

void DriverFacts::addStoredRoutine(StringRef Function, StoredRoutine R) {
  Routines.try_emplace(Function, std::move(R));
}

const StoredRoutine *
DriverFacts::storedRoutineOf(StringRef FunctionName) const {
  auto It = Routines.find(FunctionName);
  return It == Routines.end() ? nullptr : &It->second;
}

const StoredRoutine *
DriverFacts::storedRoutineOf(const FunctionDecl *FD) const {
  if (!FD || !FD->getIdentifier())
    return nullptr;
  return storedRoutineOf(FD->getName());
}

void DriverFacts::addMark(NamedMark M) {
  if (llvm::find(Marks, M) == Marks.end())
    Marks.push_back(std::move(M));
}

void DriverFacts::merge(const DriverFacts &Other, bool KeepLocations) {
  for (const NamedMark &M : Other.Marks)
    addMark(M);
  for (const auto &H : Other.Handlers)
    addHandler(H.getKey(), H.getValue());
  for (const auto &R : Other.Routines)
    addStoredRoutine(R.getKey(), R.getValue());

  for (const RoleEvidence &E : Other.Evidence) {
    bool Known = llvm::any_of(
        Evidence, [&](const RoleEvidence &Mine) { return Mine.samePlace(E); });
    if (Known)
      continue;
    RoleEvidence Copy = E;
    if (!KeepLocations)
      Copy.Loc = SourceLocation();
    Evidence.push_back(std::move(Copy));
  }
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
