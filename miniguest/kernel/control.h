/* The toolstack's shutdown requests (control/shutdown in the store). */
#ifndef MG_CONTROL_H
#define MG_CONTROL_H

/* Start taking them, in a thread of their own; nothing for domain 0 or a
 * domain with no store. */
void control_start(void);

#endif
