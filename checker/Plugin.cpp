//===-- Plugin.cpp - The condis analyzer plugin ------------------*- C++ -*-===//
//
// Part of condis-check. Built as build/lib/CondisChecker.so and loaded with
//   clang-22 -cc1 -load CondisChecker.so -analyze -analyzer-checker=condis
//   clang-22 --analyze -fplugin=CondisChecker.so -Xanalyzer -analyzer-checker=condis
//   scan-build-22 -load-plugin CondisChecker.so -enable-checker condis
//
//===----------------------------------------------------------------------===//

#include "Registration.h"

#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

extern "C" void clang_registerCheckers(clang::ento::CheckerRegistry &Registry) {
  condis::registerCheckers(Registry);
}

extern "C" const char clang_analyzerAPIVersionString[] =
    CLANG_ANALYZER_API_VERSION_STRING;
