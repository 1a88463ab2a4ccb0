/* newlib's <signal.h> and the sigaction flags miniguest honours
 * (signal.c): newlib defines only SA_NOCLDSTOP for this target. */
#ifndef MG_SIGNAL_H
#define MG_SIGNAL_H

#include_next <signal.h>

#ifndef SA_RESTART
#define SA_RESTART   0x10000000 /* nothing is interrupted: has no effect */
#endif
#ifndef SA_NODEFER
#define SA_NODEFER   0x40000000 /* the signal is not blocked in its handler */
#endif
#ifndef SA_RESETHAND
#define SA_RESETHAND 0x80000000 /* back to SIG_DFL once the handler is entered */
#endif

#endif
