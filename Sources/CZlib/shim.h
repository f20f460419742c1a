#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>
/* deflateInit2 is a macro (it passes ZLIB_VERSION and sizeof(z_stream)): not importable into
   Swift. Raw deflate (windowBits -15: no zlib header or trailer), as a zip entry stores it. */
static inline int czlib_deflate_init_raw(z_stream *stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}
/* inflateInit2 likewise, for tests that check a raw deflate stream. */
static inline int czlib_inflate_init_raw(z_stream *stream) {
  return inflateInit2(stream, -15);
}
#endif
