/* The whole guest ABI in one include. Each header also stands alone. */
#ifndef PVABI_PVABI_H
#define PVABI_PVABI_H

#include "types.h"
#include "errno.h"
#include "arch_x86_32.h"
#include "hypercall.h"
#include "start_info.h"
#include "shared_info.h"
#include "mmu.h"
#include "multicall.h"
#include "sched.h"
#include "event_channel.h"
#include "grant_table.h"
#include "console.h"
#include "domctl.h"
#include "version.h"
#include "memory.h"
#include "vcpu.h"
#include "callback.h"
#include "elfnote.h"

#endif
