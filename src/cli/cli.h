// The command line: subcommands, flags, exit codes (0 clean, 1 findings, 2 tool error).
#pragma once

namespace shipshape::cli {

/// Runs shipshape with the process arguments; returns the exit code.
int Main(int argc, char** argv);

}  // namespace shipshape::cli
