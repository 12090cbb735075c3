//===-- CompletionMarks.h - Fields that tell another function to complete -*- C++ -*-===//
//
// Part of condis-check. A handler may pend its request by marking it in a
// field that another function of the driver tests before it completes the
// request:
//
//     ProtocolCmCloseAf:   Af->Flags |= AF_CLOSING; return NDIS_STATUS_PENDING;
//     ProtocolCoDeleteVc:  if (--Af->VcCount == 0 && (Af->Flags & AF_CLOSING))
//                            NdisCmCloseAddressFamilyComplete(...);
//
// A value of a field is a completion mark of an operation when a function
// defined in the translation unit tests the field for that value in a
// condition (if, while, for, do, ?:, a switch case) and completes the
// operation, directly or through functions it calls that are defined there.
// The tests recognised: Field == V (or !=, or a case V of a switch on the
// field), Field & M (a flag), and Field alone (any non-zero value). The
// completion engine takes a store of a matching value into a mark of its
// operation, by a handler, as handing the request off to that function,
// unless the function is a handler of the same operation. Party->State =
// Dropping hands nothing to a function that completes parties whose
// State == DropSent.
//
// condis-check's pre-pass shares the marks of every file of the project by
// name (NamedMark, DriverFacts::marks): a mark one file sets and another
// file's function tests is a hand-off there too.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_COMPLETIONMARKS_H
#define CONDIS_CHECKER_COMPLETIONMARKS_H

#include "Operations.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FieldDecl;
} // namespace clang

namespace condis {

/// What a function tests a field for.
struct MarkTest {
  enum Kind { Equals, AnyBit, NonZero } K;
  int64_t Value; ///< V of Equals, M of AnyBit.
};

/// "equals", "anyBit", "nonZero": a test's kind as facts files spell it.
llvm::StringRef markTestName(MarkTest::Kind K);
std::optional<MarkTest::Kind> markTestNamed(llvm::StringRef Name);

/// What a store writes into a field, as far as marks go: an exact value, or
/// bits set over whatever was there (Flags |= M).
struct StoredMark {
  enum Kind { Exact, SetsBits } K;
  int64_t Value;
  bool satisfies(const MarkTest &T) const;
};

/// A function that tests a field for a value and completes an operation.
struct MarkReader {
  MarkTest Test;
  OperationId Op;
  std::string Completer; ///< The function's name.
};

/// A mark as the files of a project share it (condis-check's pre-pass):
/// the field by its record's name.
struct NamedMark {
  std::string Field; ///< "MARK_AF.Flags": the record's tag or typedef name.
  MarkReader Reader;

  bool operator==(const NamedMark &O) const {
    return Field == O.Field && Reader.Test.K == O.Reader.Test.K &&
           Reader.Test.Value == O.Reader.Test.Value &&
           Reader.Op == O.Reader.Op && Reader.Completer == O.Reader.Completer;
  }
};

/// "MARK_AF.Flags": how \p Field is named across files; empty for a field of
/// a record with no name.
std::string markFieldName(const clang::FieldDecl *Field);

class CompletionMarks {
public:
  /// Gathers the marks of \p Ctx's translation unit (one walk of its AST),
  /// beside \p Shared, those of the project's other files.
  CompletionMarks(clang::ASTContext &Ctx, llvm::ArrayRef<NamedMark> Shared);

  /// Whether a function tests \p Field for a value \p Stored satisfies and
  /// completes \p Op, other than those \p Skip returns true for by name (the
  /// operation's handlers, whose test of the field guards against a second
  /// request).
  bool handsOff(const clang::FieldDecl *Field, StoredMark Stored,
                OperationId Op,
                llvm::function_ref<bool(llvm::StringRef)> Skip) const;

  /// The marks this translation unit's functions test, by name (for the
  /// project facts).
  std::vector<NamedMark> named() const;

private:
  llvm::DenseMap<const clang::FieldDecl *, llvm::SmallVector<MarkReader, 2>>
      Readers;
  llvm::StringMap<llvm::SmallVector<MarkReader, 1>> SharedReaders;
};

} // namespace condis

#endif
