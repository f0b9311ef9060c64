#ifndef TRANSLATE_PIPELINE_CICU_H
#define TRANSLATE_PIPELINE_CICU_H

// ICU-free interface to the system ICU. Only <stdint.h> types appear here, so Swift modules
// that import Foundation (which bundles its own ICU) can import this module safely.
// Every function that can fail takes `status`: 0 is success, negative values are ICU warnings,
// positive values are ICU errors; `cicu_error_name` names them. Functions that fill a buffer
// return the length they need, so callers can preflight with capacity 0.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The name ICU gives an error code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *cicu_error_name(int32_t status);

/// The ICU version the library was built against, e.g. "72.1".
const char *cicu_version(void);

/// Parses a BCP 47 tag strictly and writes its canonical BCP 47 form.
int32_t cicu_locale_canonical_tag(const char *tag, char *out, int32_t capacity, int32_t *status);

/// Writes the tag with likely subtags added (CLDR likely-subtags), e.g. "fa" -> "fa-Arab-IR".
int32_t cicu_locale_maximize(const char *tag, char *out, int32_t capacity, int32_t *status);

/// 1 when the locale's script is written right to left, per CLDR likely subtags; 0 otherwise.
int32_t cicu_locale_is_right_to_left(const char *tag);

/// 1 when ICU knows the language subtag of the tag (it has an ISO 639 code); 0 otherwise.
int32_t cicu_locale_has_known_language(const char *tag);

/// Converts `length` bytes in `charset` to UTF-8; invalid input is an error, not replaced.
int32_t cicu_convert_to_utf8(const char *charset, const char *source, int32_t length,
                             char *out, int32_t capacity, int32_t *status);

/// 1 when ICU has a converter for the charset name; 0 otherwise.
int32_t cicu_charset_is_known(const char *charset);

/// Writes the NFC form of UTF-8 text.
int32_t cicu_normalize_nfc(const char *source, int32_t length, char *out, int32_t capacity,
                           int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
