#ifndef PLAN_HTTP_POST_H
#define PLAN_HTTP_POST_H

#include <stddef.h>

/// What one POST got back. `transport` is 0 when an HTTP answer arrived (`status` and the rest are
/// then set), else one of the PLAN_HTTP_* kinds below.
typedef struct {
    int transport;
    /// 1 when the connection was made and the request went out (or began to): from then on a
    /// failure does not mean the server did not receive it.
    int sent;
    long status;
    /// The `Retry-After` header's value, NUL-terminated (empty when absent), at most 63 bytes.
    char retry_after[64];
    /// The start of the body, NUL-terminated, at most 511 bytes.
    char body[512];
} plan_http_answer;

enum {
    PLAN_HTTP_ANSWERED = 0,
    /// libcurl could not be loaded (libcurl4 is not installed).
    PLAN_HTTP_NO_LIBCURL = 1,
    PLAN_HTTP_TIMED_OUT = 2,
    PLAN_HTTP_CONNECT_FAILED = 3,
    PLAN_HTTP_HOST_NOT_FOUND = 4,
    PLAN_HTTP_TLS_FAILED = 5,
    PLAN_HTTP_OTHER = 6,
};

/// POSTs `body` (`body_length` bytes, `Content-Type: application/json; charset=utf-8`) to `url`
/// (http or https only; redirects are not followed) within `timeout_ms` for the whole request,
/// through libcurl loaded on first use, so that a process that never posts never loads it.
/// Thread-safe.
void plan_http_post(const char *url, const char *body, size_t body_length, long timeout_ms, plan_http_answer *answer);

#endif
