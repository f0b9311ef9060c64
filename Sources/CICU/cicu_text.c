#include "cicu.h"

#include <stdlib.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int32_t cicu_convert_to_utf8(const char *charset, const char *source, int32_t length,
                             char *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    // Stop on illegal or unmappable input instead of inserting U+FFFD silently.
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    int32_t utf16Length = ucnv_toUChars(converter, NULL, 0, source, length, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING) {
        error = U_ZERO_ERROR;
    }
    if (U_FAILURE(error)) { ucnv_close(converter); *status = error; return 0; }
    UChar *utf16 = malloc(sizeof(UChar) * (size_t)(utf16Length + 1));
    if (utf16 == NULL) { ucnv_close(converter); *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    ucnv_resetToUnicode(converter);
    ucnv_toUChars(converter, utf16, utf16Length + 1, source, length, &error);
    int32_t written = 0;
    if (U_SUCCESS(error)) {
        error = U_ZERO_ERROR;
        u_strToUTF8(out, capacity, &written, utf16, utf16Length, &error);
    }
    free(utf16);
    ucnv_close(converter);
    *status = error;
    return written;
}

int32_t cicu_charset_is_known(const char *charset) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) return 0;
    ucnv_close(converter);
    return 1;
}

int32_t cicu_normalize_nfc(const char *source, int32_t length, char *out, int32_t capacity,
                           int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) { *status = error; return 0; }

    int32_t utf16Length = 0;
    u_strFromUTF8(NULL, 0, &utf16Length, source, length, &error);
    if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) { *status = error; return 0; }
    error = U_ZERO_ERROR;
    UChar *utf16 = malloc(sizeof(UChar) * (size_t)(utf16Length + 1));
    UChar *normalized = malloc(sizeof(UChar) * (size_t)(2 * utf16Length + 16));
    if (utf16 == NULL || normalized == NULL) {
        free(utf16); free(normalized);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return 0;
    }
    u_strFromUTF8(utf16, utf16Length + 1, NULL, source, length, &error);
    int32_t normalizedLength =
        unorm2_normalize(nfc, utf16, utf16Length, normalized, 2 * utf16Length + 16, &error);
    int32_t written = 0;
    if (U_SUCCESS(error)) {
        u_strToUTF8(out, capacity, &written, normalized, normalizedLength, &error);
    }
    free(utf16);
    free(normalized);
    *status = error;
    return written;
}

int32_t cicu_is_nfc(const char *source, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    // UTF-8 never takes fewer code units than UTF-16: `length` units hold the text. Short
    // texts (most memory entries) need no allocation.
    UChar stackBuffer[512];
    UChar *utf16 = length <= 512 ? stackBuffer : malloc(sizeof(UChar) * (size_t)length);
    if (utf16 == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    int32_t utf16Length = 0;
    u_strFromUTF8(utf16, length, &utf16Length, source, length, &error);
    UBool normalized = U_SUCCESS(error) ? unorm2_isNormalized(nfc, utf16, utf16Length, &error) : 0;
    if (utf16 != stackBuffer) free(utf16);
    *status = error;
    return U_SUCCESS(error) && normalized ? 1 : 0;
}
