//===-- KitHook.cpp - clangd's own parses read kit headers too --*- C++ -*-===//
//
// Part of condis-check. Linked into the condis-clangd executable only.
//
// The analysis of condis-clangd reads headers through the kit file system
// (checker/KitFileSystem.h), but clangd's own parse of the same file (its
// preamble, its AST, its diagnostics, go-to-definition) reads them through
// the file system of clangd's RealThreadsafeFS, which clangd makes with
// llvm::vfs::createPhysicalFileSystem() and offers no way to replace. On a
// WDK driver that parse stops at the first mixed-case #include of the kit
// ('DriverSpecs.h' file not found) and at ndis.h's version macro, and the
// editor shows those errors on every file.
//
// So this executable defines llvm::vfs::createPhysicalFileSystem() itself:
// the linker resolves clangd's call (libclangdSupport.a is linked
// statically) to this definition, which returns the kit file system over
// the physical file system LLVM's own definition makes. Every parse in the
// process, clangd's and ours, then sees the headers the same way. The
// function is looked up in the LLVM library by its C++ name; if that ever
// fails, clangd runs on the plain physical file system (kit includes and
// the mended ndis.h line then fail in clangd's own parse, as with stock
// clangd) and the analysis still reads through the kit file system.
//
//===----------------------------------------------------------------------===//

#include "KitFileSystem.h"

#include "llvm/Support/VirtualFileSystem.h"

#include <dlfcn.h>
#include <memory>

namespace {

using CreateFn = std::unique_ptr<llvm::vfs::FileSystem> (*)();

/// LLVM's own llvm::vfs::createPhysicalFileSystem, from the shared library
/// that defines it (the one after this executable in lookup order).
CreateFn llvmCreatePhysicalFileSystem() {
  static CreateFn Fn = reinterpret_cast<CreateFn>(
      dlsym(RTLD_NEXT, "_ZN4llvm3vfs24createPhysicalFileSystemEv"));
  return Fn;
}

} // namespace

namespace llvm::vfs {

std::unique_ptr<FileSystem> createPhysicalFileSystem() {
  CreateFn Real = llvmCreatePhysicalFileSystem();
  if (!Real)
    // getRealFileSystem() shares the process's working directory; clangd
    // sets one per view, so only a last resort.
    return std::make_unique<ProxyFileSystem>(getRealFileSystem());
  IntrusiveRefCntPtr<FileSystem> Physical(Real().release());
  // The kit file system is a ProxyFileSystem: hand it over as a unique
  // owner through a proxy that holds the shared pointer.
  return std::make_unique<ProxyFileSystem>(
      condis::createKitFileSystem(std::move(Physical)));
}

} // namespace llvm::vfs
