//===-- RoleOption.h - condis.Role:DriverRole values ------------*- C++ -*-===//
//
// Part of condis-check. The values of the condis.Role:DriverRole option
// (checker/Checkers.def) and the error for any other value, in one place:
// RoleChecker reads the option when it is registered, and condis-check
// checks --config values with the same function before any file is parsed
// (a bad value found only at registration would be reported per file while
// the other checkers go on).
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_ROLEOPTION_H
#define CONDIS_CHECKER_ROLEOPTION_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace condis {

enum class DriverRoleOption { Auto, Cm, Mcm };

/// 'auto' (or empty), 'cm', 'mcm', in any case; nothing for anything else.
std::optional<DriverRoleOption> parseDriverRoleOption(llvm::StringRef Value);

/// The error for an invalid \p Value, without the "error: " prefix.
std::string driverRoleOptionError(llvm::StringRef Value);

} // namespace condis

#endif
