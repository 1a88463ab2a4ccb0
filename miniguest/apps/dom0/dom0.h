/* domain 0's parts beside its main.c. */
#ifndef DOM0_H
#define DOM0_H

/* disk.c: mount this domain's own disk (a disk=NAME:vdX word in envp
 * naming it) at /disk; say why not, and which words it leaves. */
void dom0_mount_disk(char **envp);
/* The words of envp that give guests disks and vifs (at most
 * DOM0_WORDS), this domain's own disk left out. */
#define DOM0_WORDS 64
char **dom0_guest_words(char **envp);

/* net.c: the NIC, if this domain holds one, a port of netback's bridge,
 * and this domain's own address behind it (br0). */
void dom0_net_start(void);

#endif
