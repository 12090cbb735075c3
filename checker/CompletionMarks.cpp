//===-- CompletionMarks.cpp - Fields that tell another function to complete -===//
//
// Part of condis-check. See CompletionMarks.h.
//
//===----------------------------------------------------------------------===//

#include "CompletionMarks.h"

#include "Api.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cstdint>
#include <optional>
#include <tuple>
#include <utility>

using namespace clang;

namespace condis {
namespace {

using OperationSet = uint32_t;
static_assert(static_cast<unsigned>(OperationId::NumOperations) <= 32,
              "an OperationSet holds one bit per operation");

OperationSet bitOf(OperationId Op) {
  return OperationSet(1) << static_cast<unsigned>(Op);
}

/// What one function definition tests and completes.
struct FunctionMarks {
  llvm::SmallVector<std::pair<const FieldDecl *, MarkTest>, 4> Tested;
  OperationSet Completes = 0;
  llvm::SmallPtrSet<const FunctionDecl *, 4> Calls; ///< Defined here.
};

class MarkCollector : public RecursiveASTVisitor<MarkCollector> {
public:
  explicit MarkCollector(ASTContext &Ctx) : Ctx(Ctx) {}

  llvm::DenseMap<const FunctionDecl *, FunctionMarks> Functions;

  bool TraverseFunctionDecl(FunctionDecl *FD) {
    const FunctionDecl *Outer = Current;
    if (FD->doesThisDeclarationHaveABody())
      Current = FD->getCanonicalDecl();
    bool Result = RecursiveASTVisitor::TraverseFunctionDecl(FD);
    Current = Outer;
    return Result;
  }

  bool VisitIfStmt(IfStmt *S) { return tested(S->getCond()); }
  bool VisitWhileStmt(WhileStmt *S) { return tested(S->getCond()); }
  bool VisitDoStmt(DoStmt *S) { return tested(S->getCond()); }
  bool VisitForStmt(ForStmt *S) { return tested(S->getCond()); }
  bool VisitConditionalOperator(ConditionalOperator *E) {
    return tested(E->getCond());
  }
  bool VisitSwitchStmt(SwitchStmt *S) {
    const FieldDecl *Field = fieldOf(S->getCond());
    if (!Current || !Field)
      return true;
    for (const SwitchCase *SC = S->getSwitchCaseList(); SC;
         SC = SC->getNextSwitchCase())
      if (const auto *Case = dyn_cast<CaseStmt>(SC))
        if (std::optional<int64_t> V = constant(Case->getLHS()))
          add(Field, {MarkTest::Equals, *V});
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Current || !Callee)
      return true;
    FunctionMarks &M = Functions[Current];
    if (const IdentifierInfo *II = Callee->getIdentifier())
      if (std::optional<ApiId> Api = lookupApi(II->getName())) {
        if (const OperationInfo *Op = operationOfCompletion(*Api))
          M.Completes |= bitOf(Op->Id);
        return true;
      }
    if (Callee->hasBody())
      M.Calls.insert(Callee->getCanonicalDecl());
    return true;
  }

private:
  ASTContext &Ctx;
  const FunctionDecl *Current = nullptr;

  void add(const FieldDecl *Field, MarkTest Test) {
    Functions[Current].Tested.push_back({Field, Test});
  }

  static const FieldDecl *fieldOf(const Expr *E) {
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(
            E ? E->IgnoreParenCasts() : nullptr))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
    return nullptr;
  }

  std::optional<int64_t> constant(const Expr *E) const {
    Expr::EvalResult R;
    if (!E || E->isValueDependent() ||
        !E->EvaluateAsInt(R, Ctx, Expr::SE_AllowSideEffects))
      return std::nullopt;
    return R.Val.getInt().tryExtValue();
  }

  /// Field & M, in either order.
  const FieldDecl *flagTest(const Expr *E, int64_t &Mask) const {
    const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreParenCasts());
    if (!BO || BO->getOpcode() != BO_And)
      return nullptr;
    for (auto [F, M] : {std::pair(BO->getLHS(), BO->getRHS()),
                        std::pair(BO->getRHS(), BO->getLHS())})
      if (const FieldDecl *Field = fieldOf(F))
        if (std::optional<int64_t> V = constant(M)) {
          Mask = *V;
          return Field;
        }
    return nullptr;
  }

  bool tested(const Expr *Cond) {
    if (Current && Cond)
      testsIn(Cond);
    return true;
  }

  void testsIn(const Expr *E) {
    E = E->IgnoreParenCasts();
    int64_t Mask;
    if (const FieldDecl *Field = flagTest(E, Mask)) {
      add(Field, {MarkTest::AnyBit, Mask});
      return;
    }
    if (const FieldDecl *Field = fieldOf(E)) {
      add(Field, {MarkTest::NonZero, 0});
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_LNot)
        testsIn(UO->getSubExpr());
      return;
    }
    const auto *BO = dyn_cast<BinaryOperator>(E);
    if (!BO)
      return;
    if (BO->isLogicalOp()) {
      testsIn(BO->getLHS());
      testsIn(BO->getRHS());
      return;
    }
    if (!BO->isEqualityOp())
      return;
    // (Field & M) == M, (Field & M) != 0, Field == V, V != Field.
    for (auto [F, V] : {std::pair(BO->getLHS(), BO->getRHS()),
                        std::pair(BO->getRHS(), BO->getLHS())}) {
      if (const FieldDecl *Field = flagTest(F, Mask)) {
        add(Field, {MarkTest::AnyBit, Mask});
        return;
      }
      if (const FieldDecl *Field = fieldOf(F))
        if (std::optional<int64_t> Value = constant(V)) {
          add(Field, {MarkTest::Equals, *Value});
          return;
        }
    }
  }
};

} // namespace

