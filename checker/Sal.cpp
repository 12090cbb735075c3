//===-- Sal.cpp - SAL IRQL annotations read from the source ------*- C++
//-*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Sal.h"
#include "DriverFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <memory>
#include <mutex>
#include <vector>

using namespace clang;
using namespace llvm;

namespace condis {
namespace {

enum class SalKind {
  Requires,
  RequiresMax,
  RequiresMin,
  AlwaysMax,
  AlwaysMin,
  Raises,
  Saves,
  Restores,
  SavesGlobal,
  RestoresGlobal,
  AcquiresLock,
  ReleasesLock,
};

const StringMap<SalKind> &salMacros() {
  static const StringMap<SalKind> M = {
      {"_IRQL_requires_", SalKind::Requires},
      {"_IRQL_requires_max_", SalKind::RequiresMax},
      {"_IRQL_requires_min_", SalKind::RequiresMin},
      {"_IRQL_always_function_max_", SalKind::AlwaysMax},
      {"_IRQL_always_function_min_", SalKind::AlwaysMin},
      {"_IRQL_raises_", SalKind::Raises},
      {"_IRQL_saves_", SalKind::Saves},
      {"_IRQL_restores_", SalKind::Restores},
      {"_IRQL_saves_global_", SalKind::SavesGlobal},
      {"_IRQL_restores_global_", SalKind::RestoresGlobal},
      {"_Acquires_lock_", SalKind::AcquiresLock},
      {"_Acquires_exclusive_lock_", SalKind::AcquiresLock},
      {"_Acquires_shared_lock_", SalKind::AcquiresLock},
      {"_Releases_lock_", SalKind::ReleasesLock},
      {"_Releases_exclusive_lock_", SalKind::ReleasesLock},
      {"_Releases_shared_lock_", SalKind::ReleasesLock},
  };
  return M;
}

/// One expansion of a SAL macro.
struct SalRecord {
  SalKind Kind;
  std::string Text; ///< As written: "_IRQL_requires_(PASSIVE_LEVEL)".
  std::optional<uint64_t> Value; ///< The IRQL value of the argument.
  std::string Name;   ///< The identifier argument (a parameter name).
  SourceLocation Loc; ///< Expansion location of the macro name.
};

/// What one recorder contributes to a translation unit: the expansions it
/// recorded, in source order, and the facts imported from a preamble.
struct Recording {
  std::vector<SalRecord> Records;
  std::shared_ptr<const SalByName> Imported;
};

// The registry: records per SourceManager, alive while the recorder is.
std::mutex RegistryMutex;
std::map<const SourceManager *, std::shared_ptr<Recording>> &registry() {
  static std::map<const SourceManager *, std::shared_ptr<Recording>> R;
  return R;
}

std::shared_ptr<Recording> recordsFor(const SourceManager &SM) {
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  auto It = registry().find(&SM);
  return It == registry().end() ? nullptr : It->second;
}

/// What an annotation's argument resolves to.
struct ArgReading {
  std::optional<uint64_t> Value;
  unsigned Values = 0;
  std::string Name;
};

class SalRecorder : public PPCallbacks {
public:
  SalRecorder(Preprocessor &PP, std::shared_ptr<Recording> Out)
      : PP(PP), SM(&PP.getSourceManager()), Out(std::move(Out)) {}

  ~SalRecorder() override {
    std::lock_guard<std::mutex> Lock(RegistryMutex);
    auto It = registry().find(SM);
    if (It != registry().end() && It->second == Out)
      registry().erase(It);
  }

