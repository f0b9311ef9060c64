// Locale formatting through ICU's C API: numbers, dates by skeleton, plural rules, lists,
// display names and collation. Every function converts the BCP 47 tag to an ICU locale id
// first (so "-u-nu-arabext" reaches ICU as "@numbers=arabext") and writes UTF-8 with
// preflighting (see cicu.h).

#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uldnames.h>
#include <unicode/ulistformatter.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/unumsys.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

/// The ICU locale id of a BCP 47 tag; false (with `*error` set) when the tag does not parse.
static int cicu_locale_id(const char *tag, char *id, int32_t capacity, UErrorCode *error) {
    int32_t parsed = 0;
    uloc_forLanguageTag(tag, id, capacity, &parsed, error);
    if (U_FAILURE(*error)) return 0;
    if (parsed != (int32_t)strlen(tag) || id[0] == '\0') { *error = U_ILLEGAL_ARGUMENT_ERROR; return 0; }
    return 1;
}

/// Writes UTF-16 text as UTF-8; with too small a capacity, returns the length needed and
/// U_BUFFER_OVERFLOW_ERROR.
static int32_t cicu_write_utf8(const UChar *text, int32_t length, char *out, int32_t capacity,
                               UErrorCode *error) {
    int32_t written = 0;
    u_strToUTF8(out, capacity, &written, text, length, error);
    if (*error == U_STRING_NOT_TERMINATED_WARNING) *error = U_ZERO_ERROR;
    return written;
}

/// UTF-8 to a newly allocated UTF-16 string (NUL-terminated); the caller frees it.
static UChar *cicu_utf16(const char *text, int32_t length, int32_t *utf16_length, UErrorCode *error) {
    int32_t needed = 0;
    UErrorCode probe = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, &needed, text, length, &probe);
    if (probe != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(probe)) { *error = probe; return NULL; }
    UChar *buffer = malloc(sizeof(UChar) * (size_t)(needed + 1));
    if (buffer == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strFromUTF8(buffer, needed + 1, utf16_length, text, length, error);
    if (U_FAILURE(*error)) { free(buffer); return NULL; }
    return buffer;
}

enum { CICU_TEXT_CAPACITY = 512 };

struct cicu_number_formatter {
    UNumberFormat *format;
};

