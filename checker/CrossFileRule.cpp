//===-- CrossFileRule.cpp - "Pended, and no file completes it" --*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "CrossFileRule.h"

#include "llvm/ADT/StringExtras.h"

namespace condis {

std::optional<UncompletedHandler>
uncompletedHandler(ApiId RoleType, llvm::StringRef Function,
                   const std::set<OperationId> &Referenced,
                   const std::set<ApiRole> &Roles) {
  const OperationInfo *Op = operationOfHandler(RoleType);
  if (!Op || Referenced.count(Op->Id))
    return std::nullopt;
  // The row's completion; an MCM spells it with its Counterpart macro.
  const ApiInfo &CmForm = apiInfo(Op->Completion);
  llvm::StringRef McmForm = CmForm.Counterpart == ApiId::None
                                ? CmForm.Name
                                : apiInfo(CmForm.Counterpart).Name;
  bool OneRole = Roles.size() == 1;
  std::string Completion;
  if (McmForm == CmForm.Name || (OneRole && *Roles.begin() == ApiRole::Cm))
    Completion = CmForm.Name.str();
  else if (OneRole && *Roles.begin() == ApiRole::Mcm)
    Completion = McmForm.str();
  else
    Completion =
        (CmForm.Name + " (" + McmForm + " in a miniport call manager)").str();

  std::string Title = Op->Title.str();
  Title[0] = llvm::toLower(Title[0]);
  UncompletedHandler U;
  U.Checker = Op->Checker == Frontend::DropParty ? "condis.DropParty"
                                                 : "condis.Completion";
  U.Message = Title + " handler '" + Function.str() +
              "' can return NDIS_STATUS_PENDING, but no file of this driver "
              "calls " +
              Completion + ": a " + Op->Noun.str() +
              " it pends is never completed and the " + Op->Object.str() +
              " is never released; call the completion once the pended " +
              Op->Noun.str() + " is done";
  U.RoleDecides = OneRole && McmForm != CmForm.Name;
  return U;
}

} // namespace condis
