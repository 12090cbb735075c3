# A stand-in for an LLVM 14 install: just enough for find_package(LLVM CONFIG)
# to succeed, so that build/llvm-version.test sees condis-check refuse it.
set(LLVM_PACKAGE_VERSION 14.0.6)
set(LLVM_VERSION_MAJOR 14)
set(LLVM_VERSION_MINOR 0)
set(LLVM_VERSION_PATCH 6)
set(LLVM_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")