cicu_number_formatter *cicu_number_formatter_open(const char *locale, int32_t style, int32_t min_fraction,
                                                  int32_t max_fraction, int32_t grouping, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    if (!cicu_locale_id(locale, id, (int32_t)sizeof id, &error)) { *status = error; return NULL; }
    UNumberFormat *format =
        unum_open(style == CICU_NUMBER_PERCENT ? UNUM_PERCENT : UNUM_DECIMAL, NULL, 0, id, NULL, &error);
    if (U_FAILURE(error)) { *status = error; return NULL; }
    if (min_fraction >= 0) unum_setAttribute(format, UNUM_MIN_FRACTION_DIGITS, min_fraction);
    if (max_fraction >= 0) unum_setAttribute(format, UNUM_MAX_FRACTION_DIGITS, max_fraction);
    unum_setAttribute(format, UNUM_GROUPING_USED, grouping ? 1 : 0);
    cicu_number_formatter *result = (cicu_number_formatter *)malloc(sizeof(cicu_number_formatter));
    if (result == NULL) { unum_close(format); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->format = format;
    *status = error;
    return result;
}

void cicu_number_formatter_close(cicu_number_formatter *formatter) {
    if (formatter == NULL) return;
    unum_close(formatter->format);
    free(formatter);
}

int32_t cicu_number_formatter_format(cicu_number_formatter *formatter, double value, char *out,
                                     int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar text[CICU_TEXT_CAPACITY];
    int32_t length = unum_formatDouble(formatter->format, value, text, CICU_TEXT_CAPACITY, NULL, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t written = cicu_write_utf8(text, length, out, capacity, &error);
    *status = error;
    return written;
}

struct cicu_date_formatter {
    UDateFormat *format;
};

cicu_date_formatter *cicu_date_formatter_open(const char *locale, const char *skeleton, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    if (!cicu_locale_id(locale, id, (int32_t)sizeof id, &error)) { *status = error; return NULL; }
    UChar skeleton16[64];
    int32_t skeletonLength = 0;
    u_strFromUTF8(skeleton16, 64, &skeletonLength, skeleton, -1, &error);
    if (U_FAILURE(error)) { *status = error; return NULL; }
    UDateTimePatternGenerator *generator = udatpg_open(id, &error);
    if (U_FAILURE(error)) { *status = error; return NULL; }
    UChar pattern[128];
    int32_t patternLength = udatpg_getBestPattern(generator, skeleton16, skeletonLength, pattern, 128, &error);
    udatpg_close(generator);
    if (U_FAILURE(error)) { *status = error; return NULL; }
    static const UChar utc[] = {'U', 'T', 'C', 0};
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, id, utc, -1, pattern, patternLength, &error);
    if (U_FAILURE(error)) { *status = error; return NULL; }
    cicu_date_formatter *result = (cicu_date_formatter *)malloc(sizeof(cicu_date_formatter));
    if (result == NULL) { udat_close(format); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->format = format;
    *status = error;
    return result;
}

void cicu_date_formatter_close(cicu_date_formatter *formatter) {
    if (formatter == NULL) return;
    udat_close(formatter->format);
    free(formatter);
}

int32_t cicu_date_formatter_format(cicu_date_formatter *formatter, double millis, char *out,
                                   int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar text[CICU_TEXT_CAPACITY];
    int32_t length = udat_format(formatter->format, millis, text, CICU_TEXT_CAPACITY, NULL, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t written = cicu_write_utf8(text, length, out, capacity, &error);
    *status = error;
    return written;
}

int32_t cicu_plural_select(const char *locale, double value, int32_t fraction_digits, char *out,
                           int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    if (!cicu_locale_id(locale, id, (int32_t)sizeof id, &error)) { *status = error; return 0; }
    UPluralRules *rules = uplrules_open(id, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    // The visible fraction digits change the category ("1" is one, "1.0" is other in English),
    // so select through a number format that shows exactly that many.
    UNumberFormat *format = unum_open(UNUM_DECIMAL, NULL, 0, "en", NULL, &error);
    UChar keyword[32];
    int32_t length = 0;
    if (U_SUCCESS(error)) {
        unum_setAttribute(format, UNUM_MIN_FRACTION_DIGITS, fraction_digits);
        unum_setAttribute(format, UNUM_MAX_FRACTION_DIGITS, fraction_digits);
        length = uplrules_selectWithFormat(rules, value, format, keyword, 32, &error);
        unum_close(format);
    }
    uplrules_close(rules);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t written = cicu_write_utf8(keyword, length, out, capacity, &error);
    *status = error;
    return written;
}

int32_t cicu_plural_keywords(const char *locale, char *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    if (!cicu_locale_id(locale, id, (int32_t)sizeof id, &error)) { *status = error; return 0; }
    UPluralRules *rules = uplrules_open(id, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    UEnumeration *keywords = uplrules_getKeywords(rules, &error);
    char joined[256] = {0};
    int32_t used = 0;
    const char *keyword;
    int32_t keywordLength = 0;
    while (U_SUCCESS(error) && (keyword = uenum_next(keywords, &keywordLength, &error)) != NULL) {
        if (used + keywordLength + 2 >= (int32_t)sizeof joined) break;
        if (used > 0) joined[used++] = ' ';
        memcpy(joined + used, keyword, (size_t)keywordLength);
        used += keywordLength;
    }
    uenum_close(keywords);
    uplrules_close(rules);
    if (U_FAILURE(error)) { *status = error; return 0; }
    if (used > capacity) { *status = U_BUFFER_OVERFLOW_ERROR; return used; }
    memcpy(out, joined, (size_t)used);
    *status = U_ZERO_ERROR;
    return used;
}

int32_t cicu_list_format(const char *locale, const char *const *items, int32_t count, int32_t type,
                         char *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    if (!cicu_locale_id(locale, id, (int32_t)sizeof id, &error)) { *status = error; return 0; }
    if (count < 0) { *status = U_ILLEGAL_ARGUMENT_ERROR; return 0; }
    UListFormatterType listType = type == CICU_LIST_OR ? ULISTFMT_TYPE_OR
        : type == CICU_LIST_UNITS ? ULISTFMT_TYPE_UNITS : ULISTFMT_TYPE_AND;
    UListFormatter *formatter = ulistfmt_openForType(id, listType, ULISTFMT_WIDTH_WIDE, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    UChar **strings = calloc((size_t)count + 1, sizeof(UChar *));
    int32_t *lengths = calloc((size_t)count + 1, sizeof(int32_t));
    int32_t written = 0;
    if (strings == NULL || lengths == NULL) error = U_MEMORY_ALLOCATION_ERROR;
    for (int32_t i = 0; i < count && U_SUCCESS(error); i++) {
        strings[i] = cicu_utf16(items[i], -1, &lengths[i], &error);
    }
    if (U_SUCCESS(error)) {
        UErrorCode probe = U_ZERO_ERROR;
        int32_t needed = ulistfmt_format(formatter, (const UChar *const *)strings, lengths, count, NULL, 0, &probe);
        if (probe != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(probe)) {
            error = probe;
        } else {
            UChar *text = malloc(sizeof(UChar) * (size_t)(needed + 1));
            if (text == NULL) {
                error = U_MEMORY_ALLOCATION_ERROR;
            } else {
                int32_t length = ulistfmt_format(formatter, (const UChar *const *)strings, lengths, count, text, needed + 1, &error);
                if (U_SUCCESS(error)) written = cicu_write_utf8(text, length, out, capacity, &error);
                free(text);
            }
        }
    }
    if (strings != NULL) for (int32_t i = 0; i < count; i++) free(strings[i]);
    free(strings);
    free(lengths);
    ulistfmt_close(formatter);
    *status = error;
    return U_FAILURE(error) && error != U_BUFFER_OVERFLOW_ERROR ? 0 : written;
}

int32_t cicu_locale_display_name(const char *display_locale, const char *tag, char *out,
                                 int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    char displayID[ULOC_FULLNAME_CAPACITY];
    char id[ULOC_FULLNAME_CAPACITY];
    if (!cicu_locale_id(display_locale, displayID, (int32_t)sizeof displayID, &error)
        || !cicu_locale_id(tag, id, (int32_t)sizeof id, &error)) {
        *status = error;
        return 0;
    }
    UDisplayContext contexts[] = {UDISPCTX_CAPITALIZATION_FOR_UI_LIST_OR_MENU, UDISPCTX_DIALECT_NAMES};
    ULocaleDisplayNames *names = uldn_openForContext(displayID, contexts, 2, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    UChar text[CICU_TEXT_CAPACITY];
    int32_t length = uldn_localeDisplayName(names, id, text, CICU_TEXT_CAPACITY, &error);
    uldn_close(names);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t written = cicu_write_utf8(text, length, out, capacity, &error);
    *status = error;
    return written;
}

int32_t cicu_strings_compare_for_locale(const char *locale, const char *a, int32_t a_length,
                                        const char *b, int32_t b_length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    if (!cicu_locale_id(locale, id, (int32_t)sizeof id, &error)) { *status = error; return 0; }
    UCollator *collator = ucol_open(id, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    UCollationResult result = ucol_strcollUTF8(collator, a, a_length, b, b_length, &error);
    ucol_close(collator);
    *status = error;
    return U_FAILURE(error) ? 0 : (int32_t)result;
}

int32_t cicu_numbering_system_is_known(const char *name) {
    UErrorCode error = U_ZERO_ERROR;
    UNumberingSystem *system = unumsys_openByName(name, &error);
    if (U_FAILURE(error) || system == NULL) return 0;
    unumsys_close(system);
    return 1;
}
