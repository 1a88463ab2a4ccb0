/* Pseudo-physical room above the pages the domain booted with, for the
 * balloon to fill when the toolstack raises its target. */
#ifndef MG_P2M_ROOM_H
#define MG_P2M_ROOM_H

/* After pagetable_init: the p2m and the frame pool reach up to the
 * domain's maximum (frames_total()), the pfns above its boot size
 * without frames. Nothing when it may not grow. */
void p2m_room(void);

#endif
