// Fault injection for the output path (FaultInjectionTests): loaded with LD_PRELOAD, it makes
// the N-th output call of the process fail with EIO, as a failing disk would.
//
// Environment:
//   FAULT_PREFIX  only calls on files and folders under this absolute path count ("output calls")
//   FAULT_AT      the 1-based number of the output call that fails; 0 or unset: none fails
//   FAULT_NO_EXCHANGE  renameat2 with RENAME_EXCHANGE fails with EINVAL, as on a file system
//                 that cannot swap (the tool then renames twice)
//   FAULT_REPORT  a file that receives, at exit, "calls N", "first_sync K" (the number of the
//                 first fsync, where publication begins) and "failed NAME PATH" when one failed
//
// A failing call has no effect, except fclose and close, which release the stream or the
// descriptor as they do on a real error. Counting is atomic; runs are compared with --serial.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

// Some are macros under _GNU_SOURCE; the functions are what a library calls.
#undef fwrite_unlocked
#undef fputs_unlocked
#undef fputc_unlocked
#undef putc

static long calls, first_sync, fail_at = -1;
static char failed[4200];
static const char *prefix;
static size_t prefix_length;

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

__attribute__((constructor)) static void start(void) {
    prefix = getenv("FAULT_PREFIX");
    prefix_length = prefix ? strlen(prefix) : 0;
    const char *at = getenv("FAULT_AT");
    fail_at = at ? atol(at) : 0;
}

__attribute__((destructor)) static void finish(void) {
    const char *report = getenv("FAULT_REPORT");
    if (!report) return;
    char text[4400];
    int n = snprintf(text, sizeof text, "calls %ld\nfirst_sync %ld\nfailed %s\n", calls, first_sync, failed[0] ? failed : "-");
    int fd = REAL(open)(report, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        ssize_t ignored = REAL(write)(fd, text, (size_t)n);
        (void)ignored;
        REAL(close)(fd);
    }
}

static int under_prefix(const char *path) {
    return prefix_length && path && strncmp(path, prefix, prefix_length) == 0
        && (path[prefix_length] == '/' || path[prefix_length] == 0);
}

static int path_of_fd(int fd, char *path, size_t size) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, size - 1);
    if (n < 0) return 0;
    path[n] = 0;
    return 1;
}

// Counts an output call; true when this one must fail (errno is then EIO).
static int fault(const char *name, const char *path, int is_sync) {
    if (!under_prefix(path)) return 0;
    long n = __atomic_add_fetch(&calls, 1, __ATOMIC_SEQ_CST);
    if (is_sync) {
        long none = 0;
        __atomic_compare_exchange_n(&first_sync, &none, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    }
    if (n != fail_at) return 0;
    snprintf(failed, sizeof failed, "%s %s", name, path);
    errno = EIO;
    return 1;
}

static int fault_fd(const char *name, int fd, int is_sync) {
    char path[4096];
    return path_of_fd(fd, path, sizeof path) && fault(name, path, is_sync);
}

static int fault_file(const char *name, FILE *file) {
    int fd = file ? fileno(file) : -1;
    return fd >= 0 && fault_fd(name, fd, 0);
}

static int fault_paths(const char *name, const char *a, const char *b) {
    char full[2][4096];
    const char *paths[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        if (paths[i][0] != '/') {
            if (!getcwd(full[i], sizeof full[i] - 1)) return 0;
            strncat(full[i], "/", sizeof full[i] - strlen(full[i]) - 1);
            strncat(full[i], paths[i], sizeof full[i] - strlen(full[i]) - 1);
            paths[i] = full[i];
        }
    }
    return fault(name, under_prefix(paths[0]) ? paths[0] : paths[1], 0);
}

ssize_t write(int fd, const void *buffer, size_t count) {
    return fault_fd("write", fd, 0) ? -1 : REAL(write)(fd, buffer, count);
}
ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    return fault_fd("pwrite", fd, 0) ? -1 : REAL(pwrite)(fd, buffer, count, offset);
}
ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    return fault_fd("pwrite64", fd, 0) ? -1 : REAL(pwrite64)(fd, buffer, count, offset);
}
ssize_t writev(int fd, const struct iovec *vector, int count) {
    return fault_fd("writev", fd, 0) ? -1 : REAL(writev)(fd, vector, count);
}
int close(int fd) {
    int failing = fault_fd("close", fd, 0);
    int result = REAL(close)(fd);
    if (failing) errno = EIO;
    return failing ? -1 : result;
}
int fsync(int fd) { return fault_fd("fsync", fd, 1) ? -1 : REAL(fsync)(fd); }
int fdatasync(int fd) { return fault_fd("fdatasync", fd, 1) ? -1 : REAL(fdatasync)(fd); }

size_t fwrite(const void *buffer, size_t size, size_t count, FILE *file) {
    return fault_file("fwrite", file) ? 0 : REAL(fwrite)(buffer, size, count, file);
}
size_t fwrite_unlocked(const void *buffer, size_t size, size_t count, FILE *file) {
    return fault_file("fwrite_unlocked", file) ? 0 : REAL(fwrite_unlocked)(buffer, size, count, file);
}
int fputs(const char *text, FILE *file) { return fault_file("fputs", file) ? EOF : REAL(fputs)(text, file); }
int fputs_unlocked(const char *text, FILE *file) {
    return fault_file("fputs_unlocked", file) ? EOF : REAL(fputs_unlocked)(text, file);
}
int fputc(int c, FILE *file) { return fault_file("fputc", file) ? EOF : REAL(fputc)(c, file); }
int putc(int c, FILE *file) { return fault_file("putc", file) ? EOF : REAL(putc)(c, file); }
int fputc_unlocked(int c, FILE *file) { return fault_file("fputc_unlocked", file) ? EOF : REAL(fputc_unlocked)(c, file); }
int vfprintf(FILE *file, const char *format, va_list arguments) {
    return fault_file("vfprintf", file) ? -1 : REAL(vfprintf)(file, format, arguments);
}
int fprintf(FILE *file, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int n = fault_file("fprintf", file) ? -1 : REAL(vfprintf)(file, format, arguments);
    va_end(arguments);
    return n;
}
// What fprintf becomes under _FORTIFY_SOURCE (libxlsxwriter calls this one).
int __fprintf_chk(FILE *file, int flag, const char *format, ...) {
    (void)flag;
    va_list arguments;
    va_start(arguments, format);
    int n = fault_file("__fprintf_chk", file) ? -1 : REAL(vfprintf)(file, format, arguments);
    va_end(arguments);
    return n;
}
int fflush(FILE *file) { return file && fault_file("fflush", file) ? EOF : REAL(fflush)(file); }
int fclose(FILE *file) {
    int failing = fault_file("fclose", file);
    int result = REAL(fclose)(file);
    if (failing) errno = EIO;
    return failing ? EOF : result;
}

int rename(const char *from, const char *to) { return fault_paths("rename", from, to) ? -1 : REAL(rename)(from, to); }
int renameat(int fromdir, const char *from, int todir, const char *to) {
    return fault_paths("renameat", from, to) ? -1 : REAL(renameat)(fromdir, from, todir, to);
}
int renameat2(int fromdir, const char *from, int todir, const char *to, unsigned int flags) {
    if (fault_paths("renameat2", from, to)) return -1;
    if ((flags & RENAME_EXCHANGE) && getenv("FAULT_NO_EXCHANGE")) {
        errno = EINVAL;
        return -1;
    }
    return REAL(renameat2)(fromdir, from, todir, to, flags);
}
