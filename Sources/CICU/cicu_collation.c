#include "cicu.h"

#include <stdlib.h>
#include <unicode/ucol.h>

// Collation for sorting glossary terms the way readers of a language expect (glossary review
// sheets). A UCollator is opaque to Swift; callers own it and close it.

struct cicu_collator {
    UCollator *collator;
};

cicu_collator *cicu_collator_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UCollator *collator = ucol_open(locale, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    cicu_collator *result = (cicu_collator *)malloc(sizeof(cicu_collator));
    if (result == NULL) { ucol_close(collator); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->collator = collator;
    return result;
}

void cicu_collator_close(cicu_collator *collator) {
    if (collator == NULL) return;
    ucol_close(collator->collator);
    free(collator);
}

int32_t cicu_collator_sort_key(const cicu_collator *collator, const uint16_t *text, int32_t length,
                               uint8_t *out, int32_t capacity) {
    return ucol_getSortKey(collator->collator, (const UChar *)text, length, out, capacity);
}
