//===-- Registration.h - Register the condis checkers ------------*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_REGISTRATION_H
#define CONDIS_CHECKER_REGISTRATION_H

namespace clang::ento {
class CheckerRegistry;
}

namespace condis {

/// Adds every checker of rules' Checkers.def, with its dependencies and
/// options, to \p Registry. The plugin, condis-check and condis-clangd all
/// call this one function.
void registerCheckers(clang::ento::CheckerRegistry &Registry);

/// A checker's documentation page relative to docs/ (e.g.
/// "checkers/drop-party.md"); empty for hidden and unknown checkers.
const char *docsUriFor(const char *FullName);

} // namespace condis

#endif