  void MacroExpands(const Token &MacroNameTok, const MacroDefinition &,
                    SourceRange, const MacroArgs *Args) override {
    const IdentifierInfo *II = MacroNameTok.getIdentifierInfo();
    if (!II || !II->getName().starts_with("_"))
      return;
    auto It = salMacros().find(II->getName());
    if (It == salMacros().end())
      return;
    SalRecord R;
    R.Kind = It->second;
    R.Loc = SM->getExpansionLoc(MacroNameTok.getLocation());
    if (R.Loc.isInvalid() ||
        (!Out->Records.empty() && Out->Records.back().Loc == R.Loc))
      return;
    R.Text = II->getName().str();
    if (Args && Args->getNumMacroArguments() > 0) {
      R.Text += "(" + argText(Args) + ")";
      // _IRQL_saves_global_(kind, param): the parameter is the last one.
      bool Global =
          R.Kind == SalKind::SavesGlobal || R.Kind == SalKind::RestoresGlobal;
      unsigned Arg = Global ? Args->getNumMacroArguments() - 1 : 0;
      ArgReading A;
      for (const Token *T = Args->getUnexpArgument(Arg); T->isNot(tok::eof);
           ++T)
        read(*T, A, 0);
      if (A.Values == 1)
        R.Value = A.Value;
      R.Name = std::move(A.Name);
    }
    Out->Records.push_back(std::move(R));
  }

private:
  std::string argText(const MacroArgs *Args) const {
    std::string S;
    for (unsigned I = 0, E = Args->getNumMacroArguments(); I != E; ++I) {
      if (I)
        S += ", ";
      bool First = true;
      for (const Token *T = Args->getUnexpArgument(I); T->isNot(tok::eof);
           ++T) {
        if (!First && T->hasLeadingSpace())
          S += ' ';
        S += PP.getSpelling(*T);
        First = false;
      }
    }
    return S;
  }

  /// Resolves an argument token to an IRQL value, following object-like
  /// macros (DISPATCH_LEVEL -> 2) and skipping punctuation; an identifier
  /// that names no macro is kept as a name (_IRQL_raises_(NewIrql)).
  void read(const Token &T, ArgReading &A, unsigned Depth) const {
    if (T.is(tok::numeric_constant)) {
      SmallString<16> Buf;
      StringRef Spelling = PP.getSpelling(T, Buf).rtrim("uUlL");
      uint64_t V;
      if (!Spelling.getAsInteger(0, V)) {
        A.Value = V;
        ++A.Values;
      }
      return;
    }
    const IdentifierInfo *II = T.getIdentifierInfo();
    if (!II)
      return;
    const MacroInfo *MI = PP.getMacroInfo(II);
    if (MI && MI->isObjectLike() && Depth < 8) {
      for (const Token &Body : MI->tokens())
        read(Body, A, Depth + 1);
      return;
    }
    if (A.Name.empty())
      A.Name = II->getName().str();
  }

