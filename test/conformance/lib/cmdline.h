/* Numbers from a guest's command line (start_info.cmd_line): words of the
 * form key=NUMBER, for scenario guests that take parameters. */
#ifndef CONFORMANCE_CMDLINE_H
#define CONFORMANCE_CMDLINE_H

#include <stdint.h>

/* The decimal value of the first word key=NUMBER, or dflt without one. */
uint64_t cmdline_number(const char *key, uint64_t dflt);

#endif
