#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include "plan_file_system.h"

#if defined(__APPLE__)
int plan_rename_exchange(const char *from, const char *to) { return renamex_np(from, to, RENAME_SWAP); }
int plan_rename_no_replace(const char *from, const char *to) { return renamex_np(from, to, RENAME_EXCL); }
#else
int plan_rename_exchange(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
}
int plan_rename_no_replace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}
#endif
