// The Unicode Bidirectional Algorithm (UAX #9) through ICU's ubidi.

#include "cicu.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>

int32_t cicu_bidi_class(uint32_t code_point) { return (int32_t)u_charDirection((UChar32)code_point); }

void cicu_bidi_resolve(const uint16_t *text, int32_t length, int32_t direction, uint8_t *levels,
                       int32_t *visual_to_logical, int32_t *paragraph_level, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(length, 0, &error);
    if (U_FAILURE(error)) { *status = error; return; }
    UBiDiLevel level = direction == CICU_BIDI_RTL ? 1 : direction == CICU_BIDI_LTR ? 0 : UBIDI_DEFAULT_LTR;
    ubidi_setPara(bidi, (const UChar *)text, length, level, NULL, &error);
    if (U_SUCCESS(error)) {
        *paragraph_level = ubidi_getParaLevel(bidi);
        // ubidi_getLevels applies rule L1 (trailing whitespace and separators to the
        // paragraph level) over the paragraph as one line.
        const UBiDiLevel *resolved = ubidi_getLevels(bidi, &error);
        if (U_SUCCESS(error)) {
            for (int32_t i = 0; i < length; i++) levels[i] = resolved[i];
            ubidi_getVisualMap(bidi, visual_to_logical, &error);
        }
    }
    ubidi_close(bidi);
    *status = error;
}

int32_t cicu_bidi_first_strong(const uint16_t *text, int32_t length) {
    switch (ubidi_getBaseDirection((const UChar *)text, length)) {
    case UBIDI_LTR: return 0;
    case UBIDI_RTL: return 1;
    default: return 2;
    }
}

int32_t cicu_bidi_paired_bracket(uint32_t code_point, uint32_t *paired) {
    *paired = (uint32_t)u_getBidiPairedBracket((UChar32)code_point);
    switch (u_getIntPropertyValue((UChar32)code_point, UCHAR_BIDI_PAIRED_BRACKET_TYPE)) {
    case U_BPT_OPEN: return 1;
    case U_BPT_CLOSE: return 2;
    default: return 0;
    }
}
