/* The first link's stand-in for the symbol table: the same symbols, empty. */
#include <stdint.h>

__attribute__((section(".ksyms"))) const uint32_t ksyms_count = 0;
__attribute__((section(".ksyms"))) const uint64_t ksyms_addrs[1] = { 0 };
__attribute__((section(".ksyms"))) const uint32_t ksyms_name_offsets[1] = { 0 };
__attribute__((section(".ksyms"))) const char ksyms_names[1] = "";
