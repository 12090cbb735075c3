//===-- FullParse.h - Parse clangd's file again, with bodies -*- C++ -*-===//
//
// Part of condis-check. clangd parses the leading #include block of a file
// once into a precompiled preamble, and builds it with the function bodies
// of headers skipped; it also hands our check its preprocessor only after
// the preamble, so SAL annotations of headers go unseen. The analyzer needs
// both: it inlines header functions (RemoveEntryList, a driver's own inline
// helpers) and reads _IRQL_* annotations of header declarations.
//
// withFullParse() parses the same buffer again the way `clang -fsyntax-only`
// would: same language, target, header search and -D options, clangd's
// file system, no preamble. LocationMap carries the locations of what is
// found there back into clangd's SourceManager, by file and offset.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_FULLPARSE_H
#define CONDIS_CLANGD_FULLPARSE_H

#include "BodyPreamble.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <optional>

#include <memory>
#include <string>

namespace clang {
class ASTContext;
class CompilerInvocation;
class Preprocessor;
class SourceManager;
} // namespace clang

namespace llvm {
class MemoryBuffer;
}

namespace condis {

/// Whether \p PP parsed its main file on top of a precompiled preamble, as
/// clangd does; a plain clang-tidy run does not.
bool usesPreamble(const clang::Preprocessor &PP);

/// What a full parse of clangd's file needs, copied out of clangd's parse so
/// that the full parse can run after it is gone (AsyncAnalysis.h).
struct FullParseInputs {
  /// clangd's compile options without its preamble; the main file is not
  /// remapped.
  std::shared_ptr<const clang::CompilerInvocation> Invocation;
  std::string MainName;
  std::shared_ptr<const llvm::MemoryBuffer> MainText; ///< The editor's buffer.
  /// The compile command's directory (relative -I paths).
  std::string WorkingDir;
};

/// The inputs of a full parse of \p Ctx / \p PP's main file, or nothing
/// (with \p Why) when it has no name or no text.
std::optional<FullParseInputs> snapshotFullParse(clang::ASTContext &Ctx,
                                                 clang::Preprocessor &PP,
                                                 std::string &Why);

/// A key of \p Inputs: equal keys, equal parses (text, options), as long as
/// the headers on disk stay the same.
std::string fullParseKey(const FullParseInputs &Inputs);

/// Whether the headers \p Preamble compiled are unchanged on disk and its
/// #include block is still that of \p Inputs.
bool preambleStillValid(const BodyPreamble &Preamble,
                        const FullParseInputs &Inputs);

/// Parses \p Inputs like the overload below; \p Used receives the
/// preamble the parse used, if any.
std::string withFullParse(
    const FullParseInputs &Inputs,
    llvm::function_ref<void(clang::ASTContext &, clang::Preprocessor &)>
        WithAST,
    PreambleUse &Use, std::shared_ptr<const BodyPreamble> *Used = nullptr);

/// Parses the main file of \p Ctx / \p PP again without a preamble, with the
/// SAL recorder installed before parsing starts, and calls \p WithAST while
/// the new AST, preprocessor and SourceManager are alive. The file's text is
/// the one \p Ctx was parsed from (the editor's buffer, saved or not).
/// Returns "" on success, else why there is no full parse to analyse (it
/// could not be set up, or the file has errors in it); \p WithAST is then
/// not called.
/// The file's #include block comes from a BodyPreamble (BodyPreamble.h),
/// kept across calls; \p Use says whether it was built, reused or not used.
std::string withFullParse(
    clang::ASTContext &Ctx, clang::Preprocessor &PP,
    llvm::function_ref<void(clang::ASTContext &, clang::Preprocessor &)>
        WithAST,
    PreambleUse &Use);

/// Maps file locations of one SourceManager to the same file and offset in
/// another. The main file maps to the main file; a header maps to the first
/// inclusion of the same file. Locations that have no counterpart map to an
/// invalid location.
class LocationMap {
public:
  LocationMap(const clang::SourceManager &From, const clang::SourceManager &To)
      : From(From), To(To) {}

  /// \p Loc, a location of From (a macro location is taken at its file
  /// location), as a location of To.
  clang::SourceLocation map(clang::SourceLocation Loc);

  const clang::SourceManager &source() const { return From; }
  const clang::SourceManager &target() const { return To; }

private:
  clang::FileID targetFile(clang::FileID FromFile);

  const clang::SourceManager &From;
  const clang::SourceManager &To;
  llvm::DenseMap<clang::FileID, clang::FileID> Files;
};

} // namespace condis

#endif
