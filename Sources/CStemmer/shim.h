#ifndef TRANSLATE_PIPELINE_CSTEMMER_SHIM_H
#define TRANSLATE_PIPELINE_CSTEMMER_SHIM_H

// Snowball's C stemmers (Debian: libstemmer-dev), used for German term recognition and for
// target-language term checks. The header has no pkg-config file, so the module links
// `stemmer` by name.
#include <libstemmer.h>

#endif
