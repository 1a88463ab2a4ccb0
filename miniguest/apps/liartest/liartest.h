/* An honest guest against a lying backend (netliar, blkliar): each of its
 * devices, one lie each, must fail cleanly. */
#ifndef LIARTEST_H
#define LIARTEST_H

#define SECOND 1000000000ull

/* Each vif: frames out and in, what was taken and dropped, then closed. */
void net_round(void);
/* Each disk: two reads, their results. */
void blk_round(void);

#endif