  Preprocessor &PP;
  const SourceManager *SM;
  std::shared_ptr<Recording> Out;
};

/// The declarations of a DeclContext in source order, looking through
/// extern "C" blocks.
void collectDecls(const DeclContext *DC, std::vector<const Decl *> &Out) {
  for (const Decl *D : DC->decls()) {
    if (const auto *LS = dyn_cast<LinkageSpecDecl>(D)) {
      collectDecls(LS, Out);
      continue;
    }
    if (D->isImplicit())
      continue;
    Out.push_back(D);
  }
}

std::optional<Irql> levelOf(const SalRecord &R) {
  if (!R.Value)
    return std::nullopt;
  return irqlFromValue(*R.Value);
}

void appendRequirement(SalFacts &F, const SalRecord &R) {
  if (!F.RequirementText.empty())
    F.RequirementText += " ";
  F.RequirementText += R.Text;
}

/// Adds record \p R, found on \p D (parameter \p Param, or -1), to \p F.
void apply(SalFacts &F, const SalRecord &R, const Decl *D, int Param) {
  switch (R.Kind) {
  case SalKind::Requires:
    if ((F.Requires = levelOf(R)))
      appendRequirement(F, R);
    break;
  case SalKind::RequiresMax:
    if ((F.Max = levelOf(R)))
      appendRequirement(F, R);
    break;
  case SalKind::RequiresMin:
    if ((F.Min = levelOf(R)))
      appendRequirement(F, R);
    break;
  case SalKind::AlwaysMax:
    if ((F.AlwaysMax = levelOf(R)))
      appendRequirement(F, R);
    break;
  case SalKind::AlwaysMin:
    if ((F.AlwaysMin = levelOf(R)))
      appendRequirement(F, R);
    break;
  case SalKind::Raises:
    if ((F.Raises = levelOf(R)))
      break;
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      for (unsigned I = 0, E = FD->getNumParams(); I != E; ++I)
        if (FD->getParamDecl(I)->getName() == R.Name)
          F.RaisesParam = I;
    break;
  case SalKind::Saves:
    if (Param >= 0)
      F.SavesParam = Param;
    else
      F.SavesOnFunction = true;
    break;
  case SalKind::Restores:
    if (Param >= 0)
      F.RestoresParam = Param;
    break;
  case SalKind::SavesGlobal:
  case SalKind::RestoresGlobal:
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      for (unsigned I = 0, E = FD->getNumParams(); I != E; ++I)
        if (FD->getParamDecl(I)->getName() == R.Name) {
          if (R.Kind == SalKind::SavesGlobal)
            F.SavesParam = I;
          else
            F.RestoresParam = I;
        }
    break;
  case SalKind::AcquiresLock:
    F.AcquiresLock = true;
    break;
  case SalKind::ReleasesLock:
    F.ReleasesLock = true;
    break;
  }
}

/// The parameter of \p FD whose declaration \p Loc annotates: \p Loc lies
/// after the function's name and before the parameter ends.
int paramAt(const FunctionDecl *FD, SourceLocation Loc,
            const SourceManager &SM) {
  SourceLocation Name = SM.getExpansionLoc(FD->getLocation());
  if (Name.isInvalid() || !SM.isBeforeInTranslationUnit(Name, Loc))
    return -1;
  for (unsigned I = 0, E = FD->getNumParams(); I != E; ++I) {
    SourceLocation End =
        SM.getExpansionRange(FD->getParamDecl(I)->getEndLoc()).getEnd();
    if (End.isValid() && !SM.isBeforeInTranslationUnit(End, Loc))
      return I;
  }
  return -1;
}

} // namespace

void installSalRecorder(Preprocessor &PP) {
  auto Out = std::make_shared<Recording>();
  {
    std::lock_guard<std::mutex> Lock(RegistryMutex);
    auto [It, New] = registry().try_emplace(&PP.getSourceManager(), Out);
    if (!New)
      return;
  }
  PP.addPPCallbacks(std::make_unique<SalRecorder>(PP, std::move(Out)));
}

bool hasSalAnnotations(const SourceManager &SM) {
  std::shared_ptr<Recording> Recorded = recordsFor(SM);
  return Recorded &&
         (!Recorded->Records.empty() ||
          (Recorded->Imported && (!Recorded->Imported->Functions.empty() ||
                                  !Recorded->Imported->Typedefs.empty())));
}

void importSalFacts(Preprocessor &PP, std::shared_ptr<const SalByName> Facts) {
  if (std::shared_ptr<Recording> Out = recordsFor(PP.getSourceManager()))
    Out->Imported = std::move(Facts);
}

SalByName exportSalFacts(ASTContext &Ctx) {
  SalByName Out;
  for (const auto &[D, Facts] : SalIndex::build(Ctx).ByDecl) {
    const auto *ND = dyn_cast<NamedDecl>(D);
    if (!ND || !ND->getIdentifier())
      continue;
    auto &Map = isa<TypedefNameDecl>(ND) ? Out.Typedefs : Out.Functions;
    Map[ND->getName()] = Facts;
  }
  return Out;
}

std::optional<IrqlRange> SalFacts::requirement() const {
  if (Requires)
    return IrqlRange::exactly(*Requires);
  std::optional<Irql> Hi = Max ? Max : AlwaysMax;
  std::optional<Irql> Lo = Min ? Min : AlwaysMin;
  if (!Hi && !Lo)
    return std::nullopt;
  Irql L = Lo.value_or(Irql::Passive), H = Hi.value_or(Irql::High);
  if (L > H)
    return std::nullopt;
  return IrqlRange::between(L, H);
}

void SalFacts::mergeFrom(const SalFacts &O) {
  bool HadRequirement = requirement().has_value();
  auto Take = [](std::optional<Irql> &Mine, const std::optional<Irql> &Theirs) {
    if (!Mine)
      Mine = Theirs;
  };
  if (!HadRequirement) {
    Take(Requires, O.Requires);
    Take(Max, O.Max);
    Take(Min, O.Min);
    Take(AlwaysMax, O.AlwaysMax);
    Take(AlwaysMin, O.AlwaysMin);
    RequirementText = O.RequirementText;
  }
  Take(Raises, O.Raises);
  if (RaisesParam < 0)
    RaisesParam = O.RaisesParam;
  if (SavesParam < 0)
    SavesParam = O.SavesParam;
  SavesOnFunction |= O.SavesOnFunction;
  if (RestoresParam < 0)
    RestoresParam = O.RestoresParam;
  AcquiresLock |= O.AcquiresLock;
  ReleasesLock |= O.ReleasesLock;
}

SalIndex SalIndex::build(ASTContext &Ctx) {
  SalIndex Index;
  const SourceManager &SM = Ctx.getSourceManager();
  std::shared_ptr<Recording> Recorded = recordsFor(SM);
  if (!Recorded)
    return Index;
  Index.Recorded = true;
  if (Recorded->Imported)
    Index.import(Ctx, *Recorded->Imported);
  const std::vector<SalRecord> &Records = Recorded->Records;

  std::vector<const Decl *> Decls;
  collectDecls(Ctx.getTranslationUnitDecl(), Decls);
  size_t I = 0, N = Records.size();
  for (const Decl *D : Decls) {
    SourceLocation End = SM.getExpansionRange(D->getEndLoc()).getEnd();
    if (End.isInvalid())
      continue;
    const Decl *Key = nullptr;
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      Key = FD->getCanonicalDecl();
    else if (isa<TypedefNameDecl>(D))
      Key = D;
    for (; I < N && !SM.isBeforeInTranslationUnit(End, Records[I].Loc); ++I) {
      if (!Key)
        continue;
      const SalRecord &R = Records[I];
      int Param = -1;
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        Param = paramAt(FD, R.Loc, SM);
      apply(Index.ByDecl[Key], R, D, Param);
    }
  }
  return Index;
}

void SalIndex::import(ASTContext &Ctx, const SalByName &Facts) {
  TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  auto Add = [&](const llvm::StringMap<SalFacts> &Map, bool Typedefs) {
    for (const auto &Entry : Map) {
      for (const NamedDecl *ND : TU->lookup(&Ctx.Idents.get(Entry.getKey()))) {
        if (const auto *FD = dyn_cast<FunctionDecl>(ND); FD && !Typedefs)
          ByDecl[FD->getCanonicalDecl()] = Entry.getValue();
        else if (isa<TypedefNameDecl>(ND) && Typedefs)
          ByDecl[ND] = Entry.getValue();
      }
    }
  };
  Add(Facts.Functions, /*Typedefs=*/false);
  Add(Facts.Typedefs, /*Typedefs=*/true);
}

SalFacts SalIndex::factsFor(const FunctionDecl *FD) const {
  SalFacts F;
  if (!FD)
    return F;
  auto It = ByDecl.find(FD->getCanonicalDecl());
  if (It != ByDecl.end())
    F = It->second;
  for (const FunctionDecl *R : FD->redecls())
    forEachWrittenTypedef(R, [&](const TypedefNameDecl *TD) {
      auto TI = ByDecl.find(TD);
      if (TI != ByDecl.end())
        F.mergeFrom(TI->second);
      return false;
    });
  return F;
}

} // namespace condis
