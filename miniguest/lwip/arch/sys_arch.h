/* lwIP's operating-system types on miniguest's threads (miniguest/net/
 * sys_arch.c): each semaphore and mailbox is a pointer to a heap object,
 * NULL while it does not exist. Threads are cooperative, so a mutex is a
 * semaphore of one, and the critical sections only keep event handlers
 * out. */
#ifndef MINIGUEST_LWIP_ARCH_SYS_ARCH_H
#define MINIGUEST_LWIP_ARCH_SYS_ARCH_H

struct sys_arch_sem;
struct sys_arch_mbox;
struct thread;

typedef struct sys_arch_sem *sys_sem_t;
typedef struct sys_arch_mbox *sys_mbox_t;
typedef struct thread *sys_thread_t;
typedef unsigned sys_prot_t;

/* There are no priorities to invert: every thread runs until it blocks. */
#define LWIP_COMPAT_MUTEX 1
#define LWIP_COMPAT_MUTEX_ALLOWED 1

/* The calling thread's semaphore for its netconn calls (made at its first
 * call, freed with the thread). */
sys_sem_t *sys_arch_thread_sem(void);
#define LWIP_NETCONN_THREAD_SEM_GET() sys_arch_thread_sem()
#define LWIP_NETCONN_THREAD_SEM_ALLOC() ((void)sys_arch_thread_sem())
#define LWIP_NETCONN_THREAD_SEM_FREE() ((void)0)

#define sys_sem_valid(s) (*(s) != NULL)
#define sys_sem_set_invalid(s) (*(s) = NULL)
#define sys_mbox_valid(m) (*(m) != NULL)
#define sys_mbox_set_invalid(m) (*(m) = NULL)

#endif
