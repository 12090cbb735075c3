//===-- IrqlState.cpp - condis.Irql's program state --------------*- C++
//-*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "IrqlState.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ento;
using namespace llvm;

/// The IRQL the path is at now, as IrqlRange::pack(); absent = unknown.
REGISTER_TRAIT_WITH_PROGRAMSTATE(IrqlCurrent, unsigned)
/// The IRQL the top-frame function was entered at, packed; absent = unknown.
REGISTER_TRAIT_WITH_PROGRAMSTATE(IrqlEntryRange, unsigned)
/// True when the top-frame function is called by the system, so it holds
/// none of the driver's spin locks on entry.
REGISTER_TRAIT_WITH_PROGRAMSTATE(IrqlEntryLockFree, bool)
/// Symbol holding a saved old IRQL -> what it saved and whether the raise
/// that saved it is still to be undone.
REGISTER_MAP_WITH_PROGRAMSTATE(IrqlSavedMap, SymbolRef, condis::SavedIrql)
/// Spin lock region -> whether this path holds it, and how it was taken.
REGISTER_MAP_WITH_PROGRAMSTATE(IrqlLockMap, const MemRegion *,
                               condis::LockState)
/// KeGetCurrentIrql results read at the current IRQL.
REGISTER_SET_WITH_PROGRAMSTATE(IrqlReadingSet, SymbolRef)

namespace condis {

void SavedIrql::dump(raw_ostream &OS) const {
  OS << "old " << Old.describe() << " saved by " << irqlApiInfo(Api).Name
     << (Pending ? ", raise pending" : "");
}

void LockState::dump(raw_ostream &OS) const {
  OS << (Held ? "held" : "released") << " (" << irqlApiInfo(Api).Name
     << "), old " << Old.describe();
}

namespace irqlstate {

IrqlRange current(ProgramStateRef S) {
  unsigned V = S->get<IrqlCurrent>();
  return V ? IrqlRange::unpack(V) : IrqlRange::unknown();
}

bool knowsCurrent(ProgramStateRef S) { return S->get<IrqlCurrent>() != 0; }

ProgramStateRef setCurrent(ProgramStateRef S, IrqlRange R) {
  S = S->remove<IrqlReadingSet>();
  if (R.isUnknown())
    return S->remove<IrqlCurrent>();
  return S->set<IrqlCurrent>(R.pack());
}

ProgramStateRef narrowCurrent(ProgramStateRef S, IrqlRange R) {
  return S->set<IrqlCurrent>(R.pack());
}

std::optional<IrqlRange> entry(ProgramStateRef S) {
  unsigned V = S->get<IrqlEntryRange>();
  if (!V)
    return std::nullopt;
  return IrqlRange::unpack(V);
}

bool entryLockFree(ProgramStateRef S) { return S->get<IrqlEntryLockFree>(); }

ProgramStateRef setEntry(ProgramStateRef S, IrqlRange R, bool LockFree) {
  S = S->set<IrqlEntryLockFree>(LockFree);
  if (R.isUnknown())
    return S;
  return S->set<IrqlEntryRange>(R.pack());
}

const SavedIrql *saved(ProgramStateRef S, SymbolRef Sym) {
  return Sym ? S->get<IrqlSavedMap>(Sym) : nullptr;
}

ProgramStateRef setSaved(ProgramStateRef S, SymbolRef Sym, SavedIrql V) {
  return S->set<IrqlSavedMap>(Sym, V);
}

std::vector<std::pair<SymbolRef, SavedIrql>> pendingRaises(ProgramStateRef S) {
  std::vector<std::pair<SymbolRef, SavedIrql>> Out;
  for (const auto &[Sym, V] : S->get<IrqlSavedMap>())
    if (V.Pending)
      Out.emplace_back(Sym, V);
  return Out;
}

std::vector<std::pair<SymbolRef, SavedIrql>> savedIrqls(ProgramStateRef S) {
  std::vector<std::pair<SymbolRef, SavedIrql>> Out;
  for (const auto &[Sym, V] : S->get<IrqlSavedMap>())
    Out.emplace_back(Sym, V);
  return Out;
}

ProgramStateRef settleRaises(ProgramStateRef S, std::optional<Irql> To) {
  for (const auto &[Sym, V] : S->get<IrqlSavedMap>())
    if (V.Pending && (!To || V.Old.contains(*To)))
      S = S->set<IrqlSavedMap>(Sym, V.restored());
  return S;
}

const LockState *lock(ProgramStateRef S, const MemRegion *R) {
  return R ? S->get<IrqlLockMap>(R) : nullptr;
}

ProgramStateRef setLock(ProgramStateRef S, const MemRegion *R, LockState V) {
  return S->set<IrqlLockMap>(R, V);
}

const MemRegion *lockBySaveArea(ProgramStateRef S, const MemRegion *Area) {
  if (!Area)
    return nullptr;
  for (const auto &[R, V] : S->get<IrqlLockMap>())
    if (V.SaveArea == Area)
      return R;
  return nullptr;
}

std::vector<std::pair<const MemRegion *, LockState>>
heldLocks(ProgramStateRef S) {
  std::vector<std::pair<const MemRegion *, LockState>> Out;
  for (const auto &[R, V] : S->get<IrqlLockMap>())
    if (V.Held)
      Out.emplace_back(R, V);
  return Out;
}

ProgramStateRef forgetDead(ProgramStateRef S, SymbolReaper &SR) {
  for (const auto &[R, V] : S->get<IrqlLockMap>())
    if (!V.Held && !SR.isLiveRegion(R))
      S = S->remove<IrqlLockMap>(R);
  for (const auto &[Sym, V] : S->get<IrqlSavedMap>())
    if (!V.Pending && SR.isDead(Sym))
      S = S->remove<IrqlSavedMap>(Sym);
  for (SymbolRef Sym : S->get<IrqlReadingSet>())
    if (SR.isDead(Sym))
      S = S->remove<IrqlReadingSet>(Sym);
  return S;
}

ProgramStateRef addReading(ProgramStateRef S, SymbolRef Sym) {
  return S->add<IrqlReadingSet>(Sym);
}

std::vector<SymbolRef> readings(ProgramStateRef S) {
  std::vector<SymbolRef> Out;
  for (SymbolRef Sym : S->get<IrqlReadingSet>())
    Out.push_back(Sym);
  return Out;
}

void print(raw_ostream &OS, ProgramStateRef S, const char *NL,
           const char *Sep) {
  bool Any = knowsCurrent(S) || entry(S) || !S->get<IrqlSavedMap>().isEmpty() ||
             !S->get<IrqlLockMap>().isEmpty();
  if (!Any)
    return;
  OS << Sep << "condis.Irql:" << NL;
  OS << "  current: " << current(S).describe() << NL;
  if (auto E = entry(S))
    OS << "  entry: " << E->describe()
       << (entryLockFree(S) ? ", no locks held" : "") << NL;
  for (const auto &[Sym, V] : S->get<IrqlSavedMap>()) {
    OS << "  saved " << Sym << ": ";
    V.dump(OS);
    OS << NL;
  }
  for (const auto &[R, V] : S->get<IrqlLockMap>()) {
    OS << "  lock " << R << ": ";
    V.dump(OS);
    OS << NL;
  }
}

} // namespace irqlstate
} // namespace condis
