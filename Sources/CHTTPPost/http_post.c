// libcurl through dlopen: posting to Slack twice a day should not cost every run of plan the
// loading of libcurl and its thirty libraries (TLS, Kerberos, LDAP, ...), nor a build-time
// dependency on libcurl's headers. The option numbers below are libcurl's stable ABI (curl.h,
// checked against libcurl 7.88's header).
#include "plan_http_post.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_POSTFIELDS = 10015, OPT_HTTPHEADER = 10023, OPT_HEADERDATA = 10029,
    OPT_POSTFIELDSIZE = 60, OPT_NOSIGNAL = 99, OPT_TIMEOUT_MS = 155, OPT_PROTOCOLS = 181, OPT_REDIR_PROTOCOLS = 182,
    OPT_WRITEFUNCTION = 20011, OPT_HEADERFUNCTION = 20079,
    INFO_RESPONSE_CODE = 0x200002, INFO_REQUEST_SIZE = 0x20000C, INFO_PRETRANSFER_TIME = 0x300006, INFO_SIZE_UPLOAD_T = 0x600007,
    PROTO_HTTP = 1, PROTO_HTTPS = 2, GLOBAL_DEFAULT = 3,
    E_OK = 0, E_COULDNT_RESOLVE_PROXY = 5, E_COULDNT_RESOLVE_HOST = 6, E_COULDNT_CONNECT = 7,
    E_OPERATION_TIMEDOUT = 28, E_SSL_CONNECT_ERROR = 35, E_PEER_FAILED_VERIFICATION = 60, E_SSL_CACERT_BADFILE = 77,
};

typedef void CURL;
struct curl_slist;
typedef size_t (*write_callback)(char *, size_t, size_t, void *);

static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    int loaded;
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    curl.global_init = (int (*)(long))dlsym(library, "curl_global_init");
    curl.easy_init = (CURL * (*)(void)) dlsym(library, "curl_easy_init");
    curl.easy_setopt = (int (*)(CURL *, int, ...))dlsym(library, "curl_easy_setopt");
    curl.easy_perform = (int (*)(CURL *))dlsym(library, "curl_easy_perform");
    curl.easy_getinfo = (int (*)(CURL *, int, ...))dlsym(library, "curl_easy_getinfo");
    curl.easy_cleanup = (void (*)(CURL *))dlsym(library, "curl_easy_cleanup");
    curl.slist_append = (struct curl_slist * (*)(struct curl_slist *, const char *)) dlsym(library, "curl_slist_append");
    curl.slist_free_all = (void (*)(struct curl_slist *))dlsym(library, "curl_slist_free_all");
    if (!curl.global_init || !curl.easy_init || !curl.easy_setopt || !curl.easy_perform || !curl.easy_getinfo
        || !curl.easy_cleanup || !curl.slist_append || !curl.slist_free_all) return;
    if (curl.global_init(GLOBAL_DEFAULT) != E_OK) return;
    curl.loaded = 1;
}

/// Keeps the first bytes of the body, NUL-terminated; the rest is read and dropped.
static size_t keep_body(char *data, size_t size, size_t count, void *context) {
    plan_http_answer *answer = context;
    size_t length = strlen(answer->body), room = sizeof answer->body - 1 - length, bytes = size * count;
    size_t kept = bytes < room ? bytes : room;
    memcpy(answer->body + length, data, kept);
    answer->body[length + kept] = 0;
    return bytes;
}

/// Keeps the value of a `Retry-After` header line (the last one, if several responses came).
static size_t keep_retry_after(char *line, size_t size, size_t count, void *context) {
    plan_http_answer *answer = context;
    size_t bytes = size * count;
    static const char name[] = "retry-after:";
    if (bytes > sizeof name - 1 && strncasecmp(line, name, sizeof name - 1) == 0) {
        size_t start = sizeof name - 1, end = bytes;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) start++;
        while (end > start && (line[end - 1] == '\r' || line[end - 1] == '\n' || line[end - 1] == ' ')) end--;
        size_t length = end - start < sizeof answer->retry_after - 1 ? end - start : sizeof answer->retry_after - 1;
        memcpy(answer->retry_after, line + start, length);
        answer->retry_after[length] = 0;
    }
    return bytes;
}

static int transport_kind(int code) {
    switch (code) {
    case E_OPERATION_TIMEDOUT: return PLAN_HTTP_TIMED_OUT;
    case E_COULDNT_CONNECT: return PLAN_HTTP_CONNECT_FAILED;
    case E_COULDNT_RESOLVE_HOST: case E_COULDNT_RESOLVE_PROXY: return PLAN_HTTP_HOST_NOT_FOUND;
    case E_SSL_CONNECT_ERROR: case E_PEER_FAILED_VERIFICATION: case E_SSL_CACERT_BADFILE: return PLAN_HTTP_TLS_FAILED;
    default: return PLAN_HTTP_OTHER;
    }
}

void plan_http_post(const char *url, const char *body, size_t body_length, long timeout_ms, plan_http_answer *answer) {
    memset(answer, 0, sizeof *answer);
    pthread_once(&load_once, load);
    if (!curl.loaded) {
        answer->transport = PLAN_HTTP_NO_LIBCURL;
        return;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        answer->transport = PLAN_HTTP_OTHER;
        return;
    }
    struct curl_slist *headers = curl.slist_append(NULL, "Content-Type: application/json; charset=utf-8");
    // No "Expect: 100-continue" round trip before the body.
    headers = curl.slist_append(headers, "Expect:");
    curl.easy_setopt(handle, OPT_URL, url);
    curl.easy_setopt(handle, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, OPT_HTTPHEADER, headers);
    curl.easy_setopt(handle, OPT_POSTFIELDSIZE, (long)body_length);
    curl.easy_setopt(handle, OPT_POSTFIELDS, body);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, (write_callback)keep_body);
    curl.easy_setopt(handle, OPT_WRITEDATA, answer);
    curl.easy_setopt(handle, OPT_HEADERFUNCTION, (write_callback)keep_retry_after);
    curl.easy_setopt(handle, OPT_HEADERDATA, answer);
    int code = curl.easy_perform(handle);
    // Whether the request may have reached the server: the connection was made (and TLS agreed)
    // and sending began. Any of the three says so; libcurl sets them even when the transfer fails.
    long request_size = 0;
    double pretransfer = 0;
    long long uploaded = 0;
    curl.easy_getinfo(handle, INFO_REQUEST_SIZE, &request_size);
    curl.easy_getinfo(handle, INFO_PRETRANSFER_TIME, &pretransfer);
    curl.easy_getinfo(handle, INFO_SIZE_UPLOAD_T, &uploaded);
    answer->sent = request_size > 0 || pretransfer > 0 || uploaded > 0;
    long status = 0;
    if (code == E_OK && curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &status) == E_OK && status > 0) {
        answer->transport = PLAN_HTTP_ANSWERED;
        answer->status = status;
    } else {
        answer->transport = code == E_OK ? PLAN_HTTP_OTHER : transport_kind(code);
        answer->body[0] = 0;
        answer->retry_after[0] = 0;
    }
    curl.slist_free_all(headers);
    curl.easy_cleanup(handle);
}
