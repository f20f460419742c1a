#ifndef CLIBZIP_SHIM_H
#define CLIBZIP_SHIM_H
#include <zip.h>
/* ZIP_SOURCE_SUPPORTS_READABLE is a macro expression: not importable into Swift. */
static inline zip_int64_t clibzip_supports_readable(void) { return ZIP_SOURCE_SUPPORTS_READABLE; }
#endif
