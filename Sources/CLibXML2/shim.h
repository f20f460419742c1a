#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; encoding.h then includes the system ICU headers, whose
   UErrorCode clashes with Foundation's own ICU copy on clean debug builds. RedThread never
   touches xmlCharEncodingHandler's fields, so the ICU parts are not needed. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/dict.h>
#include <libxml/xmlerror.h>

/* xmlFree is a C global variable, which Swift 6 refuses to read. */
static inline void clibxml2_free(void *p) { xmlFree(p); }

/* xmlGenericErrorFunc is variadic: Swift cannot define one, so the no-op lives here. */
static inline void clibxml2_noop_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void clibxml2_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, clibxml2_noop_error);
  xmlThrDefSetGenericErrorFunc(NULL, clibxml2_noop_error);
}

/* A process-wide external-entity loader that refuses every load (file, http, ftp). */
static xmlParserInputPtr clibxml2_refuse_entity(const char *url, const char *id,
                                                xmlParserCtxtPtr ctxt) {
  (void)url; (void)id; (void)ctxt;
  return NULL;
}
static inline void clibxml2_refuse_external_entities(void) {
  xmlSetExternalEntityLoader(clibxml2_refuse_entity);
}
#endif
