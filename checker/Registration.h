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

/// For the clang-tidy build of the plugin only (CondisTidyPlugin.so):
/// clang-tidy enables just the analyzer checkers clang itself has, but it
/// always enables the core package when any clang-analyzer-* check is on.
/// This makes every visible condis checker a dependency of
/// TidyAnchorChecker, so clang-tidy runs them and reports their findings as
/// clang-analyzer-condis.*. Not for the plain plugin: there it would run
/// condis checkers nobody asked for, and disabling one would silently
/// disable the anchor too.
void registerClangTidyBridge(clang::ento::CheckerRegistry &Registry);
inline constexpr const char TidyAnchorChecker[] = "core.DivideZero";

/// A checker's documentation page relative to docs/ (e.g.
/// "checkers/drop-party.md"); empty for hidden and unknown checkers.
const char *docsUriFor(const char *FullName);

} // namespace condis

#endif
