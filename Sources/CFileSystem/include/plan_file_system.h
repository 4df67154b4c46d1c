#ifndef PLAN_FILE_SYSTEM_H
#define PLAN_FILE_SYSTEM_H

/// Atomically exchanges two paths (both must exist): Linux renameat2(RENAME_EXCHANGE), macOS
/// renamex_np(RENAME_SWAP). Returns 0, or -1 with errno set.
int plan_rename_exchange(const char *from, const char *to);

/// Renames `from` to `to` only if `to` does not exist: Linux renameat2(RENAME_NOREPLACE), macOS
/// renamex_np(RENAME_EXCL). Returns 0, or -1 with errno set (EEXIST when `to` exists).
int plan_rename_no_replace(const char *from, const char *to);

#endif
