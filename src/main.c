/*
 * main.c — entry point.  Everything happens in cli_main() (src/cli/cli.c),
 * which walks the command table in src/cli/commands.c.
 */
#include "cli/cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
