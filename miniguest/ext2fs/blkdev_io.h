/* libext2fs's io_manager over miniguest's block devices (blkdev.h). */
#ifndef MINIGUEST_BLKDEV_IO_H
#define MINIGUEST_BLKDEV_IO_H

#include <ext2fs/ext2fs.h>        /* ext2_io.h alone lacks errcode_t */

extern io_manager blkdev_io_manager;

#endif
