//===-- RoleOption.cpp - condis.Role:DriverRole values --------------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "RoleOption.h"

namespace condis {

std::optional<DriverRoleOption> parseDriverRoleOption(llvm::StringRef Value) {
  if (Value.empty() || Value.equals_insensitive("auto"))
    return DriverRoleOption::Auto;
  if (Value.equals_insensitive("cm"))
    return DriverRoleOption::Cm;
  if (Value.equals_insensitive("mcm"))
    return DriverRoleOption::Mcm;
  return std::nullopt;
}

std::string driverRoleOptionError(llvm::StringRef Value) {
  return "invalid value for analyzer option 'condis.Role:DriverRole': "
         "expected 'auto' (infer the role from the registration calls), 'cm' "
         "(stand-alone call manager) or 'mcm' (miniport call manager), got '" +
         Value.str() + "'";
}

} // namespace condis
