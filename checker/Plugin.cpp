//===-- Plugin.cpp - The condis analyzer plugin ------------------*- C++ -*-===//
//
// Part of condis-check. Built as build/lib/CondisChecker.so and loaded with
//   clang-22 -cc1 -load CondisChecker.so -analyze -analyzer-checker=condis
//   clang-22 --analyze -fplugin=CondisChecker.so -Xanalyzer -analyzer-checker=condis
//   scan-build-22 -load-plugin CondisChecker.so -enable-checker condis
// and, compiled with CONDIS_CLANG_TIDY_BRIDGE, as CondisTidyPlugin.so for
//   clang-tidy-22 (-fplugin=CondisTidyPlugin.so, clang-analyzer-condis.*)
//
//===----------------------------------------------------------------------===//

#include "PluginVersion.h"
#include "Registration.h"

#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

extern "C" void clang_registerCheckers(clang::ento::CheckerRegistry &Registry) {
  if (!condis::pluginMatchesHost())
    return;
  condis::registerCheckers(Registry);
#ifdef CONDIS_CLANG_TIDY_BRIDGE
  condis::registerClangTidyBridge(Registry);
#endif
}

extern "C" const char clang_analyzerAPIVersionString[] =
    CLANG_ANALYZER_API_VERSION_STRING;
