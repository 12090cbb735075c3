# -*- Python -*-
# The condis-check lit suite. Tests follow clang/test/Analysis: RUN lines with
# %clang_analyze_cc1 loading the plugin, expectations with -verify.
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "condis"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.condis_obj_root, "test")

llvm_config.use_default_substitutions()
llvm_config.use_clang()

config.substitutions.append(("%condis_plugin", config.condis_plugin))
config.substitutions.append(("%condis_src", config.condis_src_root))
config.substitutions.append(("%condis_bin", config.condis_bin_dir))
config.substitutions.append(
    ("%condis_inputs", os.path.join(config.condis_src_root, "test", "Inputs")))
# The WDK-shaped header simulator (test/Inputs/wdk) the way a real build
# uses the kit: the Windows target in clang-cl's MS modes (with the
# _MSC_VER the driver sets), the architecture macros of a WDK build, and the
# kit's km and shared folders. A test adds the driver kind: -DNDIS630=1, or
# -DNDIS_MINIPORT_DRIVER=1 -DNDIS630_MINIPORT=1.
wdk_inputs = os.path.join(config.condis_src_root, "test", "Inputs", "wdk")
wdk_common = (" -fms-extensions -fms-compatibility -fms-compatibility-version=19.33"
              " -isystem {0}/km -isystem {0}/shared").format(wdk_inputs)
config.substitutions.append(
    ("%wdk_x64", "-triple x86_64-pc-windows-msvc -D_AMD64_ -DAMD64 -D_WIN64" + wdk_common))
config.substitutions.append(
    ("%wdk_x86", "-triple i686-pc-windows-msvc -D_X86_" + wdk_common))
# The official SARIF 2.1.0 schema checked by Ajv (scripts/sarif-validator,
# installed into build/ by scripts/setup.sh). Not optional: a missing
# validator fails the tests that use it.
config.substitutions.append(
    ("%sarif_schema_validate", "node " + os.path.join(
        config.condis_obj_root, "sarif-validator", "validate.js")))
config.environment["PATH"] = os.pathsep.join(
    [config.condis_bin_dir, config.llvm_tools_dir, config.environment["PATH"]])

# condis-clangd is only built when clangd's libraries are installed
# (tools/condis-clangd/CMakeLists.txt); its tests need it.
if os.path.exists(os.path.join(config.condis_bin_dir, "condis-clangd")):
    config.available_features.add("condis-clangd")
