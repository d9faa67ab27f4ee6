/*
 * How fast can any deflate decoder inflate the zlib data of one full-frame 1080p ZRLE update?
 * Times zlib (what the JDK's Inflater calls), Intel ISA-L and libdeflate over each file given, checks that all three
 * produce the same bytes, and prints one Markdown table row per file and decoder (median of the runs).
 * Built and run by bench/inflate-floor.sh.
 */
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#define RUNS 21
#define CHUNK 65536
#define MAX_OUT (32u << 20)

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* zlib, streaming with Z_SYNC_FLUSH into 64 KiB pieces, as the RFB client feeds java.util.zip.Inflater. */
static size_t with_zlib(const unsigned char *in, size_t n, unsigned char *out) {
    z_stream s;
    memset(&s, 0, sizeof s);
    if (inflateInit(&s) != Z_OK) return 0;
    s.next_in = (unsigned char *)in;
    s.avail_in = (uInt)n;
    size_t total = 0;
    for (;;) {
        s.next_out = out + total;
        s.avail_out = CHUNK;
        int rc = inflate(&s, Z_SYNC_FLUSH);
        total += CHUNK - s.avail_out;
        if (rc != Z_OK || s.avail_out != 0 || total + CHUNK > MAX_OUT) break;
    }
    inflateEnd(&s);
    return total;
}

/* ISA-L, streaming into 64 KiB pieces (it keeps the 32 KiB window itself, as a stateful RFB stream needs). */
static size_t with_isal(const unsigned char *in, size_t n, unsigned char *out) {
    struct inflate_state st;
    isal_inflate_init(&st);
    st.crc_flag = ISAL_ZLIB;
    st.next_in = (unsigned char *)in;
    st.avail_in = (uint32_t)n;
    size_t total = 0;
    for (;;) {
        st.next_out = out + total;
        st.avail_out = CHUNK;
        int rc = isal_inflate(&st);
        total += CHUNK - st.avail_out;
        if (rc != ISAL_DECOMP_OK || st.avail_out != 0 || total + CHUNK > MAX_OUT) break;
    }
    return total;
}

/*
 * libdeflate, whole buffer only: it cannot continue a stream across updates, so it could not serve an RFB client;
 * it stands here as the fastest known deflate decoder. The data ends in a sync flush, not a final block, so the
 * caller appends an empty final block (bits 1, 01, then end-of-block: bytes 0x03 0x00).
 */
static size_t with_libdeflate(const unsigned char *in, size_t n, unsigned char *out) {
    static struct libdeflate_decompressor *d;
    if (!d) d = libdeflate_alloc_decompressor();
    size_t got = 0;
    if (libdeflate_deflate_decompress(d, in + 2, n - 2 + 2, out, MAX_OUT, &got) != LIBDEFLATE_SUCCESS) return 0;
    return got;
}

typedef size_t (*inflater)(const unsigned char *, size_t, unsigned char *);

int main(int argc, char **argv) {
    static const char *names[] = {"zlib " ZLIB_VERSION, "ISA-L", "libdeflate"};
    static const inflater fns[] = {with_zlib, with_isal, with_libdeflate};
    unsigned char *reference = malloc(MAX_OUT), *out = malloc(MAX_OUT);
    printf("| content | decoder | output bytes | ms/frame (median of %d) | frames/s |\n|---|---|---:|---:|---:|\n", RUNS);
    for (int a = 1; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        if (!f) { perror(argv[a]); return 1; }
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        rewind(f);
        unsigned char *in = malloc(n + 2);
        if (fread(in, 1, n, f) != (size_t)n) { fprintf(stderr, "%s: short read\n", argv[a]); return 1; }
        fclose(f);
        in[n] = 0x03;
        in[n + 1] = 0x00;
        size_t expected = with_zlib(in, n, reference);
        const char *base = strrchr(argv[a], '/') ? strrchr(argv[a], '/') + 1 : argv[a];
        for (int d = 0; d < 3; d++) {
            double t[RUNS];
            size_t got = 0;
            for (int r = 0; r < RUNS; r++) {
                double t0 = now_ms();
                got = fns[d](in, n, out);
                t[r] = now_ms() - t0;
            }
            if (got != expected || memcmp(out, reference, expected) != 0) {
                fprintf(stderr, "%s: %s inflated %zu bytes that differ from zlib's %zu\n", base, names[d], got, expected);
                return 1;
            }
            qsort(t, RUNS, sizeof t[0], cmp_double);
            printf("| %.*s | %s | %zu | %.1f | %.0f |\n", (int)(strlen(base) - 5), base, names[d], got, t[RUNS / 2],
                   1000.0 / t[RUNS / 2]);
        }
        free(in);
    }
    return 0;
}
