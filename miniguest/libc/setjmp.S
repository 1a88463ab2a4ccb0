/* _setjmp and _longjmp (include/setjmp.h): newlib's setjmp and longjmp,
 * reached by a jump so that they see the caller's own frame. */
	.text
	.globl _setjmp
	.type _setjmp, @function
_setjmp:
	jmp setjmp
	.size _setjmp, . - _setjmp

	.globl _longjmp
	.type _longjmp, @function
_longjmp:
	jmp longjmp
	.size _longjmp, . - _longjmp

	.section .note.GNU-stack, "", @progbits