CompletionMarks::CompletionMarks(ASTContext &Ctx, ArrayRef<NamedMark> Shared) {
  for (const NamedMark &M : Shared)
    SharedReaders[M.Field].push_back(M.Reader);

  MarkCollector Collector(Ctx);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  auto &Functions = Collector.Functions;

  // What a function completes includes what the functions it calls do.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto &[FD, M] : Functions) {
      OperationSet Before = M.Completes;
      for (const FunctionDecl *Callee : M.Calls) {
        auto It = Functions.find(Callee);
        if (It != Functions.end())
          M.Completes |= It->second.Completes;
      }
      Changed |= M.Completes != Before;
    }
  }

  for (const auto &[FD, M] : Functions) {
    if (!M.Completes || !FD->getIdentifier())
      continue;
    for (const auto &[Field, Test] : M.Tested)
      for (unsigned Op = 0;
           Op < static_cast<unsigned>(OperationId::NumOperations); ++Op)
        if (M.Completes & bitOf(static_cast<OperationId>(Op)))
          Readers[Field].push_back(
              {Test, static_cast<OperationId>(Op), FD->getName().str()});
  }
}

StringRef markTestName(MarkTest::Kind K) {
  switch (K) {
  case MarkTest::Equals:
    return "equals";
  case MarkTest::AnyBit:
    return "anyBit";
  case MarkTest::NonZero:
    return "nonZero";
  }
  return "";
}

std::optional<MarkTest::Kind> markTestNamed(StringRef Name) {
  for (MarkTest::Kind K : {MarkTest::Equals, MarkTest::AnyBit, MarkTest::NonZero})
    if (Name == markTestName(K))
      return K;
  return std::nullopt;
}

std::string markFieldName(const FieldDecl *Field) {
  const RecordDecl *RD = Field->getParent();
  StringRef Record = RD->getName();
  if (Record.empty())
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      Record = TD->getName();
  if (Record.empty() || Field->getName().empty())
    return "";
  return (Record + "." + Field->getName()).str();
}

std::vector<NamedMark> CompletionMarks::named() const {
  std::vector<NamedMark> Out;
  for (const auto &[Field, Readers] : this->Readers) {
    std::string Name = markFieldName(Field);
    if (Name.empty())
      continue;
    for (const MarkReader &R : Readers)
      Out.push_back({Name, R});
  }
  // The same facts give the same bytes in a facts file.
  auto Key = [](const NamedMark &M) {
    return std::tie(M.Field, M.Reader.Completer, M.Reader.Op, M.Reader.Test.K,
                    M.Reader.Test.Value);
  };
  llvm::sort(Out, [&](const NamedMark &A, const NamedMark &B) {
    return Key(A) < Key(B);
  });
  return Out;
}

bool StoredMark::satisfies(const MarkTest &T) const {
  switch (T.K) {
  case MarkTest::Equals:
    return K == Exact && Value == T.Value;
  case MarkTest::AnyBit:
    return (Value & T.Value) != 0;
  case MarkTest::NonZero:
    return Value != 0;
  }
  return false;
}

bool CompletionMarks::handsOff(const FieldDecl *Field, StoredMark Stored,
                               OperationId Op,
                               llvm::function_ref<bool(StringRef)> Skip) const {
  auto AnyCompletes = [&](ArrayRef<MarkReader> Rs) {
    return llvm::any_of(Rs, [&](const MarkReader &R) {
      return R.Op == Op && Stored.satisfies(R.Test) && !Skip(R.Completer);
    });
  };
  auto Own = Readers.find(Field);
  if (Own != Readers.end() && AnyCompletes(Own->second))
    return true;
  if (SharedReaders.empty())
    return false;
  auto Other = SharedReaders.find(markFieldName(Field));
  return Other != SharedReaders.end() && AnyCompletes(Other->second);
}

} // namespace condis
