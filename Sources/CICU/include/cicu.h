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

// MARK: Sentence breaks and regular expressions (UTF-16 text, offsets in UTF-16 units)

/// Writes the sentence boundaries ICU finds in `text` for the locale (offsets after each
/// sentence, the last one being `length`); returns how many there are.
int32_t cicu_sentence_breaks(const uint16_t *text, int32_t length, const char *locale,
                             int32_t *breaks, int32_t capacity, int32_t *status);

/// The number of words in `text` by ICU's word break rules (segments that hold letters,
/// numbers or ideographs; spaces and punctuation do not count).
int32_t cicu_word_count(const uint16_t *text, int32_t length, const char *locale, int32_t *status);

/// A compiled ICU regular expression (the syntax SRX 2.0 prescribes). Not thread-safe: use
/// one per thread, or `cicu_regex_clone`.
typedef struct cicu_regex cicu_regex;

/// Compiles a UTF-8 pattern; `case_insensitive` non-zero for UREGEX_CASE_INSENSITIVE.
/// On a syntax error, `*error_offset` is the UTF-16 offset in the pattern.
cicu_regex *cicu_regex_open(const char *pattern, int32_t case_insensitive, int32_t *error_offset,
                            int32_t *status);
cicu_regex *cicu_regex_clone(const cicu_regex *regex, int32_t *status);
void cicu_regex_close(cicu_regex *regex);

/// Sets the text to search; the text must stay alive while the regex uses it.
void cicu_regex_set_text(cicu_regex *regex, const uint16_t *text, int32_t length, int32_t *status);

/// Finds the next match starting at or after `start`; 1 when found (with its bounds), 0 when not.
int32_t cicu_regex_find(cicu_regex *regex, int32_t start, int32_t *match_start, int32_t *match_end,
                        int32_t *status);

/// 1 when the pattern matches at `start` (anchored there, not necessarily to the end).
int32_t cicu_regex_matches_at(cicu_regex *regex, int32_t start, int32_t *status);

// MARK: Collation (glossary) — cicu_collation.c

/// A collator for one locale's sort order (ucol). Opaque; close it with `cicu_collator_close`.
typedef struct cicu_collator cicu_collator;

cicu_collator *cicu_collator_open(const char *locale, int32_t *status);
void cicu_collator_close(cicu_collator *collator);

/// Writes the sort key of UTF-16 `text` (compare keys bytewise, memcmp order); returns the
/// length it needs including the final zero byte, so callers can preflight with capacity 0.
int32_t cicu_collator_sort_key(const cicu_collator *collator, const uint16_t *text, int32_t length,
                               uint8_t *out, int32_t capacity);

// MARK: end of collation

#ifdef __cplusplus
}
#endif

#endif
