/* Exception entry stubs of a conformance guest (ring 1).
 *
 * The hypervisor enters a stub with [error code,] eip, cs, eflags on the
 * stack. Each stub evens the frame out (a 0 where the vector has no error
 * code), pushes its vector and joins trap_common, which saves the segment
 * and general registers into a struct trap_frame (lib/traps.h), calls
 * trap_dispatch(frame) and returns with iret; the handler may have changed
 * the frame's eip to resume elsewhere. */

#include "kernel/trap_stubs.h"
#include "pvabi/arch_x86_32.h"

	.text
	.code32

trap_common:
	save_trap_frame
	push %esp                       /* struct trap_frame * */
	call trap_dispatch
	add $4, %esp
	restore_trap_frame
	iret

	exception_stubs trap_common
