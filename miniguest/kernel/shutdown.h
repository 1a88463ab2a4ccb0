/* Ending the domain. */
#ifndef MG_SHUTDOWN_H
#define MG_SHUTDOWN_H

/* Powers the domain off; status is the program's exit status, which
 * ringlet logs (Xen does not take one: there miniguest prints it). */
__attribute__((noreturn)) void mg_exit(int status);

/* Shuts the domain down with reason (SHUTDOWN_*). */
__attribute__((noreturn)) void mg_shutdown(unsigned reason);

/* Crashes the domain after saying why on the console. */
__attribute__((noreturn)) void mg_crash(const char *why);

#endif
