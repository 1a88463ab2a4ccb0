/* xsa194: advisory xsa194
 *
 * Rules checked (one id per rule, each said in one sentence the way the
 * ABI headers in pvabi/ state it):
 *   XSA194-1  <the rule>
 */
#include "guest.h"

const char test_title[] = "xsa194: advisory xsa194";

void test_main(void)
{
	/* Each check names its rule and prints what it saw, e.g.
	 *     check_rc("XSA194-1", "what was called", rc, -XEN_EINVAL);
	 * The first time, run the guest on the reference Xen
	 * (boot/xen/boot-on-xen build/test/conformance/xsa194.elf): where Xen
	 * disagrees with the expectation, Xen is right; fix the check and say
	 * so in a comment. */
	long rc = hypercall_xen_version(XENVER_version, NULL);

	check("XSA194-1", rc >= 0, "a placeholder check: xen_version answers (%#lx)", rc);
	test_success();
}
