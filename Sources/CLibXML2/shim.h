#ifndef TRANSLATE_PIPELINE_CLIBXML2_SHIM_H
#define TRANSLATE_PIPELINE_CLIBXML2_SHIM_H

// Debian's libxml2 headers include ICU when LIBXML_ICU_ENABLED is set; the Swift module that
// imports this must not see ICU (Foundation bundles its own), so the flag is dropped first.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

// `xmlFree` is a mutable global function pointer, which Swift 6 rejects; call it through this.
static inline void cltp_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
