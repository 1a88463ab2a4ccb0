/* <dirent.h> for miniguest: what <sys/dirent.h> declares, no more. It
 * replaces newlib's, which would promise functions (scandir, telldir, ...)
 * that this target does not have. */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <sys/dirent.h>

#endif
