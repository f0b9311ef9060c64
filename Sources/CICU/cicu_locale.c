#include "cicu.h"

#include <string.h>
#include <unicode/uloc.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const char *cicu_version(void) { return U_ICU_VERSION; }

int32_t cicu_locale_canonical_tag(const char *tag, char *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    char localeID[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    uloc_forLanguageTag(tag, localeID, (int32_t)sizeof localeID, &parsed, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    // A tag ICU parsed only in part ("de_DE", "de-DE-x") is not well-formed BCP 47.
    if (parsed != (int32_t)strlen(tag) || localeID[0] == '\0') {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    int32_t length = uloc_toLanguageTag(localeID, out, capacity, /*strict*/ 1, &error);
    *status = error;
    return length;
}

int32_t cicu_locale_maximize(const char *tag, char *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    char localeID[ULOC_FULLNAME_CAPACITY];
    char maximized[ULOC_FULLNAME_CAPACITY];
    uloc_forLanguageTag(tag, localeID, (int32_t)sizeof localeID, NULL, &error);
    uloc_addLikelySubtags(localeID, maximized, (int32_t)sizeof maximized, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t length = uloc_toLanguageTag(maximized, out, capacity, 0, &error);
    *status = error;
    return length;
}

int32_t cicu_locale_is_right_to_left(const char *tag) {
    UErrorCode error = U_ZERO_ERROR;
    char localeID[ULOC_FULLNAME_CAPACITY];
    uloc_forLanguageTag(tag, localeID, (int32_t)sizeof localeID, NULL, &error);
    if (U_FAILURE(error)) return 0;
    // uloc_isRightToLeft adds likely subtags itself when the script is missing.
    return uloc_isRightToLeft(localeID) ? 1 : 0;
}

int32_t cicu_locale_has_known_language(const char *tag) {
    UErrorCode error = U_ZERO_ERROR;
    char localeID[ULOC_FULLNAME_CAPACITY];
    uloc_forLanguageTag(tag, localeID, (int32_t)sizeof localeID, NULL, &error);
    if (U_FAILURE(error)) return 0;
    const char *iso3 = uloc_getISO3Language(localeID);
    return (iso3 != NULL && iso3[0] != '\0') ? 1 : 0;
}
