/* The lies to a vif receiving by page flipping, by its number:
 *   0  none (main.c): four frames transferred
 *   1  two responses claiming a frame where none was transferred; then
 *      an honest one
 *   2  a frame transferred through one buffer's ref, the response naming
 *      another buffer; then the response for the right one
 *   3  a frame transferred, its response given twice in one batch
 *   4  a frame transferred, its response with offset + size past the
 *      page; then an honest one
 *   5  no feature-rx-flip offered (the frontend must not connect) */
#include "netliar.h"

bool offer_flip(unsigned n)
{
	return n != 5;
}

/* Two requests, a frame transferred through the first's ref: false if
 * either failed. */
static bool two(struct lvif *v, struct netif_rx_request *a, struct netif_rx_request *b)
{
	return take_rx(v, a) && take_rx(v, b) && flip_frame(v, a->gref, 0, 60) == 0;
}

void lie_flip(struct lvif *v)
{
	struct netif_rx_request a, b;

	switch (v->n) {
	case 1:
		if (take_rx(v, &a) && take_rx(v, &b)) {
			put_rx(v, a.id, 0, 60);
			put_rx(v, b.id, 0, 60);
		}
		honest_rx(v, 1);
		break;
	case 2:
		if (two(v, &a, &b)) {
			put_rx(v, b.id, 0, 60);
			put_rx(v, a.id, 0, 60);
		}
		break;
	case 3:
		if (two(v, &a, &b)) {
			put_rx(v, a.id, 0, 60);
			put_rx(v, a.id, 0, 60);
		}
		break;
	case 4:
		if (two(v, &a, &b)) {
			put_rx(v, a.id, 4000, 200);
			put_rx(v, b.id, 0, 60);         /* nothing behind it either */
		}
		honest_rx(v, 1);
		break;
	}
}
