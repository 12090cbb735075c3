//===-- BodyPreamble.h - A preamble with function bodies --------*- C++ -*-===//
//
// Part of condis-check. The full parse of FullParse.h reads every header of
// a file again on each rebuild; with the WDK's headers that is most of the
// cost of an edit. clangd avoids it for its own parse with a precompiled
// preamble (the leading #include block, compiled once), but skips function
// bodies in it. A BodyPreamble is the same thing built for the full parse:
// the #include block compiled with bodies, plus the SAL annotations seen
// while compiling it (a parse on top of a preamble does not see the macro
// expansions inside it). It is rebuilt when the #include block, a file it
// read, or the compile options change, exactly as clangd's is.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_BODYPREAMBLE_H
#define CONDIS_CLANGD_BODYPREAMBLE_H

#include "Sal.h"

#include "clang/Frontend/PrecompiledPreamble.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"

#include <memory>
#include <string>

namespace llvm {
class MemoryBuffer;
namespace vfs {
class FileSystem;
}
} // namespace llvm

namespace clang {
class CompilerInvocation;
}

namespace condis {

struct BodyPreamble {
  BodyPreamble(clang::PrecompiledPreamble PCH,
               std::shared_ptr<const SalByName> Sal, std::string Options)
      : PCH(std::move(PCH)), Sal(std::move(Sal)), Options(std::move(Options)) {}

  clang::PrecompiledPreamble PCH;
  /// The annotations of the headers in the preamble, by declaration name.
  std::shared_ptr<const SalByName> Sal;
  /// The options it was built with, as far as they matter to it.
  std::string Options;
};

/// How bodyPreambleFor found its preamble.
enum class PreambleUse { None, Built, Reused };

/// The preamble of \p Invocation's main file, whose text is \p MainText:
/// the one kept from an earlier call while it is still valid, else a new
/// one, kept for later calls. The preambles of the last few files are kept.
/// \p Invocation must not remap the main file. Null (with \p Use None) when
/// the file has no #include block or the preamble cannot be built.
std::shared_ptr<const BodyPreamble>
bodyPreambleFor(const clang::CompilerInvocation &Invocation,
                const llvm::MemoryBuffer &MainText,
                llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS,
                PreambleUse &Use);

/// Whether \p Preamble can still serve \p Invocation's main file with text
/// \p MainText: same #include block, its files unchanged in \p VFS.
bool bodyPreambleStillValid(const BodyPreamble &Preamble,
                            const clang::CompilerInvocation &Invocation,
                            const llvm::MemoryBuffer &MainText,
                            llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
                                VFS);

/// What in \p CI decides how a file parses: language, target, header
/// search, -D/-U, -include.
std::string preambleOptionsKey(const clang::CompilerInvocation &CI);

} // namespace condis

#endif
