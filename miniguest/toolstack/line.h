/* The shell's line editor on the serial console (line.c). */
#ifndef TOOLSTACK_LINE_H
#define TOOLSTACK_LINE_H

#define LINE_MAX_LEN 256

/* One line typed after prompt, into line (LINE_MAX_LEN bytes): its
 * length, or -1 when the console's input ends. */
int line_read(const char *prompt, char *line);
/* The next byte typed, or -1 at the end of input. */
int line_getc(void);

#endif
