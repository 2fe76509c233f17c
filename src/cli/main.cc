#include "cli/cli.h"

int main(int argc, char** argv) { return shipshape::cli::Main(argc, argv); }
