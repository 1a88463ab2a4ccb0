/* lwIP's configuration for miniguest: IPv4 with TCP, UDP, ICMP, DHCP and
 * the loopback interface, the sequential (netconn) and socket APIs, over
 * the kernel's cooperative threads (sys_arch.c). The socket layer that
 * programs see is miniguest/net/, which calls lwIP's lwip_* functions by
 * those names only (LWIP_COMPAT_SOCKETS=0), so that lwIP's definitions of
 * struct sockaddr and the rest never meet the SDK's <sys/socket.h>. */
#ifndef MINIGUEST_LWIPOPTS_H
#define MINIGUEST_LWIPOPTS_H

#define NO_SYS 0
#define SYS_LIGHTWEIGHT_PROT 1
/* Every call goes to the tcpip thread as a message: with the core lock
 * taken by the calling thread instead, a reader and a writer of one socket
 * stalled for good on this port (a megabyte echoed over loopback). */
#define LWIP_TCPIP_CORE_LOCKING 0
/* One socket may be read by one thread while another writes to it (and
 * a third closes it): each thread waits on a semaphore of its own. */
#define LWIP_NETCONN_SEM_PER_THREAD 1
#define LWIP_NETCONN_FULLDUPLEX 1

/* Memory comes from newlib's malloc, pools included: a guest's heap grows
 * on demand, so lwIP needs no arena of its own. */
#define MEM_LIBC_MALLOC 1
#define MEMP_MEM_MALLOC 1
#define MEM_ALIGNMENT 4

/* Sockets at once (the descriptor table has 64 slots); pcbs to match. */
#define MEMP_NUM_NETCONN 48
#define MEMP_NUM_TCP_PCB 48
#define MEMP_NUM_TCP_PCB_LISTEN 16
#define MEMP_NUM_UDP_PCB 16
#define MEMP_NUM_TCPIP_MSG_INPKT 64

#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_RAW 0
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_DHCP 1
#define LWIP_DNS 0                      /* names: getaddrinfo reads /etc/hosts */
#define LWIP_IGMP 0
#define LWIP_AUTOIP 0

/* Packets to an address whose MAC is not known yet wait for the ARP
 * answer, up to ARP_QUEUE_LEN of them: without a queue lwIP kept only the
 * last, so of a burst of SYNs from a new peer (QEMU's 10.0.2.2, wrk's ten
 * connections at once) all SYN-ACKs but one were lost and those
 * connections waited for lwIP's first retransmission, 3 s later. */
#define ARP_QUEUEING 1
#define ARP_QUEUE_LEN 64

#define LWIP_NETIF_LOOPBACK 1
#define LWIP_HAVE_LOOPIF 1
#define LWIP_LOOPBACK_MAX_PBUFS 0

#define TCP_MSS 1460
#define TCP_WND (16 * TCP_MSS)
#define TCP_SND_BUF (16 * TCP_MSS)
#define TCP_SND_QUEUELEN (4 * TCP_SND_BUF / TCP_MSS)
#define TCP_LISTEN_BACKLOG 1
#define TCP_DEFAULT_LISTEN_BACKLOG 16
#define LWIP_TCP_KEEPALIVE 1

#define LWIP_NETCONN 1
#define LWIP_NETIF_API 1                /* netifapi_*: interfaces set up from any thread */
#define LWIP_SOCKET 1
#define LWIP_COMPAT_SOCKETS 0
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#define LWIP_SOCKET_SELECT 0            /* select and poll are the libc's */
#define LWIP_SOCKET_POLL 1              /* lwip_poll with no wait: readiness */
#define LWIP_SO_SNDTIMEO 1
#define LWIP_SO_RCVTIMEO 1
#define LWIP_SO_RCVBUF 1
#define RECV_BUFSIZE_DEFAULT (64 * 1024)
#define SO_REUSE 1
#define LWIP_FIONREAD_LINUXMODE 1

#define TCPIP_THREAD_NAME "tcpip"
#define TCPIP_THREAD_STACKSIZE (32 * 1024)
#define TCPIP_MBOX_SIZE 128
#define DEFAULT_THREAD_STACKSIZE (32 * 1024)
#define DEFAULT_RAW_RECVMBOX_SIZE 64
#define DEFAULT_UDP_RECVMBOX_SIZE 64
#define DEFAULT_TCP_RECVMBOX_SIZE 64
#define DEFAULT_ACCEPTMBOX_SIZE 64

#define LWIP_STATS 0

/* Debian's port patch has sockets.c fill and read the BSD length fields
 * through these (its own port defines them); lwIP's struct sockaddr has
 * them, and so has the SDK's, which is laid out as lwIP's. */
#define IP4ADDR_SOCKADDR_SET_LEN(sin) ((sin)->sin_len = sizeof(struct sockaddr_in))
#define IP6ADDR_SOCKADDR_SET_LEN(sin6) ((void)0)
#define IPADDR_SOCKADDR_GET_LEN(addr) ((addr)->sa.sa_len)

/* Every socket event (data, room, an error) wakes select and poll, which
 * then ask each descriptor again (miniguest/net/sock_poll.c). */
void net_wake(void);
#define LWIP_HOOK_SOCKET_EVENT() net_wake()

#endif
