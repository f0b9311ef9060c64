// Character properties for the QA checks: scripts (uscript) and decimal digits of any script.

#include "cicu_script.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

int32_t cicu_script_of(uint32_t code_point, char *out, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)code_point, &error);
    if (U_FAILURE(error)) return 0;
    const char *name = uscript_getShortName(script);
    if (name == NULL) return 0;
    int32_t length = (int32_t)strlen(name);
    if (length > capacity) return 0;
    memcpy(out, name, (size_t)length);
    return length;
}

int32_t cicu_script_has(uint32_t code_point, const char *script) {
    int32_t code = u_getPropertyValueEnum(UCHAR_SCRIPT, script);
    if (code == UCHAR_INVALID_CODE) return 0;
    return uscript_hasScript((UChar32)code_point, (UScriptCode)code) ? 1 : 0;
}

int32_t cicu_digit_value(uint32_t code_point) {
    if (u_charType((UChar32)code_point) != U_DECIMAL_DIGIT_NUMBER) return -1;
    return u_charDigitValue((UChar32)code_point);
}

int32_t cicu_script_long_name(const char *script, char *out, int32_t capacity) {
    int32_t code = u_getPropertyValueEnum(UCHAR_SCRIPT, script);
    if (code == UCHAR_INVALID_CODE) return 0;
    const char *name = u_getPropertyValueName(UCHAR_SCRIPT, code, U_LONG_PROPERTY_NAME);
    if (name == NULL) return 0;
    int32_t length = (int32_t)strlen(name);
    if (length > capacity) return 0;
    memcpy(out, name, (size_t)length);
    return length;
}
