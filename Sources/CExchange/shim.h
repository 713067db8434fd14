// Swaps two paths in one step (Linux's renameat2 with RENAME_EXCHANGE). glibc declares
// renameat2 only under _GNU_SOURCE, which Swift's Glibc module is built without, so it is
// declared here; -1 with ENOSYS where there is no such call (the caller then renames twice).
#include <errno.h>
#include <fcntl.h>

#ifdef __linux__
extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
static inline int oe_exchange(const char *a, const char *b) { return renameat2(AT_FDCWD, a, AT_FDCWD, b, 1u << 1); }
#else
static inline int oe_exchange(const char *a, const char *b) { (void)a; (void)b; errno = ENOSYS; return -1; }
#endif
