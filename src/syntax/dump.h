// BuildKit's parse-tree dump (Node.Dump), the format of its parser test results.
#pragma once

#include <string>

#include "syntax/ast.h"

namespace shipshape::syntax {

/// One instruction as BuildKit dumps it, e.g. `run ["--mount=type=cache"] "make"`.
std::string DumpInstruction(const Instruction& inst);

/// The whole file: `(instruction)` lines joined by '\n', no final newline.
std::string Dump(const Dockerfile& df);

}  // namespace shipshape::syntax
