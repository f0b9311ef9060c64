#ifndef TRANSLATE_PIPELINE_CICU_H
#define TRANSLATE_PIPELINE_CICU_H

// ICU-free interface to the system ICU. Only <stdint.h> types appear here, so Swift modules
// that import Foundation (which bundles its own ICU) can import this module safely.
// Every function that can fail takes `status`: 0 is success, negative values are ICU warnings,
// positive values are ICU errors; `cicu_error_name` names them. Functions that fill a buffer
// return the length they need, so callers can preflight with capacity 0.

#include <stdint.h>

// Scripts and digits of characters, for the QA checks.
#include "cicu_script.h"

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

/// 1 when UTF-8 text is in NFC already, 0 when it is not (or on error, set in status).
int32_t cicu_is_nfc(const char *source, int32_t length, int32_t *status);

// MARK: Locale formatting (issue 5: numbers, dates, plurals, messages, lists, names, bidi)
// Locales are BCP 47 tags; a numbering system travels as a Unicode extension
// ("ar-u-nu-latn", "fa-u-nu-arabext"). Text comes in and goes out as UTF-8 unless noted.
// Every `out`/`capacity` pair preflights: capacity 0 returns the length needed (status
// U_BUFFER_OVERFLOW_ERROR), and a call with that capacity fills it.

/// Number styles for `cicu_number_formatter_open`.
enum { CICU_NUMBER_DECIMAL = 0, CICU_NUMBER_PERCENT = 1 };

/// 1 when ICU knows the numbering system (CLDR name such as "latn", "arab", "arabext").
int32_t cicu_numbering_system_is_known(const char *name);

/// A number format for a locale, opened once for many values (opening costs far more than
/// formatting). Opaque; close it with `cicu_number_formatter_close`. Not thread-safe: callers
/// serialise the use of one formatter.
typedef struct cicu_number_formatter cicu_number_formatter;

/// Opens a decimal or percent format (where 0.7 is "70 %") with the given fraction digits (-1
/// keeps the style's default) and grouping on (1) or off (0, for years); NULL on failure.
cicu_number_formatter *cicu_number_formatter_open(const char *locale, int32_t style, int32_t min_fraction,
                                                  int32_t max_fraction, int32_t grouping, int32_t *status);
void cicu_number_formatter_close(cicu_number_formatter *formatter);
int32_t cicu_number_formatter_format(cicu_number_formatter *formatter, double value, char *out,
                                     int32_t capacity, int32_t *status);

/// A date format for a locale and skeleton, opened once for many dates (pattern generator and
/// date format are the expensive part). Opaque; close it with `cicu_date_formatter_close`.
/// Not thread-safe (formatting sets its calendar): callers serialise the use of one formatter.
typedef struct cicu_date_formatter cicu_date_formatter;

/// Opens the locale's best pattern for a CLDR skeleton such as "yMMMM" or "yMMMMd", showing
/// dates in UTC; NULL on failure.
cicu_date_formatter *cicu_date_formatter_open(const char *locale, const char *skeleton, int32_t *status);
void cicu_date_formatter_close(cicu_date_formatter *formatter);
/// Formats a date given as milliseconds since 1970 (UTC).
int32_t cicu_date_formatter_format(cicu_date_formatter *formatter, double millis, char *out,
                                   int32_t capacity, int32_t *status);

/// The CLDR plural category ("zero", "one", "two", "few", "many", "other") of `value` shown
/// with `fraction_digits` visible fraction digits.
int32_t cicu_plural_select(const char *locale, double value, int32_t fraction_digits, char *out,
                           int32_t capacity, int32_t *status);

/// The locale's plural categories, separated by spaces, e.g. "zero one two few many other".
int32_t cicu_plural_keywords(const char *locale, char *out, int32_t capacity, int32_t *status);

/// Formats an ICU MessageFormat pattern with named arguments. `kinds[i]` is 0 for a string
/// argument (`strings[i]`) and 1 for a number (`numbers[i]`). A syntax error sets
/// `*error_offset` (UTF-16 offset in the pattern) when not NULL.
int32_t cicu_message_format(const char *locale, const char *pattern, const char *const *names,
                            const int32_t *kinds, const char *const *strings, const double *numbers,
                            int32_t count, char *out, int32_t capacity, int32_t *error_offset,
                            int32_t *status);

/// Writes the names of the arguments a MessageFormat pattern uses, separated by spaces, and
/// checks that it compiles (a syntax error sets `*error_offset` when not NULL).
int32_t cicu_message_argument_names(const char *locale, const char *pattern, char *out,
                                    int32_t capacity, int32_t *error_offset, int32_t *status);

/// List types for `cicu_list_format`.
enum { CICU_LIST_AND = 0, CICU_LIST_OR = 1, CICU_LIST_UNITS = 2 };

