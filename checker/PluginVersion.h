//===-- PluginVersion.h - Is the plugin in the clang it was built for? -*- C++ -*-===//
//
// Part of condis-check. A plugin only works inside the clang it was built
// against. In another clang (Debian's unversioned clang, LLVM 14; another
// point release of clang 22) clang refuses to register its checkers with a
// warning that the driver's -w hides, and its before-main actions would run
// against another clang's classes and crash. So when the plugin is loaded,
// it compares the clang it runs in with the one it was built for; on a
// mismatch it says so on stderr, once, registers no action, and leaves its
// checkers unregistered.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_PLUGINVERSION_H
#define CONDIS_PLUGINVERSION_H

namespace condis {

/// True when the clang this plugin is loaded into is the one it was built
/// against; otherwise prints why not (once) and returns false.
bool pluginMatchesHost();

} // namespace condis

#endif
