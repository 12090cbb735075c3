//===-- KitFileSystem.h - Windows kit headers as MSVC reads them -*- C++ -*-===//
//
// Part of condis-check. Drivers are built on Windows, against the WDK or a
// DDK, by a compiler that differs from clang in two ways the headers rely
// on:
//
//  - Windows file names are case-insensitive. The kits include their own
//    headers with spellings that differ from the files' names
//    (`<DriverSpecs.h>` for driverspecs.h, `<POPPACK.H>` for poppack.h), so
//    on Linux the first such #include is a fatal "file not found".
//  - MSVC accepts a few lines clang rejects (rules/headers.def), and one of
//    them is in every NDIS driver's ndis.h.
//
// The kit file system sits over the file system a tool already uses and
// changes only what fails: a path that does not exist is looked up again
// one component at a time without regard to case (what a Windows file
// system does), and a header named by a rules/headers.def row is served with
// its defective line mended, on the same line. Everything else, including
// every path that exists as spelled, is passed through untouched.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_KITFILESYSTEM_H
#define CONDIS_CHECKER_KITFILESYSTEM_H

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <optional>
#include <string>

namespace clang {
class CompilerInstance;
class FileManager;
} // namespace clang

namespace condis {

/// \p Base seen as a driver build on Windows sees it: missing paths are
/// resolved case-insensitively and rules/headers.def mends are applied.
/// \p Base itself when a kit file system is already part of it.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
createKitFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base);

/// Puts the kit file system under \p FM (and, when given, \p CI, so that
/// later file managers and the preprocessor's module lookups agree) unless
/// it is already there. Call it before the first #include is looked up: from
/// a before-main plugin action's CreateASTConsumer or a tool's
/// BeginInvocation.
void installKitFileSystem(clang::FileManager &FM,
                          clang::CompilerInstance *CI = nullptr);

/// \p Text with every rules/headers.def line that applies to a file named
/// \p FileName mended; std::nullopt when none applies.
std::optional<std::string> mendKitHeader(llvm::StringRef FileName,
                                         llvm::StringRef Text);

} // namespace condis

#endif