/// Joins `count` items the way the locale writes a list ("A, B und C").
int32_t cicu_list_format(const char *locale, const char *const *items, int32_t count, int32_t type,
                         char *out, int32_t capacity, int32_t *status);

/// The name of the locale `tag` in the language of `display_locale`, capitalised for a menu
/// (e.g. display "fa", tag "fa" -> "فارسی"; display "de", tag "uk" -> "Ukrainisch").
int32_t cicu_locale_display_name(const char *display_locale, const char *tag, char *out,
                                 int32_t capacity, int32_t *status);

/// Compares two strings with the locale's collation: negative, 0 or positive.
int32_t cicu_strings_compare_for_locale(const char *locale, const char *a, int32_t a_length,
                                        const char *b, int32_t b_length, int32_t *status);

/// The Unicode bidi class of a code point, as ICU's UCharDirection number (0 = L, 1 = R,
/// 2 = EN, 3 = ES, 4 = ET, 5 = AN, 6 = CS, 7 = B, 8 = S, 9 = WS, 10 = ON, 11 = LRE, 12 = LRO,
/// 13 = AL, 14 = RLE, 15 = RLO, 16 = PDF, 17 = NSM, 18 = BN, 19 = FSI, 20 = LRI, 21 = RLI,
/// 22 = PDI).
int32_t cicu_bidi_class(uint32_t code_point);

/// The Bidi_Paired_Bracket_Type of a code point (0 none, 1 open, 2 close) and, through
/// `*paired`, its Bidi_Paired_Bracket (the code point itself when it has none).
int32_t cicu_bidi_paired_bracket(uint32_t code_point, uint32_t *paired);

/// Paragraph directions for `cicu_bidi_resolve`.
enum { CICU_BIDI_LTR = 0, CICU_BIDI_RTL = 1, CICU_BIDI_AUTO = 2 };

/// Runs the Unicode Bidirectional Algorithm (UAX #9, through ubidi) over one paragraph of
/// UTF-16 text treated as one line: writes the embedding level of each code unit to `levels`
/// and the logical index shown at each visual position to `visual_to_logical` (both of
/// `length` entries), and the resolved paragraph level to `*paragraph_level`.
void cicu_bidi_resolve(const uint16_t *text, int32_t length, int32_t direction, uint8_t *levels,
                       int32_t *visual_to_logical, int32_t *paragraph_level, int32_t *status);

/// The direction of the first strong character (rules P2–P3 without isolates):
/// 0 left to right, 1 right to left, 2 none.
int32_t cicu_bidi_first_strong(const uint16_t *text, int32_t length);

// MARK: end of locale formatting

// MARK: Sentence breaks and regular expressions (UTF-16 text, offsets in UTF-16 units)

/// Writes the sentence boundaries ICU finds in `text` for the locale (offsets after each
/// sentence, the last one being `length`); returns how many there are.
int32_t cicu_sentence_breaks(const uint16_t *text, int32_t length, const char *locale,
                             int32_t *breaks, int32_t capacity, int32_t *status);

/// Sets in `table` (65,536 bits, bit `unit & 63` of word `unit >> 6`) each UTF-16 code unit
/// without which the locale's sentence break iterator finds no boundary inside a text:
/// sentence terminators (Sentence_Break ATerm, STerm), paragraph separators (Sep, CR, LF)
/// and, to be safe, every surrogate. Returns 1 when the table holds: the locale's iterator
/// runs ICU's root rules, which (UAX #29, rules SB4 and SB11) break only after those
/// characters; 0 when its rules are tailored (Greek's, say) and nothing is known.
int32_t cicu_sentence_boundary_units(const char *locale, uint64_t *table, int32_t *status);

/// A sentence break iterator kept open across texts: opening one per text (as
/// `cicu_sentence_breaks` does) costs more than the iteration for short texts. Used by one
/// thread at a time.
typedef struct cicu_sentence_iterator cicu_sentence_iterator;

cicu_sentence_iterator *cicu_sentence_iterator_open(const char *locale, int32_t *status);
void cicu_sentence_iterator_close(cicu_sentence_iterator *iterator);

/// What `cicu_sentence_breaks` writes for `text`, with an iterator opened once; the text
/// need only stay alive during the call.
int32_t cicu_sentence_iterator_breaks(cicu_sentence_iterator *iterator, const uint16_t *text, int32_t length,
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

/// Like `cicu_regex_matches_at`, with the end of the match in `*match_end` when there is one:
/// the match `cicu_regex_find` reports when it reaches `start`.
int32_t cicu_regex_match_end_at(cicu_regex *regex, int32_t start, int32_t *match_end, int32_t *status);

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
