#ifndef DELIBERATE_H
#define DELIBERATE_H

#include <stdint.h>
#include "options.h"

void deliberate_page_fault(void);
void deliberate_invalid_opcode(void);
void deliberate_divide_error(void);
void deliberate_fault(enum deliberate_fault f);

#endif
